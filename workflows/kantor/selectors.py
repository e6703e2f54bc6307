"""Read queries of the back office: open tasks, who holds them, deadlines per case.

Every list is built in a fixed number of queries whatever its length (tests assert it): the
nearest open deadline is a subquery annotation and the parties are prefetched per page.
"""

from django.contrib.auth import get_user_model
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from sengketa import izin
from sengketa.models import (
    KodeTenggat,
    Penugasan,
    PeranPenugasan,
    Sengketa,
    StatusTenggat,
    Tenggat,
)
from sengketa.models.status import STATUS_AKHIR
from sengketa.peran import PERAN_STAF, Peran
from sengketa.selectors import sengketa_terlihat

from ..rute import TUGAS_TERBUKA

# Who holds the task of each status (alur.TUGAS_PER_STATUS), in the kinds of authority of
# sengketa.izin, so the queue follows the same rule as the permission to act.
PEMEGANG_TUGAS = {
    "periksa_berkas": (izin.PANITERA,),
    "tunggu_kelengkapan": (izin.PANITERA,),
    "pasca_putusan": (izin.PANITERA,),
    "keberatan_pengadilan": (izin.PANITERA,),
    "tetapkan_majelis": (izin.KETUA,),
    "pemeriksaan_awal": (izin.KETUA_MAJELIS, izin.PP),
    "ajudikasi": (izin.KETUA_MAJELIS, izin.PP),
    "musyawarah": (izin.KETUA_MAJELIS, izin.PP),
    "mediasi": (izin.MEDIATOR, izin.PP),
}

_PERAN_PENUGASAN = {
    izin.KETUA_MAJELIS: PeranPenugasan.KETUA_MAJELIS,
    izin.PP: PeranPenugasan.PANITERA_PENGGANTI,
    izin.MEDIATOR: PeranPenugasan.MEDIATOR,
}

_KE_SENGKETA = "process__prosessengketa__sengketa"


def adalah_staf(pengguna) -> bool:
    """A staff role (not `pihak`) and an active membership of some commission."""
    if not (pengguna.is_authenticated and pengguna.is_active):
        return False
    peran = izin.grup_peran(pengguna) & {p.value for p in PERAN_STAF}
    return bool(peran) and bool(izin.komisi_pengguna(pengguna))


def komisi_dengan_peran(pengguna, peran: str) -> frozenset[int]:
    """The commissions where this user holds `peran` (roles are global groups)."""
    if peran not in izin.grup_peran(pengguna):
        return frozenset()
    return izin.komisi_pengguna(pengguna)


def _alur():
    from ..alur import AlurSengketa

    return AlurSengketa


def _q_wewenang(pengguna, jenis: str, awalan: str) -> Q:
    """Cases (reached through `awalan`) on which the user has this kind of authority."""
    if jenis == izin.PANITERA:
        # The registry of the commission, or the PP of this very case (izin._memenuhi).
        panitera = Q(**{f"{awalan}__komisi_id__in": komisi_dengan_peran(pengguna, Peran.PANITERA)})
        return panitera | _q_wewenang(pengguna, izin.PP, awalan)
    if jenis == izin.KETUA:
        return Q(**{f"{awalan}__komisi_id__in": komisi_dengan_peran(pengguna, Peran.KETUA)})
    penugasan = Penugasan.objects.filter(
        pengguna=pengguna, aktif=True, peran=_PERAN_PENUGASAN[jenis]
    ).values("sengketa_id")
    return Q(**{f"{awalan}_id__in": penugasan})


