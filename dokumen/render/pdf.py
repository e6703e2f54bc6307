"""PDF base renderer (reportlab): letterhead, verification QR and code, "Halaman X dari Y"
on every page; the body comes from a `Naskah` of neutral blocks.

Costs kept out of the per-letter path: fonts are registered once per process, styles are
built once, and the letterhead and the QR are each drawn once per document as a form
XObject that every page references.
"""

import functools
import io
import re
from pathlib import Path
from xml.sax.saxutils import escape

import segno
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from .data import Daftar, Judul, Naskah, Paragraf, Rincian, Ttd

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
SERIF, SERIF_TEBAL = "DejaVuSerif", "DejaVuSerif-Bold"
SANS, SANS_TEBAL = "DejaVuSans", "DejaVuSans-Bold"

UKURAN = {"A4": A4, "F4": (215 * mm, 330 * mm)}
KIRI, KANAN, ATAS, BAWAH = 25 * mm, 20 * mm, 38 * mm, 32 * mm
QR_SISI = 20 * mm
LOGO_LEBAR_MAKS = 30 * mm
LOGO_JARAK = 4 * mm  # between the logo and the letterhead's text
# A fixed mask pattern: every mask is valid for decoders, and choosing the "best" one
# (scoring all eight) was two thirds of segno's time per code.
MASK_QR = 4
LEBAR_LABEL = 45 * mm

# Characters XML (DOCX) and reportlab cannot carry; user text may contain them.
_KONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def bersihkan(teks: str) -> str:
    return _KONTROL.sub("", teks or "")


def aman(teks: str) -> str:
    """User text for a reportlab Paragraph: its mini-markup (<img src=...>, <a href=...>)
    must never be interpreted, so everything is escaped; line breaks are kept."""
    return escape(bersihkan(teks)).replace("\n", "<br/>")


