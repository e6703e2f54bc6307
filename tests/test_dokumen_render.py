"""Renderers are pure: a context of formatted text in, bytes out, no database."""

import io

import pytest
from docx import Document
from pypdf import PdfReader

from dokumen.render import FORMAT, render
from dokumen.render.data import KonteksPanggilan, KopSurat, Penanda, TandaTangan

NAMA_JAHAT = 'Ñoño Đặng <img src=/etc/passwd> <a href="javascript:alert(1)">klik</a> "kutip" \'x\''
KODE = "ABCDEFGH23"
URL = f"http://127.0.0.1:8000/verifikasi/{KODE}/"


def kop(ukuran="A4"):
    return KopSurat(
        nama="Komisi Informasi Provinsi Kalimantan Timur",
        alamat="Jl. Kesuma Bangsa No. 1, Samarinda",
        telepon="0541 000000",
        email="sengketa@example.org",
        situs_web="https://ki.example.org",
        kota="Samarinda",
        ukuran_kertas=ukuran,
    )


def panggilan(kepada="Budi Santoso", ukuran="A4", agenda="Pemeriksaan awal"):
    return KonteksPanggilan(
        kop=kop(ukuran),
        penanda=Penanda(KODE, URL),
        nomor_surat="001/PANG/KI-KALTIM/III/2024",
        panggilan_ke=2,
        kepada=kepada,
        sebagai="Pemohon",
        alamat_kepada="Jl. Juanda No. 5\nSamarinda",
        nomor_register="001/REG-PSI/KI-KALTIM/III/2024",
        para_pihak=f"{kepada} sebagai Pemohon terhadap Dinas X sebagai Termohon",
        jenis_sidang="Pemeriksaan Awal",
        hari_tanggal="Rabu, 20 Maret 2024",
        pukul="09.00 WITA",
        tempat="Ruang Sidang Utama, Kantor Komisi",
        agenda=agenda,
        pp_nama="Siti Aminah",
        pp_telepon="0812 0000 0000",
        tanda_tangan=TandaTangan("Samarinda, 6 Maret 2024", "Panitera Pengganti", "Siti Aminah"),
    )


def teks_pdf(isi: bytes) -> list[str]:
    return [h.extract_text() for h in PdfReader(io.BytesIO(isi)).pages]


def teks_docx(isi: bytes) -> str:
    doc = Document(io.BytesIO(isi))
    bagian = [p.text for p in doc.paragraphs]
    bagian += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    bagian += [p.text for p in doc.sections[0].footer.paragraphs]
    return "\n".join(bagian)


def test_nama_dengan_markup_tercetak_apa_adanya_di_pdf():
    halaman = teks_pdf(render("panggilan", "pdf", panggilan(NAMA_JAHAT)))
    teks = " ".join(" ".join(halaman).split())
    for potong in (
        "Ñoño Đặng",
        "<img src=/etc/passwd>",
        '<a href="javascript:alert(1)">klik</a>',
        '"kutip"',
    ):
        assert potong in teks


def test_nama_dengan_markup_tercetak_apa_adanya_di_docx():
    teks = teks_docx(render("panggilan", "docx", panggilan(NAMA_JAHAT)))
    assert NAMA_JAHAT in teks


def test_karakter_kontrol_tidak_merusak_berkas():
    ctx = panggilan("Budi\x00\x07 Santoso")
    assert "Budi Santoso" in " ".join(teks_pdf(render("panggilan", "pdf", ctx)))
    assert "Budi Santoso" in teks_docx(render("panggilan", "docx", ctx))


def test_setiap_halaman_memuat_kode_dan_nomor_halaman():
    agenda_panjang = "Pemeriksaan bukti surat dan keterangan saksi. " * 120
    halaman = teks_pdf(render("panggilan", "pdf", panggilan(agenda=agenda_panjang)))
    assert len(halaman) >= 2
    for i, teks in enumerate(halaman, start=1):
        assert f"Kode verifikasi: {KODE}" in teks
        assert URL in teks
        assert f"Halaman {i} dari {len(halaman)}" in teks
        assert "KOMISI INFORMASI PROVINSI KALIMANTAN TIMUR" in teks


@pytest.mark.parametrize(("ukuran", "mm"), [("A4", (210, 297)), ("F4", (215, 330))])
def test_ukuran_kertas_pdf(ukuran, mm):
    kotak = PdfReader(io.BytesIO(render("panggilan", "pdf", panggilan(ukuran=ukuran)))).pages[0]
    lebar, tinggi = float(kotak.mediabox.width), float(kotak.mediabox.height)
    assert (round(lebar / 72 * 25.4), round(tinggi / 72 * 25.4)) == mm


