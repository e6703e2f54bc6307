"""The period a statistic covers: any range of whole days, a calendar year being the usual."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils.translation import gettext as _

from sengketa.kalender import NAMA_BULAN, format_tanggal


@dataclass(frozen=True, slots=True)
class Periode:
    """The days from `mulai` to `selesai`, both included. Dates, never datetimes: a day is
    a day in each commission's own time zone (hearings are matched in that zone)."""

    mulai: date
    selesai: date

    def __post_init__(self) -> None:
        for nama in ("mulai", "selesai"):
            nilai = getattr(self, nama)
            if not isinstance(nilai, date) or isinstance(nilai, datetime):
                raise TypeError(f"Periode.{nama} must be a date")
        if self.selesai < self.mulai:
            raise ValueError(_("The end of the period cannot be before its start."))

    @classmethod
    def tahun(cls, tahun: int) -> Periode:
        return cls(date(tahun, 1, 1), date(tahun, 12, 31))

    @classmethod
    def bulan(cls, tahun: int, bulan: int) -> Periode:
        berikut = date(tahun + bulan // 12, bulan % 12 + 1, 1)
        return cls(date(tahun, bulan, 1), berikut - timedelta(days=1))

    @property
    def tahun_penuh(self) -> int | None:
        """The year when the period is exactly one calendar year, else None."""
        y = self.mulai.year
        if self.mulai == date(y, 1, 1) and self.selesai == date(y, 12, 31):
            return y
        return None

    @property
    def hari_sesudah(self) -> date:
        """The first day after the period (an exclusive bound for timestamps)."""
        return self.selesai + timedelta(days=1)

    def __contains__(self, d: object) -> bool:
        return isinstance(d, date) and self.mulai <= d <= self.selesai

    def bulan_bulan(self) -> tuple[tuple[int, int], ...]:
        """(year, month) of every month the period touches, in order."""
        hasil = []
        y, m = self.mulai.year, self.mulai.month
        while (y, m) <= (self.selesai.year, self.selesai.month):
            hasil.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return tuple(hasil)

    @property
    def label(self) -> str:
        """'2024', 'Maret 2024', or '6 Maret 2024 – 5 Maret 2025'."""
        if self.tahun_penuh:
            return str(self.tahun_penuh)
        if self == Periode.bulan(self.mulai.year, self.mulai.month):
            return f"{NAMA_BULAN[self.mulai.month - 1]} {self.mulai.year}"
        awal = format_tanggal(self.mulai, dengan_hari=False)
        return f"{awal} – {format_tanggal(self.selesai, dengan_hari=False)}"

    def __str__(self) -> str:
        return self.label
