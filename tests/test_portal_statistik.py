"""The public statistics page (/statistik/): no login, every table with its chart, chosen
by commission and year, and no personal data."""

import re

import pytest
from django.urls import reverse

from sengketa.models import StatusSengketa as S
from sengketa.statistik import Periode, hitung_semua
from tests.kasus import kasus

URL = "/statistik/"


@pytest.fixture
def data(persona):
    return [kasus(persona, S.DIPUTUS), kasus(persona, S.SELESAI_MEDIASI)]


def sel(html: str, bagian: str, baris: str) -> list[str]:
    tabel = re.search(rf'data-bagian="{re.escape(bagian)}".*?</table>', html, re.S)[0]
    tr = re.search(rf'data-baris="{re.escape(baris)}">(.*?)</tr>', tabel, re.S)[1]
    return re.findall(r"<td>(.*?)</td>", tr)


def test_alamat_dan_nama_url(db):
    assert reverse("portal:statistik") == URL


def test_tanpa_masuk_menampilkan_semua_tabel_dengan_grafik(client, persona, data):
    r = client.get(URL, {"komisi": persona.komisi.kode, "tahun": 2024})
    assert r.status_code == 200
    html = r.content.decode()
    for t in hitung_semua(persona.komisi, Periode.tahun(2024)).values():
        assert f'id="tabel-{t.kode}"' in html
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="grafik" role="img"') >= 9
    assert sel(html, "register.register", "diregistrasi") == ["2"]
    assert sel(html, "register.register", "selesai") == ["2"]
    # The navigation of every public page links here.
    assert f'href="{URL}"' in html


def test_tidak_ada_data_pribadi(client, persona, data):
    html = client.get(URL, {"komisi": persona.komisi.kode, "tahun": 2024}).content.decode()
    pemohon = data[0].sengketa.pemohon
    for pribadi in (pemohon.nama, pemohon.nomor_identitas, pemohon.alamat, pemohon.email):
        assert pribadi and pribadi not in html
    assert 'data-bagian="pemohon.per_jenis"' in html  # the applicants by type remain
    assert 'data-bagian="pemohon.teratas"' not in html
    assert 'data-bagian="pemohon.serial"' not in html
    # Respondents are public bodies: their names are public.
    assert data[0].sengketa.termohon.nama in html
    assert "nomor_register" not in html and data[0].sengketa.nomor_register not in html


def test_tahun_lain_dan_komisi_lain(client, persona, pusat, data):
    html = client.get(URL, {"komisi": persona.komisi.kode, "tahun": 2025}).content.decode()
    assert sel(html, "register.register", "diregistrasi") == ["0"]
    html = client.get(URL, {"komisi": pusat.kode, "tahun": 2024}).content.decode()
    assert sel(html, "register.register", "diregistrasi") == ["0"]
    assert f'<option value="{pusat.kode}" selected>' in html


def test_masukan_salah_dijelaskan(client, persona):
    r = client.get(URL, {"komisi": "TIDAK-ADA"})
    assert r.status_code == 404
    assert "TIDAK-ADA" in r.content.decode()
    r = client.get(URL, {"komisi": persona.komisi.kode, "tahun": "1999"})
    assert r.status_code == 400
    assert 'role="alert"' in r.content.decode()
    assert 'id="tabel-register"' in r.content.decode()  # the latest year is shown instead


def test_tanpa_pilihan_komisi_bawaan_dipakai(client, persona, settings):
    settings.KOMISI_DEFAULT = persona.komisi.kode
    html = client.get(URL).content.decode()
    assert f'<option value="{persona.komisi.kode}" selected>' in html
