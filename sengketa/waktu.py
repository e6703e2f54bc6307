"""Dates in a commission's own time zone: 'today' is WITA in Samarinda, WIB in Jakarta."""

from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.utils import timezone

SINGKATAN_ZONA = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


@lru_cache(maxsize=32)
def zona(nama: str) -> ZoneInfo:
    return ZoneInfo(nama)


def hari_ini(komisi) -> date:
    return timezone.now().astimezone(zona(komisi.zona_waktu)).date()


def tanggal_lokal(komisi, saat: datetime) -> date:
    return saat.astimezone(zona(komisi.zona_waktu)).date()


def singkatan_zona(komisi) -> str:
    return SINGKATAN_ZONA.get(komisi.zona_waktu, komisi.zona_waktu)
