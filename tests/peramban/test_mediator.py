"""Journey of a mediator, in a real browser: two mediation sessions recorded with their
attendance, an extension agreed by the parties, a successful agreement; the mediation ruling
is issued, the registry publishes it after the redaction review, and the public finds it in
the ruling directory."""

import pytest

from dokumen.models import HasilPublikasi, JenisDokumen
from sengketa.kalender import format_tanggal
from sengketa.models import Sidang, StatusKehadiran, StatusSengketa, StatusSidang
from sengketa.waktu import hari_ini
from tests.peramban.alat import (
    buka_aksi,
    id_,
    kirim,
    periksa_aksesibilitas,
    teks_pdf,
    tunggu_dokumen,
    unduh,
    url_kasus,
)
from workflows.kantor.forms import LABEL_TRANSISI
from workflows.kantor.views import LABEL_STATUS

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def mediasi(persona, kaltim):
    """A case received 16 working days ago, in mediation since its preliminary examination
    8 working days ago (so both sessions below have already taken place)."""
    sk = persona.skenario()
    h0 = sk.hk(hari_ini(kaltim), -16)
    sk.terima(h0, nama="Yohanes Pratama").registrasi(h0).tetapkan_majelis(sk.hk(h0, 2))
    sk.pemeriksaan_awal(sk.hk(h0, 8)).mulai_mediasi(sk.hk(h0, 8))
    return sk, h0


def catat_sesi(page, sengketa_id: int, tanggal, *, periksa: bool = False) -> None:
    """Schedule a mediation session on `tanggal` and close it with everyone present
    (`periksa`: check the accessibility of the attendance form on the way)."""
    form = buka_aksi(page, url_kasus(sengketa_id, "sidang", "jadwalkan"))
    form.locator("select[name=jadwalkan-jenis]").select_option("mediasi")
    form.locator("input[name=jadwalkan-tanggal]").fill(tanggal.isoformat())
    form.locator("input[name=jadwalkan-jam]").fill("10:00")
    form.locator("input[name=jadwalkan-ruang]").fill("Ruang Mediasi")
    kirim(form.locator("button[type=submit]"))
    sidang = Sidang.objects.filter(sengketa_id=sengketa_id, jenis="mediasi").latest("pk")
    form = buka_aksi(page, f"/kantor/sidang/{sidang.pk}/selesai/")
    pilihan = form.locator("select[name*=hadir_]")
    assert pilihan.count() == 2  # applicant and respondent
    for i in range(pilihan.count()):
        pilihan.nth(i).select_option("hadir")
    form.locator("textarea[name$=ringkasan]").fill("Para pihak menyampaikan usulan kesepakatan.")
    if periksa:
        periksa_aksesibilitas(page)
    kirim(form.locator("button[type=submit]"))
    # The session now reads as held, with who attended.
    sesi = page.locator("#sidang article.sidang").filter(has_text=format_tanggal(tanggal))
    assert id_(StatusSidang.SELESAI.label) in sesi.locator("h3").inner_text()
    assert f"Yohanes Pratama: {id_(StatusKehadiran.HADIR.label)}" in sesi.inner_text()