@functools.cache
def daftarkan_font() -> None:
    for nama, berkas in (
        (SERIF, "DejaVuSerif.ttf"),
        (SERIF_TEBAL, "DejaVuSerif-Bold.ttf"),
        (SANS, "DejaVuSans.ttf"),
        (SANS_TEBAL, "DejaVuSans-Bold.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(nama, str(FONT_DIR / berkas)))
    pdfmetrics.registerFontFamily(SERIF, normal=SERIF, bold=SERIF_TEBAL)
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_TEBAL)


@functools.cache
def gaya() -> dict[str, ParagraphStyle]:
    daftarkan_font()
    dasar = ParagraphStyle(
        "dasar",
        fontName=SERIF,
        bulletFontName=SERIF,
        fontSize=11,
        leading=14,
        alignment=TA_JUSTIFY,
        spaceAfter=5,
    )
    return {
        "dasar": dasar,
        "rapat": ParagraphStyle("rapat", parent=dasar, spaceAfter=0),
        "kiri": ParagraphStyle("kiri", parent=dasar, alignment=TA_LEFT),
        "tengah": ParagraphStyle("tengah", parent=dasar, alignment=TA_CENTER),
        "judul": ParagraphStyle(
            "judul", parent=dasar, fontName=SERIF_TEBAL, fontSize=13, leading=17,
            alignment=TA_CENTER, spaceAfter=2,
        ),
        "subjudul": ParagraphStyle(
            "subjudul", parent=dasar, alignment=TA_CENTER, spaceAfter=0
        ),
        "butir": ParagraphStyle(
            "butir", parent=dasar, leftIndent=8 * mm, bulletIndent=1 * mm,
            bulletFontName=SERIF, spaceAfter=3,
        ),
        "sel": ParagraphStyle("sel", parent=dasar, alignment=TA_LEFT, spaceAfter=0),
        "ttd": ParagraphStyle(
            "ttd", parent=dasar, alignment=TA_LEFT, leftIndent=95 * mm, spaceAfter=0
        ),
    }  # fmt: skip


@functools.lru_cache(maxsize=16)
def gambar_logo(logo: bytes) -> ImageReader:
    """One decoded image per logo (the PNG bytes are the commission's, cached upstream)."""
    return ImageReader(io.BytesIO(logo))


@functools.lru_cache(maxsize=256)
def matriks_qr(url: str) -> tuple[tuple[int, int, int], ...]:
    """Dark runs (row, first column, length) of the QR symbol, so each run is one rectangle."""
    qr = segno.make(url, error="m", micro=False, mask=MASK_QR)
    runs = []
    for r, baris in enumerate(qr.matrix):
        c, n = 0, len(baris)
        while c < n:
            if baris[c]:
                awal = c
                while c < n and baris[c]:
                    c += 1
                runs.append((r, awal, c - awal))
            else:
                c += 1
    return (len(qr.matrix), *runs)


@functools.lru_cache(maxsize=256)
def jalur_qr(url: str) -> tuple[int, str]:
    n, *runs = matriks_qr(url)
    return n, " ".join(f"{k} {n - 1 - r} {p} 1 re" for r, k, p in runs) + " f"


class Hiasan:
    """What every page carries: letterhead, QR + code + URL, and the page count."""

    def __init__(self, naskah: Naskah, ukuran):
        self.naskah = naskah
        self.lebar, self.tinggi = ukuran

    def _kop(self, c: Canvas) -> None:
        kop, y = self.naskah.kop, self.tinggi - 14 * mm
        atas = self.tinggi - 8 * mm  # the logo's top edge
        logo = gambar_logo(kop.logo) if kop.logo else None
        kiri = KIRI
        if logo:
            # The text is centred in the space right of the logo, as on printed kop surat.
            lebar_px, tinggi_px = logo.getSize()
            tinggi_logo = 19 * mm  # from 8 mm below the page's top to above the rule
            lebar_logo = min(LOGO_LEBAR_MAKS, tinggi_logo * lebar_px / tinggi_px)
            tinggi_logo = lebar_logo * tinggi_px / lebar_px
            kiri = KIRI + lebar_logo + LOGO_JARAK
        tengah, maks = (kiri + self.lebar - KANAN) / 2, self.lebar - KANAN - kiri
        # The letterhead uses the body's family: each embedded font costs a subset per file.
        baris = [
            (kop.nama.upper(), SERIF_TEBAL, 13),
            (kop.alamat, SERIF, 9),
            (kop.kontak, SERIF, 9),
        ]
        for teks, font, ukuran in baris:
            teks = bersihkan(teks).replace("\n", ", ")
            if not teks:
                continue
            while ukuran > 6 and pdfmetrics.stringWidth(teks, font, ukuran) > maks:
                ukuran -= 0.5
            c.setFont(font, ukuran)
            c.drawCentredString(tengah, y, teks)
            y -= ukuran + 4
        y -= 1 * mm
        if logo:
            bawah = max(y + 1.5 * mm, atas - tinggi_logo)
            c.drawImage(
                logo, KIRI, bawah, lebar_logo, atas - bawah,
                mask="auto", preserveAspectRatio=True, anchor="c",
            )  # fmt: skip
        c.setLineWidth(1.5)
        c.line(KIRI, y, self.lebar - KANAN, y)
        c.setLineWidth(0.5)
        c.line(KIRI, y - 2, self.lebar - KANAN, y - 2)

    def _qr(self, c: Canvas) -> None:
        # In module units every coordinate is an integer: the path is written as raw
        # operators (one "re" per dark run), far cheaper than a float path per rectangle.
        n, operator = jalur_qr(self.naskah.penanda.url)
        modul = QR_SISI / n
        c.setFillColorRGB(0, 0, 0)
        c.scale(modul, modul)
        c._code.append(operator)

    def __call__(self, c: Canvas, halaman: int, total: int) -> None:
        if halaman == 1:
            c.beginForm("kop")
            self._kop(c)
            c.endForm()
            c.beginForm("qr")
            self._qr(c)
            c.endForm()
        c.saveState()
        c.doForm("kop")
        # A quiet zone of 4 modules is kept by the margin around the symbol.
        x, y = KIRI, 8 * mm
        c.translate(x, y)
        c.doForm("qr")
        c.restoreState()
        p = self.naskah.penanda
        c.setFont(SERIF, 8)
        c.drawString(KIRI + QR_SISI + 4 * mm, 8 * mm + 12, f"Kode verifikasi: {p.kode}")
        c.drawString(KIRI + QR_SISI + 4 * mm, 8 * mm + 2, bersihkan(p.url))
        c.drawRightString(self.lebar - KANAN, 8 * mm + 2, f"Halaman {halaman} dari {total}")
        if self.naskah.cap:
            self._cap(c)

    def _cap(self, c: Canvas) -> None:
        """A stamp ("SALINAN") boxed in the top right corner of every page."""
        teks = bersihkan(self.naskah.cap)
        # Above the letterhead's first line (whose cap height reaches ~9 mm from the top).
        c.setFont(SERIF_TEBAL, 10)
        lebar = pdfmetrics.stringWidth(teks, SERIF_TEBAL, 10)
        x, y = self.lebar - KANAN - lebar, self.tinggi - 6.5 * mm
        c.drawString(x, y, teks)
        c.setLineWidth(1)
        c.rect(x - 1.5 * mm, y - 1.2 * mm, lebar + 3 * mm, 10 + 2 * mm)


class KanvasBernomor(Canvas):
    """Two passes over the pages: platypus lays out the body, then at save() the page count
    is known and each page gets its decoration ("Halaman X dari Y")."""

    def __init__(self, *args, hiasan: Hiasan, **kwargs):
        super().__init__(*args, **kwargs)
        self._hiasan = hiasan
        self._halaman: list[dict] = []

    def showPage(self):
        self._halaman.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._halaman)
        for nomor, keadaan in enumerate(self._halaman, start=1):
            self.__dict__.update(keadaan)
            self._hiasan(self, nomor, total)
            super().showPage()
        super().save()


