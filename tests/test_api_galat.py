"""Bad input never gives a 500: 400 with {"detail", "errors": {field: [...]}} or 404."""

from datetime import timedelta

import pytest
from django.utils import timezone
from drf_spectacular.validation import validate_schema
from rest_framework.test import APIClient

from sengketa.models import BadanPublik
from sengketa.models import StatusSengketa as S
from tests.kasus import MULAI, kasus
from tests.test_api_alur import permohonan


@pytest.fixture
def klien(persona):
    k = APIClient()
    k.force_authenticate(persona.panitera)
    return k


def harap_400(r, *medan):
    assert r.status_code == 400, (r.status_code, r.content)
    body = r.json()
    assert isinstance(body["detail"], str) and body["detail"]
    assert isinstance(body["errors"], dict)
    for m in medan:
        assert m in body["errors"], body["errors"]
        assert all(isinstance(p, str) and p for p in body["errors"][m])
    return body


def test_json_rusak(klien):
    r = klien.post("/api/v1/sengketa/", "{bukan json", content_type="application/json")
    harap_400(r, "non_field_errors")
    r = klien.post("/api/v1/sengketa/", "[1, 2]", content_type="application/json")
    harap_400(r)


def test_pesan_dalam_bahasa_indonesia(klien, persona):
    body = permohonan(persona.komisi)
    del body["pemohon"]
    r = klien.post("/api/v1/sengketa/", body, format="json")
    assert harap_400(r, "pemohon")["errors"]["pemohon"] == ["Isian ini wajib diisi."]


def _hari_depan():
    return (timezone.localdate() + timedelta(days=3)).isoformat()


PERMOHONAN_BURUK = [
    ({"alasan": "c"}, "alasan"),
    ({"alasan": ["z"]}, "alasan"),
    ({"alasan": []}, "alasan"),
    ({"pemohon": "Budi"}, "pemohon"),
    ({"pemohon": {"jenis": "alien", "nama": "Budi"}}, "pemohon.jenis"),
    ({"pemohon": {"jenis": "perorangan", "nama": "Budi", "umur": 40}}, "pemohon.umur"),
    ({"pemohon": {"jenis": "perorangan", "nama": "B" * 300}}, "pemohon.nama"),
    ({"informasi_diminta": 12}, "informasi_diminta"),
    ({"informasi_diminta": ["a", 3]}, "informasi_diminta"),
    ({"informasi_diminta": ""}, "informasi_diminta"),
    ({"informasi_diminta": "x" * 5000}, "informasi_diminta"),
    ({"tujuan_penggunaan": "x" * 20000}, "tujuan_penggunaan"),
    ({"tanggal_keberatan": "2024-02-30"}, "tanggal_keberatan"),
    ({"tanggal_keberatan": "29/01/2024"}, "tanggal_keberatan"),
    ({"tanggal_keberatan": 20240129}, "tanggal_keberatan"),
    ({"tanggal_diterima": "FUTURE"}, "tanggal_diterima"),
    ({"tanggal_keberatan": "2024-01-01"}, "tanggal_keberatan"),  # before the request
    ({"tanggal_diterima": "2024-01-20"}, "tanggal_diterima"),  # before the keberatan
    ({"termohon": {"badan_publik": 999999}}, "termohon.badan_publik"),
    ({"termohon": {"badan_publik": "dua"}}, "termohon.badan_publik"),
    ({"termohon": {}}, "termohon.badan_publik"),
    ({"komisi": "KI-ANTAH"}, "komisi"),
    ({"kelengkapan": {"identitas": "mungkin"}}, "kelengkapan.identitas"),
    ({"kelengkapan": {"foto": True}}, "kelengkapan"),
    ({"saluran": "merpati"}, "saluran"),
    ({"kuasa_pemohon": {"nama": ""}}, "kuasa_pemohon.nama"),
    ({"rahasia": True}, "rahasia"),
]


@pytest.mark.parametrize(("ubah", "medan"), PERMOHONAN_BURUK, ids=lambda x: str(x)[:40])
def test_permohonan_buruk_400(klien, persona, ubah, medan):
    if ubah.get("tanggal_diterima") == "FUTURE":
        ubah = {"tanggal_diterima": _hari_depan()}
    r = klien.post("/api/v1/sengketa/", permohonan(persona.komisi, **ubah), format="json")
    harap_400(r, medan)


def test_badan_publik_komisi_lain_400(klien, persona, pusat):
    lain = BadanPublik.objects.get(komisi=pusat)
    body = permohonan(persona.komisi, termohon={"badan_publik": lain.pk})
    harap_400(klien.post("/api/v1/sengketa/", body, format="json"), "termohon.badan_publik")


