"""Who sees and does what through the API: anonymous 401, a party or a commission that has
nothing to do with the case 404, a visible case without the right 403, the registry 200."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from sengketa.models import StatusSengketa as S
from tests.kasus import MULAI, kasus
from tests.test_api_alur import permohonan


@pytest.fixture
def klien():
    return APIClient()


def sebagai(persona, siapa):
    if siapa == "anonim":
        return None
    return getattr(persona, siapa)


def panggil(klien, pengguna, metode, url, data=None):
    klien.force_authenticate(pengguna)
    return getattr(klien, metode)(url, data, format="json")


DETAIL = [
    ("anonim", 401),
    ("pihak_lain", 404),
    ("panitera_lain", 404),
    ("ketua_lain", 404),
    ("panitera", 200),
    ("ketua", 200),
    ("pemohon", 200),
]


@pytest.mark.parametrize(("siapa", "harap"), DETAIL)
def test_matriks_detail_dan_daftar(persona, klien, siapa, harap):
    sk = kasus(persona, S.DITERIMA)
    pengguna = sebagai(persona, siapa)
    r = panggil(klien, pengguna, "get", f"/api/v1/sengketa/{sk.id}/")
    assert r.status_code == harap
    daftar = panggil(klien, pengguna, "get", "/api/v1/sengketa/")
    if siapa == "anonim":
        assert daftar.status_code == 401
        assert daftar["WWW-Authenticate"] == "Token"
    else:
        ids = [x["id"] for x in daftar.json()["results"]]
        assert (sk.id in ids) == (harap == 200)


TRANSISI = [
    ("anonim", 401),
    ("pihak_lain", 404),
    ("panitera_lain", 404),
    ("ketua_lain", 404),
    ("pemohon", 403),  # sees its case, may not register it
    ("admin", 403),
    ("panitera", 200),
]


@pytest.mark.parametrize(("siapa", "harap"), TRANSISI)
def test_matriks_transisi(persona, klien, siapa, harap):
    sk = kasus(persona, S.DITERIMA)
    url = f"/api/v1/sengketa/{sk.id}/transisi/registrasi/"
    r = panggil(klien, sebagai(persona, siapa), "post", url, {"tanggal": MULAI.isoformat()})
    assert r.status_code == harap, r.json()
    if harap == 403:
        assert r.json()["detail"]


@pytest.mark.parametrize(
    ("siapa", "harap"),
    [("anonim", 401), ("pihak_lain", 404), ("pemohon", 403), ("panitera", 200)],
)
def test_matriks_ubah_permohonan(persona, klien, siapa, harap):
    sk = kasus(persona, S.DITERIMA)
    body = {"tujuan_penggunaan": "Penelitian", "kelengkapan": {"identitas": True}}
    r = panggil(klien, sebagai(persona, siapa), "patch", f"/api/v1/sengketa/{sk.id}/", body)
    assert r.status_code == harap
    if harap == 200:
        assert r.json()["riwayat"][-1]["transisi"] == "ubah_permohonan"


def test_ubah_permohonan_setelah_registrasi_409(persona, klien):
    sk = kasus(persona, S.TEREGISTRASI)
    r = panggil(klien, persona.panitera, "patch", f"/api/v1/sengketa/{sk.id}/", {"petitum": "x"})
    assert r.status_code == 409
    assert r.json()["status"] == "teregistrasi"
    assert r.json()["transisi"] == "ubah_permohonan"


@pytest.mark.parametrize(
    ("siapa", "harap"),
    [("anonim", 401), ("panitera_lain", 403), ("panitera", 201), ("pemohon", 201)],
)
def test_matriks_ajukan(persona, klien, siapa, harap):
    r = panggil(
        klien, sebagai(persona, siapa), "post", "/api/v1/sengketa/", permohonan(persona.komisi)
    )
    assert r.status_code == harap, r.json()
    if siapa == "pemohon":
        # A party files for itself, and then follows its own case.
        r2 = panggil(klien, persona.pemohon, "get", f"/api/v1/sengketa/{r.json()['id']}/")
        assert r2.status_code == 200
        assert "cabut" in r2.json()["transisi"]


@pytest.mark.parametrize(
    ("siapa", "harap"),
    [("anonim", 401), ("pihak_lain", 404), ("ketua_lain", 404), ("pemohon", 403), ("pp", 201)],
)
def test_matriks_sidang(persona, klien, siapa, harap):
    sk = kasus(persona, S.PEMERIKSAAN_AWAL)
    body = {"jenis": "pembuktian", "mulai": sk.pukul(sk.hk(MULAI, 15)).isoformat()}
    url = f"/api/v1/sengketa/{sk.id}/sidang/"
    r = panggil(klien, sebagai(persona, siapa), "post", url, body)
    assert r.status_code == harap, r.json()
    sidang = sk.sengketa.sidang.first()
    r = panggil(klien, sebagai(persona, siapa), "post", f"/api/v1/sidang/{sidang.pk}/selesai/", {})
    # Visibility comes first (401 / 404); then a body without attendance is a 400.
    assert r.status_code == {403: 400, 201: 400}.get(harap, harap)


def test_komisi_terlihat(persona, klien):
    kasus(persona, S.DITERIMA)
    kode = lambda u: [k["kode"] for k in panggil(klien, u, "get", "/api/v1/komisi/").json()]  # noqa: E731
    assert kode(persona.panitera) == ["KIP-KALTIM"]
    assert kode(persona.panitera_lain) == ["KI-PUSAT"]
    assert kode(persona.pemohon) == ["KIP-KALTIM"]
    assert kode(persona.pihak_lain) == []
    klien.force_authenticate(None)
    assert klien.get("/api/v1/komisi/").status_code == 401


def test_badan_publik(persona, klien):
    r = panggil(klien, persona.panitera, "get", "/api/v1/badan-publik/?q=kalimantan")
    assert r.status_code == 200
    hasil = r.json()["results"]
    assert [b["nama"] for b in hasil] == ["Pemerintah Provinsi Kalimantan Timur"]
    assert set(hasil[0]) >= {"id", "nama", "kategori", "alamat"}
    # Another commission's bodies are not listed for its staff.
    r = panggil(klien, persona.panitera_lain, "get", "/api/v1/badan-publik/?q=kalimantan")
    assert r.json()["results"] == []
    # A party account may file anywhere, so it sees every commission's bodies.
    r = panggil(klien, persona.pihak_lain, "get", "/api/v1/badan-publik/?komisi=KI-PUSAT")
    assert [b["nama"] for b in r.json()["results"]] == ["Kementerian Contoh"]


def test_daftar_tanpa_n_plus_1(persona, klien):
    def jumlah_query():
        klien.force_authenticate(persona.komisioner[0])
        # A fresh user object per request, as in production (caches live on the instance).
        with CaptureQueriesContext(connection) as ctx:
            r = klien.get("/api/v1/sengketa/")
        assert r.status_code == 200
        return len(ctx.captured_queries), r.json()

    for _ in range(5):
        kasus(persona, S.PEMERIKSAAN_AWAL if _ == 0 else S.TEREGISTRASI)
    lima, data = jumlah_query()
    assert data["count"] == 5
    # The presiding commissioner sees its own transitions on its case, and only there.
    punya = [x for x in data["results"] if x["majelis"]["ketua"]]
    assert len(punya) == 1 and "catat_pemeriksaan_awal" in punya[0]["transisi"]
    assert all(x["transisi"] == [] for x in data["results"] if x not in punya)
    for _ in range(45):
        kasus(persona, S.TEREGISTRASI)
    lima_puluh, data = jumlah_query()
    assert data["count"] == 50
    assert len(data["results"]) == 25
    assert lima == lima_puluh


def test_daftar_saring(persona, klien):
    a = kasus(persona, S.TEREGISTRASI)
    b = kasus(persona, S.DITERIMA)
    klien.force_authenticate(persona.panitera)
    ids = lambda q: [x["id"] for x in klien.get(f"/api/v1/sengketa/?{q}").json()["results"]]  # noqa: E731
    assert ids("status=diterima") == [b.id]
    assert ids("q=001/REG") == [a.id]
    assert set(ids("q=budi")) == {a.id, b.id}
    assert ids("komisi=KI-PUSAT") == []
    assert klien.get("/api/v1/sengketa/?status=bukan").status_code == 400


@pytest.fixture
def tanpa_throttle_lama():
    cache.clear()
    yield
    cache.clear()


def test_token(persona, tanpa_throttle_lama):
    klien = APIClient()
    r = klien.post(
        "/api/v1/auth/token/",
        {"username": persona.panitera.username, "password": "rahasia-uji-123"},
        format="json",
    )
    assert r.status_code == 200
    token = r.json()["token"]
    klien.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert klien.get("/api/v1/komisi/").status_code == 200
    klien.credentials(HTTP_AUTHORIZATION="Token salah")
    assert klien.get("/api/v1/komisi/").status_code == 401

    klien.credentials()
    salah = {"username": persona.panitera.username, "password": "salah"}
    r = klien.post("/api/v1/auth/token/", salah, format="json")
    assert r.status_code == 400
    assert r.json()["errors"]
    kode = [klien.post("/api/v1/auth/token/", salah, format="json").status_code for _ in range(12)]
    assert 429 in kode
