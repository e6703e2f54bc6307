"""Indonesian formatting of dates, times and numbers in letters (dokumen.md, "Indonesian
formatting rules"). Day and month names are proper names, not translatable text."""

from datetime import date, datetime

from num2words import num2words

from sengketa.kalender import NAMA_BULAN, NAMA_HARI, format_tanggal
from sengketa.waktu import singkatan_zona, zona


def terbilang(n: int) -> str:
    """14 -> 'empat belas'."""
    return num2words(n, lang="id")


def tanggal_panjang(d: date) -> str:
    """'Rabu, 6 Maret 2024'."""
    return format_tanggal(d)


def tanggal_tanpa_hari(d: date) -> str:
    """'6 Maret 2024'."""
    return format_tanggal(d, dengan_hari=False)


def tanggal_terbilang(d: date) -> str:
    """The reading date of a ruling, spelled out:
    'Rabu, tanggal enam, bulan Maret, tahun dua ribu dua puluh empat'."""
    return (
        f"{NAMA_HARI[d.weekday()]}, tanggal {terbilang(d.day)}, "
        f"bulan {NAMA_BULAN[d.month - 1]}, tahun {terbilang(d.year)}"
    )


def angka_terbilang(n: int, satuan: str = "") -> str:
    """'14 (empat belas) hari kerja': numbers in legal text carry their words."""
    return f"{n} ({terbilang(n)}) {satuan}".rstrip()


def pukul(saat: datetime, komisi) -> str:
    """'09.00 WITA': the time in the commission's own zone, with its abbreviation."""
    lokal = saat.astimezone(zona(komisi.zona_waktu))
    return f"{lokal:%H.%M} {singkatan_zona(komisi)}"
