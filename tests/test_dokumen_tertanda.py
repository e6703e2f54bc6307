"""The signed paper uploaded back as the issued version of record (dokumen.md: "An edited
and signed final version can be uploaded back (PDF) and becomes the issued document of
record"): a new version, stamped with its own code and QR on every page, hashed as stored,
verifiable, superseding the generated one; only the registry or the case's PP; the file
checked by its content; a published rendition of the old version withdrawn."""

import hashlib
import io
import shutil
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from dokumen.aturan_publikasi import alasan_tidak_layak, dokumen_layak
from dokumen.cap import BerkasTidakBisaDicap, cap_verifikasi
from dokumen.layanan import dokumen_terbitkan_ulang, dokumen_unggah_tertanda
from dokumen.models import Dokumen, Publikasi, StatusDokumen
from dokumen.publikasi import publikasi_terbitkan
from dokumen.selectors import publikasi_aktif, verifikasi_berkas, verifikasi_kode
from portal.unggahan import UnggahanDitolak
from sengketa.galat import PrasyaratTidakTerpenuhi, TidakBerwenang
from sengketa.models import StatusSengketa as S
from tests.test_dokumen_terbit import dok, isi, teks_pdf

BISA_BACA_QR = bool(shutil.which("zbarimg") and shutil.which("pdftoppm"))
butuh_zbar = pytest.mark.skipif(
    not BISA_BACA_QR,
    reason="butuh zbarimg (zbar-tools) dan pdftoppm (poppler-utils) untuk membaca QR",
)
URL_SITUS = "https://sengketa.example.org/verifikasi/"


HALAMAN_PINDAI = ((A4, 0), (landscape(A4), 0), (A4, 90))


def pdf_tertanda(halaman=HALAMAN_PINDAI) -> bytes:
    """A signed paper as a scanner makes it: pages of several sizes, one turned by /Rotate."""
    buf = io.BytesIO()
    c = Canvas(buf)
    for i, (ukuran, putar) in enumerate(halaman, start=1):
        c.setPageSize(ukuran)
        c.setPageRotation(putar)
        c.setFont("Helvetica", 12)
        c.drawString(72, ukuran[1] - 72, f"PUTUSAN halaman {i} - telah ditandatangani")
        c.line(300, 150, 450, 170)  # the ink of a signature
        c.showPage()
    c.save()
    return buf.getvalue()