def tugas_terbuka() -> QuerySet[Task]:
    """Open human tasks of the case flow, with the case id and the sort keys annotated."""
    terdekat = Tenggat.objects.terbuka().filter(sengketa_id=OuterRef("sengketa_id"))
    terdekat = terdekat.order_by("tanggal", "id")
    return (
        Task.objects.filter(
            process__flow_class=_alur(),
            flow_task_type="HUMAN",
            status__in=TUGAS_TERBUKA,
        )
        .annotate(
            sengketa_id=F(f"{_KE_SENGKETA}_id"),
            tanggal_diterima=F(f"{_KE_SENGKETA}__tanggal_diterima"),
            tenggat_tanggal=Subquery(terdekat.values("tanggal")[:1]),
            tenggat_kode=Subquery(terdekat.values("kode")[:1]),
            tenggat_status=Subquery(terdekat.values("status")[:1]),
        )
        .select_related("owner")
        .order_by("pk")
    )


def tugas_selesai_oleh(pengguna) -> QuerySet[Task]:
    """Archive: the human tasks this user completed (the transition's actor is recorded as
    the task's owner by workflows.rute), newest first, of cases the user may still see."""
    if not adalah_staf(pengguna):
        return Task.objects.none()
    return (
        Task.objects.filter(
            process__flow_class=_alur(),
            flow_task_type="HUMAN",
            status=STATUS.DONE,
            owner=pengguna,
            **{f"{_KE_SENGKETA}__in": sengketa_terlihat(pengguna)},
        )
        .annotate(sengketa_id=F(f"{_KE_SENGKETA}_id"))
        .order_by("-finished", "-pk")
    )


def tugas_terlihat(pengguna) -> QuerySet[Task]:
    """Inbox: every open task of the cases this user may see (staff only: a party follows
    its cases on the portal)."""
    if not adalah_staf(pengguna):
        return Task.objects.none()
    return tugas_terbuka().filter(**{f"{_KE_SENGKETA}__in": sengketa_terlihat(pengguna)})


def tugas_untuk(pengguna) -> QuerySet[Task]:
    """Queue: the open tasks this user holds by role or assignment (PEMEGANG_TUGAS), as long
    as nobody else was named for them, and the tasks named for this user (a reassignment by
    the ketua or the registry, workflows.layanan.pengalihan). A task named for someone who is
    no longer active comes back to the role queue, so a departure never strands work.

    Only staff hold tasks; a party acts through the portal and the API."""
    if not adalah_staf(pengguna):
        return Task.objects.none()
    alur = _alur()
    syarat = Q(pk__in=[])
    for nama, jenis_daftar in PEMEGANG_TUGAS.items():
        wewenang = Q(pk__in=[])
        for jenis in jenis_daftar:
            wewenang |= _q_wewenang(pengguna, jenis, _KE_SENGKETA)
        syarat |= Q(flow_task=getattr(alur, nama)) & wewenang
    tanpa_pemilik = Q(owner__isnull=True) | Q(owner__is_active=False)
    return tugas_terlihat(pengguna).filter((syarat & tanpa_pemilik) | Q(owner=pengguna))


def pemegang_sah(sengketa: Sengketa, nama_tugas: str) -> QuerySet:
    """The people who may hold this task of this case: the authority kinds of PEMEGANG_TUGAS,
    checked as sengketa.izin checks them (role + active membership of the case's commission,
    or an active appointment to the case). Used for the choices of a reassignment and by the
    service that refuses anyone else (one rule for both)."""
    User = get_user_model()
    syarat = Q(pk__in=[])
    for jenis in PEMEGANG_TUGAS.get(nama_tugas, ()):
        syarat |= _q_pemegang(jenis, sengketa)
    return User.objects.filter(syarat, is_active=True).order_by("first_name", "username")


def _q_pemegang(jenis: str, sengketa: Sengketa) -> Q:
    if jenis in (izin.PANITERA, izin.KETUA):
        peran = Peran.PANITERA if jenis == izin.PANITERA else Peran.KETUA
        anggota = get_user_model().objects.filter(
            groups__name=peran,
            keanggotaan_komisi__komisi_id=sengketa.komisi_id,
            keanggotaan_komisi__aktif=True,
        )
        q = Q(pk__in=anggota.values("pk"))
        # izin: the PP of this very case counts as the registry for it.
        return q | _q_pemegang(izin.PP, sengketa) if jenis == izin.PANITERA else q
    penugasan = Penugasan.objects.filter(
        sengketa_id=sengketa.pk, aktif=True, peran=_PERAN_PENUGASAN[jenis]
    )
    return Q(pk__in=penugasan.values("pengguna_id"))


