"""The Content-Security-Policy check itself (every journey relies on it: a check that never
fails would prove nothing), and the policy being sent by the server the journeys run
against (the live server as the production rehearsal)."""

import pytest

from tests.peramban.alat import PengawasCsp, periksa_aksesibilitas, periksa_csp

KEBIJAKAN = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
LANGGAR = """<!doctype html><html lang="id"><head><title>Uji</title></head><body><main>
<h1>Halaman</h1><p style="color:#000">Gaya sebaris</p>
<script>document.title = "dijalankan"</script>
<img src="https://gambar.invalid/logo.png" alt="logo">
</main></body></html>"""
PATUH = """<!doctype html><html lang="id"><head><title>Uji</title></head><body><main>
<h1>Halaman</h1><p>Tanpa apa pun yang sebaris.</p></main></body></html>"""


@pytest.fixture
def halaman(browser):
    """A page whose documents come from a made-up origin served with KEBIJAKAN."""
    konteks = browser.new_context()
    PengawasCsp(konteks)
    isi = {"/langgar/": LANGGAR, "/patuh/": PATUH}

    def jawab(route):
        path = "/" + route.request.url.split("/", 3)[3]
        route.fulfill(
            status=200,
            headers={"Content-Type": "text/html", "Content-Security-Policy": KEBIJAKAN},
            body=isi.get(path, ""),
        )

    konteks.route("http://csp.uji/**", jawab)
    yield konteks.new_page()
    konteks.close()


def test_pelanggaran_csp_menggagalkan_dengan_arahan_dan_halamannya(halaman):
    halaman.goto("http://csp.uji/langgar/")
    assert halaman.title() == "Uji"  # the inline script was blocked
    with pytest.raises(AssertionError) as galat:
        periksa_csp(halaman)
    pesan = str(galat.value)
    assert "http://csp.uji/langgar/: peristiwa script-src-elem memblokir inline" in pesan
    assert "peristiwa style-src-attr memblokir inline" in pesan
    assert "peristiwa img-src memblokir https://gambar.invalid/logo.png" in pesan
    assert "konsol " in pesan and "Content Security Policy directive" in pesan
    # Reported once: the next page is judged on its own.
    halaman.goto("http://csp.uji/patuh/")
    periksa_csp(halaman)


def test_pemeriksaan_aksesibilitas_juga_memeriksa_csp(halaman):
    halaman.goto("http://csp.uji/langgar/")
    with pytest.raises(AssertionError, match="Content-Security-Policy: 6 pelanggaran"):
        periksa_aksesibilitas(halaman)


@pytest.mark.django_db(transaction=True)
def test_halaman_perjalanan_dikirim_dengan_csp_tanpa_skrip_sebaris(page):
    """The server the journeys run against sends the site's policy: the check above is live
    on every journey page, not only in production."""
    for url in ("/", "/kantor/masuk/", "/putusan/"):
        respons = page.goto(url)
        assert respons.status == 200, url
        kebijakan = respons.header_value("content-security-policy") or ""
        arahan = dict(a.strip().partition(" ")[::2] for a in kebijakan.split(";") if a.strip())
        assert arahan.get("script-src") == "'self'", (url, kebijakan)
        assert arahan.get("style-src") == "'self'", (url, kebijakan)
        assert arahan.get("default-src") == "'self'", (url, kebijakan)
        periksa_csp(page)
