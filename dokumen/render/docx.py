"""DOCX base renderer (python-docx) for documents people edit before signing.

The letterhead, page size, margins, styles and the footer's page fields are built once per
letterhead into a base document kept as bytes; each letter loads a fresh copy of it, adds
the verification mark to the footer and the body blocks. python-docx's default page is US
Letter: the base sets A4 or F4.
"""

import functools
import io

import segno
from docx import Document
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from .data import Daftar, Judul, KopSurat, Naskah, Paragraf, Rincian, Ttd
from .pdf import MASK_QR, bersihkan

UKURAN = {"A4": (Mm(210), Mm(297)), "F4": (Mm(215), Mm(330))}
FONT, FONT_KOP = "DejaVu Serif", "DejaVu Sans"
RATA = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
}


def _atur_font(style, nama: str, ukuran: int) -> None:
    style.font.name = nama
    style.font.size = Pt(ukuran)
    # Word picks the east-Asian/complex-script font from rFonts too; set them all.
    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for atribut in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(atribut), nama)


def _field(paragraf, instr: str) -> None:
    """A simple field (PAGE, NUMPAGES) that Word/LibreOffice update when laying out."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    run = OxmlElement("w:r")
    teks = OxmlElement("w:t")
    teks.text = "1"
    run.append(teks)
    fld.append(run)
    paragraf._p.append(fld)


def _garis_bawah(paragraf) -> None:
    pPr = paragraf._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bawah = OxmlElement("w:bottom")
    for k, v in (
        ("w:val", "thinThickSmallGap"),
        ("w:sz", "18"),
        ("w:space", "1"),
        ("w:color", "000000"),
    ):
        bawah.set(qn(k), v)
    bdr.append(bawah)
    pPr.append(bdr)


def _teks_kop(wadah, p, kop: KopSurat) -> None:
    """The commission's name, address and contacts, centred, from paragraph `p` on."""
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(bersihkan(kop.nama).upper())
    run.bold, run.font.size, run.font.name = True, Pt(13), FONT_KOP
    for teks in (kop.alamat, kop.kontak):
        teks = bersihkan(teks).replace("\n", ", ")
        if teks:
            baris = wadah.add_paragraph()
            baris.alignment = WD_ALIGN_PARAGRAPH.CENTER
            baris.paragraph_format.space_after = Pt(0)
            r = baris.add_run(teks)
            r.font.size, r.font.name = Pt(9), FONT_KOP


def _kop_dengan_logo(kepala, kop: KopSurat, lebar) -> None:
    """Logo left, text centred right of it: a borderless one-row table (Word has no other
    way to put them side by side without floating shapes), then the double rule."""
    tabel = kepala.add_table(rows=1, cols=2, width=lebar)
    tabel.autofit = False
    lebar_logo = Cm(2.6)
    for kolom, w in zip(tabel.columns, (lebar_logo, lebar - lebar_logo), strict=True):
        kolom.width = w
    sel_logo, sel_teks = tabel.rows[0].cells
    sel_logo.width, sel_teks.width = lebar_logo, lebar - lebar_logo
    sel_logo.vertical_alignment = sel_teks.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    gambar = sel_logo.paragraphs[0]
    gambar.paragraph_format.space_after = Pt(0)
    # PNG header: width and height at bytes 16-24. The logo fits 19 mm high, 24 mm wide.
    lebar_px, tinggi_px = int.from_bytes(kop.logo[16:20]), int.from_bytes(kop.logo[20:24])
    tinggi = min(Mm(19), int(Mm(24) * tinggi_px / max(lebar_px, 1)))
    gambar.add_run().add_picture(io.BytesIO(kop.logo), height=tinggi)
    _teks_kop(sel_teks, sel_teks.paragraphs[0], kop)
    # The header's own first paragraph comes before the table: it carries the rule instead.
    pertama = kepala.paragraphs[0]
    pertama._p.getparent().remove(pertama._p)
    kepala._element.append(pertama._p)
    pertama.paragraph_format.space_after = Pt(0)
    pertama.paragraph_format.line_spacing = Pt(4)


