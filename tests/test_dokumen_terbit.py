"""Documents issued by the steps of the procedure, end to end: the after-commit hook creates
the rows, the django-q2 task (run in-process, `sync`) renders them, the files verify, and
only the right people can download them."""

import io
import shutil
import subprocess

import pytest
from docx import Document
from pypdf import PdfReader

from dokumen.layanan import dokumen_coba_lagi, dokumen_terbitkan_ulang
from dokumen.models import Dokumen, DokumenSudahTerbit, StatusDokumen
from dokumen.selectors import verifikasi_berkas, verifikasi_kode
from dokumen.tugas import buat_dokumen
from sengketa.models import StatusSengketa as S
from tests.kasus import MULAI
from workflows import layanan as L
from workflows.kait import Peristiwa
from workflows.penerbitan import terbitkan_dokumen
from workflows.skenario import Aktor, Skenario


@pytest.fixture
def diperiksa(bangun):
    """A case in pemeriksaan_awal: receipt, registration deed, panel decree, summonses."""
    return bangun(S.PEMERIKSAAN_AWAL)


def dok(sengketa, jenis, fmt="pdf", **kw) -> Dokumen:
    return Dokumen.objects.get(sengketa=sengketa, jenis=jenis, format=fmt, **kw)


def teks_pdf(d: Dokumen) -> list[str]:
    with d.berkas.open("rb") as f:
        return [" ".join(h.extract_text().split()) for h in PdfReader(io.BytesIO(f.read())).pages]


def teks_docx(d: Dokumen) -> str:
    with d.berkas.open("rb") as f:
        doc = Document(io.BytesIO(f.read()))
    bagian = [p.text for p in doc.paragraphs]
    bagian += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    bagian += [p.text for p in doc.sections[0].footer.paragraphs]
    return " ".join(" ".join(bagian).split())


def isi(d: Dokumen) -> bytes:
    with d.berkas.open("rb") as f:
        return f.read()


# --- issuing ---


def test_langkah_menerbitkan_dokumennya(diperiksa):
    s = diperiksa.sengketa
    jenis = set(Dokumen.objects.filter(sengketa=s).values_list("jenis", "format"))
    assert {
        ("tanda_terima", "pdf"),
        ("akta_registrasi", "pdf"),
        ("penetapan_majelis", "pdf"),
        ("penetapan_majelis", "docx"),
        ("panggilan", "pdf"),
        ("panggilan", "docx"),
    } <= jenis
    # One summons document per Panggilan row (and per format).
    panggilan = [p for sd in s.sidang.all() for p in sd.panggilan.all()]
    assert Dokumen.objects.filter(sengketa=s, jenis="panggilan").count() == 2 * len(panggilan)
    for d in Dokumen.objects.filter(sengketa=s):
        assert d.status == StatusDokumen.SIAP, d.galat
        assert len(d.sha256) == 64 and d.berkas.name.startswith(f"dokumen/{s.komisi.kode}/")


def test_isi_panggilan_pdf_dan_docx(diperiksa):
    s = diperiksa.sengketa
    pemohon = s.pemohon
    d = dok(s, "panggilan", pihak=pemohon)
    p = d.panggilan
    halaman = teks_pdf(d)
    teks = " ".join(halaman)
    for wajib in (
        p.nomor,
        f"Panggilan ke-{p.panggilan_ke}",
        "Atas perintah Ketua Majelis Komisioner",
        s.nomor_register,
        f"{pemohon.nama} sebagai Pemohon terhadap {s.termohon.nama} sebagai Termohon",
        "09.00 WITA",
        "Ruang Sidang Utama",
        "2 (dua) hari kerja",
        "surat kuasa",
        "Pasal 30",
        "gugur",
        "Pasal 31",
        diperiksa.aktor.pp.get_full_name(),
        "Panitera Pengganti",
    ):
        assert wajib in teks, wajib
    docx = teks_docx(dok(s, "panggilan", "docx", pihak=pemohon))
    for wajib in (p.nomor, "Pasal 30", "Pasal 31", "09.00 WITA", s.nomor_register):
        assert wajib in docx, wajib