class PdfRenderer:
    """Blocks -> flowables. Override a `blok_*` method to change how a block looks."""

    def render(self, naskah: Naskah) -> bytes:
        g = gaya()
        ukuran = UKURAN.get(naskah.kop.ukuran_kertas, A4)
        buf = io.BytesIO()
        doc = SimpleDocTemplate(
            buf,
            pagesize=ukuran,
            leftMargin=KIRI,
            rightMargin=KANAN,
            topMargin=ATAS,
            bottomMargin=BAWAH,
            title=bersihkan(naskah.judul_berkas),
            author=bersihkan(naskah.kop.nama),
            subject=f"Kode verifikasi {naskah.penanda.kode}",
            # The canvas' own initial font would pull Helvetica into every page.
            initialFontName=SERIF,
            initialFontSize=11,
        )
        cerita = []
        for blok in naskah.blok:
            cerita.extend(getattr(self, f"blok_{type(blok).__name__.lower()}")(blok, g))
        hiasan = Hiasan(naskah, ukuran)
        doc.build(cerita, canvasmaker=functools.partial(KanvasBernomor, hiasan=hiasan))
        return buf.getvalue()

    def blok_judul(self, b: Judul, g) -> list:
        hasil = [Paragraph(aman(b.teks), g["judul"])]
        hasil += [Paragraph(aman(s), g["subjudul"]) for s in b.sub]
        return [*hasil, Spacer(1, 4 * mm)]

    def blok_paragraf(self, b: Paragraf, g) -> list:
        nama = {"left": "kiri", "center": "tengah"}.get(b.rata, "dasar")
        style = g[nama] if b.spasi_sesudah else ParagraphStyle("x", parent=g[nama], spaceAfter=0)
        teks = aman(b.teks)
        return [Paragraph(f"<b>{teks}</b>" if b.tebal else teks, style)]

    def blok_daftar(self, b: Daftar, g) -> list:
        return [
            Paragraph(aman(teks), g["butir"], bulletText=f"{i}." if b.bernomor else "•")
            for i, teks in enumerate(b.butir, start=1)
        ] + [Spacer(1, 2 * mm)]

    def blok_rincian(self, b: Rincian, g) -> list:
        data = [
            [self._label(label, g), ":", Paragraph(aman(nilai), g["sel"])]
            for label, nilai in b.baris
        ]
        # splitInRow: a value longer than a page (a long agenda) continues on the next one.
        tabel = Table(data, colWidths=[LEBAR_LABEL, 5 * mm, None], hAlign="LEFT", splitInRow=1)
        tabel.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), SERIF, 11),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        return [tabel, Spacer(1, 4 * mm)]

    def _label(self, label: str, g):
        """A plain string is cheap; only a label wider than its column needs wrapping."""
        label = bersihkan(label)
        if pdfmetrics.stringWidth(label, SERIF, 11) < LEBAR_LABEL - 2 * mm:
            return label
        return Paragraph(aman(label), g["sel"])

    def blok_ttd(self, b: Ttd, g) -> list:
        t = b.tanda_tangan
        baris = [Paragraph(aman(t.tempat_tanggal), g["ttd"])]
        if t.atas_nama:
            baris.append(Paragraph(aman(t.atas_nama), g["ttd"]))
        baris += [
            Paragraph(aman(t.jabatan), g["ttd"]),
            Spacer(1, 16 * mm),
            Paragraph(f"<b>{aman(t.nama)}</b>", g["ttd"]),
        ]
        return [Spacer(1, 3 * mm), KeepTogether(baris)]
