"""Reads of the public pages (no login): hearing calendar, ruling directory, case tracker.

What the public may see is decided here and in the domain (dokumen.selectors.publikasi_aktif,
dokumen.samaran), never in a template: a hearing of a registered case with the applicant
masked as the publication rules mask it; a published rendition and nothing else; the status
and hearing dates of a case by its register number, without a name.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from dokumen.format import tanggal_panjang
from dokumen.models import Publikasi
from dokumen.samaran import nama_publik, peta_dari, samarkan_teks, usulan
from dokumen.selectors import publikasi_aktif
from sengketa.kalender import NAMA_HARI, format_tanggal
from sengketa.models import Kuasa, Pihak, Sengketa, Sidang, StatusSengketa, StatusSidang
from sengketa.waktu import hari_ini, singkatan_zona, zona

# A hearing is public once the case is registered; cancelled hearings are not shown.
STATUS_SIDANG_PUBLIK = (StatusSidang.DIJADWALKAN, StatusSidang.DITUNDA, StatusSidang.SELESAI)
STATUS_BELUM_TEREGISTRASI = (
    StatusSengketa.DITERIMA,
    StatusSengketa.MENUNGGU_KELENGKAPAN,
    StatusSengketa.TIDAK_DIREGISTRASI,
)
HARI_KE_DEPAN = 60  # how far the list of upcoming hearings looks
# The iCal feed's window and its ceiling, so that it stays small whatever the commission's
# load (a commission holds a few hearings a week; 1,000 is months of a busy one).
HARI_ICAL_LALU, HARI_ICAL_DEPAN = 14, 91
MAKS_ICAL = 1000


def sengketa_publik() -> QuerySet[Sengketa]:
    """Cases the public may know about: registered ones (they have a register number)."""
    return Sengketa.objects.exclude(nomor_register="").exclude(status__in=STATUS_BELUM_TEREGISTRASI)


@dataclass(frozen=True)
class SidangPublik:
    pk: int
    tanggal: date
    hari_tanggal: str  # "Rabu, 20 Maret 2024"
    pukul: str  # "09.00–11.00 WITA"
    mulai: datetime  # aware, in the commission's zone
    selesai: datetime
    komisi: str
    komisi_kode: str
    zona: str  # the commission's zone name, "Asia/Makassar"
    nomor_register: str
    pemohon: str  # masked when an individual
    termohon: str
    jenis: str
    agenda: str
    tempat: str  # room and place, or "online"
    daring: bool
    status: str
    status_label: str


def _peta_per_sengketa(sengketa: list[Sengketa]) -> dict[int, dict[str, str]]:
    """The masking map of each case: that of its live publication if there is one (the
    calendar then agrees with the published ruling), else the default map."""
    peta = {s.pk: peta_dari(usulan(s)) for s in sengketa}
    for pub in publikasi_aktif().filter(sengketa__in=[s.pk for s in sengketa]).order_by("id"):
        peta[pub.sengketa_id] = peta_dari(pub.samaran)
    return peta


def _tempat(s: Sidang) -> str:
    tempat = ", ".join(x for x in (s.ruang, s.tempat) if x)
    if s.daring:
        # The link is for the parties (it is in their summons), not for a public page.
        return _("Online") + (f" ({tempat})" if tempat else "")
    return tempat or "-"


def _baris(s: Sidang, peta: dict[str, str]) -> SidangPublik:
    k = s.sengketa.komisi
    tz = zona(k.zona_waktu)
    mulai, selesai = s.mulai.astimezone(tz), s.selesai_rencana.astimezone(tz)
    jenis = s.get_jenis_display()
    agenda = s.agenda if s.agenda and s.agenda != s.jenis else ""
    return SidangPublik(
        pk=s.pk,
        tanggal=mulai.date(),
        hari_tanggal=format_tanggal(mulai.date()),
        pukul=f"{mulai:%H.%M}–{selesai:%H.%M} {singkatan_zona(k)}",
        mulai=mulai,
        selesai=selesai,
        komisi=k.nama,
        komisi_kode=k.kode,
        zona=k.zona_waktu,
        nomor_register=s.sengketa.nomor_register,
        pemohon=nama_publik(s.sengketa.pemohon, peta),
        termohon=nama_publik(s.sengketa.termohon),
        jenis=str(jenis),
        agenda=samarkan_teks(agenda, peta),
        tempat=samarkan_teks(_tempat(s), peta),
        daring=s.daring,
        status=s.status,
        status_label=str(s.get_status_display()),
    )


def _sidang_qs(
    *, komisi=None, sengketa=None, dari: datetime | None = None, sampai: datetime | None = None
) -> QuerySet[Sidang]:
    """Public hearings starting in [dari, sampai), in time order, with what a row shows."""
    qs = Sidang.objects.filter(status__in=STATUS_SIDANG_PUBLIK, sengketa__in=sengketa_publik())
    if dari is not None:
        qs = qs.filter(mulai__gte=dari)
    if sampai is not None:
        qs = qs.filter(mulai__lt=sampai)
    if komisi is not None:
        qs = qs.filter(sengketa__komisi=komisi)
    if sengketa is not None:
        qs = qs.filter(sengketa=sengketa)
    return (
        qs.select_related("sengketa__komisi")
        .prefetch_related(
            Prefetch(
                "sengketa__pihak",
                # Ordered by the foreign key's column, not by the models' default orderings,
                # which sort through the case (a join with every case of the commission).
                queryset=Pihak.objects.order_by("sengketa_id", "peran").prefetch_related(
                    Prefetch(
                        "kuasa",
                        queryset=Kuasa.objects.filter(aktif=True).order_by("pihak_id", "nama"),
                    )
                ),
            )
        )
        .order_by("mulai", "id")
    )


def baris_publik(qs) -> list[SidangPublik]:
    """The public rows of these hearings (a queryset of _sidang_qs, or a page of one), in
    their own zone, masked. A fixed number of queries whatever the number of hearings."""
    daftar = list(qs)
    peta = _peta_per_sengketa(list({s.sengketa_id: s.sengketa for s in daftar}.values()))
    return [_baris(s, peta[s.sengketa_id]) for s in daftar]


def sidang_publik(
    *, komisi=None, sengketa=None, dari: datetime | None = None, sampai: datetime | None = None
) -> list[SidangPublik]:
    """Public hearings starting in [dari, sampai), in time order, in their own zone."""
    return baris_publik(_sidang_qs(komisi=komisi, sengketa=sengketa, dari=dari, sampai=sampai))


def hari_ini_publik(komisi=None) -> date:
    return hari_ini(komisi) if komisi else timezone.localdate()


def _hari_lokal(daftar_komisi, batas: Callable[[ZoneInfo], tuple[date, date | None]]) -> Q:
    """Hearings between midnights of each commission's own zone (Indonesia spans UTC+7 to
    +9): `batas(zone)` gives the first day and the day after the last (None: no end)."""
    per_zona: dict[str, list[int]] = {}
    for k in daftar_komisi:
        per_zona.setdefault(k.zona_waktu, []).append(k.pk)
    if not per_zona:
        return Q(pk__in=[])
    syarat, awal, akhir = Q(pk__in=[]), [], []
    for nama, pks in per_zona.items():
        tz = zona(nama)
        dari, sampai = batas(tz)
        awal.append(datetime.combine(dari, time.min, tzinfo=tz))
        q = Q(sengketa__komisi__in=pks, mulai__gte=awal[-1])
        if sampai is not None:
            akhir.append(datetime.combine(sampai, time.min, tzinfo=tz))
            q &= Q(mulai__lt=akhir[-1])
        syarat |= q
    # The widest bounds too, which the index on `mulai` can read (the zones' bounds inside
    # an OR cannot be: the page would scan every hearing since the first one).
    syarat &= Q(mulai__gte=min(awal))
    if len(akhir) == len(awal):
        syarat &= Q(mulai__lt=max(akhir))
    return syarat


def sidang_mendatang(*, komisi=None, daftar_komisi) -> QuerySet[Sidang]:
    """From today (in each hearing's own zone) to HARI_KE_DEPAN days ahead, as a queryset
    to be paged: the database counts and slices, only a page becomes rows (baris_publik).
    `daftar_komisi`: the commissions already read, for their zones."""
    kini = timezone.now()
    qs = _sidang_qs(komisi=komisi, sampai=kini + timedelta(days=HARI_KE_DEPAN))
    return qs.filter(
        _hari_lokal(
            [komisi] if komisi else daftar_komisi, lambda tz: (kini.astimezone(tz).date(), None)
        )
    )


def awal_minggu(d: date) -> date:
    return d - timedelta(days=d.weekday())


def sidang_minggu(*, komisi=None, daftar_komisi, awal: date) -> QuerySet[Sidang]:
    """The seven days from Monday `awal`, each hearing on its day in its own zone; a queryset
    to be paged like the list (a busy commission's week can hold hundreds)."""
    akhir = awal + timedelta(days=7)
    return _sidang_qs(komisi=komisi).filter(
        _hari_lokal([komisi] if komisi else daftar_komisi, lambda tz: (awal, akhir))
    )


@dataclass(frozen=True)
class HariMinggu:
    tanggal: date
    hari: str
    label: str
    sidang: list[SidangPublik]
    hari_ini: bool


def hari_minggu(*, komisi=None, awal: date, baris: list[SidangPublik]) -> list[HariMinggu]:
    """The seven days from Monday `awal` with these rows (a page of sidang_minggu) on them."""
    per_hari: dict[date, list[SidangPublik]] = {}
    for s in baris:
        per_hari.setdefault(s.tanggal, []).append(s)
    kini = hari_ini_publik(komisi)
    hari = [awal + timedelta(days=i) for i in range(7)]
    return [
        HariMinggu(
            tanggal=d,
            hari=NAMA_HARI[d.weekday()],
            label=format_tanggal(d, dengan_hari=False),
            sidang=per_hari.get(d, []),
            hari_ini=d == kini,
        )
        for d in hari
    ]


def sidang_ical(komisi) -> list[SidangPublik]:
    """The feed's window in time order, at most MAKS_ICAL hearings: a calendar app polls the
    feed again, so the far end of a crowded window arrives later."""
    kini = timezone.now()
    qs = _sidang_qs(
        komisi=komisi,
        dari=kini - timedelta(days=HARI_ICAL_LALU),
        sampai=kini + timedelta(days=HARI_ICAL_DEPAN),
    )
    return baris_publik(qs[:MAKS_ICAL])


# --- ruling directory ---


def cari_putusan(
    *,
    komisi=None,
    nomor: str = "",
    termohon: str = "",
    tahun: int | None = None,
    hasil: str = "",
    jenis: str = "",
) -> QuerySet[Publikasi]:
    """Published renditions only (publikasi_aktif), filtered as the directory's form asks."""
    qs = publikasi_aktif()
    if komisi is not None:
        qs = qs.filter(komisi=komisi)
    if nomor:
        qs = qs.filter(Q(nomor_register__icontains=nomor) | Q(nomor__icontains=nomor))
    if termohon:
        qs = qs.filter(termohon__icontains=termohon)
    if tahun:
        qs = qs.filter(tanggal_putusan__year=tahun)
    if hasil:
        qs = qs.filter(hasil=hasil)
    if jenis:
        qs = qs.filter(jenis=jenis)
    return qs.order_by("-tanggal_putusan", "-id")


# --- case tracker ---

S = StatusSengketa
# The status in plain words for someone who is not a lawyer (siklus-sengketa.md §2).
PENJELASAN = {
    S.TEREGISTRASI: _l("The dispute is registered; the chair is appointing the panel."),
    S.PEMERIKSAAN_AWAL: _l(
        "The panel is holding the preliminary examination: competence, standing and time limits."
    ),
    S.MEDIASI: _l("The parties are trying to settle the dispute by mediation."),
    S.AJUDIKASI: _l("The panel is examining the dispute: evidence, witnesses and conclusions."),
    S.MUSYAWARAH: _l("The examination is closed; the panel is deliberating on its ruling."),
    S.DIPUTUS: _l(
        "The ruling has been read. A party may still object in court within the time limit."
    ),
    S.KEBERATAN_PENGADILAN: _l("A party has objected to the ruling in court."),
    S.BERKEKUATAN_HUKUM_TETAP: _l("The ruling is final and binding."),
    S.SELESAI_MEDIASI: _l(
        "The parties settled the dispute by mediation; the mediation ruling is final and binding."
    ),
    S.TIDAK_DITERIMA: _l("The application was declared inadmissible by an interlocutory ruling."),
    S.DILIMPAHKAN: _l("The dispute was transferred to the competent Information Commission."),
    S.DICABUT: _l("The applicant withdrew the application; the register number is struck out."),
    S.GUGUR: _l("The application lapsed: the applicant was absent twice without a valid reason."),
}


@dataclass(frozen=True)
class Lacak:
    nomor_register: str
    komisi: str
    status: str
    status_label: str
    penjelasan: str
    dicoret: bool
    tanggal_registrasi: str
    sidang: list[SidangPublik]


def lacak(*, komisi, nomor_register: str) -> Lacak | None:
    """A registered case by its number: status and hearing dates, nothing personal (the
    hearing rows carry masked names, but the tracker's template prints none of them)."""
    nomor = " ".join((nomor_register or "").split())
    if not nomor:
        return None
    s = (
        sengketa_publik()
        .filter(komisi=komisi, nomor_register__iexact=nomor)
        .select_related("komisi")
        .first()
    )
    if s is None:
        return None
    return Lacak(
        nomor_register=s.nomor_register,
        komisi=s.komisi.nama,
        status=s.status,
        status_label=str(s.get_status_display()),
        penjelasan=str(PENJELASAN.get(s.status, "")),
        dicoret=s.nomor_register_dicoret,
        tanggal_registrasi=tanggal_panjang(s.tanggal_registrasi) if s.tanggal_registrasi else "",
        sidang=sidang_publik(sengketa=s),
    )
