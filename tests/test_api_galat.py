"""Bad input never gives a 500: 400 with {"detail", "errors": {field: [...]}} or 404."""

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from drf_spectacular.validation import validate_schema
from rest_framework.test import APIClient

from sengketa.models import BadanPublik, KomisiInformasi
from sengketa.models import StatusSengketa as S
from tests.kasus import MULAI, kasus
from tests.test_api_akses import MATRIKS, _dunia
from tests.test_api_alur import permohonan
from workflows.skenario import Skenario


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


# --- the sweep: every body-taking endpoint x every kind of bad input ------------------
#
# For each endpoint that takes a body, the world of the role matrix (tests/test_api_akses.py:
# a case in the state where the action works, a valid body, a user allowed to do it) is
# built once; then the valid body is spoiled one way at a time and sent by that user, each
# in a savepoint rolled back afterwards. Every answer must be a 400 naming the field (or a
# 404/409 where said), in the contract's shape, never a 500.

BODI = sorted(k for k, t in MATRIKS.items() if t.body is not None and k[0] not in
              {"token", "verifikasi-berkas", "transisi"})  # fmt: skip


def _pelaku(kunci, titik, d):
    if kunci == ("sengketa-list", "POST"):
        return d.pengguna["panitera"]
    return d.pengguna[sorted(titik.boleh)[0]]


def _kirim(klien, metode, url, body):
    # json.dumps escapes what UTF-8 cannot carry (a lone surrogate) as JSON allows.
    mentah = body if isinstance(body, str) else json.dumps(body)
    with transaction.atomic():
        r = getattr(klien, metode)(url, mentah, content_type="application/json")
        transaction.set_rollback(True)
    return r


def harap_galat(r, *kode):
    assert r.status_code in kode, (r.status_code, r.content[:500])
    body = r.json()
    assert isinstance(body["detail"], str) and body["detail"]
    if r.status_code == 400:
        assert isinstance(body["errors"], dict) and body["errors"]
        for medan, pesan in body["errors"].items():
            assert isinstance(medan, str)
            assert pesan and all(isinstance(p, str) and p for p in pesan), body
    if r.status_code == 409:
        assert {"status", "transisi"} <= set(body)
    return body


def _nilai_buruk(medan) -> list:
    """Values that the field's type refuses (never a rule of the procedure)."""
    from rest_framework import serializers as s

    from api.medan import Teks, TeksAtauDaftar, WaktuBerzona

    if isinstance(medan, s.BaseSerializer):
        return ["teks", 5, ["daftar"]] if not getattr(medan, "many", False) else ["teks", {}]
    if isinstance(medan, WaktuBerzona):
        return ["2024-03-20T09:00:00", "2024-02-30T09:00:00+08:00", "besok", 5]
    if isinstance(medan, s.DateField):
        return ["2024-02-30", "06/03/2024", 20240306, "kemarin", ["2024-03-06"]]
    if isinstance(medan, s.BooleanField):
        return ["mungkin", 2, [True], {"a": 1}]
    if isinstance(medan, s.IntegerField):
        buruk = ["dua", 1.5, "9" * 1001, [1]]
        if medan.max_value is not None:
            buruk.append(medan.max_value + 1)
        if medan.min_value is not None:
            buruk.append(medan.min_value - 1)
        return buruk
    if isinstance(medan, s.ChoiceField):
        return ["tidak_ada", 5, ["pilihan"]]
    if isinstance(medan, s.EmailField):
        return ["bukan-email", 5]
    if isinstance(medan, s.URLField):
        return ["bukan url", 5]
    if isinstance(medan, Teks):
        buruk = [12, 1.5, True, ["teks"], {"a": "b"}, "nol\x00", "\ud800"]
        if medan.max_length:
            buruk.append("x" * (medan.max_length + 1))
        return buruk
    if isinstance(medan, TeksAtauDaftar):
        return [12, ["a", 3], {"a": "b"}, ["x" * (medan.max_length + 1)], "nol\x00"]
    if isinstance(medan, s.ListField):
        buruk = ["bukan daftar", {"a": 1}, [{"a": 1}], [12]]
        if medan.max_length is not None:
            buruk.append(["x"] * (medan.max_length + 1))
        return buruk
    if isinstance(medan, s.DictField):
        return ["teks", [1], {"identitas": "mungkin"}]
    raise AssertionError(f"no bad values for {type(medan).__name__}: add them")


