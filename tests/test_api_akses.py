"""Who sees and does what through the API: anonymous 401, a party or a commission that has
nothing to do with the case 404, a visible case without the right 403, the registry 200."""

from collections.abc import Callable
from dataclasses import dataclass, replace

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import get_resolver
from rest_framework.test import APIClient

from dokumen.models import Dokumen, StatusDokumen
from sengketa.models import Kuasa
from sengketa.models import StatusSengketa as S
from tests import kasus as kasus_mod
from tests.factories import pengguna_dengan_peran
from tests.kasus import MULAI, kasus
from tests.test_api_alur import permohonan
from workflows.layanan import sengketa_ubah_permohonan
from workflows.layanan import sidang as layanan_sidang
from workflows.skenario import Skenario


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
        # A fresh user object per request, as in production (caches live on the instance).
        ketua_majelis = persona.komisioner[0]
        klien.force_authenticate(type(ketua_majelis).objects.get(pk=ketua_majelis.pk))
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


# --- the role matrix: every endpoint of api/urls.py x every role ----------------------
#
# The endpoints come from the URL resolver, so that a new route without an expectation
# here fails `test_matriks_mencakup_setiap_titik`. For each endpoint one world is built (a
# case in the state where the action is possible, with a valid body), and then every role
# sends the same request, each in a savepoint rolled back afterwards, so that all of them
# meet the same state. Expected (design/api-v1.md): 401 anonymous where a login is needed;
# 404 where the object is not visible to the user; 403 where the role or assignment does
# not allow the action (siklus-sengketa.md "who"); 200/201 otherwise.

PERAN = (
    "anonim",
    "pemohon",  # the applicant's own account
    "pemohon_lain",  # the applicant of another case
    "kuasa",  # the applicant's representative, with an account
    "ppid",  # an officer of the respondent public body
    "panitera",
    "ketua",
    "ketua_majelis",
    "anggota_majelis",
    "komisioner",  # a commissioner of the commission, not in this majelis
    "pp",
    "mediator",  # commissioner[3]; the case's mediator once mediation starts
    "admin",
    "panitera_lain",  # registry of another commission
    "komisioner_lain",  # commissioner (and chair) of another commission
)
PIHAK = {"pemohon", "pemohon_lain", "kuasa", "ppid"}
LUAR = {"pemohon_lain", "panitera_lain", "komisioner_lain"}  # the case is not theirs
STAF = set(PERAN) - PIHAK - LUAR - {"anonim"}


@dataclass
class Dunia:
    persona: object
    sk: object  # the Skenario of the case under test
    pengguna: dict
    sidang: object = None
    dokumen: object = None

    @property
    def id(self):
        return self.sk.id

    def hk(self, n, dari=MULAI):
        return self.sk.hk(dari, n).isoformat()

    def pukul(self, n, jam=9):
        return self.sk.pukul(self.sk.hk(MULAI, n), jam).isoformat()

    def pihak(self, peran):
        return next(p.pk for p in self.sk.sengketa.pihak.all() if p.peran == peran)


@dataclass
class Titik:
    """One endpoint: how to build its world, the request, and who succeeds."""

    bangun: Callable  # persona -> Skenario of the case, in the right state
    url: Callable  # Dunia -> str
    body: Callable | None = None  # Dunia -> dict
    boleh: frozenset = frozenset()  # roles that succeed, among those who see the object
    sukses: int = 200
    publik: bool = False  # no login needed; then every role gets `sukses`
    harap: Callable | None = None  # role -> status, when the rule above does not fit
    siapkan: Callable | None = None  # Dunia -> None, extra setup (a hearing, documents)
    format: str = "json"
    periksa: Callable | None = None  # (Dunia, role, response) -> None, extra assertions

    def status(self, peran):
        if self.harap is not None:
            return self.harap(peran)
        if self.publik:
            return self.sukses
        if peran == "anonim":
            return 401
        if peran in LUAR:
            return 404
        return self.sukses if peran in self.boleh else 403


def _kasus(status, **temuan):
    def bangun(persona):
        if temuan:
            return kasus_mod._pemeriksaan_awal(persona.skenario(), **temuan)
        return kasus(persona, status)

    return bangun


