"""The register book (buku register) as XLSX and PDF, from the rows of sengketa.register.

XLSX is the working copy a registry keeps and re-imports: one column per field of the
spec, the header frozen, dates as real dates. PDF is the printed book: A4/F4 landscape,
the commission's letterhead on the first page, the header row repeated on every page,
"Halaman X dari Y", columns grouped so that a row stays readable on paper. A struck-out
number (withdrawal, corrected registration) is struck through in both.

The register is not one case's document (Dokumen needs a case), so it is streamed, not
issued: it carries no verification code.
"""

import functools
import io
import re
from datetime import date

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from sengketa.kalender import format_tanggal
from sengketa.register import KOLOM, BarisRegister, BukuRegister

from .data import KopSurat
from .pdf import (
    SANS,
    SANS_TEBAL,
    SERIF,
    SERIF_TEBAL,
    Hiasan,
    KanvasBernomor,
    aman,
    bersihkan,
    gaya,
)

JUDUL = "BUKU REGISTER SENGKETA INFORMASI PUBLIK"
FORMAT_TANGGAL_XLSX = "DD/MM/YYYY"

# --- XLSX ---


@functools.cache
def _gaya_xlsx() -> dict:
    return {
        "judul": Font(bold=True),
        "isi_judul": PatternFill("solid", fgColor="DDDDDD"),
        "coret": Font(strike=True),
        "bungkus": Alignment(wrap_text=True, vertical="top"),
    }


def _nama_lembar(buku: BukuRegister) -> str:
    # Excel: at most 31 characters, none of []:*?/\
    return re.sub(r"[\[\]:*?/\\]", "-", f"Register {buku.periode}")[:31]


def xlsx_buku_register(buku: BukuRegister) -> bytes:
    g = _gaya_xlsx()
    wb = Workbook(write_only=True)
    wb.properties.title = f"{JUDUL.title()} {buku.komisi_nama} {buku.periode}"
    wb.properties.creator = buku.komisi_nama
    ws = wb.create_sheet(_nama_lembar(buku))
    ws.freeze_panes = "A2"
    for i, kolom in enumerate(KOLOM, start=1):
        ws.column_dimensions[get_column_letter(i)].width = kolom.lebar
    kepala = []
    for kolom in KOLOM:
        sel = WriteOnlyCell(ws, value=kolom.judul)
        sel.font, sel.fill, sel.alignment = g["judul"], g["isi_judul"], g["bungkus"]
        kepala.append(sel)
    ws.append(kepala)
    for baris in buku.baris:
        ws.append(_sel_xlsx(ws, baris, g))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _sel_xlsx(ws, baris: BarisRegister, g) -> list:
    """Plain values are cheapest; a cell gets a style object only when it needs one (a date
    format, wrapped lines, the strike-through of a struck-out row), or when its text starts
    with "=": openpyxl would write it as a formula (a name typed as "=HYPERLINK(...)" must
    stay text in the registry's spreadsheet)."""
    hasil = []
    for kolom, nilai in zip(KOLOM, baris.sel(), strict=True):
        if nilai == "" or nilai is None:
            nilai = None
        rumus = isinstance(nilai, str) and nilai.startswith("=")
        perlu_gaya = baris.tercoret or kolom.tanggal or (isinstance(nilai, str) and "\n" in nilai)
        if not (perlu_gaya or rumus) or (nilai is None and not baris.tercoret):
            hasil.append(nilai)
            continue
        sel = WriteOnlyCell(ws, value=nilai)
        if rumus:
            sel.data_type = "s"
        if kolom.tanggal and nilai is not None:
            sel.number_format = FORMAT_TANGGAL_XLSX
        if isinstance(nilai, str) and "\n" in nilai:
            sel.alignment = g["bungkus"]
        if baris.tercoret:
            sel.font = g["coret"]
        hasil.append(sel)
    return hasil


# --- PDF ---

UKURAN = {"A4": landscape(A4), "F4": (330 * mm, 215 * mm)}
TEPI_KIRI = TEPI_KANAN = 12 * mm
TEPI_BAWAH = 16 * mm
ATAS_PERTAMA = 46 * mm  # the table's header on page 1: below the letterhead and the title
ATAS_LANJUT = 16 * mm  # the table's header on the next pages: below the running header
POTONGAN = 10  # rows per piece of the table (tabel_isi)

