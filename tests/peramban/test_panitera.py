"""Journey of the registry, in a real browser: a desk intake with a missing proof, the request
to complete it, registration under the Perki 1/2013 Art. 18 waiver, the chair appoints the
panel, the PP schedules the first hearing, and the summonses appear and open as PDFs."""

from datetime import timedelta

import pytest

from dokumen.models import JenisDokumen
from sengketa.aturan import LABEL_BUTIR
from sengketa.kalender import Kalender, format_tanggal
from sengketa.models import Sengketa, StatusSengketa
from sengketa.waktu import hari_ini
from tests.peramban.alat import (
    buka_aksi,
    id_,
    kirim,
    masuk_kantor,
    periksa_aksesibilitas,
    teks_pdf,
    tunggu_dokumen,
    unduh,
    url_kasus,
)
from workflows.kantor.forms import LABEL_TRANSISI
from workflows.kantor.views import LABEL_STATUS

pytestmark = pytest.mark.django_db(transaction=True)


def test_panitera_menerima_meregistrasi_sampai_panggilan_terbuka_sebagai_pdf(buka, persona, kaltim):
    hari = hari_ini(kaltim)
    kal = Kalender.untuk(kaltim)
    badan = kaltim.badan_publik.first()

    # -- the registrar takes in an application at the desk; the objection proof is missing
    page = buka()
    masuk_kantor(page, persona.panitera)
    periksa_aksesibilitas(page)
    page.goto("/kantor/permohonan/baru/")
    periksa_aksesibilitas(page)
    page.select_option("#id_pemohon_jenis", "perorangan")
    page.fill("#id_pemohon_nama", "Rahmat Hidayat")
    page.fill("#id_pemohon_nomor_identitas", "6472010101850002")
    page.fill("#id_pemohon_alamat", "Jl. Pahlawan 1, Samarinda")
    page.fill("#id_pemohon_email", "rahmat@example.org")
    page.select_option("#id_badan_publik", str(badan.pk))
    page.fill("#id_informasi_diminta", "Kontrak pengadaan jalan 2025\nLaporan pengawasan proyek")
    page.fill("#id_tujuan_penggunaan", "Pengawasan anggaran oleh warga")
    page.check('input[name="alasan"][value="c"]')
    page.fill("#id_tanggal_permohonan_informasi", (hari - timedelta(days=50)).isoformat())
    page.fill("#id_tanggal_keberatan", (hari - timedelta(days=25)).isoformat())
    page.fill("#id_tanggal_tanggapan_atasan", (hari - timedelta(days=5)).isoformat())
    page.select_option("#id_saluran", "langsung")
    page.check("#id_kelengkapan_identitas")
    page.check("#id_kelengkapan_bukti_permohonan")
    page.locator("main form button[type=submit]").click()

    page.wait_for_url("**/kantor/sengketa/*/")
    sengketa = Sengketa.objects.get(pihak__nama="Rahmat Hidayat")
    status = page.locator(".kepala-kasus .status")
    assert status.inner_text() == id_(LABEL_STATUS[StatusSengketa.DITERIMA])
    periksa_aksesibilitas(page)

    # -- completeness request: the registry writes what is missing
    form = buka_aksi(page, url_kasus(sengketa.pk, "transisi", "minta_kelengkapan"))
    form.locator("textarea[name=kekurangan]").fill("bukti_keberatan")
    kirim(form.locator("button[type=submit]"))
    assert status.inner_text() == id_(LABEL_STATUS[StatusSengketa.MENUNGGU_KELENGKAPAN])
    pesan = page.locator("ul.pesan")
    assert id_(LABEL_TRANSISI["minta_kelengkapan"]) in pesan.inner_text()

    # -- registering without the proof is refused, with the reason in Indonesian
    aksi_registrasi = url_kasus(sengketa.pk, "transisi", "registrasi")
    form = buka_aksi(page, aksi_registrasi)
    kirim(form.locator("button[type=submit]"))
    alasan = page.locator("#aksi")
    assert id_(LABEL_BUTIR["bukti_keberatan"]) in alasan.inner_text()
    assert status.inner_text() == id_(LABEL_STATUS[StatusSengketa.MENUNGGU_KELENGKAPAN])
    periksa_aksesibilitas(page)

    # -- ... and accepted under the waiver; the register number heads the page
    form = page.locator(f'form[action="{aksi_registrasi}"]')
    assert form.is_visible()  # the refused form stays open, ready for a second try
    form.locator("textarea[name=pengecualian_kelengkapan]").fill(
        "Keberatan disampaikan lisan; dicatat pada berita acara penerimaan."
    )
    kirim(form.locator("button[type=submit]"))
    sengketa.refresh_from_db()
    assert sengketa.nomor_register
    assert page.locator("h1").inner_text().startswith(sengketa.nomor_register)
    assert status.inner_text() == id_(LABEL_STATUS[StatusSengketa.TEREGISTRASI])

    # -- the chair appoints the panel and the PP
    ketua = buka(persona.ketua)
    ketua.goto(url_kasus(sengketa.pk))
    form = buka_aksi(ketua, url_kasus(sengketa.pk, "transisi", "tetapkan_majelis"))
    ketua_majelis, anggota = persona.komisioner[0], persona.komisioner[1:3]
    form.locator("select[name=ketua_majelis]").select_option(ketua_majelis.username)
    for a in anggota:
        form.locator(f'input[name=anggota][value="{a.username}"]').check()
    form.locator("select[name=panitera_pengganti]").select_option(persona.pp.username)
    periksa_aksesibilitas(ketua)
    kirim(form.locator("button[type=submit]"))
    ringkas = ketua.locator(".kepala-kasus dl").inner_text()
    assert ketua_majelis.get_full_name() in ringkas
    assert persona.pp.get_full_name() in ringkas
    assert ketua.locator(".kepala-kasus .status").inner_text() == id_(
        LABEL_STATUS[StatusSengketa.PEMERIKSAAN_AWAL]
    )

    # -- the PP schedules the first hearing, far enough ahead for a proper summons
    pp = buka(persona.pp)
    pp.goto(url_kasus(sengketa.pk))
    tanggal = kal.tambah(hari, 8)
    form = buka_aksi(pp, url_kasus(sengketa.pk, "sidang", "jadwalkan"))
    form.locator("select[name=jadwalkan-jenis]").select_option("pemeriksaan_awal")
    form.locator("input[name=jadwalkan-tanggal]").fill(tanggal.isoformat())
    form.locator("input[name=jadwalkan-jam]").fill("09:30")
    form.locator("input[name=jadwalkan-ruang]").fill("Ruang Sidang Utama")
    periksa_aksesibilitas(pp)
    kirim(form.locator("button[type=submit]"))
    tunggu_dokumen(pp, sengketa.pk)

    # The hearing, with one summons for each party, each with its own letter number.
    sidang = pp.locator("#sidang article.sidang")
    assert format_tanggal(tanggal) in sidang.locator("h3").inner_text()
    baris = sidang.locator("tbody tr")
    assert baris.count() == 2
    teks_sidang = sidang.inner_text()
    assert "Rahmat Hidayat" in teks_sidang
    assert badan.nama in teks_sidang
    periksa_aksesibilitas(pp)

    # -- the summonses are among the case's documents, and open as PDFs
    dokumen = pp.locator("#dokumen")
    panggilan = dokumen.locator(f'tr[data-jenis-dokumen="{JenisDokumen.PANGGILAN}"]')
    assert panggilan.count() == 2
    ke_pemohon = panggilan.filter(has_text="Rahmat Hidayat")
    isi = unduh(pp, ke_pemohon.locator('a[data-format="pdf"]'))
    assert isi.startswith(b"%PDF")
    teks = teks_pdf(isi)
    assert sengketa.nomor_register in teks
    assert "Rahmat Hidayat" in teks
    docx = unduh(pp, ke_pemohon.locator('a[data-format="docx"]'))
    assert docx.startswith(b"PK")  # a DOCX is a zip