def _gugur_siap(persona):
    """Two hearings the properly summoned applicant missed without reason (spec §4)."""
    sk = persona.skenario()
    sk.terima(MULAI).registrasi(MULAI).tetapkan_majelis(sk.hk(MULAI, 2))
    sk.sidang("pemeriksaan_awal", sk.hk(MULAI, 8), hadir=False)
    return sk.sidang("pemeriksaan_awal", sk.hk(MULAI, 12), hadir=False)


def _sidang(n, jenis):
    def siapkan(d):
        d.sk.sidang(jenis, d.sk.hk(MULAI, n))

    return siapkan


def _sidang_terjadwal(dilayani=False):
    def siapkan(d):
        hasil = layanan_sidang.sidang_jadwalkan(
            sengketa_id=d.id, oleh=d.persona.pp, jenis="pembuktian",
            mulai=d.sk.pukul(d.sk.hk(MULAI, 15)), ruang="Ruang Sidang",
        )  # fmt: skip
        d.sidang = hasil.sidang
        if dilayani:
            for p in d.sidang.panggilan.all():
                layanan_sidang.panggilan_catat_diterima(
                    panggilan_id=p.pk, oleh=d.persona.pp, metode="email",
                    tanggal=d.sk.hk(MULAI, 10),
                )  # fmt: skip

    return siapkan


def _dokumen_panggilan(d):
    d.dokumen = Dokumen.objects.get(
        sengketa_id=d.id, jenis="panggilan", pihak_id=d.pihak("pemohon"), format="pdf",
        status=StatusDokumen.SIAP, sidang__jenis="pemeriksaan_awal",
    )  # fmt: skip


def _diputus_dan_salinan(persona):
    sk = kasus(persona, S.DIPUTUS)
    return sk.salinan_diterima(sk.hk(sk.sengketa.tanggal_putusan, 2))


def _tanggal_putusan(d, n):
    return d.sk.hk(d.sk.sengketa.tanggal_putusan, n).isoformat()


SEMUA = frozenset(PERAN)
LIHAT = frozenset(STAF | {"pemohon", "kuasa", "ppid"})
REGISTRI = frozenset({"panitera"})
REGISTRI_PP = frozenset({"panitera", "pp"})  # "panitera" includes the case's PP (izin.py)
MAJELIS = frozenset({"ketua_majelis", "pp"})
MEDIASI = frozenset({"mediator", "pp"})
SIDANG = frozenset({"panitera", "ketua_majelis", "pp"})
TEMUAN = {
    "berwenang": True,
    "legal_standing_pemohon": True,
    "legal_standing_termohon": True,
    "dalam_jangka_waktu": True,
    "catatan": "",
}


def _transisi(nama):
    return lambda d: f"/api/v1/sengketa/{d.id}/transisi/{nama}/"


