"""Browsers ask for /favicon.ico on every first visit: it must not be a 404 in the logs."""


def test_favicon_ico_mengarah_ke_ikon(client):
    r = client.get("/favicon.ico")
    assert r.status_code == 301
    assert r["Location"].endswith("portal/favicon.svg")


def test_halaman_menautkan_ikon(client, db):
    for url in ("/", "/kantor/masuk/"):
        assert b"portal/favicon.svg" in client.get(url).content
