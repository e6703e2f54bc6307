"""Read queries: what a person may see, and what they may do next."""

import functools
import re

from django.db import connection
from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Upper
from django_fsm import can_proceed

from . import izin
from .kueri_terkompilasi import KueriTerkompilasi
from .models import IndeksCari, JumlahKasus, NamaTermohon, Pihak, Sengketa
from .models.indeks_cari import PEMISAH
from .peran import Peran

# Every transition name of the spec, in the order of the procedure (for menus and the API).
URUTAN_TRANSISI = (
    "minta_kelengkapan", "registrasi", "tolak_registrasi", "tetapkan_majelis",
    "catat_pemeriksaan_awal", "mulai_mediasi", "mulai_ajudikasi", "putusan_sela", "limpahkan",
    "perpanjang_mediasi", "mediasi_berhasil", "mediasi_gagal", "tutup_pemeriksaan",
    "bacakan_putusan", "catat_penerimaan_salinan", "catat_keberatan", "nyatakan_inkracht",
    "catat_putusan_pengadilan", "cabut", "gugurkan", "koreksi",
)  # fmt: skip


def sengketa_terlihat(pengguna) -> QuerySet[Sengketa]:
    """Staff see their commissions' cases; a party only the cases where it (or the public
    body it works for, or the party it represents) is a party (spec §1). A staff account
    that also acts for a party sees both."""
    syarat = _syarat_terlihat(pengguna)
    return Sengketa.objects.none() if syarat is None else Sengketa.objects.filter(syarat)


def _syarat_terlihat(pengguna) -> Q | None:
    """The rule of `sengketa_terlihat` as a condition on `pk` and `komisi_id`, which the
    cases and the search's own table (IndeksCari, whose pk is the case's) both have; None
    when the account sees nothing."""
    if pengguna is None or not pengguna.is_authenticated or not pengguna.is_active:
        return None
    if not _staf(pengguna):
        return Q(pk__in=_sebagai_pihak(pengguna, "sengketa_id"))
    komisi = izin.komisi_pengguna(pengguna)
    # Staff: the party side is read first and only its cases outside the staff's own
    # commissions are kept; it is empty for nearly every staff account. An
    # `OR id IN (<subquery>)` beside `komisi_id IN (...)` made the planner join even a
    # selective search to a scan of every case (580 ms for one match at 1,000,000 cases);
    # without it the rule is the plain, indexed `komisi_id IN (...)`.
    syarat = Q(komisi_id__in=komisi)
    di_luar = _sebagai_pihak_di_luar(pengguna, komisi)
    if di_luar:
        syarat |= Q(pk__in=di_luar)
    return syarat


def _staf(pengguna) -> bool:
    """A staff role (any role but `pihak`), whatever the commissions."""
    return bool(izin.grup_peran(pengguna) & _PERAN_STAF)


_PERAN_STAF = frozenset(p.value for p in Peran if p != Peran.PIHAK)


def _sebagai_pihak_di_luar(pengguna, komisi: frozenset[int]) -> list[int]:
    """The cases outside `komisi` where this staff account acts for a party. One small
    query, cached on the user instance like its roles and commissions (sengketa.izin): a
    back-office page asks for the visible cases several times."""
    if not hasattr(pengguna, "_sengketa_pihak_di_luar"):
        kasus = {s for (s,) in _kasus_sebagai_pihak(pengguna.pk)}
        if kasus:  # then their commissions, in a second query
            kasus = Sengketa.objects.filter(pk__in=kasus).exclude(komisi_id__in=komisi)
            kasus = kasus.values_list("pk", flat=True)
        pengguna._sengketa_pihak_di_luar = sorted(kasus)
    return pengguna._sengketa_pihak_di_luar


# Every staff page and API call asks it, and nearly always finds nothing: compiled once per
# process, as building the UNION cost the ORM twice what running it costs
# (sengketa.kueri_terkompilasi), and without the join to the cases, which cost PostgreSQL
# more to plan than to run.
_kasus_sebagai_pihak = KueriTerkompilasi(Pihak, lambda pk: _sebagai_pihak(pk, "sengketa_id"))


def _sebagai_pihak(pengguna, *kolom: str) -> QuerySet:
    """`kolom` of the party rows through which the account acts: as the party itself, as its
    active kuasa, or as an officer of the public body. One UNION of three indexed lookups (it is
    small): an OR across the joins to the parties, kuasa and officers had to be checked row
    by row for every case of the commission (5x slower at 100,000 cases)."""
    pihak = Pihak.objects.order_by().values(*kolom)
    return pihak.filter(pengguna=pengguna).union(
        pihak.filter(kuasa__pengguna=pengguna, kuasa__aktif=True),
        pihak.filter(badan_publik__petugas=pengguna),
    )