# fmt: off
MATRIKS: dict[tuple[str, str], Titik] = {
    # -- authentication and reference data --
    ("token", "POST"): Titik(
        _kasus(S.DITERIMA), lambda d: "/api/v1/auth/token/",
        body=lambda d: None,  # filled per role: its own username and password
        harap=lambda p: 400 if p == "anonim" else 200,
    ),
    ("komisi", "GET"): Titik(_kasus(S.DITERIMA), lambda d: "/api/v1/komisi/", boleh=SEMUA,
                             harap=lambda p: 401 if p == "anonim" else 200),
    ("badan-publik", "GET"): Titik(_kasus(S.DITERIMA), lambda d: "/api/v1/badan-publik/",
                                   harap=lambda p: 401 if p == "anonim" else 200),
    # -- cases --
    ("sengketa-list", "GET"): Titik(
        _kasus(S.DITERIMA), lambda d: "/api/v1/sengketa/",
        harap=lambda p: 401 if p == "anonim" else 200,
        periksa=lambda d, p, r: p == "anonim" or (
            (d.id in [x["id"] for x in r.json()["results"]]) == (p in LIHAT)),
    ),
    ("sengketa-list", "POST"): Titik(
        _kasus(S.DITERIMA), lambda d: "/api/v1/sengketa/",
        body=lambda d: permohonan(d.persona.komisi),
        # The registry files any application; a party account files for itself.
        harap=lambda p: {"anonim": 401}.get(p, 201 if p in PIHAK | {"panitera"} else 403),
    ),
    ("sengketa-detail", "GET"): Titik(_kasus(S.DITERIMA), lambda d: f"/api/v1/sengketa/{d.id}/",
                                      boleh=LIHAT),
    ("sengketa-detail", "PATCH"): Titik(
        _kasus(S.DITERIMA), lambda d: f"/api/v1/sengketa/{d.id}/",
        body=lambda d: {"tujuan_penggunaan": "Penelitian", "kelengkapan": {"identitas": True}},
        boleh=REGISTRI,
    ),
    ("transisi", "POST"): Titik(
        _kasus(S.DITERIMA), lambda d: f"/api/v1/sengketa/{d.id}/transisi/hapus_semua/",
        body=lambda d: {}, harap=lambda p: 401 if p == "anonim" else 404,
    ),
    # -- transitions (siklus-sengketa.md §3, "who") --
    ("t-minta_kelengkapan", "POST"): Titik(
        _kasus(S.DITERIMA), _transisi("minta_kelengkapan"),
        body=lambda d: {"kekurangan": ["bukti_keberatan"], "tanggal": d.hk(0)}, boleh=REGISTRI,
    ),
    ("t-registrasi", "POST"): Titik(
        _kasus(S.DITERIMA), _transisi("registrasi"), body=lambda d: {"tanggal": d.hk(0)},
        boleh=REGISTRI,
    ),
    ("t-tolak_registrasi", "POST"): Titik(
        _kasus(S.MENUNGGU_KELENGKAPAN), _transisi("tolak_registrasi"),
        body=lambda d: {"tanggal": d.hk(8)}, boleh=REGISTRI,
    ),
    ("t-tetapkan_majelis", "POST"): Titik(
        _kasus(S.TEREGISTRASI), _transisi("tetapkan_majelis"),
        body=lambda d: {
            "ketua_majelis": d.pengguna["ketua_majelis"].username,
            "anggota": [d.pengguna["anggota_majelis"].username,
                        d.persona.komisioner[2].username],
            "panitera_pengganti": d.pengguna["pp"].username, "tanggal": d.hk(2),
        },
        boleh=frozenset({"ketua"}),
    ),
    ("t-catat_pemeriksaan_awal", "POST"): Titik(
        _kasus(S.PEMERIKSAAN_AWAL), _transisi("catat_pemeriksaan_awal"),
        body=lambda d: {**TEMUAN, "tanggal": d.hk(8)}, boleh=MAJELIS,
    ),
    ("t-mulai_mediasi", "POST"): Titik(
        _kasus(S.PEMERIKSAAN_AWAL), _transisi("mulai_mediasi"),
        body=lambda d: {"mediator": d.pengguna["mediator"].username,
                        "persetujuan_para_pihak": True, "tanggal": d.hk(8)},
        boleh=MAJELIS,
    ),
    ("t-mulai_ajudikasi", "POST"): Titik(
        _kasus(S.PEMERIKSAAN_AWAL), _transisi("mulai_ajudikasi"),
        body=lambda d: {"mediasi_ditolak": True, "tanggal": d.hk(8)}, boleh=MAJELIS,
    ),
    ("t-putusan_sela", "POST"): Titik(
        _kasus(None, dalam_jangka_waktu=False), _transisi("putusan_sela"),
        body=lambda d: {"dasar": "daluwarsa", "tanggal": d.hk(9)}, boleh=MAJELIS,
    ),
    ("t-limpahkan", "POST"): Titik(
        _kasus(None, berwenang=False), _transisi("limpahkan"),
        body=lambda d: {"komisi_tujuan": "KI-PUSAT", "tanggal": d.hk(9)}, boleh=MAJELIS,
    ),
    ("t-perpanjang_mediasi", "POST"): Titik(
        _kasus(S.MEDIASI), _transisi("perpanjang_mediasi"),
        body=lambda d: {"hari": 7, "persetujuan_para_pihak": True, "tanggal": d.hk(9)},
        boleh=MEDIASI,
    ),
    ("t-mediasi_berhasil", "POST"): Titik(
        _kasus(S.MEDIASI), _transisi("mediasi_berhasil"), siapkan=_sidang(12, "mediasi"),
        body=lambda d: {"kesepakatan": ["Termohon memberikan salinan kontrak"],
                        "jangka_waktu_pelaksanaan": 14, "tanggal": d.hk(12)},
        boleh=MEDIASI,
    ),
    ("t-mediasi_gagal", "POST"): Titik(
        _kasus(S.MEDIASI), _transisi("mediasi_gagal"), siapkan=_sidang(12, "mediasi"),
        body=lambda d: {"sebab": "tidak_sepakat", "tanggal": d.hk(12)}, boleh=MEDIASI,
    ),
    ("t-tutup_pemeriksaan", "POST"): Titik(
        _kasus(S.AJUDIKASI), _transisi("tutup_pemeriksaan"), siapkan=_sidang(22, "pembuktian"),
        body=lambda d: {"tanggal": d.hk(22)}, boleh=MAJELIS,
    ),
    ("t-bacakan_putusan", "POST"): Titik(
        _kasus(S.MUSYAWARAH), _transisi("bacakan_putusan"),
        siapkan=_sidang(32, "pembacaan_putusan"),
        body=lambda d: {"amar": "ditolak", "isi_amar": "Menolak permohonan Pemohon.",
                        "jangka_waktu_pelaksanaan": 14, "tanggal_musyawarah": d.hk(30),
                        "tanggal": d.hk(32)},
        boleh=MAJELIS,
    ),
    ("t-catat_penerimaan_salinan", "POST"): Titik(
        _kasus(S.DIPUTUS), _transisi("catat_penerimaan_salinan"),
        body=lambda d: {"pihak": d.pihak("pemohon"), "tanggal_diterima": _tanggal_putusan(d, 2),
                        "tanggal": _tanggal_putusan(d, 2)},
        boleh=REGISTRI_PP,
    ),
    ("t-catat_keberatan", "POST"): Titik(
        _diputus_dan_salinan, _transisi("catat_keberatan"),
        body=lambda d: {"pengadilan": "PTUN Samarinda", "nomor_perkara": "12/G/KI/2024/PTUN.SMD",
                        "pihak": d.pihak("termohon"), "tanggal": _tanggal_putusan(d, 5)},
        boleh=REGISTRI_PP,
    ),
    ("t-nyatakan_inkracht", "POST"): Titik(
        _diputus_dan_salinan, _transisi("nyatakan_inkracht"),
        body=lambda d: {"tanggal": _tanggal_putusan(d, 20)}, boleh=REGISTRI_PP,
    ),
    ("t-catat_putusan_pengadilan", "POST"): Titik(
        _kasus(S.KEBERATAN_PENGADILAN), _transisi("catat_putusan_pengadilan"),
        body=lambda d: {"pengadilan": "PTUN Samarinda", "nomor": "12/G/KI/2024/PTUN.SMD",
                        "hasil": "Menguatkan putusan Komisi Informasi", "final": True,
                        "tanggal": _tanggal_putusan(d, 30)},
        boleh=REGISTRI_PP,
    ),
    ("t-cabut", "POST"): Titik(
        _kasus(S.DITERIMA), _transisi("cabut"),
        body=lambda d: {"tanggal_surat": d.hk(0), "alasan": "Informasi sudah diberikan",
                        "tanggal": d.hk(0)},
        boleh=frozenset({"pemohon", "kuasa", "panitera"}),
    ),
    ("t-gugurkan", "POST"): Titik(
        _gugur_siap, _transisi("gugurkan"), body=lambda d: {"tanggal": d.hk(12)}, boleh=MAJELIS,
    ),
    ("t-koreksi", "POST"): Titik(
        _kasus(S.TEREGISTRASI), _transisi("koreksi"),
        body=lambda d: {"alasan": "Registrasi tercatat pada perkara yang salah"},
        boleh=frozenset({"ketua", "admin"}),
    ),
    # -- hearings --
    ("sidang-baru", "POST"): Titik(
        _kasus(S.PEMERIKSAAN_AWAL), lambda d: f"/api/v1/sengketa/{d.id}/sidang/",
        body=lambda d: {"jenis": "pembuktian", "mulai": d.pukul(15), "tempat": "Ruang Sidang"},
        boleh=SIDANG, sukses=201,
    ),
    ("sidang-tunda", "POST"): Titik(
        _kasus(S.PEMERIKSAAN_AWAL), lambda d: f"/api/v1/sidang/{d.sidang.pk}/tunda/",
        siapkan=_sidang_terjadwal(),
        body=lambda d: {"alasan": "Termohon meminta waktu", "mulai_berikutnya": d.pukul(18)},
        boleh=SIDANG, sukses=201,
    ),
    ("sidang-selesai", "POST"): Titik(
        _kasus(S.PEMERIKSAAN_AWAL), lambda d: f"/api/v1/sidang/{d.sidang.pk}/selesai/",
        siapkan=_sidang_terjadwal(dilayani=True),
        body=lambda d: {"kehadiran": [{"pihak": p.pk, "status": "hadir"}
                                      for p in d.sk.sengketa.pihak.all()],
                        "ringkasan": "Sidang berjalan."},
        boleh=SIDANG,
    ),
    ("panggilan-diterima", "POST"): Titik(
        _kasus(S.PEMERIKSAAN_AWAL),
        lambda d: f"/api/v1/panggilan/{d.sidang.panggilan.first().pk}/diterima/",
        siapkan=_sidang_terjadwal(),
        body=lambda d: {"metode": "email", "tanggal": d.hk(10)}, boleh=REGISTRI_PP,
    ),
    # -- documents --
    ("sengketa-dokumen", "GET"): Titik(
        _kasus(S.PEMERIKSAAN_AWAL), lambda d: f"/api/v1/sengketa/{d.id}/dokumen/", boleh=LIHAT,
    ),
    ("dokumen-unduh", "GET"): Titik(
        _kasus(S.PEMERIKSAAN_AWAL), lambda d: f"/api/v1/dokumen/{d.dokumen.pk}/unduh/",
        siapkan=_dokumen_panggilan,
        # The applicant's summons: the commission's staff, the applicant and its kuasa;
        # for anyone else it does not exist (404, also for the respondent's officer).
        harap=lambda p: {"anonim": 401}.get(
            p, 200 if p in STAF | {"pemohon", "kuasa"} else 404),
    ),
    ("verifikasi", "GET"): Titik(
        _kasus(S.PEMERIKSAAN_AWAL), lambda d: f"/api/v1/verifikasi/{d.dokumen.kode_verifikasi}/",
        siapkan=_dokumen_panggilan, publik=True,
    ),
    ("verifikasi-berkas", "POST"): Titik(
        _kasus(S.PEMERIKSAAN_AWAL), lambda d: "/api/v1/verifikasi/berkas/",
        siapkan=_dokumen_panggilan, publik=True, format="multipart",
        body=lambda d: {"berkas": SimpleUploadedFile("p.pdf", d.dokumen.berkas.open("rb").read())},
    ),
    # -- statistics, calendar, public schedule, schema --
    ("statistik", "GET"): Titik(
        _kasus(S.DITERIMA), lambda d: "/api/v1/statistik/?komisi=KIP-KALTIM&tahun=2024",
        harap=lambda p: {"anonim": 401}.get(p, 200 if p in STAF else 403),
    ),
    ("hari-kerja", "GET"): Titik(
        _kasus(S.DITERIMA), lambda d: "/api/v1/kalender/hari-kerja/?dari=2024-03-06&tambah=10",
        publik=True,
    ),
    ("libur", "GET"): Titik(_kasus(S.DITERIMA), lambda d: "/api/v1/kalender/libur/?tahun=2024",
                            publik=True),
    ("jadwal", "GET"): Titik(
        _kasus(S.PEMERIKSAAN_AWAL), lambda d: "/api/v1/jadwal/?dari=2024-03-01&sampai=2024-04-30",
        publik=True,
    ),
    ("jadwal-ics", "GET"): Titik(
        _kasus(S.PEMERIKSAAN_AWAL),
        lambda d: "/api/v1/jadwal.ics?dari=2024-03-01&sampai=2024-04-30", publik=True,
    ),
    ("schema", "GET"): Titik(_kasus(S.DITERIMA), lambda d: "/api/schema/", publik=True),
    ("docs", "GET"): Titik(_kasus(S.DITERIMA), lambda d: "/api/docs/", publik=True),
    ("tak-dikenal", "GET"): Titik(
        _kasus(S.DITERIMA), lambda d: f"/api/v1/sengketa/{d.id}/bukan-apa-apa/",
        publik=True, sukses=404,
    ),
}
# fmt: on

