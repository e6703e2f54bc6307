"""Read queries of the back office: open tasks, who holds them, deadlines per case.

The lists (inbox, queue, deadline dashboard) are lists of running cases, each with the open
task of its status: a page and its count are read from the partial indexes of the running
cases (`sengketa_berjalan_tenggat` by the stored nearest deadline `tenggat_terdekat`, kept by
workflows.layanan.tenggat; `sengketa_berjalan_diterima` by date received), and what a row
shows beside the case is computed for the rows of the page only (`untuk_baris`). Every list
is built in a fixed number of queries whatever its length or page size (tests assert it).
"""

import functools
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Concat, NullIf, Trim
from django.db.models.lookups import IsNull
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from sengketa import izin
from sengketa.kueri_terkompilasi import KueriTerkompilasi
from sengketa.models import (
    KodeTenggat,
    Penugasan,
    PeranPenugasan,
    Pihak,
    Sengketa,
    StatusTenggat,
    Tenggat,
)
from sengketa.models.sengketa import STATUS_BERJALAN
from sengketa.peran import PERAN_STAF, Peran
from sengketa.selectors import sengketa_terlihat

from ..models import PengalihanTugas
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


def komisioner_aktif(komisi_id) -> QuerySet:
    """The commissioners and the chair of a commission: active accounts with an active
    membership (the choices of the majelis and of the deadline dashboard's filter)."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__name__in=(Peran.KOMISIONER, Peran.KETUA),
            keanggotaan_komisi__komisi_id=komisi_id,
            keanggotaan_komisi__aktif=True,
        )
        .distinct()
    )


def komisi_dengan_peran(pengguna, peran: str) -> frozenset[int]:
    """The commissions where this user holds `peran` (roles are global groups)."""
    if peran not in izin.grup_peran(pengguna):
        return frozenset()
    return izin.komisi_pengguna(pengguna)


def _alur():
    from ..alur import AlurSengketa

    return AlurSengketa


@dataclass(frozen=True)
class Dipegang:
    """What a user holds beyond their roles, read in one query: the kinds of active
    appointment (izin.KETUA_MAJELIS, izin.PP, izin.MEDIATOR), and whether any open task is
    named for someone at all. The queue's rule leaves out what is not there: a test that
    cannot match still costs a lookup for every running case the count reads."""

    penugasan: frozenset[str]
    ada_bernama: bool


def dipegang(pengguna) -> Dipegang:
    baris = _dipegang(pengguna.pk)
    nilai = dict(zip((*_PERAN_PENUGASAN, "ada_bernama"), baris[0], strict=True)) if baris else {}
    return Dipegang(
        penugasan=frozenset(j for j in _PERAN_PENUGASAN if nilai.get(j)),
        ada_bernama=bool(nilai.get("ada_bernama")),
    )


def _kueri_dipegang(pk) -> QuerySet:
    ada = {
        jenis: Exists(Penugasan.objects.filter(pengguna=OuterRef("pk"), aktif=True, peran=peran))
        for jenis, peran in _PERAN_PENUGASAN.items()
    }
    bernama = PengalihanTugas.objects.filter(
        tugas__flow_task_type="HUMAN", tugas__status__in=TUGAS_TERBUKA, tugas__owner__is_active=True
    )
    return (
        get_user_model()
        .objects.filter(pk=pk)
        .annotate(ada_bernama=Exists(bernama), **ada)
        .order_by()
        .values_list(*ada, "ada_bernama")
    )


# Every queue page asks it: compiled once per process (sengketa.kueri_terkompilasi).
_dipegang = KueriTerkompilasi(get_user_model(), _kueri_dipegang)


def _q_pemegang_kasus(pengguna, dipegang: Dipegang, *, per_baris: bool) -> Q:
    """The running cases whose open task this user holds by role or assignment
    (PEMEGANG_TUGAS), as a condition on the case itself: the task of a running case is the one
    of its status (alur.TUGAS_PER_STATUS), so "holds the task" is "holds a status of it here".
    Each authority is one indexable test (a commission, or the user's active appointments of
    one kind), with the statuses whose tasks it holds.

    `per_baris`: the appointments are looked up case by case, for a page that reads a few
    dozen cases from the index; otherwise they are read once into a hash (IN), for the count
    that tests every running case. A PP holds thousands (every case of a decade), so the
    page should not read them all."""
    from ..alur import TUGAS_PER_STATUS

    status_per_jenis: dict[str, list[str]] = {}
    for status, nama in TUGAS_PER_STATUS.items():
        for jenis in PEMEGANG_TUGAS[nama]:
            status_per_jenis.setdefault(jenis, []).append(status)
    # izin._memenuhi: the PP of this very case counts as its registry.
    status_per_jenis[izin.PP] = [
        *status_per_jenis.get(izin.PP, []),
        *status_per_jenis.get(izin.PANITERA, []),
    ]
    syarat = Q(pk__in=[])
    for jenis, peran in ((izin.PANITERA, Peran.PANITERA), (izin.KETUA, Peran.KETUA)):
        komisi = komisi_dengan_peran(pengguna, peran)
        if komisi:
            syarat |= _q_status(status_per_jenis[jenis]) & Q(komisi_id__in=komisi)
    for jenis, peran in _PERAN_PENUGASAN.items():
        if jenis not in dipegang.penugasan:
            continue
        ditugaskan = Penugasan.objects.filter(pengguna=pengguna, aktif=True, peran=peran)
        if per_baris:
            # A scalar subquery, which PostgreSQL runs case by case; an EXISTS it would turn
            # into the same hash of every appointment as the IN below.
            satu = ditugaskan.filter(sengketa_id=OuterRef("pk")).order_by().values("pk")[:1]
            ditunjuk = Q(IsNull(Subquery(satu), False))
        else:
            ditunjuk = Q(pk__in=ditugaskan.values("sengketa_id"))
        syarat |= _q_status(status_per_jenis[jenis]) & ditunjuk
    return syarat


def _q_status(status: list[str]) -> Q:
    """`status in status`, among running cases (the lists' own filter), written with the
    fewer strings: the count tests it for every running case, and eight string comparisons
    per case cost more than the lookup beside it (the PP holds all statuses but one)."""
    sisanya = sorted(set(STATUS_BERJALAN) - set(status))
    if len(sisanya) < len(status):
        return ~Q(status__in=sisanya)
    return Q(status__in=sorted(status))


def _kasus_tugas_bernama(pengguna, *, milik_sendiri: bool) -> QuerySet:
    """The cases whose open task is named for an active person: this user, or someone else.

    Only a reassignment names the holder of an open task (workflows.layanan.pengalihan, which
    records each one; workflows.rute names the actor only as it completes the task, and the
    flow's nodes have no `.Assign()`), so the candidates are the reassigned tasks, and their
    current owner, status and the owner's account are read on the task itself. Looking for
    owners among all open tasks read every one of them (20,000 at 100,000 cases)."""
    bernama = PengalihanTugas.objects.filter(
        tugas__flow_task_type="HUMAN", tugas__status__in=TUGAS_TERBUKA, tugas__owner__is_active=True
    )
    if milik_sendiri:
        bernama = bernama.filter(tugas__owner=pengguna)
    else:
        bernama = bernama.exclude(tugas__owner=pengguna)
    return bernama.order_by().values("sengketa_id")


def tugas_terbuka() -> QuerySet[Task]:
    """Open human tasks of the case flow, with the case id annotated."""
    return (
        Task.objects.filter(
            process__flow_class=_alur(),
            flow_task_type="HUMAN",
            status__in=TUGAS_TERBUKA,
        )
        .annotate(sengketa_id=F(f"{_KE_SENGKETA}_id"))
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


def kasus_bertugas(pengguna) -> QuerySet[Sengketa]:
    """Inbox: the running cases this user may see (staff only: a party follows its cases on
    the portal). Each has one open task, the one of its status (alur.TUGAS_PER_STATUS): the
    inbox lists the cases and shows their task, so it is paged and counted on the cases'
    own index (`sengketa_berjalan_tenggat`) instead of joining every open task to its case."""
    if not adalah_staf(pengguna):
        return Sengketa.objects.none()
    return sengketa_terlihat(pengguna).filter(status__in=STATUS_BERJALAN)


@dataclass(frozen=True)
class Antrean:
    """The queue's cases in two forms of one rule: `halaman` to read a page from the index,
    `hitung` to count them (see `_q_pemegang_kasus`)."""

    halaman: QuerySet[Sengketa]
    hitung: QuerySet[Sengketa]


def antrean(pengguna) -> Antrean:
    """Queue: the running cases whose open task this user holds by role or assignment
    (PEMEGANG_TUGAS), as long as nobody else was named for it, and those whose task was named
    for this user (a reassignment by the ketua or the registry, workflows.layanan.pengalihan).
    A task named for someone who is no longer active comes back to the role queue, so a
    departure never strands work.

    Only staff hold tasks; a party acts through the portal and the API."""
    if not adalah_staf(pengguna):
        kosong = Sengketa.objects.none()
        return Antrean(kosong, kosong)
    yang_dipegang = dipegang(pengguna)

    def kasus(per_baris: bool) -> QuerySet[Sengketa]:
        syarat = _q_pemegang_kasus(pengguna, yang_dipegang, per_baris=per_baris)
        if yang_dipegang.ada_bernama:
            milik_lain = _kasus_tugas_bernama(pengguna, milik_sendiri=False)
            milik_sendiri = _kasus_tugas_bernama(pengguna, milik_sendiri=True)
            syarat = (syarat & ~Q(pk__in=milik_lain)) | Q(pk__in=milik_sendiri)
        return kasus_bertugas(pengguna).filter(syarat)

    return Antrean(halaman=kasus(per_baris=True), hitung=kasus(per_baris=False))


def kasus_antrean(pengguna) -> QuerySet[Sengketa]:
    """The queue's cases (`antrean`), in one queryset."""
    return antrean(pengguna).hitung


def tugas_terlihat(pengguna) -> QuerySet[Task]:
    """The open tasks of the inbox's cases (kasus_bertugas)."""
    return tugas_terbuka().filter(**{f"{_KE_SENGKETA}__in": kasus_bertugas(pengguna)})


def tugas_untuk(pengguna) -> QuerySet[Task]:
    """The open tasks of the queue's cases (kasus_antrean): the tasks this user holds."""
    return tugas_terbuka().filter(**{f"{_KE_SENGKETA}__in": kasus_antrean(pengguna)})


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


# Orders of the case lists: each is the order of a partial index of the running cases
# (sengketa_berjalan_tenggat, sengketa_berjalan_diterima), so a page is read from it.
URUTAN = {
    "tenggat": (F("tenggat_terdekat").asc(nulls_last=True), "pk"),
    "diterima": ("tanggal_diterima", "pk"),
    "-diterima": ("-tanggal_diterima", "-pk"),
}


def urutkan(qs: QuerySet[Sengketa], kunci: str) -> QuerySet[Sengketa]:
    return qs.order_by(*URUTAN.get(kunci, URUTAN["tenggat"]))


def sengketa_untuk_baris(ids) -> dict[int, Sengketa]:
    """The cases of one page of rows, with their parties, in two queries."""
    kasus = Sengketa.objects.filter(pk__in=list(ids)).select_related("komisi")
    return {s.pk: s for s in kasus.prefetch_related("pihak")}


# The case's own columns a row of the lists reads (views._kolom_daftar, the row templates)
# and the lists' orders (URUTAN).
KOLOM_BARIS = (
    "id",
    "komisi_id",
    "status",
    "nomor_register",
    "tanggal_diterima",
    "tenggat_terdekat",
)


def untuk_baris(qs: QuerySet[Sengketa]) -> QuerySet[Sengketa]:
    """Everything a row of the lists shows beside the case, as subqueries of the page's own
    query: the names of the applicant and the respondent, the person the case's open task
    was named for, the kind and light of the nearest running deadline. PostgreSQL evaluates
    them for the rows of the page only (read from the index, or after the sort when there is
    one); a count leaves them out. One query for a page, whatever its size.

    The task itself is the one of the case's status (alur.TUGAS_PER_STATUS): its kind needs
    no lookup among the tasks; only a reassigned one has a holder to name (see
    `_kasus_tugas_bernama` for why the reassignments are where to look)."""
    # Only the columns a row shows (and the lists' orders): a case has some fifty, and
    # turning all of them into a page of instances cost more than the page's query.
    return qs.only(*KOLOM_BARIS).annotate(**_anotasi_baris())


@functools.cache
def _anotasi_baris() -> dict[str, Subquery]:
    """The subqueries of `untuk_baris`, built once per process: annotate() resolves a copy
    of each and leaves these as they are, and building them cost a page more than its
    query's planning."""
    nama = get_user_model().objects.annotate(
        nama=Coalesce(
            NullIf(Trim(Concat("first_name", Value(" "), "last_name")), Value("")), "username"
        )
    )
    pemilik = PengalihanTugas.objects.filter(
        sengketa_id=OuterRef("pk"),
        tugas__flow_task_type="HUMAN",
        tugas__status__in=TUGAS_TERBUKA,
        tugas__owner__is_active=True,
    ).order_by("-id")
    pemilik = pemilik.annotate(
        nama=Subquery(nama.filter(pk=OuterRef("tugas__owner_id")).values("nama")[:1])
    )
    tenggat = (
        Tenggat.objects.terbuka()
        .filter(sengketa_id=OuterRef("pk"), tanggal=OuterRef("tenggat_terdekat"))
        .order_by("id")
    )
    return {
        "nama_pemohon": _nama_pihak("pemohon"),
        "nama_termohon": _nama_pihak("termohon"),
        "tugas_pemilik": Subquery(pemilik.values("nama")[:1]),
        "tenggat_kode": Subquery(tenggat.values("kode")[:1]),
        "tenggat_status": Subquery(tenggat.values("status")[:1]),
    }


def _nama_pihak(peran: str) -> Subquery:
    pihak = Pihak.objects.filter(sengketa_id=OuterRef("pk"), peran=peran).order_by("id")
    return Subquery(pihak.values("nama")[:1])


# -- deadline dashboard ----------------------------------------------------------------


def sengketa_terbuka_staf(pengguna) -> QuerySet[Sengketa]:
    """Running cases of the user's commissions, nearest deadline first."""
    if not adalah_staf(pengguna):
        return Sengketa.objects.none()
    return urutkan(
        kasus_bertugas(pengguna).filter(komisi_id__in=izin.komisi_pengguna(pengguna)), "tenggat"
    )


def keadaan_tenggat_terdekat(keadaan: str) -> Exists:
    """The case's nearest running deadline shows this light (the daily sweep's status)."""
    return Exists(
        Tenggat.objects.terbuka().filter(
            sengketa_id=OuterRef("pk"), tanggal=OuterRef("tenggat_terdekat"), status=keadaan
        )
    )


def jumlah_lewat_penyelesaian(sengketa_qs: QuerySet[Sengketa]) -> int:
    """Cases past the 100 HK of UU 14/2008 Pasal 38(2): open `penyelesaian` deadline overdue
    (one per case: tenggat_unik_per_kasus). Read from the partial index of those rows."""
    lewat = Tenggat.objects.terbuka().filter(
        kode=KodeTenggat.PENYELESAIAN, status=StatusTenggat.TERLEWAT
    )
    # The cases first, as a list (few: a commission keeps most within the 100 HK): as a
    # subquery, PostgreSQL estimated the partial index's rows from the columns' statistics
    # (2,454 where there were 23 at 100,000 cases) and hashed every running case to join
    # them; given the ids it looks up each case by its key.
    kasus = list(lewat.values_list("sengketa_id", flat=True))
    return sengketa_qs.order_by().filter(pk__in=kasus).count() if kasus else 0