def _masukan(kunci):
    """The request serializer of an endpoint (the one its view validates with)."""
    from api import masukan as m

    if kunci[0].startswith("t-"):
        return m.MASUKAN_TRANSISI[kunci[0][2:]]
    return {
        ("sengketa-list", "POST"): m.PermohonanMasuk,
        ("sengketa-detail", "PATCH"): m.UbahPermohonanMasuk,
        ("sidang-baru", "POST"): m.SidangMasuk,
        ("sidang-tunda", "POST"): m.TundaMasuk,
        ("sidang-selesai", "POST"): m.SelesaiMasuk,
        ("panggilan-diterima", "POST"): m.PanggilanDiterimaMasuk,
    }[kunci]


def _cocok(errors: dict, medan: str | tuple) -> bool:
    nama = (medan,) if isinstance(medan, str) else medan
    return any(k == m or k.startswith(f"{m}.") for k in errors for m in nama)


@pytest.mark.parametrize("kunci", BODI, ids=lambda k: f"{k[1]} {k[0]}")
def test_sapuan_masukan_buruk(persona, kunci):
    titik = MATRIKS[kunci]
    d = _dunia(persona, titik, kunci, None)
    url, metode = titik.url(d), kunci[1].lower()
    klien = APIClient()
    klien.force_authenticate(_pelaku(kunci, titik, d))
    sah = titik.body(d)
    # The valid body works (so that each refusal below is the spoiled field's doing).
    r = _kirim(klien, metode, url, sah)
    assert r.status_code == titik.sukses or (kunci[0] == "sengketa-list"), r.content[:300]

    # The body as a whole: not JSON, not an object, a field the contract does not know.
    for mentah in ("{bukan json", '{"a": 1,}', "[1, 2]", "5", "null", '"teks"', "\xff"):
        harap_galat(_kirim(klien, metode, url, mentah), 400)
    galat = harap_galat(_kirim(klien, metode, url, {**sah, "rahasia": True}), 400)
    assert "rahasia" in galat["errors"]
    form = "application/x-www-form-urlencoded"
    harap_galat(klien.generic(metode.upper(), url, "tanggal=2024-03-06", form), 400)

    serializer = _masukan(kunci)()
    for nama, medan in serializer.fields.items():
        if medan.read_only:
            continue
        for nilai in _nilai_buruk(medan):
            galat = harap_galat(_kirim(klien, metode, url, {**sah, nama: nilai}), 400)
            assert _cocok(galat["errors"], nama), (nama, nilai, galat)
        if medan.required:
            tanpa = {k: v for k, v in sah.items() if k != nama}
            galat = harap_galat(_kirim(klien, metode, url, tanpa), 400)
            assert _cocok(galat["errors"], nama), (nama, galat)


def _besok():
    return (timezone.localdate() + timedelta(days=1)).isoformat()