DOKUMEN = {"sengketa-dokumen", "dokumen-unduh", "verifikasi", "verifikasi-berkas"}


def titik_api() -> set[tuple[str, str]]:
    """(route name, METHOD) of every route of the API, from the URL resolver."""
    _, sub = get_resolver().namespace_dict["api"]
    hasil = set()
    for pola in sub.url_patterns:
        kelas = pola.callback.view_class
        metode = [m.upper() for m in ("get", "post", "put", "patch", "delete") if hasattr(kelas, m)]
        for m in metode or ["GET"]:  # a catch-all view answers every method alike
            hasil.add((pola.name, m))
    return hasil


def test_matriks_mencakup_setiap_titik():
    assert titik_api() == set(MATRIKS)


def _dunia(persona, titik, kunci, bangun_dokumen):
    pemohon_lain = replace(persona.aktor, pemohon=persona.pihak_lain)
    Skenario(persona.komisi, pemohon_lain).terima(MULAI)
    if kunci[0] in DOKUMEN:
        sk = bangun_dokumen(lambda: titik.bangun(persona))
    else:
        sk = titik.bangun(persona)
    sk.segarkan()
    kuasa = pengguna_dengan_peran(None, "pihak")
    Kuasa.objects.create(pihak=sk.sengketa.pemohon, nama="Andi, S.H.", pengguna=kuasa)
    if sk.sengketa.status == S.DITERIMA:  # a kuasa's power of attorney joins the file
        sengketa_ubah_permohonan(
            sengketa_id=sk.id, oleh=persona.panitera, perubahan={},
            kelengkapan={"surat_kuasa": True},
        )  # fmt: skip
    ppid = pengguna_dengan_peran(None, "pihak")
    sk.sengketa.termohon.badan_publik.petugas.add(ppid)
    pengguna = {
        "anonim": None,
        "pemohon": persona.pemohon,
        "pemohon_lain": persona.pihak_lain,
        "kuasa": kuasa,
        "ppid": ppid,
        "panitera": persona.panitera,
        "ketua": persona.ketua,
        "ketua_majelis": persona.komisioner[0],
        "anggota_majelis": persona.komisioner[1],
        "komisioner": persona.komisioner[4],
        "pp": persona.pp,
        "mediator": persona.komisioner[3],
        "admin": persona.admin,
        "panitera_lain": persona.panitera_lain,
        "komisioner_lain": persona.ketua_lain,
    }
    d = Dunia(persona, sk, pengguna)
    if titik.siapkan:
        titik.siapkan(d)
    return d


