"""Journey of a member of the public, in a real browser, without an account: the hearing
calendar, a search in the ruling directory, the download of a published ruling, and its
verification by code and by upload (and a tampered copy refused)."""

import re

import pytest

from dokumen.models import Dokumen
from dokumen.publikasi import publikasi_terbitkan
from dokumen.samaran import usulan
from sengketa.kalender import format_tanggal
from sengketa.models import StatusSengketa as S
from sengketa.waktu import hari_ini
from tests.peramban.alat import kirim, periksa_aksesibilitas, teks_pdf, unduh
from workflows.layanan import sidang as layanan_sidang

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sidang_mendatang(persona, kaltim):
    """A case registered today whose first hearing is 8 working days ahead."""
    sk = persona.skenario()
    hari = hari_ini(kaltim)
    sk.terima(hari, nama="Ani Wulandari").registrasi(hari).tetapkan_majelis(hari)
    tanggal = sk.hk(hari, 8)
    layanan_sidang.sidang_jadwalkan(
        sengketa_id=sk.id,
        oleh=persona.pp,
        jenis="pemeriksaan_awal",
        mulai=sk.pukul(tanggal, 13),
        ruang="Ruang Sidang Utama",
        tempat="Kantor Komisi",
        agenda="Pemeriksaan awal",
    )
    return sk.segarkan(), tanggal


@pytest.fixture
def putusan_terbit(bangun, persona):
    """A ruling of 2024 (applicant Budi Santoso, a private person) published after review."""
    sk = bangun(S.DIPUTUS)
    dok = Dokumen.objects.get(sengketa=sk.sengketa, jenis="putusan", format="pdf", versi=1)
    pub = publikasi_terbitkan(
        dokumen_id=dok.pk,
        oleh=persona.panitera,
        samaran=[{"asli": s.asli, "samaran": s.samaran} for s in usulan(sk.sengketa)],
        tanpa_informasi_dikecualikan=True,
    )
    return sk.sengketa, pub


def test_publik_melihat_jadwal_mencari_putusan_dan_memverifikasinya(
    page, sidang_mendatang, putusan_terbit
):
    sk, tanggal = sidang_mendatang
    sengketa, pub = putusan_terbit

    # -- the hearing calendar: the case, the day and hour, the applicant as initials
    page.goto("/")
    periksa_aksesibilitas(page)
    page.locator("header nav a[href='/jadwal/']").click()
    page.wait_for_url("**/jadwal/")
    sidang = page.locator("article.sidang-publik")
    assert sidang.count() == 1
    teks = sidang.inner_text()
    assert sk.sengketa.nomor_register in teks
    assert format_tanggal(tanggal) in teks and "13.00" in teks and "WITA" in teks
    assert "Ani Wulandari" not in teks and "A. W." in teks
    periksa_aksesibilitas(page)
    page.select_option("#saring-tampilan", "minggu")
    page.locator("form.saring-publik button[type=submit]").click()
    page.wait_for_url("**/jadwal/?*tampilan=minggu*")
    periksa_aksesibilitas(page)

    # -- the ruling directory: search by the public body, open the ruling
    page.goto("/putusan/")
    periksa_aksesibilitas(page)
    page.fill("#id_termohon", sengketa.termohon.nama[:12])
    page.locator("form.cari-putusan button[type=submit]").click()
    page.wait_for_url("**/putusan/?*")
    baris = page.locator("table.daftar-putusan tbody tr[data-publikasi]")
    assert baris.count() == 1
    assert sengketa.nomor_register in baris.inner_text()
    periksa_aksesibilitas(page)
    baris.locator("a").first.click()
    page.wait_for_url(f"**/putusan/{pub.pk}/")
    periksa_aksesibilitas(page)

    # -- the published rendition: the applicant's name masked, the code printed on it
    isi = unduh(page, page.locator(f'a[href="/putusan/{pub.pk}/unduh/"]'))
    assert isi.startswith(b"%PDF")
    teks = teks_pdf(isi)
    assert sengketa.nomor_register in teks
    assert "Budi Santoso" not in teks
    kode = pub.kode_verifikasi
    assert kode in teks.replace(" ", "")

    # -- verification by code, typed as printed on the page
    page.locator("header nav a[href='/verifikasi/']").click()
    page.wait_for_url("**/verifikasi/")
    periksa_aksesibilitas(page)
    page.fill("#kode", " ".join(re.findall(".{1,5}", kode)).lower())
    page.locator("main form[method=get] button[type=submit]").click()
    page.wait_for_url(f"**/verifikasi/{kode}/")
    hasil = page.locator(".hasil-verifikasi")
    assert hasil.locator("p.valid").count() == 1
    assert pub.sha256 in hasil.inner_text()
    periksa_aksesibilitas(page)

    # -- ... and by upload, byte for byte, on that page
    page.set_input_files(
        "#berkas", {"name": "putusan.pdf", "mimeType": "application/pdf", "buffer": isi}
    )
    kirim(page.locator("main form[method=post] button[type=submit]"))
    assert page.locator("main > p.valid").count() == 1
    periksa_aksesibilitas(page)

    # -- a copy with one byte changed matches nothing
    page.goto("/verifikasi/")
    ubah = isi[:-8] + bytes([isi[-8] ^ 1]) + isi[-7:]
    page.set_input_files(
        "#berkas", {"name": "putusan.pdf", "mimeType": "application/pdf", "buffer": ubah}
    )
    kirim(page.locator("main form[method=post] button[type=submit]"))
    assert page.locator(".hasil-verifikasi").count() == 0
    assert page.locator("main p.tidak").count() == 1
    periksa_aksesibilitas(page)
