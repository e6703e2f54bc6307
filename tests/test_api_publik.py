"""Public endpoints: the working-day calendar, the hearing schedule (JSON and iCalendar),
and the rate limits of the public verification of documents."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from icalendar import Calendar
from rest_framework.test import APIClient

from dokumen.models import Dokumen, StatusDokumen
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
    (baris,) = r.json()["results"]  # paged like every list of the API
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


def test_jadwal_menyamarkan_kelompok_orang_seperti_halaman_publik(klien, persona):
    sk = kasus(persona, S.PEMERIKSAAN_AWAL)
    sk.sengketa.pemohon.__class__.objects.filter(pk=sk.sengketa.pemohon.pk).update(
        jenis="kelompok_orang"
    )
    r = klien.get("/api/v1/jadwal/?komisi=KIP-KALTIM&dari=2024-03-01&sampai=2024-04-30")
    (baris,) = r.json()["results"]  # paged like every list of the API
    assert baris["pemohon"] == "B. S."
    assert "Budi" not in r.content.decode()


@pytest.mark.parametrize(
    "query",
    ["dari=2024-04-30&sampai=2024-03-01", "dari=2020-01-01&sampai=2024-01-01", "dari=kemarin",
     "komisi=KI-ANTAH"],
)  # fmt: skip
def test_jadwal_masukan_buruk_400(klien, kaltim, query):
    assert klien.get(f"/api/v1/jadwal/?{query}").status_code == 400
    assert klien.get(f"/api/v1/jadwal.ics?{query}").status_code == 400


# --- rate limits of the public verification (api/batas.py) ---


@pytest.fixture
def terbit(bangun):
    """An issued document (the receipt of a filing) and its bytes."""
    bangun(S.DITERIMA)
    d = Dokumen.objects.filter(status=StatusDokumen.SIAP, format="pdf").first()
    with d.berkas.open("rb") as f:
        return d, f.read()


@pytest.fixture
def batas_kecil(settings):
    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**rates, "verifikasi": "3/min", "verifikasi_berkas": "2/min"},
    }


def harap_429(r):
    assert r.status_code == 429, (r.status_code, r.content)
    tunggu = int(r["Retry-After"])
    assert 1 <= tunggu <= 60
    detail = r.json()["detail"] if r["Content-Type"].startswith("application/json") else None
    teks = detail if detail is not None else r.content.decode()
    assert str(tunggu) in teks  # says when, in words too
    return tunggu


def test_verifikasi_kode_dibatasi_per_alamat(klien, terbit, batas_kecil):
    d, _ = terbit
    url = f"/api/v1/verifikasi/{d.kode_verifikasi}/"
    assert [klien.get(url).status_code for _ in range(2)] == [200, 200]
    assert klien.get("/api/v1/verifikasi/TIDAKADA00/").status_code == 404  # counts as well
    r = klien.get(url)
    harap_429(r)
    assert set(r.json()) == {"detail"}
    # An invented X-Forwarded-For does not make a new client (NUM_PROXIES = 0) ...
    assert klien.get(url, HTTP_X_FORWARDED_FOR="10.9.8.7").status_code == 429
    # ... another address is another client.
    assert klien.get(url, REMOTE_ADDR="10.0.0.2").status_code == 200


def test_verifikasi_berkas_dibatasi_lebih_ketat(klien, terbit, batas_kecil):
    d, isi = terbit

    def unggah():
        berkas = SimpleUploadedFile("x.pdf", isi, content_type="application/pdf")
        return klien.post("/api/v1/verifikasi/berkas/", {"berkas": berkas}, format="multipart")

    assert [unggah().status_code for _ in range(2)] == [200, 200]
    harap_429(unggah())
    # Its own counter: verifying by code still works.
    assert klien.get(f"/api/v1/verifikasi/{d.kode_verifikasi}/").status_code == 200


def test_halaman_verifikasi_berbagi_batas_dengan_api(client, terbit, batas_kecil):
    d, isi = terbit
    assert client.get(f"/verifikasi/{d.kode_verifikasi}/").status_code == 200
    assert client.get(f"/api/v1/verifikasi/{d.kode_verifikasi}/").status_code == 200
    assert client.get(f"/verifikasi/{d.kode_verifikasi}/").status_code == 200
    r = client.get(f"/verifikasi/{d.kode_verifikasi}/")
    harap_429(r)
    assert r["Content-Type"].startswith("text/plain")
    # Uploading on the page: its own, stricter limit; the upload form itself is not limited.
    assert client.get("/verifikasi/").status_code == 200
    kode = [client.post("/verifikasi/", {"berkas": io.BytesIO(isi)}).status_code for _ in range(3)]
    assert kode == [200, 200, 429]


def test_batas_mulai_dari_nol_di_setiap_uji(klien, terbit, batas_kecil):
    """The counters of the tests above do not reach this one (tests/conftest.py clears the
    cache): three requests are allowed again."""
    d, _ = terbit
    url = f"/api/v1/verifikasi/{d.kode_verifikasi}/"
    assert [klien.get(url).status_code for _ in range(3)] == [200, 200, 200]