def unggahan(data: bytes, nama="putusan-ttd.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(nama, data, content_type="application/pdf")


def baca_qr(data: bytes, tmp_path, *, sudut: bool = False) -> list[list[str]]:
    """What a phone reads on each page (pdftoppm + zbarimg); `sudut`: only in the bottom
    right corner of the page as it is displayed."""
    pdf = tmp_path / "berkas.pdf"
    pdf.write_bytes(data)
    for lama in tmp_path.glob("h-*.png"):
        lama.unlink()
    subprocess.run(["pdftoppm", "-r", "150", "-png", pdf, tmp_path / "h"], check=True)
    hasil = []
    for g in sorted(tmp_path.glob("h-*.png"), key=lambda p: int(p.stem.split("-")[1])):
        if sudut:
            with Image.open(g) as gambar:
                w, h = gambar.size
                gambar.crop((int(w * 0.8), int(h * 0.85), w, h)).save(g)
        keluaran = subprocess.run(
            ["zbarimg", "-q", "--raw", g], capture_output=True, text=True, check=False
        ).stdout.split()
        hasil.append(keluaran)
    return hasil


@pytest.fixture
def diputus(bangun):
    return bangun(S.DIPUTUS)


def unggah(diputus, data=None, oleh=None, jenis="putusan") -> Dokumen:
    asal = dok(diputus.sengketa, jenis)
    return dokumen_unggah_tertanda(
        dokumen_id=asal.pk,
        berkas=unggahan(data if data is not None else pdf_tertanda()),
        oleh=oleh or diputus.aktor.pp,
    )


# --- the new version of record ---


def test_versi_tertanda_menggantikan_yang_dibuat_sistem(diputus):
    s = diputus.sengketa
    v1_pdf, v1_docx = dok(s, "putusan"), dok(s, "putusan", "docx")
    asli = pdf_tertanda()
    baru = unggah(diputus, asli)
    baru.refresh_from_db()
    assert (baru.versi, baru.status, baru.format, baru.tertanda) == (2, "siap", "pdf", True)
    assert (baru.nomor, baru.jenis, baru.riwayat_id) == (v1_pdf.nomor, "putusan", v1_pdf.riwayat_id)
    assert baru.diterbitkan_oleh == diputus.aktor.pp and baru.diterbitkan_pada
    assert baru.kode_verifikasi not in (v1_pdf.kode_verifikasi, v1_docx.kode_verifikasi)
    tersimpan = isi(baru)
    assert baru.sha256 == hashlib.sha256(tersimpan).hexdigest()
    # The signed bytes are kept whole: the mark is appended after them.
    assert tersimpan.startswith(asli) and len(tersimpan) > len(asli)
    for lama in (v1_pdf, v1_docx):
        lama.refresh_from_db()
        assert lama.status == StatusDokumen.DIGANTIKAN
        assert verifikasi_kode(lama.kode_verifikasi).status == "superseded"
    hasil = verifikasi_kode(baru.kode_verifikasi)
    assert hasil.valid and hasil.sha256 == baru.sha256 and hasil.versi == 2


def test_berkas_tersimpan_terverifikasi_byte_demi_byte(diputus):
    asli = pdf_tertanda()
    baru = unggah(diputus, asli)
    tersimpan = isi(baru)
    assert verifikasi_berkas(tersimpan).kode == baru.kode_verifikasi
    ubah = bytearray(tersimpan)
    ubah[len(asli) // 2] ^= 0x01  # one byte of the signed part
    assert verifikasi_berkas(bytes(ubah)) is None
    # The paper as uploaded, without its mark, is not the document of record.
    assert verifikasi_berkas(asli) is None


def test_verifikasi_menyebut_salinan_tertanda(diputus, client):
    """A person checking a code learns whether the file of record is the signed paper."""
    v1 = dok(diputus.sengketa, "putusan")
    baru = unggah(diputus)
    assert verifikasi_kode(baru.kode_verifikasi).tertanda is True
    assert verifikasi_kode(v1.kode_verifikasi).tertanda is False
    halaman = client.get(f"/verifikasi/{baru.kode_verifikasi}/").content.decode()
    assert "Salinan bertanda tangan, dipindai dan diunggah oleh kepaniteraan" in halaman
    halaman_lama = client.get(f"/verifikasi/{v1.kode_verifikasi}/").content.decode()
    assert "Dibuat oleh sistem" in halaman_lama
    api = client.get(f"/api/v1/verifikasi/{baru.kode_verifikasi}/").json()
    assert api["tertanda"] is True and api["versi"] == 2
    assert client.get(f"/api/v1/verifikasi/{v1.kode_verifikasi}/").json()["tertanda"] is False


def test_kode_di_setiap_halaman(diputus):
    baru = unggah(diputus)
    halaman = teks_pdf(baru)
    assert len(halaman) == 3
    for teks in halaman:
        assert f"Kode verifikasi: {baru.kode_verifikasi}" in teks
        assert f"{URL_SITUS}{baru.kode_verifikasi}/" in teks
        assert "telah ditandatangani" in teks  # the signed content is still there


@butuh_zbar
def test_qr_setiap_halaman_di_pojok_kanan_bawah(diputus, tmp_path):
    baru = unggah(diputus)
    url = f"{URL_SITUS}{baru.kode_verifikasi}/"
    assert baca_qr(isi(baru), tmp_path) == [[url]] * 3
    # Bottom right as displayed, also on the landscape page and the page turned by /Rotate.
    assert baca_qr(isi(baru), tmp_path, sudut=True) == [[url]] * 3


@butuh_zbar
def test_pdf_sistem_yang_ditandatangani_membawa_qr_versi_baru(diputus, tmp_path):
    """The common case: the generated PDF signed and uploaded back. Its pages keep the old
    QR (now superseded) and gain the new one, which a phone reads in the bottom right."""
    v1 = dok(diputus.sengketa, "putusan")
    baru = unggah(diputus, isi(v1))
    url_baru = f"{URL_SITUS}{baru.kode_verifikasi}/"
    url_lama = f"{URL_SITUS}{v1.kode_verifikasi}/"
    semua = baca_qr(isi(baru), tmp_path)
    assert len(semua) == len(PdfReader(io.BytesIO(isi(v1))).pages)
    for kode in semua:
        assert sorted(kode) == sorted([url_baru, url_lama])
    assert all(kode == [url_baru] for kode in baca_qr(isi(baru), tmp_path, sudut=True))


def test_pdf_terkunci_hanya_untuk_cetak_ditulis_ulang_dengan_cap():
    w = PdfWriter()
    w.add_blank_page(595, 842)
    w.encrypt(user_password="", owner_password="pemilik")
    buf = io.BytesIO()
    w.write(buf)
    dicap = cap_verifikasi(buf.getvalue(), kode="ABCDEFGH23", url=f"{URL_SITUS}ABCDEFGH23/")
    pembaca = PdfReader(io.BytesIO(dicap))
    assert not pembaca.is_encrypted
    assert "Kode verifikasi: ABCDEFGH23" in pembaca.pages[0].extract_text()


# --- who may, and which files ---


def test_hanya_kepaniteraan_atau_pp_perkara(diputus, persona):
    a = diputus.aktor
    for orang in (a.ketua_majelis, a.anggota[0], persona.ketua, persona.admin, persona.pemohon):
        with pytest.raises(TidakBerwenang):
            unggah(diputus, oleh=orang)
    with pytest.raises(TidakBerwenang):
        unggah(diputus, oleh=persona.panitera_lain)  # the registry of another commission
    assert not Dokumen.objects.filter(tertanda=True).exists()
    assert unggah(diputus, oleh=persona.panitera).versi == 2  # the commission's registry


@pytest.mark.parametrize(
    ("data", "nama", "kode"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"0" * 200, "putusan.pdf", "bukan_pdf"),
        (b"", "kosong.pdf", "bukan_pdf"),
        (b"PK\x03\x04" + b"0" * 200, "putusan.pdf", "bukan_pdf"),
        (pdf_tertanda()[:-400], "terpotong.pdf", "pdf_rusak"),
        (b"%PDF-1.7\nini bukan pdf sungguhan\n%%EOF\n", "palsu.pdf", "pdf_rusak"),
    ],
)
def test_berkas_diperiksa_dari_isinya(diputus, data, nama, kode):
    s = diputus.sengketa
    sebelum = Dokumen.objects.filter(sengketa=s).count()
    with pytest.raises(UnggahanDitolak) as galat:
        dokumen_unggah_tertanda(
            dokumen_id=dok(s, "putusan").pk, berkas=unggahan(data, nama), oleh=diputus.aktor.pp
        )
    assert galat.value.kode == kode
    assert nama in galat.value.pesan
    assert Dokumen.objects.filter(sengketa=s).count() == sebelum
    assert dok(s, "putusan").status == StatusDokumen.SIAP


def test_pdf_berkata_sandi_ditolak(diputus):
    w = PdfWriter()
    w.add_blank_page(595, 842)
    w.encrypt(user_password="rahasia", owner_password="pemilik")
    buf = io.BytesIO()
    w.write(buf)
    with pytest.raises(UnggahanDitolak) as galat:
        unggah(diputus, buf.getvalue())
    assert galat.value.kode == "pdf_terkunci"
    with pytest.raises(BerkasTidakBisaDicap):
        cap_verifikasi(buf.getvalue(), kode="X", url="https://x/")


def test_hanya_putusan_penetapan_kesepakatan_berita_acara(diputus):
    s = diputus.sengketa
    for jenis in ("panggilan", "tanda_terima", "akta_registrasi", "salinan_putusan"):
        d = Dokumen.objects.filter(sengketa=s, jenis=jenis, format="pdf").first()
        with pytest.raises(PrasyaratTidakTerpenuhi):
            dokumen_unggah_tertanda(
                dokumen_id=d.pk, berkas=unggahan(pdf_tertanda()), oleh=diputus.aktor.pp
            )
    # Minutes of a hearing and a decree: each keeps its own subject.
    ba = Dokumen.objects.filter(sengketa=s, jenis="berita_acara", format="pdf").first()
    baru = dokumen_unggah_tertanda(
        dokumen_id=ba.pk, berkas=unggahan(pdf_tertanda()), oleh=diputus.aktor.pp
    )
    assert (baru.sidang_id, baru.versi) == (ba.sidang_id, 2)
    lain = Dokumen.objects.filter(sengketa=s, jenis="berita_acara").exclude(sidang=ba.sidang)
    assert lain.exists() and set(lain.values_list("status", flat=True)) == {"siap"}
    assert unggah(diputus, jenis="penetapan_majelis").versi == 2


def test_versi_lama_atau_yang_belum_terbit_ditolak(diputus, django_capture_on_commit_callbacks):
    s = diputus.sengketa
    v1 = dok(s, "putusan")
    unggah(diputus)
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        dokumen_unggah_tertanda(
            dokumen_id=v1.pk, berkas=unggahan(pdf_tertanda()), oleh=diputus.aktor.pp
        )
    assert galat.value.kode_alasan == ["versi_lebih_baru"]
    # A re-issue queued but not rendered yet: its version is not issued.
    v2 = Dokumen.objects.get(sengketa=s, jenis="putusan", versi=2)
    v3 = dokumen_terbitkan_ulang(dokumen_id=v2.pk, oleh=diputus.aktor.pp)  # not committed
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        dokumen_unggah_tertanda(
            dokumen_id=v3.pk, berkas=unggahan(pdf_tertanda()), oleh=diputus.aktor.pp
        )
    assert galat.value.kode_alasan == ["belum_terbit"]


def test_terbit_ulang_setelah_tertanda_membuat_versi_berikutnya(
    diputus, django_capture_on_commit_callbacks
):
    v2 = unggah(diputus)
    with django_capture_on_commit_callbacks(execute=True):
        v3 = dokumen_terbitkan_ulang(dokumen_id=v2.pk, oleh=diputus.aktor.pp)
    v2.refresh_from_db()
    semua = Dokumen.objects.filter(sengketa=diputus.sengketa, jenis="putusan", versi=3)
    assert {d.format: d.status for d in semua} == {"pdf": "siap", "docx": "siap"}
    assert v3.versi == 3 and not v3.tertanda
    assert v2.status == StatusDokumen.DIGANTIKAN


# --- the ruling directory ---


def test_publikasi_versi_lama_ditarik_dan_perlu_tinjauan_baru(diputus, persona):
    s = diputus.sengketa
    v1 = dok(s, "putusan")
    pub = publikasi_terbitkan(
        dokumen_id=v1.pk, oleh=persona.panitera, samaran=[], tanpa_informasi_dikecualikan=True
    )
    assert list(publikasi_aktif()) == [pub]
    baru = unggah(diputus)
    pub.refresh_from_db()
    assert pub.ditarik_pada is not None and pub.ditarik_oleh == diputus.aktor.pp
    assert baru.kode_verifikasi in pub.alasan_penarikan
    assert not publikasi_aktif().exists()  # off the public directory at once
    assert verifikasi_kode(pub.kode_verifikasi).valid is False
    # The signed version waits in the review queue; the old one cannot be published again.
    assert list(dokumen_layak([s.komisi_id]).filter(jenis="putusan")) == [baru]
    assert alasan_tidak_layak(Dokumen.objects.get(pk=v1.pk)) is not None
    pub2 = publikasi_terbitkan(
        dokumen_id=baru.pk, oleh=persona.panitera, samaran=[], tanpa_informasi_dikecualikan=True
    )
    assert list(publikasi_aktif()) == [pub2]
    assert Publikasi.objects.filter(dokumen=v1).count() == 1


# --- the back office ---


def test_halaman_unggah_dari_daftar_dokumen(diputus, persona, client):
    s = diputus.sengketa
    v1 = dok(s, "putusan")
    client.force_login(diputus.aktor.pp)
    halaman = client.get(f"/kantor/sengketa/{s.pk}/").content.decode()
    assert f"/kantor/dokumen/{v1.pk}/tertanda/" in halaman
    panggilan = Dokumen.objects.filter(sengketa=s, jenis="panggilan", format="pdf").first()
    assert f"/kantor/dokumen/{panggilan.pk}/tertanda/" not in halaman  # summonses are not
    r = client.get(f"/kantor/dokumen/{v1.pk}/tertanda/")
    assert r.status_code == 200 and 'enctype="multipart/form-data"' in r.content.decode()
    r = client.post(f"/kantor/dokumen/{v1.pk}/tertanda/", {"berkas": unggahan(pdf_tertanda())})
    assert r.status_code == 302 and r["Location"] == f"/kantor/sengketa/{s.pk}/#dokumen"
    baru = Dokumen.objects.get(sengketa=s, jenis="putusan", versi=2)
    halaman = client.get(f"/kantor/sengketa/{s.pk}/").content.decode()
    assert baru.kode_verifikasi in halaman  # the success message
    assert f"/dokumen/{baru.pk}/unduh/" in halaman and "(v2)" in halaman
    # The parties download the signed ruling of record, as safely as any document.
    client.force_login(persona.pemohon)
    r = client.get(f"/dokumen/{baru.pk}/unduh/")
    assert r.status_code == 200 and b"".join(r.streaming_content) == isi(baru)
    assert r["X-Content-Type-Options"] == "nosniff" and "no-store" in r["Cache-Control"]
    assert client.get(f"/dokumen/{v1.pk}/unduh/").status_code == 404  # superseded: staff only


def test_halaman_unggah_menolak_dengan_pesan(diputus, persona, client):
    s = diputus.sengketa
    v1 = dok(s, "putusan")
    client.force_login(diputus.aktor.pp)
    r = client.post(
        f"/kantor/dokumen/{v1.pk}/tertanda/",
        {"berkas": unggahan(b"\x89PNG\r\n\x1a\n" + b"0" * 50, "foto.pdf")},
    )
    assert r.status_code == 400
    assert "foto.pdf" in r.content.decode() and not Dokumen.objects.filter(tertanda=True)
    # A commissioner of the panel sees why, and cannot upload.
    client.force_login(diputus.aktor.ketua_majelis)
    assert client.get(f"/kantor/dokumen/{v1.pk}/tertanda/").status_code == 403
    r = client.post(f"/kantor/dokumen/{v1.pk}/tertanda/", {"berkas": unggahan(pdf_tertanda())})
    assert r.status_code == 403 and not Dokumen.objects.filter(tertanda=True)
    # Another commission's registry does not even see the document.
    client.force_login(persona.panitera_lain)
    assert client.get(f"/kantor/dokumen/{v1.pk}/tertanda/").status_code == 404
    client.logout()
    assert client.get(f"/kantor/dokumen/{v1.pk}/tertanda/").status_code == 302


def test_coba_lagi_dari_halaman_perkara(
    bangun, persona, client, monkeypatch, django_capture_on_commit_callbacks
):
    def rusak(*args, **kwargs):
        raise RuntimeError("printer on fire")

    monkeypatch.setattr("dokumen.tugas.render", rusak)
    sk = bangun(S.DITERIMA)
    d = dok(sk.sengketa, "tanda_terima")
    assert d.status == StatusDokumen.GAGAL
    monkeypatch.undo()
    client.force_login(persona.panitera)
    halaman = client.get(f"/kantor/sengketa/{sk.id}/").content.decode()
    assert f"/kantor/dokumen/{d.pk}/coba-lagi/" in halaman
    client.force_login(sk.aktor.ketua_majelis)  # not the registry: nothing happens
    client.post(f"/kantor/dokumen/{d.pk}/coba-lagi/")
    d.refresh_from_db()
    assert d.status == StatusDokumen.GAGAL
    client.force_login(persona.panitera)
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(f"/kantor/dokumen/{d.pk}/coba-lagi/")
    assert r.status_code == 302 and r["Location"] == f"/kantor/sengketa/{sk.id}/#dokumen"
    d.refresh_from_db()
    assert d.status == StatusDokumen.SIAP and d.percobaan == 2
    assert Dokumen.objects.filter(sengketa=sk.sengketa, jenis="tanda_terima").count() == 1


def test_terbit_ulang_juga_menarik_publikasi_versi_lama(
    diputus, persona, django_capture_on_commit_callbacks
):
    v1 = dok(diputus.sengketa, "putusan")
    pub = publikasi_terbitkan(
        dokumen_id=v1.pk, oleh=persona.panitera, samaran=[], tanpa_informasi_dikecualikan=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        v2 = dokumen_terbitkan_ulang(dokumen_id=v1.pk, oleh=persona.panitera)
    pub.refresh_from_db()
    v2.refresh_from_db()
    assert pub.ditarik_pada is not None and pub.ditarik_oleh == persona.panitera
    assert v2.kode_verifikasi in pub.alasan_penarikan
    assert list(dokumen_layak([diputus.sengketa.komisi_id]).filter(jenis="putusan")) == [v2]