def test_isi_tanda_terima_akta_dan_penetapan(diperiksa):
    s = diperiksa.sengketa
    tt = " ".join(teks_pdf(dok(s, "tanda_terima")))
    for wajib in (
        "TANDA TERIMA",
        "Rabu, 6 Maret 2024",
        s.pemohon.nama,
        s.termohon.nama,
        "Dokumen kontrak pengadaan jalan tahun 2023",
        "Bukti pengajuan keberatan",
    ):
        assert wajib in tt, wajib
    akta = " ".join(teks_pdf(dok(s, "akta_registrasi")))
    for wajib in (
        "AKTA REGISTRASI",
        s.nomor_register,
        "tahun dua ribu dua puluh empat",
        "tidak ditanggapinya permintaan informasi",
        s.termohon.nama,
    ):
        assert wajib in akta, wajib
    a = diperiksa.aktor
    for fmt, teks in (
        ("pdf", " ".join(teks_pdf(dok(s, "penetapan_majelis")))),
        ("docx", teks_docx(dok(s, "penetapan_majelis", "docx"))),
    ):
        for wajib in (
            f"{a.ketua_majelis.get_full_name()} sebagai Ketua Majelis Komisioner",
            f"{a.anggota[0].get_full_name()} sebagai Anggota Majelis Komisioner",
            f"{a.pp.get_full_name()} sebagai Panitera Pengganti",
            s.nomor_register,
        ):
            assert wajib in teks, (fmt, wajib)
    assert dok(s, "penetapan_majelis").nomor.endswith(f"/PEN/{s.komisi.kode}/III/2024")


def test_pemberitahuan_kekurangan(bangun):
    s = bangun(S.MENUNGGU_KELENGKAPAN).sengketa
    teks = " ".join(teks_pdf(dok(s, "pemberitahuan_kekurangan")))
    tenggat = s.tenggat.get(kode="kelengkapan").tanggal
    from dokumen.format import tanggal_panjang

    for wajib in (
        "Bukti pengajuan keberatan",
        "7 (tujuh) hari kerja",
        tanggal_panjang(tenggat),
        "tidak diregistrasi",
    ):
        assert wajib in teks, wajib


def test_kode_verifikasi_di_setiap_halaman(diperiksa):
    for d in Dokumen.objects.filter(sengketa=diperiksa.sengketa, format="pdf"):
        for i, teks in enumerate(halaman := teks_pdf(d), start=1):
            assert f"Kode verifikasi: {d.kode_verifikasi}" in teks
            assert f"Halaman {i} dari {len(halaman)}" in teks
            assert f"https://sengketa.example.org/verifikasi/{d.kode_verifikasi}/" in teks


@pytest.mark.skipif(
    not (shutil.which("zbarimg") and shutil.which("pdftoppm")),
    reason="butuh zbarimg (zbar-tools) dan pdftoppm (poppler-utils) untuk membaca QR",
)
def test_qr_setiap_halaman_menuju_halaman_verifikasi(diperiksa, tmp_path):
    for d in Dokumen.objects.filter(sengketa=diperiksa.sengketa, format="pdf")[:3]:
        pdf = tmp_path / f"{d.pk}.pdf"
        pdf.write_bytes(isi(d))
        subprocess.run(["pdftoppm", "-r", "150", "-png", pdf, tmp_path / f"h{d.pk}"], check=True)
        gambar = sorted(tmp_path.glob(f"h{d.pk}-*.png"))
        assert len(gambar) == len(PdfReader(pdf).pages)
        for g in gambar:
            keluaran = subprocess.run(
                ["zbarimg", "-q", "--raw", g], capture_output=True, text=True, check=True
            ).stdout.split()
            assert keluaran == [f"https://sengketa.example.org/verifikasi/{d.kode_verifikasi}/"]


# --- idempotency, failure, retry, correction ---


def test_tugas_diulang_tidak_membuat_dokumen_kedua(diperiksa):
    s = diperiksa.sengketa
    d = dok(s, "akta_registrasi")
    jumlah, sha = Dokumen.objects.count(), d.sha256
    assert buat_dokumen(d.pk) == StatusDokumen.SIAP
    riwayat = s.riwayat.get(transisi="registrasi")
    terbitkan_dokumen(Peristiwa(s.pk, "registrasi", riwayat.pk))  # a repeated announcement
    assert Dokumen.objects.count() == jumlah
    d.refresh_from_db()
    assert d.sha256 == sha


def test_render_gagal_tidak_mengubah_perkara_dan_bisa_dicoba_lagi(
    bangun, monkeypatch, django_capture_on_commit_callbacks
):
    def rusak(*args, **kwargs):
        raise RuntimeError("printer on fire")

    monkeypatch.setattr("dokumen.tugas.render", rusak)
    sk = bangun(S.DITERIMA)
    d = dok(sk.sengketa, "tanda_terima")
    assert d.status == StatusDokumen.GAGAL
    assert "printer on fire" in d.galat and d.percobaan == 1 and not d.berkas
    sk.segarkan()
    assert sk.sengketa.status == S.DITERIMA
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        dokumen_coba_lagi(d.pk)
    d.refresh_from_db()
    assert d.status == StatusDokumen.SIAP and d.percobaan == 2
    assert Dokumen.objects.filter(sengketa=sk.sengketa, jenis="tanda_terima").count() == 1


