"""The annual report (`laporan_tahunan`, dokumen.md; the tables of statistik.md) as PDF and
XLSX, and the XLSX of any set of statistics tables (the dashboard's exports).

Input is plain data (`KonteksLaporan`, `Tabel`): titles, column headers, rows of numbers
and a chart per table, all already worded, so both renderers run without a database. The
PDF reuses the base renderer of pdf.py: the commission's letterhead, the verification QR
and code and "Halaman X dari Y" on every page; only the blocks of a report are new here.
"""

import io
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from . import grafik as g
from .data import KopSurat, Naskah, Penanda
from .pdf import KANAN, KIRI, SANS, SANS_TEBAL, UKURAN, PdfRenderer, aman, bersihkan

# Units of a column (sengketa.statistik.bentuk): how a number is written.
JUMLAH, HK, PERSEN = "jumlah", "hk", "persen"


@dataclass(frozen=True)
class TabelBergrafik:
    """One table of the statistics service with the charts drawn from it.

    `tabel` has the shape of `sengketa.statistik.bentuk.Tabel` (nomor, kode, judul, catatan
    and `bagian`: sections with `judul`, `kolom` (label, satuan), `baris` (label, nilai,
    tingkat) and an optional `total`); it is read by attribute only, so tests may pass any
    object of that shape."""

    tabel: object
    grafik: tuple[g.Grafik, ...] = ()

    @property
    def kode(self) -> str:
        return self.tabel.kode

    @property
    def judul_lengkap(self) -> str:
        return f"{self.tabel.nomor}. {self.tabel.judul}"


@dataclass(frozen=True)
class KonteksLaporan:
    kop: KopSurat
    penanda: Penanda
    judul: str  # "Laporan Tahunan Penyelesaian Sengketa Informasi Publik"
    komisi: str
    periode: str  # "Tahun 2024"
    dibuat: str  # "Dibuat pada 6 Januari 2025"
    tabel: tuple[TabelBergrafik, ...]
    pengantar: tuple[str, ...] = ()  # paragraphs of the cover
    catatan: tuple[str, ...] = field(default_factory=tuple)  # definitions, last page
    judul_catatan: str = ""
    label_daftar_isi: str = ""


def semua_baris(bagian) -> tuple:
    return (*bagian.baris, bagian.total) if bagian.total is not None else tuple(bagian.baris)


def format_sel(nilai, satuan: str = JUMLAH) -> str:
    """A cell as people read it: 1.234 · 56,5 · 68,0 % · – for a figure that does not exist
    (an average of no cases)."""
    if nilai is None:
        return "–"
    if satuan == PERSEN:
        return f"{nilai:.1f}".replace(".", ",") + " %"
    if satuan == HK and not float(nilai).is_integer():
        return f"{nilai:.1f}".replace(".", ",")
    return g.format_angka(nilai)


# --- PDF ---


@dataclass(frozen=True)
class Sampul:
    judul: str
    komisi: str
    periode: str
    dibuat: str
    pengantar: tuple[str, ...]
    daftar_isi: tuple[str, ...]
    label_daftar_isi: str


@dataclass(frozen=True)
class BlokTabel:
    isi: TabelBergrafik


@dataclass(frozen=True)
class BlokCatatan:
    judul: str
    butir: tuple[str, ...]


BIRU, GARIS_SEL, HITAM = HexColor("#0b5394"), HexColor("#c8ced8"), HexColor("#1d2430")
LATAR_KEPALA = HexColor("#e8eef6")