def test_informasi_diminta_sebagai_daftar(klien, persona):
    body = permohonan(persona.komisi, informasi_diminta=["Kontrak", "Laporan"], kuasa_pemohon={
        "nama": "Andi, S.H.", "nomor_surat_kuasa": "01/SK/2024"})  # fmt: skip
    r = klien.post("/api/v1/sengketa/", body, format="json")
    assert r.status_code == 201, r.json()
    assert r.json()["informasi_diminta"] == ["Kontrak", "Laporan"]
    assert isinstance(r.json()["peringatan"], list)


@pytest.mark.parametrize(
    ("url", "harap"),
    [
        ("/api/v1/sengketa/999999/", 404),
        ("/api/v1/sengketa/999999/transisi/registrasi/", 404),
        ("/api/v1/sengketa/999999/sidang/", 404),
        ("/api/v1/sidang/999999/selesai/", 404),
        ("/api/v1/sidang/999999/tunda/", 404),
        ("/api/v1/panggilan/999999/diterima/", 404),
    ],
)
def test_id_tak_dikenal_404(klien, url, harap):
    r = klien.get(url) if url.endswith("/999999/") else klien.post(url, {}, format="json")
    assert r.status_code == harap
    assert r.json()["detail"]


def test_kasus_komisi_lain_404(persona, pusat):
    sk = kasus(persona, S.PEMERIKSAAN_AWAL)
    k = APIClient()
    k.force_authenticate(persona.panitera_lain)
    sidang = sk.sengketa.sidang.first()
    panggilan = sidang.panggilan.first()
    assert k.get(f"/api/v1/sengketa/{sk.id}/").status_code == 404
    assert k.patch(f"/api/v1/sengketa/{sk.id}/", {}, format="json").status_code == 404
    assert k.post(f"/api/v1/sidang/{sidang.pk}/selesai/", {}, format="json").status_code == 404
    r = k.post(
        f"/api/v1/panggilan/{panggilan.pk}/diterima/",
        {"metode": "email", "tanggal": "2024-03-01"},
        format="json",
    )
    assert r.status_code == 404


def test_transisi_tak_dikenal_404(klien, persona):
    sk = kasus(persona, S.DITERIMA)
    r = klien.post(f"/api/v1/sengketa/{sk.id}/transisi/hapus_semua/", {}, format="json")
    assert r.status_code == 404


@pytest.mark.parametrize(
    ("body", "medan"),
    [
        ({"tanggal": "2024-02-30"}, "tanggal"),
        ({"tanggal": "FUTURE"}, "tanggal"),
        ({"tanggal": "2024-01-02"}, "tanggal"),  # before the filing
        ({"pengecualian_kelengkapan": 5}, "pengecualian_kelengkapan"),
        ({"nomor_register": "999/X"}, "nomor_register"),
    ],
)
def test_transisi_masukan_buruk_400(klien, persona, body, medan):
    sk = kasus(persona, S.DITERIMA)
    if body.get("tanggal") == "FUTURE":
        body = {"tanggal": _hari_depan()}
    r = klien.post(f"/api/v1/sengketa/{sk.id}/transisi/registrasi/", body, format="json")
    harap_400(r, medan)


@pytest.mark.parametrize(
    ("nama", "body", "medan"),
    [
        ("tetapkan_majelis", {"ketua_majelis": "x", "anggota": "y", "panitera_pengganti": "z"},
         "anggota"),
        ("tetapkan_majelis", {"ketua_majelis": "tak-ada", "anggota": ["a", "b"],
                              "panitera_pengganti": "c"}, "ketua_majelis"),
        ("tetapkan_majelis", {}, "ketua_majelis"),
    ],
)  # fmt: skip
def test_majelis_buruk_400(persona, nama, body, medan):
    sk = kasus(persona, S.TEREGISTRASI)
    k = APIClient()
    k.force_authenticate(persona.ketua)
    r = k.post(f"/api/v1/sengketa/{sk.id}/transisi/{nama}/", body, format="json")
    harap_400(r, medan)


def test_transisi_status_salah_409(klien, persona):
    sk = kasus(persona, S.DICABUT)
    r = klien.post(f"/api/v1/sengketa/{sk.id}/transisi/registrasi/", {}, format="json")
    assert r.status_code == 409
    assert r.json() == {**r.json(), "status": "dicabut", "transisi": "registrasi"}
    assert "dicabut" in r.json()["detail"]