@pytest.fixture
def bangun_dokumen(sinkron, django_capture_on_commit_callbacks):
    def _bangun(fn):
        with django_capture_on_commit_callbacks(execute=True):
            return fn()

    return _bangun


@pytest.mark.parametrize("kunci", sorted(MATRIKS), ids=lambda k: f"{k[1]} {k[0]}")
def test_matriks_peran(persona, bangun_dokumen, kunci):
    titik = MATRIKS[kunci]
    d = _dunia(persona, titik, kunci, bangun_dokumen)
    url, metode = titik.url(d), kunci[1].lower()
    dapat, salah = {}, []
    for peran in PERAN:
        pengguna = d.pengguna[peran]
        klien = APIClient()
        klien.force_authenticate(pengguna)
        body = titik.body(d) if titik.body else None
        if kunci == ("token", "POST") and pengguna is not None:
            body = {"username": pengguna.username, "password": "rahasia-uji-123"}
        cache.clear()  # the token endpoint's throttle counts every role from one address
        with transaction.atomic():
            r = getattr(klien, metode)(url, body, format=titik.format if body else None)
            transaction.set_rollback(True)  # every role meets the same state
        dapat[peran] = r.status_code
        if r.status_code >= 400 and r["Content-Type"].startswith("application/json"):
            assert isinstance(r.json()["detail"], str) and r.json()["detail"], (peran, r.json())
        if titik.periksa and not titik.periksa(d, peran, r):
            salah.append(peran)
    harap = {peran: titik.status(peran) for peran in PERAN}
    assert dapat == harap, {p: (dapat[p], harap[p]) for p in PERAN if dapat[p] != harap[p]}
    assert not salah, f"extra check failed for {salah}"
