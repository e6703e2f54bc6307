"""The accessibility check itself: it fails on serious and critical axe-core violations and
names the rule and the element, and lets a page with only minor findings pass. (Every
journey relies on it; a check that never fails would prove nothing.)"""

import pytest

from tests.peramban.alat import periksa_aksesibilitas

BURUK = """<!doctype html><html lang="id"><head><title>Uji</title></head><body><main>
<h1>Formulir</h1>
<input type="text" id="tanpa-label">
<p style="color:#bbb;background:#fff" id="pucat">Teks pucat yang sulit dibaca</p>
</main></body></html>"""

BAIK = """<!doctype html><html lang="id"><head><title>Uji</title></head><body><main>
<h1>Formulir</h1>
<label for="nama">Nama</label><input type="text" id="nama">
<h3>Lompat tingkat judul (hanya "moderate")</h3>
</main></body></html>"""


@pytest.fixture
def halaman(browser):
    konteks = browser.new_context()
    yield konteks.new_page()
    konteks.close()


def test_pelanggaran_serius_dan_kritis_menggagalkan_dengan_nama_aturan_dan_elemen(halaman):
    halaman.set_content(BURUK)
    with pytest.raises(AssertionError) as galat:
        periksa_aksesibilitas(halaman)
    pesan = str(galat.value)
    assert "[critical] label" in pesan and "#tanpa-label" in pesan
    assert "[serious] color-contrast" in pesan and "#pucat" in pesan


def test_temuan_ringan_tidak_menggagalkan(halaman):
    halaman.set_content(BAIK)
    periksa_aksesibilitas(halaman)