def tugas_milik(pengguna, komisi_id: int) -> QuerySet[Task]:
    """Open tasks of the case flow named for this person (a reassignment), in the cases of
    one commission: what moves when they leave."""
    return Task.objects.filter(
        process__flow_class=_alur(),
        flow_task_type="HUMAN",
        status__in=TUGAS_TERBUKA,
        owner=pengguna,
        **{f"{_KE_SENGKETA}__komisi_id": komisi_id},
    ).annotate(sengketa_id=F(f"{_KE_SENGKETA}_id"))


def pemilik_tugas(komisi_id: int) -> list[tuple[object, int]]:
    """Everyone with open tasks named for them in this commission, with how many: the
    choices of the bulk reassignment page (a deactivated account included)."""
    jumlah = dict(
        Task.objects.filter(
            process__flow_class=_alur(),
            flow_task_type="HUMAN",
            status__in=TUGAS_TERBUKA,
            owner__isnull=False,
            **{f"{_KE_SENGKETA}__komisi_id": komisi_id},
        )
        .values_list("owner_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    orang = get_user_model().objects.filter(pk__in=jumlah).order_by("first_name", "username")
    return [(u, jumlah[u.pk]) for u in orang]


URUTAN = {
    "tenggat": (F("tenggat_tanggal").asc(nulls_last=True), "pk"),
    "diterima": ("tanggal_diterima", "pk"),
    "-diterima": (F("tanggal_diterima").desc(), "-pk"),
}


def urutkan(qs: QuerySet, kunci: str) -> QuerySet:
    return qs.order_by(*URUTAN.get(kunci, URUTAN["tenggat"]))


def sengketa_untuk_baris(ids) -> dict[int, Sengketa]:
    """The cases of one page of rows, with their parties, in two queries."""
    kasus = Sengketa.objects.filter(pk__in=list(ids)).select_related("komisi")
    return {s.pk: s for s in kasus.prefetch_related("pihak")}


# -- deadline dashboard ----------------------------------------------------------------


def sengketa_terbuka_staf(pengguna) -> QuerySet[Sengketa]:
    """Open cases of the user's commissions, each with its nearest open deadline."""
    if not adalah_staf(pengguna):
        return Sengketa.objects.none()
    terdekat = (
        Tenggat.objects.terbuka().filter(sengketa_id=OuterRef("pk")).order_by("tanggal", "id")
    )
    return (
        sengketa_terlihat(pengguna)
        .filter(komisi_id__in=izin.komisi_pengguna(pengguna))
        .exclude(status__in=STATUS_AKHIR)
        .annotate(
            tenggat_tanggal=Subquery(terdekat.values("tanggal")[:1]),
            tenggat_kode=Subquery(terdekat.values("kode")[:1]),
            tenggat_status=Subquery(terdekat.values("status")[:1]),
        )
        .select_related("komisi")
        .prefetch_related("pihak")
        .order_by(F("tenggat_tanggal").asc(nulls_last=True), "pk")
    )


def jumlah_lewat_penyelesaian(sengketa_qs: QuerySet[Sengketa]) -> int:
    """Cases past the 100 HK of UU 14/2008 Pasal 38(2): open `penyelesaian` deadline overdue."""
    return (
        Tenggat.objects.terbuka()
        .filter(
            sengketa__in=sengketa_qs.values("pk"),
            kode=KodeTenggat.PENYELESAIAN,
            status=StatusTenggat.TERLEWAT,
        )
        .values("sengketa_id")
        .distinct()
        .count()
    )
