"""Reassignment of open tasks (issue 3): the ketua or the registry (panitera) of a commission
names who is to do one open task of a case, or moves every task named for a staff member who
leaves to one colleague. Each move is a `PengalihanTugas` row.

viewflow routes work and never owns the state: a reassignment only sets the task's owner
(`Task.owner`, status ASSIGNED). The case's status, history rows and deadlines stay as they
are, so an open transition form on someone's case page stays valid. Whoever fires the next
transition still goes through its service, which closes the task as done by them and lets
the Switch open the next task (workflows.rute).

The name does not carry over to that next task. A reassignment is a decision about one piece
of work, taken for a reason (leave, workload, a conflict); the next task usually belongs to
another kind of holder (registry -> ketua -> majelis), and even when it does not, carrying the
name over silently would take the new task out of the colleagues' queue without anyone having
decided so. It opens unassigned in the role queue, as every task does; the ketua or the
registry reassigns it again if the reason still holds.

Lock order is the one of the transitions (rute.py): the case's process rows, then the task.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from sengketa import izin
from sengketa.galat import KesalahanProsedur, PrasyaratTidakTerpenuhi, TidakBerwenang, tidak_valid
from sengketa.models import Sengketa
from sengketa.peran import Peran

from ..kantor import selectors as sel
from ..models import PengalihanTugas
from ..rute import TUGAS_TERBUKA, kunci_proses
from . import validasi as v

# Who may reassign: the chair and the registry of the case's commission (not a PP, not a
# commissioner: they hold tasks, they do not hand them out).
PERAN_PENGALIH = (Peran.KETUA, Peran.PANITERA)
MAKS_ALASAN = 2000
_BELUM_DIPERIKSA = object()


def boleh_mengalihkan(pengguna, komisi_id: int) -> bool:
    return any(izin.punya_peran(pengguna, peran, komisi_id) for peran in PERAN_PENGALIH)


def komisi_pengalih(pengguna) -> frozenset[int]:
    """The commissions whose tasks this user may reassign (the bulk page, the menu)."""
    if not sel.adalah_staf(pengguna):
        return frozenset()
    return frozenset().union(*(sel.komisi_dengan_peran(pengguna, p) for p in PERAN_PENGALIH))


def pastikan_boleh(oleh, komisi_id: int) -> None:
    if oleh is None or not boleh_mengalihkan(oleh, komisi_id):
        raise TidakBerwenang(
            _("Only the chair or the registrar of the commission may reassign a task.")
        )


def nama_pengguna(u) -> str:
    return (u.get_full_name() or u.get_username()) if u else ""


def judul_tugas(tugas: Task) -> str:
    return str(tugas.flow_task.task_title)


def label_pemegang(nama_tugas: str) -> str:
    from ..kantor.views import LABEL_PEMEGANG

    return ", ".join(str(LABEL_PEMEGANG[j]) for j in sel.PEMEGANG_TUGAS.get(nama_tugas, ()))


def alasan_tidak_sah(ke, sengketa: Sengketa, tugas: Task) -> str | None:
    """Why `ke` may not hold this task of this case, or None when they may."""
    nama = tugas.flow_task.name
    if sel.pemegang_sah(sengketa, nama).filter(pk=ke.pk).exists():
        return None
    return _(
        "%(nama)s may not do the task “%(tugas)s” of this case: it belongs to %(pemegang)s."
    ) % {"nama": nama_pengguna(ke), "tugas": judul_tugas(tugas), "pemegang": label_pemegang(nama)}


def _sengketa_dari_tugas(tugas_id) -> int:
    sengketa_id = (
        Task.objects.filter(pk=tugas_id, flow_task_type="HUMAN")
        .values_list(f"{sel._KE_SENGKETA}_id", flat=True)
        .first()
    )
    if sengketa_id is None:
        raise tidak_valid("tugas", _("Unknown task."))
    return sengketa_id


def _pastikan_terbuka(tugas: Task, sengketa: Sengketa) -> None:
    if tugas.status not in TUGAS_TERBUKA:
        raise PrasyaratTidakTerpenuhi(
            [
                (
                    "tugas_sudah_selesai",
                    _("This task is already closed: the case has moved on. Reload the case page."),
                )
            ],
            transisi="alihkan_tugas",
            status=sengketa.status,
        )


def _alihkan(tugas: Task, sengketa: Sengketa, ke, oleh, alasan: str, massal: bool):
    dari_id = tugas.owner_id
    tugas.owner = ke
    if tugas.status == STATUS.NEW:
        tugas.status = STATUS.ASSIGNED
    tugas.assigned = timezone.now()
    tugas.save(update_fields=["owner", "status", "assigned"])
    return PengalihanTugas.objects.create(
        tugas=tugas,
        sengketa=sengketa,
        dari_id=dari_id,
        ke=ke,
        oleh=oleh,
        alasan=alasan,
        massal=massal,
    )


@transaction.atomic
def tugas_alihkan(
    *, tugas_id: int, ke, oleh, alasan: str, pemilik_kini=_BELUM_DIPERIKSA
) -> PengalihanTugas:
    """Name `ke` for one open task. `pemilik_kini`: the owner id the user saw (None: the role
    queue); when given and no longer true, the form was stale (a second click, or a colleague
    reassigned the task meanwhile) and nothing is changed."""
    sengketa_id = _sengketa_dari_tugas(tugas_id)
    kunci_proses(sengketa_id)
    tugas = Task.objects.select_for_update(of=("self",)).select_related("owner").get(pk=tugas_id)
    sengketa = Sengketa.objects.select_related("komisi").get(pk=sengketa_id)
    pastikan_boleh(oleh, sengketa.komisi_id)
    _pastikan_terbuka(tugas, sengketa)
    if pemilik_kini is not _BELUM_DIPERIKSA and pemilik_kini != tugas.owner_id:
        raise KesalahanProsedur(
            _(
                "This task was reassigned meanwhile (it is now with %(nama)s); reload the page "
                "and check before reassigning it again."
            )
            % {"nama": nama_pengguna(tugas.owner) or _("the role queue")},
            kode="konflik_bersamaan",
        )
    ke = v.pengguna("ke", ke)
    alasan = v.teks("alasan", alasan, maks=MAKS_ALASAN)
    if ke.pk == tugas.owner_id:
        raise tidak_valid(
            "ke", _("The task is already assigned to %(nama)s.") % {"nama": nama_pengguna(ke)}
        )
    galat = alasan_tidak_sah(ke, sengketa, tugas)
    if galat:
        raise tidak_valid("ke", galat)
    return _alihkan(tugas, sengketa, ke, oleh, alasan, massal=False)


def pengguna_mana_saja(medan: str, nilai):
    """The person who leaves may already be deactivated: any user, by instance, id or name."""
    User = get_user_model()
    if isinstance(nilai, User):
        return nilai
    cari = {"pk": nilai} if isinstance(nilai, int) else {"username": nilai}
    if nilai not in (None, "") and (found := User.objects.filter(**cari).first()):
        return found
    raise tidak_valid(medan, _("Unknown user."))


@transaction.atomic
def tugas_alihkan_massal(
    *, komisi_id: int, dari, ke, oleh, alasan: str, tugas_ids: list[int]
) -> list[PengalihanTugas]:
    """Move every open task named for `dari` in this commission to `ke`, all or nothing.

    `tugas_ids` are the tasks the confirmation page listed: if the list changed since (a
    second click, a colleague's reassignment, a transition), nothing is moved and the page
    is shown again. A task `ke` may not hold refuses the whole move, with every such task
    named, so the registry reassigns those one by one first."""
    pastikan_boleh(oleh, komisi_id)
    dari = pengguna_mana_saja("dari", dari)
    ke = v.pengguna("ke", ke)
    alasan = v.teks("alasan", alasan, maks=MAKS_ALASAN)
    if ke.pk == dari.pk:
        raise tidak_valid("ke", _("Choose someone other than the person whose tasks move."))
    kasus_ids = sel.tugas_milik(dari, komisi_id).values_list("sengketa_id", flat=True)
    for sengketa_id in sorted(set(kasus_ids)):
        kunci_proses(sengketa_id)  # in id order: two bulk moves never deadlock
    tugas = list(sel.tugas_milik(dari, komisi_id).select_for_update(of=("self",)).order_by("pk"))
    if not tugas:
        raise PrasyaratTidakTerpenuhi(
            [
                (
                    "tidak_ada_tugas",
                    _("%(nama)s holds no open task of this commission any more.")
                    % {"nama": nama_pengguna(dari)},
                )
            ],
            transisi="alihkan_tugas_massal",
        )
    if sorted(t.pk for t in tugas) != sorted(int(i) for i in tugas_ids):
        raise KesalahanProsedur(
            _("The list of tasks changed since it was shown; review it again before confirming."),
            kode="konflik_bersamaan",
        )
    kasus = Sengketa.objects.select_related("komisi").in_bulk([t.sengketa_id for t in tugas])
    tidak_sah = [
        (f"bukan_pemegang:{t.pk}", galat)
        for t in tugas
        if (galat := alasan_tidak_sah(ke, kasus[t.sengketa_id], t))
    ]
    if tidak_sah:
        raise PrasyaratTidakTerpenuhi(tidak_sah, transisi="alihkan_tugas_massal")
    return [_alihkan(t, kasus[t.sengketa_id], ke, oleh, alasan, massal=True) for t in tugas]