class LaporanPdfRenderer(PdfRenderer):
    """The base renderer (letterhead, QR and code, page numbers) with a report's blocks:
    a cover with the contents, then each table, its charts and its definitions."""

    def render_laporan(self, k: KonteksLaporan) -> bytes:
        self._lebar = UKURAN.get(k.kop.ukuran_kertas, UKURAN["A4"])[0] - KIRI - KANAN
        daftar_isi = tuple(t.judul_lengkap for t in k.tabel)
        sampul = Sampul(
            k.judul, k.komisi, k.periode, k.dibuat, k.pengantar, daftar_isi, k.label_daftar_isi
        )
        blok = [sampul, *(BlokTabel(t) for t in k.tabel)]
        if k.catatan:
            blok.append(BlokCatatan(k.judul_catatan, k.catatan))
        naskah = Naskah(kop=k.kop, penanda=k.penanda, judul_berkas=k.judul, blok=tuple(blok))
        return self.render(naskah)

    def blok_sampul(self, b: Sampul, gy) -> list:
        besar = gy["judul"].clone("sampul", fontSize=20, leading=26, spaceAfter=6 * mm)
        hasil = [
            Spacer(1, 30 * mm),
            Paragraph(aman(b.judul.upper()), besar),
            Paragraph(f"<b>{aman(b.komisi)}</b>", gy["tengah"]),
            Paragraph(aman(b.periode), gy["tengah"]),
            Spacer(1, 12 * mm),
            *(Paragraph(aman(p), gy["dasar"]) for p in b.pengantar),
        ]
        if b.daftar_isi:
            hasil.append(Spacer(1, 6 * mm))
            hasil.append(Paragraph(f"<b>{aman(b.label_daftar_isi)}</b>", gy["kiri"]))
            hasil += [Paragraph(aman(d), gy["rapat"]) for d in b.daftar_isi]
        return [*hasil, Spacer(1, 10 * mm), Paragraph(aman(b.dibuat), gy["tengah"]), PageBreak()]

    def blok_bloktabel(self, b: BlokTabel, gy) -> list:
        t = b.isi.tabel
        kepala = gy["kiri"].clone(
            "kepala_tabel",
            fontName=gy["judul"].fontName,
            fontSize=12,
            leading=15,
            spaceAfter=3 * mm,
        )
        # A table never starts at the foot of a page: its title stays with its first section.
        hasil: list = [CondPageBreak(70 * mm)]
        for i, bagian in enumerate(t.bagian):
            isi = [self._tabel(bagian, gy), Spacer(1, 3 * mm)]
            if i == 0:
                isi.insert(0, Paragraph(aman(b.isi.judul_lengkap), kepala))
            hasil.append(KeepTogether(isi))
        for grafik in b.isi.grafik:
            hasil += [Spacer(1, 2 * mm), g.gambar(grafik, self._lebar), Spacer(1, 3 * mm)]
        if t.catatan:
            kecil = gy["dasar"].clone("catatan", fontSize=9, leading=12)
            hasil.append(Paragraph(aman(t.catatan), kecil))
        return [*hasil, Spacer(1, 8 * mm)]

    def _lebar_kolom(self, bagian) -> list[float]:
        """Each number column as wide as the longest word of its header (headers wrap at
        spaces, never inside a word), together at most 62 % of the line."""
        kata = [
            max((stringWidth(w, SANS_TEBAL, 8) for w in k.label.split()), default=0) + 8
            for k in bagian.kolom
        ]
        angka = [max(x, 16 * mm) for x in kata]
        batas = self._lebar * 0.62
        if sum(angka) > batas:
            angka = [a * batas / sum(angka) for a in angka]
        return [self._lebar - sum(angka), *angka]

    def _tabel(self, bagian, gy) -> Table:
        sel = gy["sel"].clone("sel_tabel", fontName=SANS, fontSize=9, leading=11)
        tebal = sel.clone("sel_tebal", fontName=SANS_TEBAL)
        kepala = tebal.clone("kepala_kiri", fontSize=8, leading=10, splitLongWords=0)
        kanan = kepala.clone("kepala_kanan", alignment=TA_RIGHT)
        satuan = [k.satuan for k in bagian.kolom]
        data = [[Paragraph(aman(bagian.judul), kepala)]]
        data[0] += [Paragraph(aman(k.label), kanan) for k in bagian.kolom]
        baris = semua_baris(bagian)
        for b in baris:
            label = Paragraph(aman(b.label), tebal if b is bagian.total else sel)
            data.append([label, *(format_sel(v, s) for v, s in zip(b.nilai, satuan, strict=False))])
        tabel = Table(data, colWidths=self._lebar_kolom(bagian), repeatRows=1, hAlign="LEFT")
        gaya = [
            ("FONT", (0, 0), (-1, -1), SANS, 9),
            ("BACKGROUND", (0, 0), (-1, 0), LATAR_KEPALA),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, BIRU),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, GARIS_SEL),
            ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (1, 0), (-1, -1), 3),
            ("RIGHTPADDING", (1, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        for i, b in enumerate(baris, start=1):
            if b.tingkat:
                gaya.append(("LEFTPADDING", (0, i), (0, i), 6 + 12 * b.tingkat))
            if b is bagian.total:
                gaya.append(("FONT", (1, i), (-1, i), SANS_TEBAL, 9))
                gaya.append(("LINEABOVE", (0, i), (-1, i), 0.8, HITAM))
        tabel.setStyle(TableStyle(gaya))
        return tabel

    def blok_blokcatatan(self, b: BlokCatatan, gy) -> list:
        kepala = gy["kiri"].clone("kepala_catatan", fontName=gy["judul"].fontName, fontSize=12)
        butir = [Paragraph(aman(x), gy["butir"], bulletText="•") for x in b.butir]
        return [CondPageBreak(40 * mm), Paragraph(aman(b.judul), kepala), *butir]


def pdf_laporan(k: KonteksLaporan) -> bytes:
    return LaporanPdfRenderer().render_laporan(k)


# --- XLSX ---

HURUF_JUDUL = Font(bold=True, size=14)
HURUF_KEPALA = Font(bold=True, color="FFFFFF")
ISI_KEPALA = PatternFill("solid", fgColor="0B5394")
HURUF_TEBAL = Font(bold=True)
HURUF_REDUP = Font(italic=True, color="5B6473")
GARIS_TIPIS = Side(style="thin", color="C8CED8")
GARIS_TEBAL = Side(style="medium", color="1D2430")
_TERLARANG = str.maketrans(dict.fromkeys("[]:*?/\\", " "))
FORMAT_ANGKA = {JUMLAH: "#,##0", HK: "#,##0.0", PERSEN: '0.0" %"'}


def nama_lembar(judul: str, dipakai: set[str]) -> str:
    """Excel: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    dasar = " ".join(bersihkan(judul).translate(_TERLARANG).split())[:31].rstrip() or "-"
    nama, i = dasar, 2
    while nama.lower() in dipakai:
        nama, i = f"{dasar[:28]} {i}", i + 1
    dipakai.add(nama.lower())
    return nama


def _bagian_xlsx(ws, bagian) -> None:
    ws.append([bagian.judul, *(k.label for k in bagian.kolom)])
    r = ws.max_row
    for c in range(1, len(bagian.kolom) + 2):
        sel = ws.cell(r, c)
        sel.font, sel.fill = HURUF_KEPALA, ISI_KEPALA
        rata = "left" if c == 1 else "right"
        sel.alignment = Alignment(wrap_text=True, vertical="center", horizontal=rata)
    satuan = [k.satuan for k in bagian.kolom]
    for b in semua_baris(bagian):
        # Numbers stay numbers (a formula can sum them); a figure that does not exist
        # (the average of no cases) is an empty cell, never a zero.
        ws.append([b.label, *b.nilai])
        r = ws.max_row
        ws.cell(r, 1).alignment = Alignment(indent=2 * b.tingkat, wrap_text=True)
        total = b is bagian.total
        for c in range(1, len(bagian.kolom) + 2):
            sel = ws.cell(r, c)
            sel.border = Border(bottom=GARIS_TIPIS, top=GARIS_TEBAL if total else None)
            if total:
                sel.font = HURUF_TEBAL
            if c > 1:
                sel.number_format = FORMAT_ANGKA.get(satuan[c - 2], "General")
    ws.append([])


def _lembar_tabel(ws, t: TabelBergrafik, subjudul: tuple[str, ...]) -> None:
    ws.append([t.judul_lengkap])
    ws.cell(1, 1).font = HURUF_JUDUL
    for s in subjudul:
        ws.append([s])
        ws.cell(ws.max_row, 1).font = HURUF_REDUP
    ws.append([])
    lebar_label, n_kolom = 18, 1
    for bagian in t.tabel.bagian:
        _bagian_xlsx(ws, bagian)
        lebar_label = max([lebar_label, *(len(str(b.label)) + 2 for b in semua_baris(bagian))])
        n_kolom = max(n_kolom, len(bagian.kolom))
    if t.tabel.catatan:
        ws.append([t.tabel.catatan])
        ws.cell(ws.max_row, 1).font = HURUF_REDUP
    ws.column_dimensions["A"].width = min(60, lebar_label)
    for c in range(2, n_kolom + 2):
        ws.column_dimensions[get_column_letter(c)].width = 16


def xlsx_tabel(
    tabel: tuple[TabelBergrafik, ...],
    subjudul: tuple[str, ...] = (),
    catatan: tuple[str, ...] = (),
    judul_catatan: str = "",
) -> bytes:
    """One sheet per table, each section under its own header row; a last sheet of notes
    when there are any. The annual report's workbook and the dashboard's exports."""
    wb = Workbook()
    wb.remove(wb.active)
    dipakai: set[str] = set()
    for t in tabel:
        _lembar_tabel(wb.create_sheet(nama_lembar(t.judul_lengkap, dipakai)), t, subjudul)
    if catatan:
        ws = wb.create_sheet(nama_lembar(judul_catatan, dipakai))
        ws.append([judul_catatan])
        ws.cell(1, 1).font = HURUF_JUDUL
        for s in (*subjudul, "", *catatan):
            ws.append([s])
        ws.column_dimensions["A"].width = 120
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def xlsx_laporan(k: KonteksLaporan, label_kode: str) -> bytes:
    """The report as a workbook: every sheet names the commission, the period and the
    verification code of this file's record."""
    subjudul = (k.komisi, k.periode, f"{label_kode}: {k.penanda.kode} · {k.penanda.url}")
    return xlsx_tabel(k.tabel, subjudul, k.catatan, k.judul_catatan)