@functools.lru_cache(maxsize=16)
def dokumen_dasar(kop: KopSurat) -> bytes:
    doc = Document()
    bagian = doc.sections[0]
    bagian.page_width, bagian.page_height = UKURAN.get(kop.ukuran_kertas, UKURAN["A4"])
    bagian.left_margin, bagian.right_margin = Mm(25), Mm(20)
    bagian.top_margin, bagian.bottom_margin = Mm(20), Mm(20)
    bagian.header_distance, bagian.footer_distance = Mm(10), Mm(8)
    normal = doc.styles["Normal"]
    _atur_font(normal, FONT, 11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15

    kepala = bagian.header
    if kop.logo:
        _kop_dengan_logo(kepala, kop, bagian.page_width - bagian.left_margin - bagian.right_margin)
    else:
        _teks_kop(kepala, kepala.paragraphs[0], kop)
    _garis_bawah(kepala.paragraphs[-1])

    kaki = bagian.footer.paragraphs[0]  # the verification mark goes here per letter
    kaki.paragraph_format.space_after = Pt(0)
    halaman = bagian.footer.add_paragraph()
    halaman.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    halaman.add_run("Halaman ")
    _field(halaman, "PAGE")
    halaman.add_run(" dari ")
    _field(halaman, "NUMPAGES")
    for p in bagian.footer.paragraphs:
        for r in p.runs:
            r.font.size = Pt(8)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


@functools.lru_cache(maxsize=256)
def png_qr(url: str) -> bytes:
    buf = io.BytesIO()
    segno.make(url, error="m", micro=False, mask=MASK_QR).save(buf, kind="png", scale=4, border=2)
    return buf.getvalue()


class DocxRenderer:
    """Blocks -> paragraphs and tables. Override a `blok_*` method to change a block."""

    def render(self, naskah: Naskah) -> bytes:
        doc = Document(io.BytesIO(dokumen_dasar(naskah.kop)))
        doc.core_properties.title = bersihkan(naskah.judul_berkas)
        doc.core_properties.subject = f"Kode verifikasi {naskah.penanda.kode}"
        self.penanda(doc, naskah)
        for blok in naskah.blok:
            getattr(self, f"blok_{type(blok).__name__.lower()}")(doc, blok)
        buf = io.BytesIO()
        doc.save(buf)
        return buf.getvalue()

    def penanda(self, doc, naskah: Naskah) -> None:
        kaki = doc.sections[0].footer.paragraphs[0]
        kaki.add_run().add_picture(io.BytesIO(png_qr(naskah.penanda.url)), width=Mm(16))
        teks = kaki.add_run(
            f"  Kode verifikasi: {naskah.penanda.kode} · {bersihkan(naskah.penanda.url)}"
        )
        teks.font.size = Pt(8)

    def _paragraf(self, doc, teks: str, *, tebal=False, rata="justify", spasi=True):
        p = doc.add_paragraph()
        p.alignment = RATA.get(rata, WD_ALIGN_PARAGRAPH.JUSTIFY)
        if not spasi:
            p.paragraph_format.space_after = Pt(0)
        run = p.add_run(bersihkan(teks))
        run.bold = tebal or None
        return p

    def blok_judul(self, doc, b: Judul) -> None:
        self._paragraf(doc, b.teks, tebal=True, rata="center", spasi=not b.sub)
        for i, s in enumerate(b.sub, start=1):
            self._paragraf(doc, s, rata="center", spasi=i == len(b.sub))

    def blok_paragraf(self, doc, b: Paragraf) -> None:
        self._paragraf(doc, b.teks, tebal=b.tebal, rata=b.rata, spasi=b.spasi_sesudah)

    def blok_daftar(self, doc, b: Daftar) -> None:
        # Explicit numbers: Word's list numbering would continue across separate lists.
        for i, teks in enumerate(b.butir, start=1):
            p = self._paragraf(doc, "")
            p.paragraph_format.left_indent = Cm(0.8)
            p.paragraph_format.first_line_indent = Cm(-0.8)
            p.paragraph_format.tab_stops.add_tab_stop(Cm(0.8))
            p.paragraph_format.space_after = Pt(2)
            p.runs[0].text = f"{i}.\t" if b.bernomor else "•\t"
            p.add_run(bersihkan(teks))

    def blok_rincian(self, doc, b: Rincian) -> None:
        lebar = (Cm(4.5), Cm(0.5), Cm(11.5))
        tabel = doc.add_table(rows=0, cols=3)
        tabel.alignment = WD_TABLE_ALIGNMENT.LEFT
        tabel.autofit = False
        for kolom, w in zip(tabel.columns, lebar, strict=True):
            kolom.width = w  # the tblGrid LibreOffice reads
        for label, nilai in b.baris:
            sel = tabel.add_row().cells  # add_row: table.cell(r, c) in a loop is quadratic
            for c, teks, w in zip(sel, (label, ":", nilai), lebar, strict=True):
                c.width = w
                c.paragraphs[0].add_run(bersihkan(teks))
                c.paragraphs[0].paragraph_format.space_after = Pt(2)
        doc.add_paragraph().paragraph_format.space_after = Pt(0)

    def blok_ttd(self, doc, b: Ttd) -> None:
        t = b.tanda_tangan
        atas_nama = [t.atas_nama] if t.atas_nama else []
        for teks in [t.tempat_tanggal, *atas_nama, t.jabatan, "", "", ""]:
            p = self._paragraf(doc, teks, rata="left", spasi=False)
            p.paragraph_format.left_indent = Cm(9.5)
        p = self._paragraf(doc, t.nama, tebal=True, rata="left", spasi=False)
        p.paragraph_format.left_indent = Cm(9.5)
