"""Indonesian formatting in letters (dokumen.md, "Indonesian formatting rules")."""

from datetime import date, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from dokumen.format import (
    angka_terbilang,
    pukul,
    tanggal_panjang,
    tanggal_tanpa_hari,
    tanggal_terbilang,
)

RABU = date(2024, 3, 6)


def test_tanggal_panjang_dengan_hari():
    assert tanggal_panjang(RABU) == "Rabu, 6 Maret 2024"


def test_tanggal_tanpa_hari():
    assert tanggal_tanpa_hari(RABU) == "6 Maret 2024"


def test_tanggal_pembacaan_putusan_dieja():
    assert tanggal_terbilang(RABU) == (
        "Rabu, tanggal enam, bulan Maret, tahun dua ribu dua puluh empat"
    )


@pytest.mark.parametrize(
    ("n", "satuan", "teks"),
    [
        (14, "hari kerja", "14 (empat belas) hari kerja"),
        (7, "hari kerja", "7 (tujuh) hari kerja"),
        (100, "hari kerja", "100 (seratus) hari kerja"),
        (2, "", "2 (dua)"),
    ],
)
def test_angka_terbilang(n, satuan, teks):
    assert angka_terbilang(n, satuan) == teks


@pytest.mark.parametrize(
    ("zona", "teks"),
    [
        ("Asia/Makassar", "09.00 WITA"),
        ("Asia/Jakarta", "08.00 WIB"),
        ("Asia/Jayapura", "10.00 WIT"),
    ],
)
def test_pukul_dalam_zona_komisi(zona, teks):
    saat = datetime(2024, 3, 6, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))
    assert pukul(saat, SimpleNamespace(zona_waktu=zona)) == teks