def cari_sengketa(qs: QuerySet[Sengketa], teks: str) -> QuerySet[Sengketa]:
    """The cases of `qs` whose register number, or the name of one of their parties (the
    applicant, the respondent public body), contains `teks`, case-insensitively. A query
    that begins like a register number (`006/REG...`) and begins some of them gives those.

    On PostgreSQL the matches come from the search's own tables (IndeksCari: the number and
    the applicant of a case in one row; NamaTermohon: each respondent's name once; both kept
    by triggers) through their trigram indexes, which serve `UPPER(col) LIKE '%...%'` - what
    `icontains` sends -, so a search costs the matches, not the size of the register.
    Elsewhere (SQLite, the embedded default: small registers) each side is one lookup,
    joined by a UNION rather than an OR across a join.
    Both give the same cases (tests/test_indeks_cari.py compares them)."""
    teks = teks.strip()
    if not teks:
        return qs
    if _AWAL_NOMOR.match(teks):
        # A full number is made of trigrams nearly every number and name shares (REG, PSI,
        # the commission code, the year, "ala" of Kalimantan): the trigram index would
        # read most of its rows. Numbers begin with their sequence (the default templates,
        # spec §6), so the btree of 0005_indeks_nomor_awalan answers it. When no number
        # begins so (another template puts `001/2024` in the middle, or it is a name such
        # as "RT 001/RW 002"), the search below still finds it.
        awalan = qs.filter(nomor_register__istartswith=teks)
        if awalan.exists():
            return awalan
    if _pakai_indeks(teks):
        return qs.filter(pk__in=IndeksCari.objects.filter(_cocok(teks)).values("pk"))
    nomor = Sengketa.objects.filter(nomor_register__icontains=teks).order_by().values("pk")
    pihak = Pihak.objects.filter(nama__icontains=teks).order_by().values("sengketa_id")
    return qs.filter(pk__in=nomor.union(pihak))


def cari_terurut(
    pengguna, teks: str, *, status: str = "", komisi: str = ""
) -> QuerySet[IndeksCari] | None:
    """The search of `cari_sengketa` over the cases `pengguna` sees (optionally of one
    status and one commission's code), as rows of IndeksCari newest first - the order of
    the case lists (`-tanggal_diterima`, then `-id`) - for a paginator to count and cut
    without touching the cases: at 1,000,000 cases the page and the exact count of 27,000
    matches take one query over the narrow table instead of a pass over every case.

    None when this search is not answered by the index (not PostgreSQL, an empty query, the
    beginning of a register number, a query holding the separator): then the caller pages
    `cari_sengketa` as usual."""
    teks = teks.strip()
    if not teks or _AWAL_NOMOR.match(teks) or not _pakai_indeks(teks):
        return None
    syarat = _syarat_terlihat(pengguna)
    if syarat is None:
        return IndeksCari.objects.none()
    qs = IndeksCari.objects.filter(syarat, _cocok(teks))
    if status:
        qs = qs.filter(sengketa__status=status)
    if komisi:
        qs = qs.filter(komisi__kode=komisi)
    return qs.order_by("-tanggal_diterima", "-pk")


def _cocok(teks: str) -> Q:
    """The IndeksCari rows whose number or applicant contains `teks`, or whose respondent's
    name does. The respondents' names are matched first in their own small table and the
    cases then picked by their ids (a btree beside the trigram index: a bitmap OR). Past
    `_TERMOHON_MAKS` names the ids stay a subquery: such a query matches most of the
    register anyway."""
    termohon = NamaTermohon.objects.filter(nama__icontains=teks).values_list("pk", flat=True)
    cocok = list(termohon[: _TERMOHON_MAKS + 1])
    # The row's text is stored in capitals by the database's UPPER() (migration 0010): the
    # query goes through the same function, so both sides follow the same rules of case.
    syarat = Q(teks__contains=Upper(Value(teks)))
    if len(cocok) > _TERMOHON_MAKS:
        return syarat | Q(termohon__in=termohon)
    return syarat | Q(termohon__in=cocok) if cocok else syarat


_TERMOHON_MAKS = 1000


def _pakai_indeks(teks: str) -> bool:
    """The index answers on PostgreSQL (its triggers and trigram index exist only there),
    unless the query holds the separator of its fields (it could match across two)."""
    return connection.vendor == "postgresql" and PEMISAH not in teks


def jumlah_terlihat(pengguna, komisi: str = "") -> int | None:
    """How many cases `sengketa_terlihat(pengguna)` holds (only those of the commission with
    code `komisi`, when given), read from the per-commission counters (JumlahKasus) instead
    of counting the cases; None when the counters cannot answer - not PostgreSQL (only its
    triggers keep them), or not a staff member (a party's cases are few: count them)."""
    if connection.vendor != "postgresql":
        return None
    if _syarat_terlihat(pengguna) is None:
        return 0
    if not _staf(pengguna):
        return None
    milik = izin.komisi_pengguna(pengguna)
    jumlah = JumlahKasus.objects.filter(komisi_id__in=milik)
    # The cases where the staff member acts for a party, outside its commissions.
    di_luar = _sebagai_pihak_di_luar(pengguna, milik)
    if komisi:
        jumlah = jumlah.filter(komisi__kode=komisi)
        if di_luar:
            di_luar = Sengketa.objects.filter(pk__in=di_luar, komisi__kode=komisi)
            di_luar = di_luar.values_list("pk", flat=True)
    return sum(jumlah.values_list("jumlah", flat=True)) + len(di_luar)


# What the beginning of a register number looks like: its sequence, then "/" (spec §6:
# `006/REG-PSI/KI-KALTIM/IV/2019`, `028/III/KIP-PS/2013`).
_AWAL_NOMOR = re.compile(r"\d+/")


def transisi_tersedia(sengketa: Sengketa, pengguna) -> list[str]:
    """What this person may fire now: the state allows it and their role or assignment does.
    Preconditions are checked when they try (with the reasons), not here."""
    return [n for n in transisi_dari(sengketa.status) if izin.boleh(pengguna, sengketa, n)]


@functools.cache
def transisi_dari(status: str) -> tuple[str, ...]:
    """The transitions the state machine allows from `status` (what `can_proceed` answers
    without the conditions), in URUTAN_TRANSISI's order. The machine is fixed, so this is
    asked once per status rather than for every transition of every case of a list."""
    kasus = Sengketa(status=status)
    return tuple(
        n for n in URUTAN_TRANSISI if can_proceed(getattr(kasus, n), check_conditions=False)
    )