# (heading, width in mm on A4 landscape, scaled to the paper): the spec's columns grouped
# for paper; the number column fits "001/REG-PSI/KI-KALTIM/VIII/2024" on one line.
KOLOM_PDF = (
    ("No.", 7),
    ("Nomor Register / Tanggal", 46),
    ("Pemohon", 28),
    ("Termohon", 28),
    ("Informasi yang Diminta / Alasan", 40),
    ("Majelis / PP / Mediator", 32),
    ("Sidang", 34),
    ("Tahapan / Jalur / Hasil", 30),
    ("Salinan / Keberatan / BHT", 28),
)


@functools.cache
def _gaya_pdf() -> dict[str, ParagraphStyle]:
    gaya()  # registers the fonts
    sel = ParagraphStyle("reg_sel", fontName=SANS, fontSize=7, leading=8.6, spaceAfter=0)
    return {
        "sel": sel,
        "kepala": ParagraphStyle("reg_kepala", parent=sel, fontName=SANS_TEBAL),
    }


_HURUF = re.compile(r"^\s*([a-g])[.)]", re.IGNORECASE)


def _huruf_alasan(teks: str) -> str:
    """ "c. tidak ditanggapinya ...\ne. ..." -> "c, e" (the full wording is in the XLSX)."""
    return ", ".join(m.group(1).lower() for b in teks.splitlines() if (m := _HURUF.match(b)))


UKURAN_HURUF, JARAK_BARIS = 7, 8.6
WARNA_CORET = "#555555"


@functools.lru_cache(maxsize=65536)
def _lebar_teks(teks: str, font: str) -> float:
    return pdfmetrics.stringWidth(teks, font, UKURAN_HURUF)


def _bungkus(teks: str, lebar: float, lebar_pertama: float, font: str) -> list[str]:
    """Greedy word wrap; a word wider than the column is cut where it must be."""
    hasil: list[str] = []
    spasi = _lebar_teks(" ", font)
    kini, lebar_kini = "", 0.0
    for kata in teks.split(" "):
        maks = lebar_pertama if not hasil else lebar
        lk = _lebar_teks(kata, font)
        if kini and lebar_kini + spasi + lk <= maks:
            kini, lebar_kini = f"{kini} {kata}", lebar_kini + spasi + lk
            continue
        if kini:
            hasil.append(kini)
            maks = lebar
        while lk > maks and len(kata) > 1:
            potong = max(1, int(len(kata) * maks / lk))
            while potong > 1 and _lebar_teks(kata[:potong], font) > maks:
                potong -= 1
            hasil.append(kata[:potong])
            kata = kata[potong:]
            lk, maks = _lebar_teks(kata, font), lebar
        kini, lebar_kini = kata, lk
    hasil.append(kini)
    return hasil


