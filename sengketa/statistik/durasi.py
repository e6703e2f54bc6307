"""Table 3: how long cases take, in working days of each commission's own calendar.

Working days are not a database function, and a loop over cases would not scale, so the
database groups the cases by (commission, outcome, registration date, final-act date) and
returns one row per distinct combination with its count (kueri.kelompok_selesai, shared
with table 2): a few thousand rows however many cases
there are (a year has about 250 working days on each side). Each pair's duration comes from
`IndeksHariKerja`, the calendar's cumulative working-day count per date built once for the
span in one pass; the durations with their counts form a histogram from which average,
median, maximum and the number within the limit follow exactly. The open cases are grouped
by registration date the same way.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from sengketa.kalender import format_tanggal
from sengketa.models import StatusSengketa as S

from .bentuk import HK, JUMLAH, PERSEN, Bagian, Baris, Kolom, Ringkasan, Tabel, persen
from .cakupan import IndeksHariKerja, cakupan
from .kueri import STATUS_PUTUSAN_AJUDIKASI, kelompok_selesai, terbuka_pada
from .periode import Periode

BATAS_HK = 100  # UU 14/2008 Pasal 38(2)
# Upper bounds (WD) of the bands of the distribution of durations; the last band is open.
PITA = (20, 40, 60, 80, 100, 150, 200)

KELOMPOK_HASIL = {
    S.SELESAI_MEDIASI: "putusan_mediasi",
    **dict.fromkeys(STATUS_PUTUSAN_AJUDIKASI, "putusan_ajudikasi"),
    S.TIDAK_DITERIMA: "putusan_sela",
    S.GUGUR: "gugur",
    S.DICABUT: "dicabut",
    S.DILIMPAHKAN: "dilimpahkan",
}


def _label_hasil() -> dict[str, str]:
    return {
        "putusan_mediasi": _("Mediation ruling"),
        "putusan_ajudikasi": _("Adjudication ruling"),
        "putusan_sela": _("Interlocutory ruling"),
        "gugur": _("Lapsed"),
        "dicabut": _("Withdrawn"),
        "dilimpahkan": _("Transferred"),
    }


def tanggal_acuan(cak, periode: Periode) -> dict[int, object]:
    """The day open cases are measured at, per commission: the period's last day, or today
    when the period has not ended yet (an age is never measured into the future)."""
    return {k.pk: min(periode.selesai, cak.hari_ini(k.pk)) for k in cak.komisi}


def tabel_durasi(komisi, periode: Periode, *, batas_hk: int = BATAS_HK) -> Tabel:
    """Table 3: from registration to the final act, for the cases table 1 counts as finished
    (by outcome and in total); and the cases still open at the end of the period (or today),
    with how many have run more than `batas_hk` working days since registration."""
    cak = cakupan(komisi)
    pasangan = [
        (komisi_id, st, reg, akhir, n)
        for komisi_id, st, _amar, _dasar, _jalur, reg, akhir, n in kelompok_selesai(cak, periode)
    ]
    acuan = tanggal_acuan(cak, periode)
    terbuka_q = Q()
    for kid, hari in acuan.items():
        terbuka_q |= Q(komisi_id=kid, tanggal_registrasi__lte=hari) & terbuka_pada(
            "tanggal_selesai", hari
        )
    terbuka = list(
        cak.sengketa()
        .filter(terbuka_q)
        .values_list("komisi_id", "tanggal_registrasi")
        .annotate(n=Count("pk"))
    )

    # One index per commission over every date it needs.
    tanggal: dict[int, set] = defaultdict(set)
    for kid, _st, reg, akhir, _n in pasangan:
        tanggal[kid].update((reg, akhir))
    for kid, reg, _n in terbuka:
        tanggal[kid].update((reg, acuan[kid]))
    indeks = {kid: IndeksHariKerja.meliputi(cak.kalender(kid), d) for kid, d in tanggal.items()}

    sebaran: dict[str, Counter[int]] = defaultdict(Counter)
    for kid, st, reg, akhir, n in pasangan:
        hk = indeks[kid].hk(reg, akhir)
        sebaran[KELOMPOK_HASIL[st]][hk] += n
        sebaran["jumlah"][hk] += n
    umur: Counter[int] = Counter()
    for kid, reg, n in terbuka:
        umur[indeks[kid].hk(reg, acuan[kid])] += n

    def baris_selesai(kode: str, label: str) -> Baris:
        r = Ringkasan.dari(sebaran[kode], batas_hk)
        return Baris(
            kode,
            label,
            (r.jumlah, r.rata_rata, r.median, r.maksimum, r.dalam_batas,
             persen(r.dalam_batas, r.jumlah)),
        )  # fmt: skip

    label = _label_hasil()
    kolom_selesai = (
        Kolom("jumlah", _("Count"), JUMLAH),
        Kolom("rata_rata", _("Average"), HK),
        Kolom("median", _("Median"), HK),
        Kolom("maksimum", _("Maximum"), HK),
        Kolom("dalam_batas", _("Within %(n)d WD") % {"n": batas_hk}, JUMLAH),
        Kolom("persen_dalam_batas", _("Share within %(n)d WD") % {"n": batas_hk}, PERSEN),
    )
    pita = []
    bawah = 0
    for atas in PITA:
        n = sum(k for d, k in sebaran["jumlah"].items() if bawah <= d <= atas)
        pita.append(
            Baris(f"hk_{bawah}_{atas}", _("%(a)d–%(b)d WD") % {"a": bawah, "b": atas}, (n,))
        )
        bawah = atas + 1
    n = sum(k for d, k in sebaran["jumlah"].items() if d > PITA[-1])
    pita.append(Baris(f"hk_lebih_{PITA[-1]}", _("over %(n)d WD") % {"n": PITA[-1]}, (n,)))
    semua = Ringkasan.dari(umur, batas_hk)
    lewat = Counter({d: k for d, k in umur.items() if d > batas_hk})
    lewat_r = Ringkasan.dari(lewat, batas_hk)
    hari_acuan = max(acuan.values())
    return Tabel(
        nomor=3,
        kode="durasi",
        judul=_("Duration in working days"),
        grafik="batang",
        bagian=(
            Bagian(
                "selesai",
                _("Finished cases: registration to final act"),
                kolom_selesai,
                tuple(baris_selesai(k, v) for k, v in label.items()),
                baris_selesai("jumlah", _("Total")),
            ),
            Bagian(
                "sebaran",
                _("Finished cases by duration"),
                (Kolom("jumlah", _("Finished cases"), JUMLAH),),
                tuple(pita),
            ),
            Bagian(
                "berjalan",
                _("Open cases on %(tanggal)s: working days since registration")
                % {"tanggal": format_tanggal(hari_acuan, dengan_hari=False)},
                (
                    Kolom("jumlah", _("Count"), JUMLAH),
                    Kolom("rata_rata", _("Average"), HK),
                    Kolom("maksimum", _("Maximum"), HK),
                ),
                (
                    Baris(
                        "berjalan",
                        _("Open cases"),
                        (semua.jumlah, semua.rata_rata, semua.maksimum),
                    ),
                    Baris(
                        "lewat_batas",
                        _("of which past %(n)d WD") % {"n": batas_hk},
                        (lewat_r.jumlah, lewat_r.rata_rata, lewat_r.maksimum),
                        1,
                    ),
                ),
            ),
        ),
        catatan=_(
            "Working days count as the deadlines do: the day of registration itself is not "
            "counted; weekends, national holidays, collective leave (when the commission "
            "observes it) and the commission's own closures are skipped."
        ),
    )