def test_koreksi_membatalkan_dokumen_langkah_yang_diurungkan(
    bangun, persona, django_capture_on_commit_callbacks
):
    sk = bangun(S.TEREGISTRASI)
    akta = dok(sk.sengketa, "akta_registrasi")
    with django_capture_on_commit_callbacks(execute=True):
        L.sengketa_koreksi(sengketa_id=sk.id, oleh=persona.ketua, alasan="Salah registrasi")
    akta.refresh_from_db()
    assert akta.status == StatusDokumen.DIBATALKAN
    assert verifikasi_kode(akta.kode_verifikasi).status == "cancelled"
    assert dok(sk.sengketa, "tanda_terima").status == StatusDokumen.SIAP


def test_dokumen_terbit_tidak_bisa_diubah_atau_dihapus(diperiksa):
    d = dok(diperiksa.sengketa, "akta_registrasi")
    d.sha256 = "0" * 64
    with pytest.raises(DokumenSudahTerbit):
        d.save()
    with pytest.raises(DokumenSudahTerbit):
        Dokumen.objects.get(pk=d.pk).delete()


def test_terbit_ulang_membuat_versi_baru_dan_menggantikan_yang_lama(
    diperiksa, django_capture_on_commit_callbacks
):
    lama = dok(diperiksa.sengketa, "penetapan_majelis")
    with django_capture_on_commit_callbacks(execute=True):
        baru = dokumen_terbitkan_ulang(dokumen_id=lama.pk)
    baru.refresh_from_db()
    lama.refresh_from_db()
    assert (baru.versi, baru.status, baru.nomor) == (2, StatusDokumen.SIAP, lama.nomor)
    assert lama.status == StatusDokumen.DIGANTIKAN
    assert verifikasi_kode(lama.kode_verifikasi).status == "superseded"
    assert verifikasi_kode(baru.kode_verifikasi).valid


# --- verification ---