@pytest.mark.parametrize(("ukuran", "mm"), [("A4", (210, 297)), ("F4", (215, 330))])
def test_ukuran_kertas_docx_bukan_letter(ukuran, mm):
    bagian = Document(io.BytesIO(render("panggilan", "docx", panggilan(ukuran=ukuran)))).sections[0]
    assert (round(bagian.page_width.mm), round(bagian.page_height.mm)) == mm


def test_docx_kaki_halaman_punya_field_halaman_dan_qr():
    doc = Document(io.BytesIO(render("panggilan", "docx", panggilan())))
    kaki = doc.sections[0].footer
    xml = kaki._element.xml
    assert 'w:instr="PAGE"' in xml and 'w:instr="NUMPAGES"' in xml
    assert "Halaman" in xml and KODE in xml
    assert "<pic:pic" in xml  # the QR image
    # The letterhead is in the header of the (single) section, so on every page.
    assert "KOMISI INFORMASI PROVINSI KALIMANTAN TIMUR" in doc.sections[0].header._element.xml


def test_pdf_memakai_font_dejavu_yang_disertakan():
    pdf = PdfReader(io.BytesIO(render("panggilan", "pdf", panggilan())))
    fonts = {str(f["/BaseFont"]) for f in pdf.pages[0]["/Resources"]["/Font"].values()}
    assert fonts and all("DejaVu" in f for f in fonts)


def test_format_per_jenis():
    assert FORMAT["panggilan"] == ("pdf", "docx")
    assert FORMAT["penetapan_majelis"] == ("pdf", "docx")
    assert FORMAT["tanda_terima"] == ("pdf",)
    with pytest.raises(ValueError):
        render("tanda_terima", "docx", None)


# --- the commission's logo in the letterhead ---


def png_logo() -> bytes:
    from PIL import Image, ImageDraw

    from dokumen.konteks import _png_logo

    gambar = Image.new("RGBA", (400, 500), (0, 0, 0, 0))
    ImageDraw.Draw(gambar).ellipse((10, 10, 390, 490), fill=(200, 30, 30, 255))
    buf = io.BytesIO()
    gambar.save(buf, "PNG")
    return _png_logo(buf.getvalue())


def dengan_logo(ctx, logo: bytes):
    from dataclasses import replace

    return replace(ctx, kop=replace(ctx.kop, logo=logo))


def test_logo_di_kop_setiap_halaman_pdf():
    agenda_panjang = "Pemeriksaan bukti surat dan keterangan saksi. " * 120
    ctx = dengan_logo(panggilan(agenda=agenda_panjang), png_logo())
    halaman = PdfReader(io.BytesIO(render("panggilan", "pdf", ctx))).pages
    assert len(halaman) >= 2
    for h in halaman:
        assert len(h.images) == 1  # the logo, drawn once in the letterhead's form
        assert "KOMISI INFORMASI PROVINSI KALIMANTAN TIMUR" in h.extract_text()
    tanpa = PdfReader(io.BytesIO(render("panggilan", "pdf", panggilan()))).pages[0]
    assert len(tanpa.images) == 0


def test_logo_di_kop_docx():
    doc = Document(io.BytesIO(render("panggilan", "docx", dengan_logo(panggilan(), png_logo()))))
    kepala = doc.sections[0].header
    assert "<pic:pic" in kepala._element.xml
    sel_logo, sel_teks = kepala.tables[0].rows[0].cells
    assert "<pic:pic" in sel_logo._element.xml
    assert sel_teks.paragraphs[0].text == "KOMISI INFORMASI PROVINSI KALIMANTAN TIMUR"
    assert any(p.content_type == "image/png" for p in kepala.part.package.parts)
    # Without a logo the letterhead stays three centred paragraphs, no table, no picture.
    kepala = Document(io.BytesIO(render("panggilan", "docx", panggilan()))).sections[0].header
    assert not kepala.tables and "<pic:pic" not in kepala._element.xml


def test_logo_diperkecil_dan_bom_ditolak():
    from PIL import Image

    from dokumen.konteks import LOGO_SISI_MAKS, _png_logo

    with Image.open(io.BytesIO(png_logo())) as g:
        assert max(g.size) <= LOGO_SISI_MAKS
    # A header claiming 100 000 x 100 000 pixels is refused before anything is decoded.
    buf = io.BytesIO()
    Image.new("1", (8, 8)).save(buf, "PNG")
    data = bytearray(buf.getvalue())
    data[16:24] = (100_000).to_bytes(4, "big") * 2
    with pytest.raises(Exception):  # noqa: B017 - Pillow's own error or ours: never a logo
        _png_logo(bytes(data))
