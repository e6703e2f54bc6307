"""The verification mark stamped on a signed PDF uploaded back as the version of record
(dokumen.md "Integrity": every page carries a QR code and the code).

The signed file is kept byte for byte: the mark is appended as an incremental update
(pypdf `incremental=True`), so the uploaded bytes are the first bytes of the stored file
and a digital signature inside them keeps its signed byte range. Only a PDF that cannot be
updated in place (encrypted with an empty password, a damaged cross-reference table) is
rewritten, with the same page content.

The mark sits in the right margin at the bottom of each page, where the generated letters
(20 mm right margin, dokumen.render.pdf) and their Word drafts print nothing: the QR
(14 mm) at the foot, the code and the verification URL written upwards above it, each on
a small white ground so that a scan's grey does not stop a phone from reading it. It is
drawn with reportlab once per page size and merged onto every page, turned with the page
when the page carries a /Rotate.
"""

import io
import logging

from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.errors import PyPdfError
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from .render.pdf import SERIF, bersihkan, daftarkan_font, jalur_qr

log = logging.getLogger(__name__)

QR_SISI = 14 * mm
TEPI = 4 * mm  # from the page's right and bottom edges (printers' unprintable border)
ALAS = 1.2 * mm  # white ground around the QR (a quiet zone for the reader)
UKURAN_TEKS = 6.5
HALAMAN_MAKS = 2000


class BerkasTidakBisaDicap(Exception):
    """The uploaded file cannot carry the mark; `kode` says why (for the message)."""

    def __init__(self, kode: str):
        self.kode = kode
        super().__init__(kode)


def _gambar_cap(c: Canvas, lebar: float, tinggi: float, kode: str, url: str) -> None:
    sisi = min(QR_SISI, 0.2 * min(lebar, tinggi))
    x, y = lebar - TEPI - sisi, min(8 * mm, 0.05 * tinggi)
    c.setFillColorRGB(1, 1, 1)
    c.rect(x - ALAS, y - ALAS, sisi + 2 * ALAS, sisi + 2 * ALAS, stroke=0, fill=1)
    teks = f"Kode verifikasi: {kode} · {bersihkan(url)}"
    panjang = pdfmetrics.stringWidth(teks, SERIF, UKURAN_TEKS)
    tengah, awal = x + sisi / 2, y + sisi + 2.5 * mm
    c.rect(tengah - UKURAN_TEKS * 0.6, awal - 1, UKURAN_TEKS * 1.2, panjang + 2, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.saveState()
    # Upwards: rotated a quarter turn, the glyphs stand left of the baseline.
    c.translate(tengah + UKURAN_TEKS * 0.35, awal)
    c.rotate(90)
    c.setFont(SERIF, UKURAN_TEKS)
    c.drawString(0, 0, teks)
    c.restoreState()
    c.saveState()
    n, operator = jalur_qr(url)
    c.translate(x, y)
    c.scale(sisi / n, sisi / n)
    c._code.append(operator)  # one "re" per dark run, as on the generated letters
    c.restoreState()


def _lapisan(ukuran: list[tuple[float, float]], kode: str, url: str) -> PdfReader:
    """One overlay page per distinct displayed page size, in the order given."""
    daftarkan_font()
    buf = io.BytesIO()
    c = Canvas(buf, initialFontName=SERIF, pageCompression=1)
    for lebar, tinggi in ukuran:
        c.setPageSize((lebar, tinggi))
        _gambar_cap(c, lebar, tinggi, kode, url)
        c.showPage()
    c.save()
    return PdfReader(io.BytesIO(buf.getvalue()))


def _putaran(halaman, lebar: float, tinggi: float, kiri: float, bawah: float) -> Transformation:
    """From the displayed page (origin bottom left as the reader sees it) to the page's own
    space: /Rotate turns the page clockwise for display."""
    putar = (halaman.rotation or 0) % 360
    if putar == 90:
        return Transformation((0, 1, -1, 0, kiri + lebar, bawah))
    if putar == 180:
        return Transformation((-1, 0, 0, -1, kiri + lebar, bawah + tinggi))
    if putar == 270:
        return Transformation((0, -1, 1, 0, kiri, bawah + tinggi))
    return Transformation((1, 0, 0, 1, kiri, bawah))


def _penulis(isi: bytes) -> PdfWriter:
    try:
        pembaca = PdfReader(io.BytesIO(isi), strict=False)
        if pembaca.is_encrypted and not pembaca.decrypt(""):
            raise BerkasTidakBisaDicap("terkunci")
        jumlah = len(pembaca.pages)
    except BerkasTidakBisaDicap:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise BerkasTidakBisaDicap("rusak") from None
    if jumlah == 0:
        raise BerkasTidakBisaDicap("kosong")
    if jumlah > HALAMAN_MAKS:
        raise BerkasTidakBisaDicap("terlalu_banyak")
    if not pembaca.is_encrypted:
        try:
            return PdfWriter(io.BytesIO(isi), incremental=True)
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
            log.warning("PDF tertanda ditulis ulang (pembaruan bertahap gagal: %s)", exc)
    return PdfWriter(clone_from=pembaca)


def cap_verifikasi(isi: bytes, *, kode: str, url: str) -> bytes:
    """The signed PDF with the verification QR and code on every page (see the module)."""
    penulis = _penulis(isi)
    try:
        kotak = []  # (page, its size as displayed, the visible box in its own space)
        for h in penulis.pages:
            b = h.cropbox
            asli = (float(b.width), float(b.height), float(b.left), float(b.bottom))
            tampil = (asli[1], asli[0]) if (h.rotation or 0) % 180 == 90 else asli[:2]
            kotak.append((h, (round(tampil[0], 2), round(tampil[1], 2)), asli))
        ukuran = list(dict.fromkeys(tampil for _h, tampil, _asli in kotak))
        lapisan = _lapisan(ukuran, kode, url)
        for h, tampil, asli in kotak:
            h.merge_transformed_page(
                lapisan.pages[ukuran.index(tampil)], _putaran(h, *asli), over=True
            )
        keluar = io.BytesIO()
        penulis.write(keluar)
    except BerkasTidakBisaDicap:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        log.warning("PDF tertanda tidak dapat dicap", exc_info=True)
        raise BerkasTidakBisaDicap("rusak") from None
    return keluar.getvalue()
