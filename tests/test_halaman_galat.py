"""Error pages speak Indonesian and stand on their own (no menu, no database needed)."""

import pytest
from django.test import Client
from django.test.utils import override_settings
from django.urls import path


def _gagal(request):
    raise RuntimeError("boom")


urlpatterns = [path("meledak/", _gagal)]


@pytest.mark.django_db
def test_halaman_tidak_ditemukan_berbahasa_indonesia(client):
    respons = client.get("/tidak-ada-halaman-ini/")
    assert respons.status_code == 404
    isi = respons.content.decode()
    assert "Halaman tidak ditemukan" in isi
    assert 'lang="id"' in isi


@override_settings(ROOT_URLCONF=__name__)
def test_galat_server_berbahasa_indonesia_tanpa_jejak_program():
    respons = Client(raise_request_exception=False).get("/meledak/")
    assert respons.status_code == 500
    isi = respons.content.decode()
    assert "Terjadi kesalahan" in isi
    assert "Traceback" not in isi and "boom" not in isi


@pytest.mark.django_db
def test_kode_verifikasi_berisi_nul_tidak_meledak(client):
    # PostgreSQL refuses NUL bytes in a query parameter: the code is cleaned before the lookup.
    respons = client.get("/verifikasi/AB%00CD/")
    assert respons.status_code in (200, 404)