class SelRegister(Flowable):
    """One cell of the printed register: labelled parts ("Majelis:", names), wrapped word
    by word and drawn with drawString, struck through when the row is struck out.

    A Paragraph per cell (markup parsing, fragments, a wrap per measuring pass) made a
    500-row register take seconds; this cell measures each width once and splits across a
    page by whole lines."""

    def __init__(self, bagian, *, coret: bool = False, tebal_pertama: bool = False, baris=None):
        super().__init__()
        self.bagian = tuple((label, bersihkan(teks)) for label, teks in bagian if teks)
        self.coret = coret
        self.tebal_pertama = tebal_pertama
        self._baris = baris  # [(label, text, bold)] once measured
        self._lebar = None if baris is None else -1.0

    def teks(self) -> str:
        return "\n".join(" ".join(filter(None, (lb, t))) for lb, t in self.bagian)

    def _pecah(self, lebar: float) -> list[tuple[str, str, bool]]:
        baris = []
        for i, (label, teks) in enumerate(self.bagian):
            tebal = self.tebal_pertama and i == 0
            font = SANS_TEBAL if tebal else SANS
            for j, paragraf in enumerate(teks.split("\n")):
                awal = label if j == 0 else ""
                geser = _lebar_teks(awal, SANS_TEBAL) + _lebar_teks(" ", SANS) if awal else 0
                for k, potong in enumerate(_bungkus(paragraf, lebar, lebar - geser, font)):
                    baris.append((awal if k == 0 else "", potong, tebal))
        return baris

    def wrap(self, lebar, tinggi):
        if self._lebar is None or (self._lebar != lebar and self._lebar >= 0):
            self._baris, self._lebar = self._pecah(lebar), lebar
        self.width, self.height = lebar, len(self._baris) * JARAK_BARIS
        return self.width, self.height

    def split(self, lebar, tinggi):
        self.wrap(lebar, tinggi)
        n = int(tinggi // JARAK_BARIS)
        if n <= 0 or n >= len(self._baris):
            return []
        return [
            SelRegister(self.bagian, coret=self.coret, baris=self._baris[:n]),
            SelRegister(self.bagian, coret=self.coret, baris=self._baris[n:]),
        ]

    def draw(self):
        c = self.canv
        if self.coret:
            c.setFillColor(WARNA_CORET)
            c.setStrokeColor(WARNA_CORET)
            c.setLineWidth(0.5)
        y = self.height - UKURAN_HURUF
        for label, teks, tebal in self._baris:
            x = 0.0
            if label:
                c.setFont(SANS_TEBAL, UKURAN_HURUF)
                c.drawString(x, y, label)
                x += _lebar_teks(label, SANS_TEBAL) + _lebar_teks(" ", SANS)
            font = SANS_TEBAL if tebal else SANS
            c.setFont(font, UKURAN_HURUF)
            c.drawString(x, y, teks)
            if self.coret:
                c.line(0, y + 2.3, x + _lebar_teks(teks, font), y + 2.3)
            y -= JARAK_BARIS


def sel_pdf(b: BarisRegister) -> list[SelRegister]:
    """The grouped cells of one row; a struck-out row struck through."""
    t, coret = b.teks, b.tercoret
    alasan = _huruf_alasan(b.alasan)

    def sel(*bagian, tebal_pertama=False):
        return SelRegister(bagian, coret=coret, tebal_pertama=tebal_pertama)

    return [
        sel(("", str(b.no))),
        sel(
            ("", b.nomor_register),
            ("Diterima:", t("tanggal_diterima")),
            ("Registrasi:", t("tanggal_registrasi")),
            ("", b.dicoret.upper()),
        ),
        sel(
            ("", b.pemohon),
            ("", f"({b.jenis_pemohon})" if b.jenis_pemohon else ""),
            ("Kuasa:", b.kuasa),
        ),
        sel(("", b.termohon)),
        sel(("", b.informasi), ("Alasan:", f"Pasal 35 ayat (1) huruf {alasan}" if alasan else "")),
        sel(("Majelis:", b.majelis), ("PP:", b.panitera_pengganti), ("Mediator:", b.mediator)),
        sel(("", b.sidang)),
        sel(
            ("", b.tahapan),
            ("Jalur:", b.jalur),
            ("Hasil:", b.hasil),
            ("Tanggal:", t("tanggal_selesai")),
            tebal_pertama=True,
        ),
        sel(
            ("Salinan:", b.penerimaan_salinan),
            ("Keberatan:", b.keberatan),
            ("BHT:", t("tanggal_inkracht")),
        ),
    ]


class HiasanRegister(Hiasan):
    """What every page carries, drawn once the page count is known: the letterhead, the
    title and the period on the first page, a running header on the next ones, the header
    row of the table on every page, and "Halaman X dari Y"."""

    def __init__(self, kop: KopSurat, buku: BukuRegister, ukuran, dicetak: date, kepala: Table):
        super().__init__(_NaskahKop(kop), ukuran)
        self.buku = buku
        self.dicetak = dicetak
        self.kepala = kepala

    def __call__(self, c, halaman: int, total: int) -> None:
        c.saveState()
        if halaman == 1:
            self._kop(c)  # its double rule lies about 31 mm from the top
            c.setFont(SERIF_TEBAL, 12)
            c.drawCentredString(self.lebar / 2, self.tinggi - 38 * mm, JUDUL)
            c.setFont(SERIF, 10)
            c.drawCentredString(
                self.lebar / 2, self.tinggi - 42.5 * mm, bersihkan(self.buku.periode)
            )
            atas = self.tinggi - ATAS_PERTAMA
        else:
            c.setFont(SERIF, 8)
            c.drawString(
                TEPI_KIRI,
                self.tinggi - 10 * mm,
                bersihkan(f"{JUDUL.title()} · {self.buku.komisi_nama} · {self.buku.periode}"),
            )
            atas = self.tinggi - ATAS_LANJUT
        _l, h = self.kepala.wrap(self.lebar, self.tinggi)
        self.kepala.drawOn(c, TEPI_KIRI, atas - h)
        c.setFont(SERIF, 8)
        c.drawString(TEPI_KIRI, 8 * mm, f"Dicetak {format_tanggal(self.dicetak)}")
        c.drawRightString(self.lebar - TEPI_KANAN, 8 * mm, f"Halaman {halaman} dari {total}")
        c.restoreState()


class _NaskahKop:
    """What Hiasan._kop reads: the letterhead only."""

    def __init__(self, kop: KopSurat):
        self.kop = kop
        self.cap = ""


GAYA_SEL = [
    ("FONT", (0, 0), (-1, -1), SANS, 7),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("GRID", (0, 0), (-1, -1), 0.4, "#777777"),
    ("LEFTPADDING", (0, 0), (-1, -1), 2),
    ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
]


def lebar_kolom(lebar: float) -> list[float]:
    total = sum(w for _j, w in KOLOM_PDF)
    return [lebar * w / total for _j, w in KOLOM_PDF]


def tabel_kepala(lebar: float) -> Table:
    g = _gaya_pdf()
    kepala = Table(
        [[Paragraph(aman(judul), g["kepala"]) for judul, _w in KOLOM_PDF]],
        colWidths=lebar_kolom(lebar),
    )
    kepala.setStyle(TableStyle([*GAYA_SEL, ("BACKGROUND", (0, 0), (-1, -1), "#DDDDDD")]))
    return kepala


def tabel_isi(buku: BukuRegister, lebar: float) -> list[Table]:
    """The rows as a stack of small tables of the same columns (they look like one): at
    every page break reportlab re-measures the rest of the table it splits, so pieces of
    POTONGAN rows bound that work whatever the length of the register."""
    g = _gaya_pdf()
    kolom = lebar_kolom(lebar)
    if not buku.baris:
        kosong = Table(
            [[Paragraph("Tidak ada perkara dalam periode ini.", g["sel"])] + [""] * 8],
            colWidths=kolom,
        )
        kosong.setStyle(TableStyle([*GAYA_SEL, ("SPAN", (0, 0), (-1, 0))]))
        return [kosong]
    hasil = []
    for awal in range(0, len(buku.baris), POTONGAN):
        potongan = buku.baris[awal : awal + POTONGAN]
        tabel = Table([sel_pdf(b) for b in potongan], colWidths=kolom, splitInRow=1)
        tabel.setStyle(TableStyle(GAYA_SEL))
        hasil.append(tabel)
    return hasil


def _bingkai(x: float, y: float, lebar: float, tinggi: float, nama: str) -> Frame:
    # No padding: the body lines up with the header row drawn by the page decoration.
    return Frame(
        x, y, lebar, tinggi, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=nama
    )


def pdf_buku_register(buku: BukuRegister, kop: KopSurat, *, dicetak: date | None = None) -> bytes:
    ukuran = UKURAN.get(kop.ukuran_kertas, UKURAN["A4"])
    lebar, tinggi = ukuran
    isi = lebar - TEPI_KIRI - TEPI_KANAN
    kepala = tabel_kepala(isi)
    _l, tinggi_kepala = kepala.wrap(isi, tinggi)
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=ukuran,
        leftMargin=TEPI_KIRI,
        rightMargin=TEPI_KANAN,
        topMargin=ATAS_LANJUT,
        bottomMargin=TEPI_BAWAH,
        title=f"{JUDUL.title()} {bersihkan(buku.periode)}",
        author=bersihkan(kop.nama),
        initialFontName=SERIF,
        initialFontSize=8,
    )
    atas_pertama = tinggi - ATAS_PERTAMA - tinggi_kepala
    atas_lanjut = tinggi - ATAS_LANJUT - tinggi_kepala
    doc.addPageTemplates(
        [
            PageTemplate(
                "pertama", [_bingkai(TEPI_KIRI, TEPI_BAWAH, isi, atas_pertama - TEPI_BAWAH, "f1")]
            ),
            PageTemplate(
                "lanjut", [_bingkai(TEPI_KIRI, TEPI_BAWAH, isi, atas_lanjut - TEPI_BAWAH, "f2")]
            ),
        ]
    )
    cerita = [NextPageTemplate("lanjut"), *tabel_isi(buku, isi)]
    hiasan = HiasanRegister(kop, buku, ukuran, dicetak or date.today(), kepala)
    doc.build(cerita, canvasmaker=functools.partial(KanvasBernomor, hiasan=hiasan))
    return buf.getvalue()
