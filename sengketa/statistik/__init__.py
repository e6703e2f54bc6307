"""The statistics a commission publishes (domain/statistik.md), computed in the database.

Use::

    from sengketa.statistik import Periode, hitung_semua, tabel_register

    tabel = hitung_semua(komisi, Periode.tahun(2024))      # {"register": Tabel, ...}
    tabel["register"]["register"].nilai("diregistrasi")   # a cell
    tabel_register([kaltim, pusat], Periode(date(2024, 1, 1), date(2024, 6, 30)))

`komisi` is one `KomisiInformasi`, several (an iterable or a queryset: the figures are then
summed over them, e.g. a national view), or a `Cakupan` (which remembers the scans it ran:
pass the same one to several table functions of one computation, never keep it).
`Periode` is any range of days, both ends included; `Periode.tahun(y)` is the annual
report's.

Return values (sengketa.statistik.bentuk), plain frozen dataclasses that a dashboard, an
XLSX export, the PDF annual report, the API and a public page render without more queries:

- `Tabel(nomor, kode, judul, grafik, bagian, catatan)`: one table of statistik.md; `nomor`
  1-9, `kode` its stable code, `grafik` a suggested chart ('batang' bar, 'garis' line,
  'lingkaran' pie), `catatan` its definitions in words (a footnote); `tabel["kode"]` gives a
  section.
- `Bagian(kode, judul, kolom, baris, total)`: one grid. `kolom` are `Kolom(kode, label,
  satuan)` with satuan 'jumlah' (count), 'hk' (working days) or 'persen' (0-100, one
  decimal); `baris` are `Baris(kode, label, nilai, tingkat)` in display order, one value per
  column, `tingkat` 1 for a breakdown of the row above it (indent it; it is not added to the
  total); `total` is a `Baris` or None. Values are int, float, or None where undefined (an
  average of no cases). `bagian.nilai(baris, kolom)`, `bagian.per_kolom(kolom)` and
  `bagian.sebagai_dict()` read it.

Labels are translated when the table is computed (the active language); cache per language.

The tables, their sections and definitions (M, S: first and last day of the period):

1 `register`  register balance (sisa_tahun_lalu + diregistrasi - selesai ==
  sisa_tahun_berikut), completion rate, the intake of applications, struck-out numbers.
  *Registered*: has a registration date. *Finished*: registered, final act (ruling read,
  mediation ruling, interlocutory ruling, transfer, withdrawal, lapse) in the period,
  whenever it was registered. *Pending at M*: registered before M, not finished before M.
2 `penyelesaian`  the finished cases by outcome (amar, ground of the interlocutory ruling)
  and path (jalur), and the status they are in now (row code `status` or `status.amar`).
3 `durasi`  registration to final act in working days (average, median, maximum, within
  100 WD) per outcome; the distribution by bands of WD (`sebaran`, codes hk_0_20 ...
  hk_lebih_200); open cases at S (or today, if S is still ahead) and those past 100 WD
  since registration (more than 100 WD counted; `batas_hk` changes the limit).
4 `pemohon`, 5 `termohon`, 6 `alasan`  applicants by type, serial filers (at least
  `ambang_serial` registers in the period, default 5) apart, the top `teratas` others;
  respondents by category and the top respondents; grounds a-g: all of the cases
  *registered* in the period. Parties are grouped by name (case and spaces ignored).
7 `sidang`  hearings set for a day of the period (in the commission's zone) by type and
  status; attendance and absences per side.
8 `pengadilan`  court objections filed in the period by court type and court; rulings that
  became final in the period without / after an objection; court rulings recorded.
9 `bulanan`  per month: received, registered, finished.

Corrections: `koreksi` restores the case's columns, and marks the history row and the court
and copy records it undid; a corrected step therefore never counts, and a re-done step
counts at its new date. Figures of a closed year can thus change when a correction undoes
one of its steps later: publish a report as a snapshot (the PDF), not as a live query.
Transfers: the sending commission counts the case as finished (`dilimpahkan`), the receiving
one as received (`dilimpahkan_masuk`) and then on its own path; a view over both counts
both acts. A withdrawn register keeps its number, struck out; a corrected registration's
number is struck out too (NomorDicoret) and the case counts only if registered again.

How: every figure is an aggregate query (conditional counts, GROUP BY) on the case table or
its child tables; the only Python work is over groups (months, outcomes, distinct date
pairs), never over cases. Durations use the commission's working-day calendar through a
cumulative index per date (see durasi.py). Tables that read the same rows share one scan
(kueri.py): 12 queries for all nine tables, two of them the calendar's version stamp,
whatever the number of cases. On PostgreSQL, 100,000 cases of one commission take about
0.5 s of CPU for a year (benchmarks/bench_statistik.py).
"""

from __future__ import annotations

from .bentuk import HK, JUMLAH, PERSEN, Angka, Bagian, Baris, Kolom, Tabel, persen
from .cakupan import Cakupan, IndeksHariKerja, cakupan
from .durasi import BATAS_HK, tabel_durasi
from .pengadilan import tabel_pengadilan
from .periode import Periode
from .pihak import AMBANG_SERIAL, TERATAS, tabel_alasan, tabel_pemohon, tabel_termohon
from .register import tabel_bulanan, tabel_penyelesaian, tabel_register
from .sidang import tabel_sidang


def hitung_semua(
    komisi,
    periode: Periode,
    *,
    batas_hk: int = BATAS_HK,
    teratas: int = TERATAS,
    ambang_serial: int = AMBANG_SERIAL,
) -> dict[str, Tabel]:
    """Every table of statistik.md for `komisi` (one or several) and `periode`, keyed by
    table code in the order of the spec (1 to 9)."""
    # A fresh scope: the scans several tables share are remembered on it for this call only.
    cak = Cakupan(cakupan(komisi).komisi)
    semua = (
        tabel_register(cak, periode),
        tabel_penyelesaian(cak, periode),
        tabel_durasi(cak, periode, batas_hk=batas_hk),
        tabel_pemohon(cak, periode, teratas=teratas, ambang_serial=ambang_serial),
        tabel_termohon(cak, periode, teratas=teratas),
        tabel_alasan(cak, periode),
        tabel_sidang(cak, periode),
        tabel_pengadilan(cak, periode),
        tabel_bulanan(cak, periode),
    )
    return {t.kode: t for t in semua}


__all__ = [
    "AMBANG_SERIAL",
    "BATAS_HK",
    "HK",
    "JUMLAH",
    "PERSEN",
    "TERATAS",
    "Angka",
    "Bagian",
    "Baris",
    "Cakupan",
    "IndeksHariKerja",
    "Kolom",
    "Periode",
    "Tabel",
    "cakupan",
    "hitung_semua",
    "persen",
    "tabel_alasan",
    "tabel_bulanan",
    "tabel_durasi",
    "tabel_pemohon",
    "tabel_pengadilan",
    "tabel_penyelesaian",
    "tabel_register",
    "tabel_sidang",
    "tabel_termohon",
]
