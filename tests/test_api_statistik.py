"""GET /api/v1/statistik/ (domain/statistik.md): a small data set whose counts are known,
with a case registered in December 2024 and withdrawn in January 2025, a case of another
commission that must not count, and the staff-only access rule."""

from collections import Counter
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from sengketa.models import Pihak
from sengketa.models import StatusSengketa as S
from sengketa.waktu import hari_ini
from tests.factories import BadanPublikFactory
from tests.kasus import MULAI, kasus
from workflows import layanan as L
from workflows.skenario import Aktor, Skenario

DES = date(2024, 12, 2)
JAN = date(2025, 1, 6)


@pytest.fixture
def data(persona, pusat):
    """2024 at KIP Kaltim: 7 received, 5 registered, 1 refused, 1 withdrawn before
    registration, 3 finished (mediation, ruling, interlocutory ruling), 2 open at year end."""
    hasil = {s: kasus(persona, s).sengketa for s in (
        S.SELESAI_MEDIASI, S.DIPUTUS, S.TIDAK_DITERIMA, S.TIDAK_DIREGISTRASI, S.DICABUT,
        S.MEDIASI,
    )}  # fmt: skip
    sekolah = BadanPublikFactory(
        komisi=persona.komisi, nama="SMA Negeri 1 Samarinda", kategori="sekolah_perguruan_tinggi"
    )
    sk = persona.skenario()
    sk.terima(DES, alasan=("c", "e"), nama="Yayasan Contoh", badan=sekolah).registrasi(DES)
    Pihak.objects.filter(sengketa=sk.sengketa, peran="pemohon").update(jenis="badan_hukum")
    sk.sengketa = L.sengketa_cabut(
        sengketa_id=sk.id,
        oleh=persona.pemohon,
        tanggal_surat=JAN,
        alasan="Informasi sudah diberikan",
        tanggal=JAN,
    )
    hasil["lintas_tahun"] = sk.sengketa
    # Another commission's case: never in Kaltim's figures.
    lain = Skenario(pusat, Aktor(persona.panitera_lain, None, None, [], None, None, None))
    lain.terima(MULAI)
    assert lain.sengketa.komisi == pusat
    return hasil


@pytest.fixture
def klien(persona):
    k = APIClient()
    k.force_authenticate(persona.panitera)
    return k


def ambil(klien, **param):
    r = klien.get("/api/v1/statistik/", param)
    assert r.status_code == 200, r.json()
    return r.json()


def test_tabel_2024(data, klien):
    t = ambil(klien, komisi="KIP-KALTIM", tahun=2024)
    assert t["komisi"] == "KIP-KALTIM" and t["tahun"] == 2024
    assert t["periode"] == {"mulai": "2024-01-01", "selesai": "2024-12-31", "label": "2024"}
    assert t["register"] == {
        "sisa_tahun_lalu": 0,
        "diterima": 7,
        "diregistrasi": 5,
        "tidak_diregistrasi": 1,
        "selesai": 3,
        "sisa_tahun_berikut": 2,
        "selesai_register_lama": 0,
        "dilimpahkan_masuk": 0,
        "dicabut_sebelum_registrasi": 1,
        "belum_diregistrasi_awal": 0,
        "belum_diregistrasi_akhir": 0,
        "nomor_dicoret": 0,
        "persen_selesai": 60.0,
    }
    s = t["selesai"]
    assert s["putusan_mediasi"] == 1
    assert s["ajudikasi"] == {"dikabulkan_seluruhnya": 1, "dikabulkan_sebagian": 0, "ditolak": 0}
    assert s["putusan_sela"]["daluwarsa"] == 1 and sum(s["putusan_sela"].values()) == 1
    assert (s["gugur"], s["dicabut"], s["dilimpahkan"], s["jumlah"]) == (0, 0, 0, 3)
    assert s["per_jalur"] == {"M": 1, "A": 0, "M-A": 1, "": 1}
    durasi = t["durasi"]
    assert durasi["selesai"]["jumlah"]["jumlah"] == 3 and durasi["berjalan"]["jumlah"] == 2
    assert {k: v for k, v in durasi["sebaran"].items() if v} == {"hk_0_20": 2, "hk_21_40": 1}
    assert sorted((r["status"], r["amar"], r["jumlah"]) for r in s["rincian"]) == [
        ("diputus", "dikabulkan_seluruhnya", 1),
        ("selesai_mediasi", "", 1),
        ("tidak_diterima", "", 1),
    ]
    assert t["pemohon"]["per_jenis"] == {"perorangan": 4, "badan_hukum": 1, "kelompok_orang": 0}
    assert t["pemohon"]["serial"] == []
    assert t["pemohon"]["teratas"] == [
        {"nama": "Budi Santoso", "jumlah": 4},
        {"nama": "Yayasan Contoh", "jumlah": 1},
    ]
    kategori = t["termohon"]["per_kategori"]
    assert kategori["pemerintah_provinsi"] == 4 and kategori["sekolah_perguruan_tinggi"] == 1
    assert sum(kategori.values()) == 5 and len(kategori) == 10
    assert t["alasan"] == {"a": 0, "b": 0, "c": 5, "d": 0, "e": 1, "f": 0, "g": 0}

    bulanan = {b["bulan"]: b for b in t["bulanan"]}
    assert sorted(bulanan) == list(range(1, 13)) and {b["tahun"] for b in t["bulanan"]} == {2024}
    assert {b: r["diterima"] for b, r in bulanan.items() if r["diterima"]} == {3: 6, 12: 1}
    assert {b: r["diregistrasi"] for b, r in bulanan.items() if r["diregistrasi"]} == {3: 4, 12: 1}
    selesai = Counter(
        data[s].tanggal_selesai.month for s in (S.SELESAI_MEDIASI, S.DIPUTUS, S.TIDAK_DITERIMA)
    )
    assert {b: r["selesai"] for b, r in bulanan.items() if r["selesai"]} == dict(selesai)