# What the procedure refuses in a well-typed body: future dates, dates out of order,
# unknown or foreign ids and names, letters and codes the spec does not know.
SEMANTIK = {
    "t-minta_kelengkapan": [({"kekurangan": []}, "kekurangan")],  # items are free text
    "t-tetapkan_majelis": [
        ({"ketua_majelis": "tak-ada"}, "ketua_majelis"),
        ({"ketua_majelis": "@ketua_lain"}, "ketua_majelis"),  # another commission's
        ({"anggota": ["@ketua_lain", "@komisioner2"]}, "anggota"),
        ({"panitera_pengganti": "@panitera_lain"}, "panitera_pengganti"),
        ({"tanggal": "2024-03-01"}, "tanggal"),  # before the registration
    ],
    "t-mulai_mediasi": [({"mediator": "tak-ada"}, "mediator"),
                        ({"mediator": "@ketua_lain"}, "mediator")],
    "t-putusan_sela": [({"dasar": "z"}, "dasar")],
    "t-limpahkan": [({"komisi_tujuan": "KI-ANTAH"}, "komisi_tujuan"),
                    ({"komisi_tujuan": "KIP-KALTIM"}, "komisi_tujuan")],  # to itself
    "t-perpanjang_mediasi": [({"hari": 8}, "hari"), ({"hari": 0}, "hari"),
                             ({"hari": -3}, "hari")],
    "t-mediasi_berhasil": [({"kesepakatan": []}, "kesepakatan"),
                           ({"jangka_waktu_pelaksanaan": -1}, "jangka_waktu_pelaksanaan")],
    "t-mediasi_gagal": [({"sebab": "bosan"}, "sebab")],
    "t-bacakan_putusan": [({"amar": "dikabulkan_setengah"}, "amar"),
                          ({"tanggal_musyawarah": "@sesudah"}, "tanggal_musyawarah"),
                          ({"tanggal_musyawarah": "@besok"}, "tanggal_musyawarah"),
                          ({"jangka_waktu_pelaksanaan": -1}, "jangka_waktu_pelaksanaan")],
    "t-catat_penerimaan_salinan": [
        ({"pihak": 999_999}, "pihak"),
        ({"pihak": "@pihak_lain"}, "pihak"),  # a party of another commission's case
        ({"tanggal_diterima": "@besok"}, "tanggal_diterima"),
        ({"tanggal_diterima": "2024-03-01"}, "tanggal_diterima"),  # before the ruling
    ],
    "t-catat_keberatan": [({"pihak": 999_999}, "pihak"), ({"pihak": "@pihak_lain"}, "pihak")],
    "t-cabut": [({"tanggal_surat": "@besok"}, "tanggal_surat"),
                ({"tanggal_surat": "2024-03-07", "tanggal": "2024-03-06"}, "tanggal_surat")],
    "t-koreksi": [({"alasan": ""}, "alasan"), ({"alasan": "   "}, "alasan")],
    "sidang-selesai": [({"kehadiran": [{"pihak": 999_999, "status": "hadir"}]}, "kehadiran"),
                       ({"kehadiran": [{"pihak": "@pihak_lain", "status": "hadir"}]},
                        "kehadiran")],
    "sidang-tunda": [({"mulai_berikutnya": "2024-03-01T09:00:00+08:00"}, "mulai_berikutnya")],
    "sidang-baru": [({"mulai": "2024-03-20T09:00:00+08:00",
                      "selesai_rencana": "2024-03-20T08:00:00+08:00"}, "selesai_rencana")],
    "panggilan-diterima": [({"tanggal": "@besok"}, "tanggal"),
                           ({"tanggal_dikirim": "2024-04-10", "tanggal": "2024-04-01"},
                            ("tanggal", "tanggal_dikirim"))],
    "sengketa-detail": [({"tanggal_diterima": "@besok"}, "tanggal_diterima"),
                        ({"tanggal_keberatan": "2023-12-01"}, "tanggal_keberatan"),
                        ({"kelengkapan": {"foto": True}}, "kelengkapan")],
}  # fmt: skip


def _isi(nilai, d, persona, lain):
    if isinstance(nilai, list):
        return [_isi(x, d, persona, lain) for x in nilai]
    if isinstance(nilai, dict):
        return {k: _isi(v, d, persona, lain) for k, v in nilai.items()}
    if not isinstance(nilai, str) or not nilai.startswith("@"):
        return nilai
    return {
        "@besok": _besok(),
        "@sesudah": (date.fromisoformat(d.hk(32)) + timedelta(days=1)).isoformat(),
        "@ketua_lain": persona.ketua_lain.username,
        "@panitera_lain": persona.panitera_lain.username,
        "@komisioner2": persona.komisioner[2].username,
        "@pihak_lain": lain.sengketa.pemohon.pk,
    }[nilai]


@pytest.mark.parametrize("kunci", BODI, ids=lambda k: f"{k[1]} {k[0]}")
def test_sapuan_tanggal_dan_rujukan(persona, kunci):
    titik = MATRIKS[kunci]
    d = _dunia(persona, titik, kunci, None)
    # A case of another commission, whose party ids must be refused here.
    aktor_lain = replace(persona.aktor, panitera=persona.panitera_lain, pemohon=None)
    lain = Skenario(KomisiInformasi.objects.get(kode="KI-PUSAT"), aktor_lain).terima(MULAI)
    url, metode = titik.url(d), kunci[1].lower()
    klien = APIClient()
    klien.force_authenticate(_pelaku(kunci, titik, d))
    sah = titik.body(d)
    kasus_buruk = list(SEMANTIK.get(kunci[0], []))
    medan = _masukan(kunci)().fields
    # Every effective date: not in the future, not impossible.
    for nama in [n for n, f in medan.items() if n.startswith("tanggal") and not f.read_only]:
        # A summons sent tomorrow was received before it was sent: said under "tanggal".
        kena = (nama, "tanggal") if kunci[0] == "panggilan-diterima" else nama
        kasus_buruk += [({nama: "@besok"}, kena), ({nama: "2024-02-30"}, nama)]
    if "tanggal" in medan and kunci[0].startswith("t-"):
        kasus_buruk.append(({"tanggal": "2024-01-02"}, "tanggal"))  # before the filing
    for ubah, nama in kasus_buruk:
        body = {**sah, **_isi(ubah, d, persona, lain)}
        galat = harap_galat(_kirim(klien, metode, url, body), 400)
        assert _cocok(galat["errors"], nama), (ubah, galat)