def test_verifikasi_kode_dan_berkas_byte_demi_byte(diperiksa):
    d = dok(diperiksa.sengketa, "akta_registrasi")
    hasil = verifikasi_kode(d.kode_verifikasi.lower())
    assert hasil.valid and hasil.status == "valid"
    assert (hasil.nomor, hasil.nomor_register, hasil.sha256) == (
        d.nomor,
        diperiksa.sengketa.nomor_register,
        d.sha256,
    )
    data = isi(d)
    assert verifikasi_berkas(data).kode == d.kode_verifikasi
    ubah = bytearray(data)
    ubah[len(ubah) // 2] ^= 0x01
    assert verifikasi_berkas(bytes(ubah)) is None
    assert verifikasi_kode("TIDAKADA00") is None


def test_halaman_verifikasi_publik(diperiksa, client):
    d = dok(diperiksa.sengketa, "akta_registrasi")
    r = client.get(f"/verifikasi/{d.kode_verifikasi}/")
    assert r.status_code == 200
    assert d.sha256 in r.content.decode() and d.nomor in r.content.decode()
    assert "Dokumen ini sah." in r.content.decode()  # Indonesian by default, no login
    data = isi(d)
    r = client.post(f"/verifikasi/{d.kode_verifikasi}/", {"berkas": io.BytesIO(data)})
    assert r.context["cocok"] is not None
    r = client.post(f"/verifikasi/{d.kode_verifikasi}/", {"berkas": io.BytesIO(data + b" ")})
    assert r.context["diperiksa"] and r.context["cocok"] is None
    assert client.get("/verifikasi/TIDAKADA00/").status_code == 404


# --- downloads ---


def unduh(client, pengguna, d):
    client.force_login(pengguna) if pengguna else client.logout()
    return client.get(f"/dokumen/{d.pk}/unduh/")


def test_pihak_mengunduh_panggilannya_sendiri_saja(diperiksa, persona, client):
    s = diperiksa.sengketa
    milik_pemohon = dok(s, "panggilan", pihak=s.pemohon)
    milik_termohon = dok(s, "panggilan", pihak=s.termohon)
    r = unduh(client, persona.pemohon, milik_pemohon)
    assert r.status_code == 200
    assert b"".join(r.streaming_content) == isi(milik_pemohon)
    assert r["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in r["Cache-Control"]
    assert r["Content-Type"] == "application/pdf"
    disposisi = r["Content-Disposition"]
    assert disposisi.startswith("attachment;") and "/" not in disposisi.split("filename=")[1]
    assert unduh(client, persona.pemohon, milik_termohon).status_code == 404
    # The respondent's officer (public body account) gets its own, not the applicant's.
    s.termohon.badan_publik.petugas.add(persona.pihak_lain)
    assert unduh(client, persona.pihak_lain, milik_termohon).status_code == 200
    assert unduh(client, persona.pihak_lain, milik_pemohon).status_code == 404
    # Decrees of their own case: both parties.
    penetapan = dok(s, "penetapan_majelis")
    assert unduh(client, persona.pemohon, penetapan).status_code == 200
    assert unduh(client, persona.pihak_lain, penetapan).status_code == 200


def test_staf_komisi_boleh_orang_lain_tidak(diperiksa, persona, client):
    d = dok(diperiksa.sengketa, "panggilan", pihak=diperiksa.sengketa.termohon)
    assert unduh(client, persona.panitera, d).status_code == 200
    assert unduh(client, persona.panitera_lain, d).status_code == 404  # another commission
    assert unduh(client, persona.pihak_lain, d).status_code == 404  # a stranger
    assert unduh(client, None, d).status_code == 404  # anonymous
    assert client.get("/dokumen/999999/unduh/").status_code == 404


def test_pihak_tidak_bisa_mengunduh_dokumen_perkara_lain(
    diperiksa, persona, client, django_capture_on_commit_callbacks
):
    aktor = Aktor(**{**vars(persona.aktor), "pemohon": persona.pihak_lain})
    with django_capture_on_commit_callbacks(execute=True):
        lain = Skenario(persona.komisi, aktor).terima(MULAI, nama="Citra Lestari")
    tt_lain = dok(lain.sengketa, "tanda_terima")
    assert unduh(client, persona.pihak_lain, tt_lain).status_code == 200
    assert unduh(client, persona.pemohon, tt_lain).status_code == 404
    assert (
        unduh(client, persona.pihak_lain, dok(diperiksa.sengketa, "akta_registrasi")).status_code
        == 404
    )


def test_nama_berbahaya_tercetak_apa_adanya(sinkron, persona, django_capture_on_commit_callbacks):
    nama = 'Ñoño Đặng <img src=/etc/passwd> <a href="javascript:alert(1)">x</a> "q"'
    with django_capture_on_commit_callbacks(execute=True):
        sk = persona.skenario().terima(MULAI, nama=nama)
    d = dok(sk.sengketa, "tanda_terima")
    assert d.status == StatusDokumen.SIAP, d.galat
    assert nama in " ".join(teks_pdf(d))


# --- the commission's logo ---


@pytest.fixture
def logo_bersih():
    from dokumen import konteks

    konteks._LOGO.clear()
    yield
    konteks._LOGO.clear()


def test_logo_komisi_di_kop_dokumen(logo_bersih, sinkron, persona, bangun):
    from django.core.files.base import ContentFile

    from tests.test_dokumen_render import png_logo

    persona.komisi.logo.save("logo.png", ContentFile(png_logo()))
    s = bangun(S.TEREGISTRASI).sengketa
    for d in Dokumen.objects.filter(sengketa=s, format="pdf"):
        assert d.status == StatusDokumen.SIAP, d.galat
        assert all(len(h.images) == 1 for h in PdfReader(io.BytesIO(isi(d))).pages)


@pytest.mark.parametrize("rusak", ["isi_bukan_gambar", "berkas_hilang"])
def test_logo_rusak_atau_hilang_tidak_menggagalkan_dokumen(
    logo_bersih, sinkron, persona, bangun, caplog, rusak
):
    from django.core.files.base import ContentFile

    komisi = persona.komisi
    if rusak == "isi_bukan_gambar":
        komisi.logo.save("logo.png", ContentFile(b"\x89PNG\r\n\x1a\nrusak" * 10))
    else:
        komisi.logo.name = "logo/tidak-ada.png"
        komisi.save()
    with caplog.at_level("WARNING", logger="dokumen.konteks"):
        s = bangun(S.DITERIMA).sengketa
    d = dok(s, "tanda_terima")
    assert d.status == StatusDokumen.SIAP, d.galat
    assert not PdfReader(io.BytesIO(isi(d))).pages[0].images
    assert any("logo komisi" in r.getMessage() for r in caplog.records)