def test_tabel_2025_membawa_sisa_tahun_lalu(data, klien):
    t = ambil(klien, komisi="KIP-KALTIM", tahun=2025)
    register = {k: t["register"][k] for k in (
        "sisa_tahun_lalu", "diterima", "diregistrasi", "tidak_diregistrasi", "selesai",
        "sisa_tahun_berikut", "selesai_register_lama", "nomor_dicoret",
    )}  # fmt: skip
    assert register == {
        "sisa_tahun_lalu": 2,
        "diterima": 0,
        "diregistrasi": 0,
        "tidak_diregistrasi": 0,
        "selesai": 1,
        "sisa_tahun_berikut": 1,
        # the December register withdrawn in January: finished this year, registered last
        "selesai_register_lama": 1,
        "nomor_dicoret": 1,
    }
    assert t["selesai"]["dicabut"] == 1 and t["selesai"]["jumlah"] == 1
    # Table 3: 2 Dec 2024 to 6 Jan 2025 is 25 weekdays less Christmas, 26 Dec (cuti
    # bersama) and New Year's Day.
    dicabut = t["durasi"]["selesai"]["dicabut"]
    assert (dicabut["jumlah"], dicabut["maksimum"], dicabut["dalam_batas"]) == (1, 22, 1)
    assert [b["selesai"] for b in t["bulanan"]] == [1] + [0] * 11
    # Tables 4-6 count the year's registers: none.
    assert sum(t["alasan"].values()) == 0
    assert sum(t["pemohon"]["per_jenis"].values()) == 0 and t["pemohon"]["teratas"] == []


def test_sisa_tahun_lalu_ditambah_register_dikurangi_selesai(data, klien):
    for tahun in (2023, 2024, 2025, 2026):
        r = ambil(klien, komisi="KIP-KALTIM", tahun=tahun)["register"]
        assert r["sisa_tahun_lalu"] + r["diregistrasi"] - r["selesai"] == r["sisa_tahun_berikut"]


def _jumlah_kueri(klien) -> int:
    with CaptureQueriesContext(connection) as kueri:
        ambil(klien, komisi="KIP-KALTIM", tahun=2024)
    return len(kueri)


def test_jumlah_kueri_tetap(persona, klien):
    # Aggregations, not a loop over cases: the count does not grow with the data.
    kasus(persona, S.DIPUTUS)
    ambil(klien, komisi="KIP-KALTIM", tahun=2024)  # the calendar is cached after this
    sedikit = _jumlah_kueri(klien)
    for s in (S.SELESAI_MEDIASI, S.BERKEKUATAN_HUKUM_TETAP, S.GUGUR, S.KEBERATAN_PENGADILAN):
        kasus(persona, s)
    assert _jumlah_kueri(klien) == sedikit <= 30


def test_rentang_tanggal(data, klien):
    """Any range of days: here the two months around the turn of the year."""
    t = ambil(klien, komisi="KIP-KALTIM", dari="2024-12-01", sampai="2025-01-31")
    assert t["tahun"] is None
    assert t["periode"]["mulai"] == "2024-12-01" and t["periode"]["selesai"] == "2025-01-31"
    assert t["periode"]["label"] == "1 Desember 2024 – 31 Januari 2025"
    r = t["register"]
    # open on 1 Dec: the March case in mediation; then the December register, withdrawn
    # on 6 January: received, registered and finished inside the range
    assert (r["sisa_tahun_lalu"], r["diterima"], r["diregistrasi"], r["selesai"]) == (1, 1, 1, 1)
    assert r["sisa_tahun_berikut"] == 1 and r["selesai_register_lama"] == 0
    assert [(b["tahun"], b["bulan"]) for b in t["bulanan"]] == [(2024, 12), (2025, 1)]
    assert [b["selesai"] for b in t["bulanan"]] == [0, 1]


