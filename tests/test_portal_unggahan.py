"""Attachments of an online filing (portal.unggahan): recognised by content, limited in size
per file and per application, Word files judged from their zip directory (bombs, macros,
nested archives), and every refusal explained while the rest of the form is kept."""

import hashlib
import io
import struct
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import SkipFile

from portal import unggahan as U
from portal.models import JenisLampiran as J
from tests import test_portal_pengajuan as perjalanan
from tests.test_portal_pengajuan import (
    JPEG,
    PDF,
    PNG,
    berkas,
    buat_draft,
    docx_bytes,
    isian,
    teks,
    ubah_url,
)

# The journey's fixtures (a logged-in applicant with a profile, a public body, a temporary
# MEDIA_ROOT), made available here under the same names.
_media = perjalanan._media
pemohon = perjalanan.pemohon
masuk = perjalanan.masuk
badan = perjalanan.badan

EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 120
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


def unggah(nama: str, isi: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(nama, isi)


def periksa(nama: str, isi: bytes, jenis=J.BUKTI_PERMOHONAN, **kw):
    return U.periksa_berkas(unggah(nama, isi), jenis=jenis, **kw)


def ditolak(nama: str, isi: bytes, jenis=J.BUKTI_PERMOHONAN, **kw) -> U.UnggahanDitolak:
    with pytest.raises(U.UnggahanDitolak) as info:
        periksa(nama, isi, jenis, **kw)
    return info.value


def zip_bytes(entri: dict[str, bytes], *, metode=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", metode) as z:
        for nama, isi in entri.items():
            z.writestr(nama, isi)
    return buf.getvalue()


def docx_dengan(**tambahan: bytes) -> bytes:
    """A valid Word document's parts, plus extra entries."""
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as z:
        entri = {n: z.read(n) for n in z.namelist()}
    entri.update(tambahan)
    return zip_bytes(entri)


def docx_tumpang_tindih() -> bytes:
    """A Word file whose central directory lists the document's data twice (the overlapping
    entries of the smallest zip bombs): one more directory record pointing to the same
    local header, under another name of the same length."""
    isi = bytearray(docx_bytes())
    eocd = isi.rfind(b"PK\x05\x06")
    jumlah, ukuran_cd, awal_cd = struct.unpack("<HII", isi[eocd + 10 : eocd + 20])
    cd = bytes(isi[awal_cd : awal_cd + ukuran_cd])
    i = cd.find(b"word/document.xml") - 46
    panjang_nama, panjang_extra, panjang_komentar = struct.unpack("<HHH", cd[i + 28 : i + 34])
    rekaman = bytearray(cd[i : i + 46 + panjang_nama + panjang_extra + panjang_komentar])
    rekaman[46 : 46 + panjang_nama] = b"word/documenX.xml"
    cd_baru = cd + bytes(rekaman)
    ekor = bytearray(isi[eocd:])
    struct.pack_into("<HHI", ekor, 8, jumlah + 1, jumlah + 1, len(cd_baru))
    return bytes(isi[:awal_cd]) + cd_baru + bytes(ekor)


# -- recognising the content -----------------------------------------------------------


@pytest.mark.parametrize(
    ("nama", "isi", "format_", "tipe"),
    [
        ("surat.pdf", PDF, "pdf", "application/pdf"),
        ("ktp.jpg", JPEG, "jpeg", "image/jpeg"),
        ("resi.png", PNG, "png", "image/png"),
        ("surat.docx", docx_bytes(), "docx", U.TIPE_KONTEN["docx"]),
        # The name does not matter, the content does.
        ("foto.pdf", JPEG, "jpeg", "image/jpeg"),
        ("surat", docx_bytes(), "docx", U.TIPE_KONTEN["docx"]),
    ],
)
def test_berkas_dikenali_dari_isinya(nama, isi, format_, tipe):
    hasil = periksa(nama, isi)
    assert (hasil.format, hasil.tipe_konten, hasil.ukuran) == (format_, tipe, len(isi))
    assert hasil.sha256 == hashlib.sha256(isi).hexdigest()


@pytest.mark.parametrize(
    ("nama", "isi"),
    [
        ("surat.pdf", EXE),  # a program renamed
        ("surat.pdf", HTML),  # a web page renamed
        ("surat.pdf", b"#!/bin/sh\nrm -rf /\n"),
        ("gambar.png", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
        ("teks.pdf", b"Ini hanya teks biasa, bukan PDF."),
        ("arsip.pdf", zip_bytes({"a.txt": b"halo"})),
        ("foto.jpg", b"\x00\x00\x00\x18ftypheic" + b"\x00" * 32),
        ("lama.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64),
    ],
)
def test_jenis_lain_ditolak_dengan_nama_berkas(nama, isi):
    galat = ditolak(nama, isi)
    assert galat.kode == "format_tidak_diterima"
    assert nama in galat.pesan and "PDF" in galat.pesan


def test_berkas_kosong_ditolak():
    galat = ditolak("kosong.pdf", b"")
    assert (galat.kode, galat.nama) == ("kosong", "kosong.pdf")


def test_pdf_terpotong_ditolak():
    assert ditolak("setengah.pdf", PDF[:40]).kode == "pdf_rusak"


def test_pdf_berpassword_diterima_dengan_catatan():
    terkunci = PDF.replace(b"<< /Root 1 0 R >>", b"<< /Root 1 0 R /Encrypt 5 0 R >>")
    hasil = periksa("rekening.pdf", terkunci)
    assert hasil.format == "pdf" and "rekening.pdf" in hasil.catatan
    assert periksa("biasa.pdf", PDF).catatan == ""


def test_batas_per_berkas_dan_per_perkara(settings):
    settings.UNGGAHAN_MAKS_BERKAS = 1000
    settings.UNGGAHAN_MAKS_PERKARA = 1500
    assert ditolak("besar.jpg", JPEG + b"\x00" * 1000).kode == "terlalu_besar"
    galat = ditolak("kedua.jpg", JPEG, terpakai=1400)
    assert galat.kode == "melebihi_total" and "kedua.jpg" in galat.pesan
    assert periksa("pas.jpg", JPEG, terpakai=1000).ukuran == len(JPEG)


def test_jumlah_berkas_dibatasi(settings):
    settings.UNGGAHAN_MAKS_JUMLAH = 3
    assert ditolak("keempat.png", PNG, jumlah=3).kode == "terlalu_banyak"


def test_docx_hanya_untuk_lampiran_yang_membolehkannya():
    periksa("keberatan.docx", docx_bytes(), J.BUKTI_KEBERATAN)
    for jenis in (J.IDENTITAS, J.SURAT_KUASA, J.AKTA_BADAN_HUKUM):
        galat = ditolak("ktp.docx", docx_bytes(), jenis)
        assert galat.kode == "docx_tidak_diizinkan" and "ktp.docx" in galat.pesan
    assert ".docx" not in U.ekstensi_diizinkan(J.IDENTITAS)
    assert ".docx" in U.ekstensi_diizinkan(J.BUKTI_PERMOHONAN)


@pytest.mark.parametrize(
    ("buat", "kode"),
    [
        # 20 MB of zeros squeezed into a few KB: far over the compression-ratio cap.
        (lambda: docx_dengan(**{"word/media/bom.bin": b"\x00" * (20 * U.MB)}), "docx_bom"),
        (lambda: docx_dengan(**{"word/embeddings/isi.zip": zip_bytes({"a": b"b"})}), "docx_bom"),
        (lambda: docx_dengan(**{"word/vbaProject.bin": b"makro"}), "docx_makro"),
        (docx_tumpang_tindih, "docx_bom"),
        (lambda: zip_bytes({"[Content_Types].xml": b"<x/>", "lain.xml": b"<y/>"}), "docx_rusak"),
        (lambda: b"PK\x03\x04" + b"\x00" * 100, "docx_rusak"),
    ],
)
def test_docx_bom_dan_isi_berbahaya_ditolak_tanpa_dibuka(buat, kode):
    galat = ditolak("surat.docx", buat())
    assert galat.kode == kode and "surat.docx" in galat.pesan


def test_docx_dengan_ukuran_terurai_berlebihan_ditolak(settings):
    settings.UNGGAHAN_DOCX_MAKS_ISI = 50_000  # the declared sizes of all parts, summed
    besar = docx_dengan(**{"word/media/gambar.png": PNG + bytes(range(256)) * 300})
    assert ditolak("surat.docx", besar).kode == "docx_bom"


def test_docx_dengan_terlalu_banyak_entri_ditolak(settings):
    settings.UNGGAHAN_DOCX_MAKS_ENTRI = 20
    entri = {f"word/media/g{i}.png": PNG for i in range(25)}
    assert ditolak("surat.docx", docx_dengan(**entri)).kode == "docx_bom"


def test_nama_berkas_dibersihkan_dan_nama_unduhan_sesuai_isi():
    assert U.nama_aman("C:\\Users\\siti\\ktp.jpg") == "ktp.jpg"
    assert U.nama_aman("fdp\u202e.exe") == "fdp.exe"  # no right-to-left override trick
    assert len(U.nama_aman("a" * 300 + ".pdf")) <= 200
    assert U.nama_aman("a" * 300 + ".pdf").endswith(".pdf")
    assert U.nama_unduhan("ktp.pdf", "image/jpeg") == "ktp.pdf.jpg"
    assert U.nama_unduhan("ktp.JPG", "image/jpeg") == "ktp.JPG"


def test_penjaga_ukuran_berhenti_membaca_begitu_batas_terlewati(settings, rf):
    settings.UNGGAHAN_MAKS_BERKAS = 100
    request = rf.post("/")
    penjaga = U.PenjagaUkuran(request)
    penjaga.new_file("lampiran_lainnya", "video.pdf", "application/pdf", None)
    assert penjaga.receive_data_chunk(b"x" * 60, 0) == b"x" * 60  # passed on to be stored
    with pytest.raises(SkipFile):
        penjaga.receive_data_chunk(b"x" * 60, 60)
    assert request.unggahan_terlalu_besar == [("lampiran_lainnya", "video.pdf")]


# -- refusals on the page keep everything else -----------------------------------------


@pytest.fixture
def draft_berisi(masuk, kaltim, badan):
    """A draft with typed fields and one accepted file, as the applicant left it."""
    draft = buat_draft(masuk, kaltim)
    respons = masuk.post(
        ubah_url(draft), {**isian(badan), "lampiran_identitas": berkas("ktp.jpg", JPEG)}
    )
    assert respons.status_code == 302
    return draft


@pytest.mark.parametrize(
    ("medan", "nama", "isi", "kode"),
    [
        ("lampiran_bukti_permohonan", "surat.pdf", EXE, "format_tidak_diterima"),
        ("lampiran_bukti_permohonan", "surat.pdf", HTML, "format_tidak_diterima"),
        ("lampiran_bukti_permohonan", "kosong.pdf", b"", "kosong"),
        ("lampiran_bukti_permohonan", "besar.pdf", PDF + b"\x00" * 100_000, "terlalu_besar"),
        ("lampiran_bukti_keberatan", "melebihi.pdf", PDF + b"\x00" * 70_000, "melebihi_total"),
        (
            "lampiran_bukti_keberatan",
            "bom.docx",
            docx_dengan(**{"word/media/bom.bin": b"\x00" * (20 * U.MB)}),
            "docx_bom",
        ),
        ("lampiran_surat_kuasa", "kuasa.docx", docx_bytes(), "docx_tidak_diizinkan"),
    ],
)
def test_penolakan_unggahan_menjelaskan_dan_menyimpan_isian_lain(
    masuk, badan, draft_berisi, settings, medan, nama, isi, kode
):
    # Small limits so that the test files stay small: 80 KB per file, 60 KB per application
    # besides the two small images.
    settings.UNGGAHAN_MAKS_BERKAS = 80_000
    settings.UNGGAHAN_MAKS_PERKARA = len(JPEG) + len(PNG) + 60_000
    respons = masuk.post(
        ubah_url(draft_berisi),
        {
            **isian(badan, tujuan_penggunaan="Diubah bersama unggahan yang gagal"),
            medan: berkas(nama, isi),
            "lampiran_jawaban_permohonan": berkas("jawaban.png", PNG),
        },
    )
    assert respons.status_code == 400
    halaman = teks(respons)
    assert f'data-kode="{kode}"' in halaman
    assert nama in halaman
    # Every other field typed in the same request, and every accepted file, is kept.
    draft_berisi.refresh_from_db()
    assert draft_berisi.data["tujuan_penggunaan"] == "Diubah bersama unggahan yang gagal"
    assert "Diubah bersama unggahan yang gagal" in halaman
    assert set(draft_berisi.lampiran.values_list("nama_asli", flat=True)) == {
        "ktp.jpg", "jawaban.png",
    }  # fmt: skip
    assert "ktp.jpg" in halaman


def test_berkas_terlalu_besar_dihentikan_saat_diterima(masuk, badan, draft_berisi, settings):
    """The guard drops the file while it is being received (it never reaches the check)."""
    settings.UNGGAHAN_MAKS_BERKAS = 100_000
    respons = masuk.post(
        ubah_url(draft_berisi),
        {**isian(badan), "lampiran_lainnya": berkas("video.pdf", PDF + b"\x00" * 300_000)},
    )
    assert respons.status_code == 400
    assert 'data-kode="terlalu_besar"' in teks(respons) and "video.pdf" in teks(respons)
    assert not draft_berisi.lampiran.filter(nama_asli="video.pdf").exists()


def test_berkas_sama_untuk_lampiran_sama_tidak_disimpan_dua_kali(masuk, badan, draft_berisi):
    respons = masuk.post(
        ubah_url(draft_berisi), {**isian(badan), "lampiran_identitas": berkas("ktp2.jpg", JPEG)}
    )
    assert respons.status_code == 400 and 'data-kode="duplikat"' in teks(respons)
    assert draft_berisi.lampiran.count() == 1
    # The same scan for another attachment type is fine (one PDF holding both proofs).
    respons = masuk.post(
        ubah_url(draft_berisi), {**isian(badan), "lampiran_lainnya": berkas("ktp.jpg", JPEG)}
    )
    assert respons.status_code == 302 and draft_berisi.lampiran.count() == 2
