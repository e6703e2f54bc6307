"""Public endpoints: the working-day calendar and the hearing schedule (JSON and iCalendar)."""

import pytest
from icalendar import Calendar
from rest_framework.test import APIClient

from sengketa.models import StatusSengketa as S
from tests.kasus import kasus


@pytest.fixture
def klien():
    return APIClient()


def test_hari_kerja_contoh_kalender(klien, kaltim):
    r = klien.get("/api/v1/kalender/hari-kerja/?komisi=KIP-KALTIM&dari=2024-03-06&tambah=100")
    assert r.status_code == 200
    body = r.json()
    assert body["tanggal"] == "2024-08-15"
    dilewati = {d["tanggal"]: d["keterangan"] for d in body["dilewati"]}
    assert dilewati.get("2024-03-11")
    assert "2024-03-09" in dilewati  # a Saturday
    mundur = klien.get("/api/v1/kalender/hari-kerja/?komisi=KIP-KALTIM&dari=2024-08-15&tambah=-100")
    assert mundur.json()["tanggal"] == "2024-03-06"


@pytest.mark.parametrize(
    ("query", "medan"),
    [
        ("dari=2024-03-06&tambah=abc", "tambah"),
        ("dari=2024-02-30&tambah=1", "dari"),
        ("tambah=1", "dari"),
        ("dari=2024-03-06", "tambah"),
        ("dari=2024-03-06&tambah=99999999", "tambah"),
        ("dari=9999-12-31&tambah=1000", "dari"),
        ("dari=2024-03-06&tambah=1&komisi=KI-ANTAH", "komisi"),
    ],
)
def test_hari_kerja_masukan_buruk_400(klien, kaltim, query, medan):
    r = klien.get(f"/api/v1/kalender/hari-kerja/?{query}")
    assert r.status_code == 400
    assert medan in r.json()["errors"]


def test_libur(klien, kaltim):
    r = klien.get("/api/v1/kalender/libur/?komisi=KIP-KALTIM&tahun=2024")
    assert r.status_code == 200
    hari = {x["tanggal"]: x for x in r.json()}
    assert "2024-03-11" in hari
    assert hari["2024-03-11"]["nasional"] is True and hari["2024-03-11"]["berlaku"] is True
    assert all(x["tanggal"].startswith("2024-") for x in r.json())
    assert klien.get("/api/v1/kalender/libur/?tahun=dua").status_code == 400


def test_jadwal_tanpa_data_pribadi_pemohon(klien, persona):
    sk = kasus(persona, S.PEMERIKSAAN_AWAL)
    r = klien.get("/api/v1/jadwal/?komisi=KIP-KALTIM&dari=2024-03-01&sampai=2024-04-30")
    assert r.status_code == 200
    (baris,) = r.json()
    assert baris["nomor_register"] == sk.sengketa.nomor_register
    assert baris["pemohon"] == "B. S."
    assert baris["termohon"] == "Pemerintah Provinsi Kalimantan Timur"
    assert baris["mulai"].endswith("+08:00")
    teks = r.content.decode()
    for pribadi in ("Budi", "6472010101800001", "budi@example.org", "Juanda"):
        assert pribadi not in teks

    ics = klien.get("/api/v1/jadwal.ics?komisi=KIP-KALTIM&dari=2024-03-01&sampai=2024-04-30")
    assert ics.status_code == 200
    assert ics["Content-Type"].startswith("text/calendar")
    acara = list(Calendar.from_ical(ics.content).walk("VEVENT"))
    assert len(acara) == 1
    assert sk.sengketa.nomor_register in str(acara[0]["summary"])
    assert b"Budi" not in ics.content


@pytest.mark.parametrize(
    "query",
    ["dari=2024-04-30&sampai=2024-03-01", "dari=2020-01-01&sampai=2024-01-01", "dari=kemarin",
     "komisi=KI-ANTAH"],
)  # fmt: skip
def test_jadwal_masukan_buruk_400(klien, kaltim, query):
    assert klien.get(f"/api/v1/jadwal/?{query}").status_code == 400
    assert klien.get(f"/api/v1/jadwal.ics?{query}").status_code == 400