def test_mediator_mencatat_sesi_perpanjangan_kesepakatan_lalu_putusan_mediasi_terbit(
    buka, persona, mediasi
):
    sk, h0 = mediasi
    pk = sk.id
    mediator = buka(persona.aktor.mediator)
    mediator.goto(url_kasus(pk))
    status = mediator.locator(".kepala-kasus .status")
    assert status.inner_text() == id_(LABEL_STATUS[StatusSengketa.MEDIASI])
    periksa_aksesibilitas(mediator)

    # -- two sessions, each with its attendance
    catat_sesi(mediator, pk, sk.hk(h0, 10), periksa=True)
    catat_sesi(mediator, pk, sk.hk(h0, 13))
    sesi = mediator.locator("#sidang article.sidang")
    assert sesi.count() == 3  # the preliminary examination and the two sessions

    # -- the parties agree to extend the mediation by 5 working days
    form = buka_aksi(mediator, url_kasus(pk, "transisi", "perpanjang_mediasi"))
    form.locator("input[name=hari]").fill("5")
    form.locator("input[name=persetujuan_para_pihak]").check()
    kirim(form.locator("button[type=submit]"))
    pesan = mediator.locator("ul.pesan").inner_text()
    assert id_(LABEL_TRANSISI["perpanjang_mediasi"]) in pesan
    sk.segarkan()
    assert sk.sengketa.mediasi_diperpanjang_hk == 5

    # -- the agreement
    form = buka_aksi(mediator, url_kasus(pk, "transisi", "mediasi_berhasil"))
    form.locator("textarea[name=kesepakatan]").fill(
        "Termohon memberikan salinan kontrak pengadaan jalan\nPemohon menanggung biaya penggandaan"
    )
    form.locator("input[name=jangka_waktu_pelaksanaan]").fill("14")
    periksa_aksesibilitas(mediator)
    kirim(form.locator("button[type=submit]"))
    assert status.inner_text() == id_(LABEL_STATUS[StatusSengketa.SELESAI_MEDIASI])
    tunggu_dokumen(mediator, pk)
    periksa_aksesibilitas(mediator)

    # -- the mediation ruling is among the case's documents and opens
    baris = mediator.locator(f'#dokumen tr[data-jenis-dokumen="{JenisDokumen.PUTUSAN_MEDIASI}"]')
    assert baris.count() == 1
    isi = unduh(mediator, baris.locator('a[data-format="pdf"]'))
    assert isi.startswith(b"%PDF")
    teks = teks_pdf(isi)
    assert sk.sengketa.nomor_register in teks
    assert "salinan kontrak pengadaan jalan" in teks

    # -- the registry's redaction review publishes it
    panitera = buka(persona.panitera)
    panitera.goto("/kantor/publikasi/")
    periksa_aksesibilitas(panitera)
    antre = panitera.locator("#antrean tbody tr[data-dokumen]")
    assert antre.count() == 1
    assert sk.sengketa.nomor_register in antre.inner_text()
    antre.locator("a[href^='/kantor/publikasi/dokumen/']").click()
    panitera.wait_for_url("**/kantor/publikasi/dokumen/*/")
    # The applicant (a private person) is proposed for masking.
    asli = panitera.locator("table.samaran input[name$=-asli]")
    nilai = [asli.nth(i).input_value() for i in range(asli.count())]
    assert "Yohanes Pratama" in nilai
    periksa_aksesibilitas(panitera)
    panitera.locator("input[name=tanpa_informasi_dikecualikan]").check()
    panitera.locator("button[name=langkah][value=terbitkan]").click()
    panitera.wait_for_url("**/kantor/publikasi/")
    terbit = panitera.locator("#terbit tbody tr[data-publikasi]")
    assert terbit.count() == 1
    periksa_aksesibilitas(panitera)

    # -- the public finds it in the ruling directory, the applicant masked
    publik = buka()
    publik.goto(f"/putusan/?jenis={JenisDokumen.PUTUSAN_MEDIASI}")
    hasil = publik.locator("table.daftar-putusan tbody tr[data-publikasi]")
    assert hasil.count() == 1
    teks = hasil.inner_text()
    assert sk.sengketa.nomor_register in teks
    assert id_(HasilPublikasi.MEDIASI.label) in teks
    periksa_aksesibilitas(publik)
    hasil.locator("a").first.click()
    publik.wait_for_url("**/putusan/*/")
    periksa_aksesibilitas(publik)
    isi = unduh(publik, publik.locator("a[href$='/unduh/']"))
    teks = teks_pdf(isi)
    assert sk.sengketa.nomor_register in teks
    assert "Yohanes Pratama" not in teks