def _skema_ref(skema, isi):
    if "$ref" in isi:
        return skema["components"]["schemas"][isi["$ref"].rsplit("/", 1)[1]]
    return isi


@pytest.mark.django_db
def test_skema_mendokumentasikan_setiap_transisi(client):
    """Each transition of the spec has its own path, its body (the fields of its serializer
    in api/masukan.py, required ones marked, nothing else accepted), an example that the
    serializer accepts, and every error answer with its shape."""
    from api.masukan import CONTOH_TRANSISI, MASUKAN_TRANSISI
    from workflows.layanan import LAYANAN_TRANSISI

    skema = client.get("/api/schema/?format=json").json()
    validate_schema(skema)
    assert set(MASUKAN_TRANSISI) == set(LAYANAN_TRANSISI)
    for nama, kelas in MASUKAN_TRANSISI.items():
        op = skema["paths"][f"/api/v1/sengketa/{{id}}/transisi/{nama}/"]["post"]
        assert op["operationId"] == f"sengketa_transisi_{nama}"
        isi = op["requestBody"]["content"]
        assert set(isi) == {"application/json"}, (nama, set(isi))  # JSON only
        badan = _skema_ref(skema, isi["application/json"]["schema"])
        medan = kelas().fields
        assert set(badan["properties"]) == set(medan), nama
        assert set(badan.get("required", [])) == {n for n, f in medan.items() if f.required}
        assert badan["additionalProperties"] is False, nama
        contoh = next(iter(isi["application/json"]["examples"].values()))["value"]
        assert contoh == CONTOH_TRANSISI[nama]
        assert kelas(data=contoh).is_valid(), (nama, kelas(data=contoh).errors)
        jawab = op["responses"]
        assert {"200", "400", "401", "403", "404", "409"} <= set(jawab), nama
        galat_409 = _skema_ref(skema, jawab["409"]["content"]["application/json"]["schema"])
        assert {"detail", "status", "transisi"} <= set(galat_409["required"])
        galat_400 = _skema_ref(skema, jawab["400"]["content"]["application/json"]["schema"])
        assert set(galat_400["required"]) == {"detail", "errors"}


@pytest.mark.django_db
def test_skema_berkas_dan_galat_umum(client):
    skema = client.get("/api/schema/?format=json").json()
    berkas = skema["paths"]["/api/v1/verifikasi/berkas/"]["post"]
    assert set(berkas["requestBody"]["content"]) == {"multipart/form-data"}
    badan = _skema_ref(skema, berkas["requestBody"]["content"]["multipart/form-data"]["schema"])
    assert badan["properties"]["berkas"]["format"] == "binary"  # a file, not a URL
    # The throttled doors say so; every other operation needs a login and says 401.
    for jalur in ("/api/v1/auth/token/", "/api/v1/verifikasi/berkas/"):
        assert "429" in skema["paths"][jalur]["post"]["responses"]
    assert "429" in skema["paths"]["/api/v1/verifikasi/{kode}/"]["get"]["responses"]
    publik = {"/api/v1/auth/token/", "/api/v1/verifikasi/berkas/", "/api/v1/verifikasi/{kode}/",
              "/api/v1/kalender/hari-kerja/", "/api/v1/kalender/libur/", "/api/v1/jadwal/",
              "/api/v1/jadwal.ics"}  # fmt: skip
    for jalur, ops in skema["paths"].items():
        for metode, op in ops.items():
            if jalur not in publik:
                assert "401" in op["responses"], (metode, jalur)
