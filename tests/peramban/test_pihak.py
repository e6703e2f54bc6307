"""Journey of an applicant, in a real browser: sign up, confirm the e-mail address, file the
application online with its attachments, then (once the registry has registered the case
and scheduled a hearing, done here through the services) see the hearing in "Perkara saya",
download its own summons, and get a 404 for the other party's."""

import re
from datetime import timedelta

import pytest

from dokumen.models import Dokumen, JenisDokumen
from sengketa.kalender import Kalender, format_tanggal
from sengketa.models import Sengketa
from sengketa.waktu import hari_ini
from tests.factories import BadanPublikFactory
from tests.peramban.alat import kirim, periksa_aksesibilitas, teks_pdf, unduh
from tests.peramban.surel import kotak_surat
from workflows import layanan as L
from workflows.layanan import sidang as layanan_sidang
from workflows.skenario import Skenario

pytestmark = pytest.mark.django_db(transaction=True)

EMAIL = "dewi.lestari@example.org"
SANDI = "Kopi-Tubruk-Samarinda-77"
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 200 + b"\xff\xd9"


def berkas(nama: str, isi: bytes, mime: str) -> dict:
    return {"name": nama, "mimeType": mime, "buffer": isi}


def test_pihak_mendaftar_mengajukan_melihat_sidang_dan_mengunduh_panggilannya(
    buka, persona, kaltim
):
    badan = BadanPublikFactory(komisi=kaltim, nama="Dinas Pekerjaan Umum Kota Samarinda")
    hari = hari_ini(kaltim)
    page = buka()

    # -- sign up
    page.goto("/akun/daftar/")
    periksa_aksesibilitas(page)
    page.fill("#id_email", EMAIL)
    page.fill("#id_password1", SANDI)
    page.fill("#id_password2", SANDI)
    page.check('input[name="jenis"][value="perorangan"]')
    page.fill("#id_nama", "Dewi Lestari")
    page.fill("#id_nomor_identitas", "6472014107900003")
    page.fill("#id_alamat", "Jl. Kesuma Bangsa 12, Samarinda")
    page.fill("#id_telepon", "0812 5555 0101")
    kirim(page.locator("main form button[type=submit]"))
    assert EMAIL in page.locator("main").inner_text()
    periksa_aksesibilitas(page)

    # -- the link in the e-mail activates the account; then log in
    surat = kotak_surat()
    assert [s.kepada for s in surat] == [(EMAIL,)]
    tautan = re.search(r"https?://\S+/akun/verifikasi/\S+/", surat[0].isi).group(0)
    page.goto(tautan)
    page.wait_for_url("**/akun/masuk/")
    assert page.locator("ul.pesan li.pesan-success").count() == 1
    periksa_aksesibilitas(page)
    page.fill("#id_username", EMAIL)
    page.fill("#id_password", SANDI)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/perkara/")
    periksa_aksesibilitas(page)

    # -- file online: the commission, the form, the attachments
    page.locator("header nav.akun a[href='/pengajuan/']").click()
    page.wait_for_url("**/pengajuan/")
    periksa_aksesibilitas(page)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/pengajuan/\d+/$"))
    # Filled in from the account.
    assert page.input_value("#id_pemohon_nama") == "Dewi Lestari"
    periksa_aksesibilitas(page)
    page.select_option("#id_badan_publik", str(badan.pk))
    page.fill("#informasi-0", "Dokumen kontrak pengadaan jalan tahun 2025")
    page.fill("#id_tujuan_penggunaan", "Pengawasan anggaran oleh warga")
    page.fill("#id_tanggal_permohonan_informasi", (hari - timedelta(days=50)).isoformat())
    page.fill("#id_tanggal_keberatan", (hari - timedelta(days=25)).isoformat())
    page.fill("#id_tanggal_tanggapan_atasan", (hari - timedelta(days=5)).isoformat())
    page.check("#alasan-c")
    page.fill("#id_petitum", "Memerintahkan Termohon memberikan informasi yang dimohon.")
    page.set_input_files("#id_lampiran_identitas", berkas("ktp.jpg", JPEG, "image/jpeg"))
    page.set_input_files(
        "#id_lampiran_bukti_permohonan", berkas("permohonan.pdf", PDF, "application/pdf")
    )
    page.set_input_files(
        "#id_lampiran_bukti_keberatan", berkas("keberatan.pdf", PDF, "application/pdf")
    )
    page.locator("button[name=aksi][value=tinjau]").click()
    page.wait_for_url(re.compile(r".*/pengajuan/\d+/tinjau/$"))
    ringkasan = page.locator("main").inner_text()
    for nama in ("ktp.jpg", "permohonan.pdf", "keberatan.pdf", badan.nama):
        assert nama in ringkasan
    periksa_aksesibilitas(page)
    page.check("#pernyataan")
    page.locator("main form.kartu button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/pengajuan/\d+/tanda-terima/$"))
    periksa_aksesibilitas(page)
    sengketa = Sengketa.objects.get(pihak__pengguna__username=EMAIL)

    # -- the registry checks the file, registers, appoints, schedules (not this journey)
    sk = Skenario(kaltim, persona.aktor, sengketa)
    L.sengketa_ubah_permohonan(
        sengketa_id=sk.id,
        oleh=persona.panitera,
        perubahan={},
        kelengkapan=dict.fromkeys(("identitas", "bukti_permohonan", "bukti_keberatan"), True),
    )
    sk.registrasi(hari).tetapkan_majelis(hari)
    tanggal_sidang = Kalender.untuk(kaltim).tambah(hari, 8)
    layanan_sidang.sidang_jadwalkan(
        sengketa_id=sk.id,
        oleh=persona.pp,
        jenis="pemeriksaan_awal",
        mulai=sk.pukul(tanggal_sidang, 10),
        ruang="Ruang Sidang Utama",
        tempat="Kantor Komisi Informasi Provinsi Kalimantan Timur",
        agenda="Pemeriksaan awal",
    )
    nomor = Sengketa.objects.get(pk=sk.id).nomor_register

    # -- "Perkara saya": the register number and the hearing
    page.goto("/perkara/")
    perkara = page.locator(f'article.perkara[data-perkara="{sk.id}"]')
    teks = perkara.inner_text()
    assert nomor in teks
    assert format_tanggal(tanggal_sidang) in teks
    assert "10.00 WITA" in teks
    periksa_aksesibilitas(page)

    # -- its own summons downloads and opens; the respondent's is a 404
    perkara.locator(f'a[href="/perkara/{sk.id}/"]').first.click()
    page.wait_for_url(f"**/perkara/{sk.id}/")
    periksa_aksesibilitas(page)
    panggilan = Dokumen.objects.filter(sengketa_id=sk.id, jenis=JenisDokumen.PANGGILAN)
    milik = panggilan.get(pihak__pengguna__username=EMAIL, format="pdf")
    lawan = panggilan.exclude(pihak__pengguna__username=EMAIL).get(format="pdf")
    tautan = page.locator(f'#dokumen a[href="/dokumen/{milik.pk}/unduh/"]')
    isi = unduh(page, tautan)
    assert isi.startswith(b"%PDF")
    teks = teks_pdf(isi)
    assert nomor in teks
    assert "Dewi Lestari" in teks
    assert page.locator(f'#dokumen a[href="/dokumen/{lawan.pk}/unduh/"]').count() == 0
    respons = page.goto(f"/dokumen/{lawan.pk}/unduh/")
    assert respons.status == 404
    periksa_aksesibilitas(page)