def test_tabel_umum_untuk_ditampilkan(data, klien):
    """`tabel`: the nine tables as titles, columns and rows, in Indonesian."""
    t = ambil(klien, komisi="KIP-KALTIM", tahun=2024)["tabel"]
    assert [x["nomor"] for x in t] == list(range(1, 10))
    register = t[0]
    assert register["kode"] == "register" and register["grafik"] == "batang"
    baris = {b["kode"]: b for b in register["bagian"][0]["baris"]}
    assert baris["diregistrasi"]["nilai"] == [5]
    assert baris["selesai_register_lama"]["tingkat"] == 1
    durasi = t[2]["bagian"][0]
    assert [k["satuan"] for k in durasi["kolom"]] == [
        "jumlah",
        "hk",
        "hk",
        "hk",
        "jumlah",
        "persen",
    ]
    assert durasi["total"]["nilai"][0] == 3
    assert t[8]["grafik"] == "garis" and len(t[8]["bagian"][0]["baris"]) == 12


def test_tabel_sidang_dan_pengadilan(persona, klien):
    kasus(persona, S.KEBERATAN_PENGADILAN)
    kasus(persona, S.GUGUR)
    t = ambil(klien, komisi="KIP-KALTIM", tahun=2024)
    sidang = t["sidang"]["per_jenis"]
    # the ruling: preliminary, mediation, evidence, reading; the lapse: two preliminary
    assert sidang["pemeriksaan_awal"] == {
        "jumlah": 3, "selesai": 3, "ditunda": 0, "batal": 0, "dijadwalkan": 0
    }  # fmt: skip
    assert sidang["pembacaan_putusan"]["selesai"] == 1
    assert t["sidang"]["kehadiran"]["pemohon"]["tidak_hadir_tanpa_alasan"] == 2
    assert t["sidang"]["kehadiran"]["termohon"]["hadir"] == 6
    p = t["pengadilan"]
    assert p["per_jenis"]["PTUN"] == {"jumlah": 1, "terlambat": 0}
    assert p["per_pengadilan"] == [{"pengadilan": "PTUN Samarinda", "jumlah": 1, "terlambat": 0}]
    assert p["inkracht_tanpa_keberatan"] == 0 and p["putusan_pengadilan_final"] == 0


@pytest.mark.parametrize(
    ("siapa", "param", "harap"),
    [
        (None, {"komisi": "KIP-KALTIM"}, 401),
        ("pemohon", {"komisi": "KIP-KALTIM"}, 403),
        ("panitera_lain", {"komisi": "KIP-KALTIM"}, 403),
        ("panitera", {"komisi": "TIDAK-ADA"}, 400),
        ("panitera", {}, 400),
        ("panitera", {"komisi": "KIP-KALTIM", "tahun": "dua"}, 400),
        ("panitera", {"komisi": "KIP-KALTIM", "tahun": 1900}, 400),
        ("panitera", {"komisi": "KIP-KALTIM", "dari": "2024-01-01"}, 400),
        ("panitera", {"komisi": "KIP-KALTIM", "dari": "2024-02-01", "sampai": "2024-01-01"}, 400),
        ("panitera", {"komisi": "KIP-KALTIM", "dari": "1999-12-01", "sampai": "2024-01-01"}, 400),
        (
            "panitera",
            {"komisi": "KIP-KALTIM", "tahun": 2024, "dari": "2024-01-01", "sampai": "2024-02-01"},
            400,
        ),
        ("panitera", {"komisi": "KIP-KALTIM", "dari": "kemarin", "sampai": "2024-01-01"}, 400),
        ("ketua", {"komisi": "KIP-KALTIM"}, 200),
        ("panitera_lain", {"komisi": "KI-PUSAT"}, 200),
    ],
)
def test_akses_dan_masukan(persona, siapa, param, harap):
    k = APIClient()
    k.force_authenticate(getattr(persona, siapa) if siapa else None)
    r = k.get("/api/v1/statistik/", param)
    assert r.status_code == harap, r.json()
    if harap in (400, 403):
        assert r.json()["detail"]
    if harap == 200:  # default year: the commission's current year
        assert r.json()["tahun"] == hari_ini(persona.komisi).year


def test_pesan_rentang_dalam_bahasa_indonesia(persona, klien):
    r = klien.get(
        "/api/v1/statistik/",
        {"komisi": "KIP-KALTIM", "dari": "2024-02-01"},
        HTTP_ACCEPT_LANGUAGE="id",
    )
    assert r.status_code == 400
    assert "sampai" in str(r.json())