def test_registrasi_berkas_tidak_lengkap_409_dengan_alasan(persona):
    sk = persona.skenario().terima(MULAI, lengkap=False)
    k = APIClient()
    k.force_authenticate(persona.panitera)
    r = k.post(
        f"/api/v1/sengketa/{sk.id}/transisi/registrasi/", {"tanggal": "2024-03-06"}, format="json"
    )
    assert r.status_code == 409
    body = r.json()
    assert body["status"] == "diterima" and body["transisi"] == "registrasi"
    assert body["alasan"] and all(set(a) == {"kode", "pesan"} for a in body["alasan"])


@pytest.mark.parametrize(
    ("body", "medan"),
    [
        ({"jenis": "pembuktian", "mulai": "2024-03-20T09:00:00"}, "mulai"),  # no offset
        ({"jenis": "pembuktian", "mulai": "2024-02-30T09:00:00+08:00"}, "mulai"),
        ({"jenis": "pesta", "mulai": "2024-03-20T09:00:00+08:00"}, "jenis"),
        ({"jenis": "pembuktian", "mulai": "2024-03-20T09:00:00+08:00", "daring": "ya"}, "daring"),
        ({"jenis": "pembuktian", "mulai": "2024-03-20T09:00:00+08:00",
          "selesai_rencana": "2024-03-20T08:00:00+08:00"}, "selesai_rencana"),
        ({"jenis": "pembuktian", "mulai": "2024-03-20T09:00:00+08:00", "tempat": "x" * 400},
         "tempat"),
    ],
)  # fmt: skip
def test_sidang_buruk_400(persona, body, medan):
    sk = kasus(persona, S.PEMERIKSAAN_AWAL)
    k = APIClient()
    k.force_authenticate(persona.pp)
    harap_400(k.post(f"/api/v1/sengketa/{sk.id}/sidang/", body, format="json"), medan)


def test_sidang_hari_libur_409(persona):
    sk = kasus(persona, S.PEMERIKSAAN_AWAL)
    k = APIClient()
    k.force_authenticate(persona.pp)
    body = {"jenis": "pembuktian", "mulai": "2024-03-23T09:00:00+08:00"}  # a Saturday
    r = k.post(f"/api/v1/sengketa/{sk.id}/sidang/", body, format="json")
    assert r.status_code == 409
    assert r.json()["status"] == "pemeriksaan_awal"
    assert [a["kode"] for a in r.json()["alasan"]] == ["bukan_hari_kerja"]


def test_kehadiran_dan_panggilan_buruk_400(persona):
    sk = kasus(persona, S.PEMERIKSAAN_AWAL)
    sidang = sk.sengketa.sidang.first()
    k = APIClient()
    k.force_authenticate(persona.pp)
    url = f"/api/v1/sidang/{sidang.pk}/selesai/"
    harap_400(k.post(url, {"kehadiran": "semua"}, format="json"), "kehadiran")
    harap_400(k.post(url, {"kehadiran": [{"pihak": 1, "status": "tidur"}]}, format="json"),
              "kehadiran.0.status")  # fmt: skip
    p = sidang.panggilan.first()
    url = f"/api/v1/panggilan/{p.pk}/diterima/"
    harap_400(k.post(url, {"metode": "merpati", "tanggal": "2024-03-01"}, format="json"), "metode")
    harap_400(k.post(url, {"metode": "pos", "tanggal": "2024-13-01"}, format="json"), "tanggal")
    harap_400(k.post(url, {"metode": "pos", "tanggal": _hari_depan()}, format="json"), "tanggal")


def test_skema_openapi_valid(client):
    r = client.get("/api/schema/?format=json")
    assert r.status_code == 200
    skema = r.json()
    validate_schema(skema)
    jalur = skema["paths"]
    assert "/api/v1/sengketa/{id}/transisi/tetapkan_majelis/" in jalur
    op = jalur["/api/v1/sengketa/{id}/transisi/tetapkan_majelis/"]["post"]
    ref = op["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    assert {"ketua_majelis", "anggota", "panitera_pengganti", "tanggal"} <= set(
        skema["components"]["schemas"][ref]["properties"]
    )
    assert client.get("/api/docs/").status_code == 200


@pytest.mark.django_db
def test_halaman_dokumentasi_api_tanpa_cdn(client):
    """The browsable docs load their scripts from our own static files, never a CDN."""
    import re

    r = client.get("/api/docs/")
    assert r.status_code == 200
    html = r.content.decode()
    assert "swagger-ui" in html
    sumber = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sumber and not [s for s in sumber if s.startswith(("http:", "https:", "//"))], sumber
