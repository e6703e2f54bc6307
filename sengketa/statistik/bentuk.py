"""The shapes every table is returned in: plain frozen values, nothing lazy, no queries.

A `Tabel` (one table of statistik.md) has one or more `Bagian` (sections: a breakdown, a
top-N list, ...). A section is a grid: `kolom` (columns, each with a unit) by `baris` (rows,
in display order, `tingkat` 1 for a breakdown of the row above), and an optional `total` row.
Labels are already translated (the language active when the table was computed).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

Angka = int | float | None

# Units of a column, for formatting and charts.
JUMLAH = "jumlah"  # a count
HK = "hk"  # working days
PERSEN = "persen"  # a percentage, 0-100, one decimal


@dataclass(frozen=True, slots=True)
class Kolom:
    kode: str
    label: str
    satuan: str = JUMLAH


@dataclass(frozen=True, slots=True)
class Baris:
    """One row: a stable code, its label and one value per column of its section."""

    kode: str
    label: str
    nilai: tuple[Angka, ...]
    tingkat: int = 0


@dataclass(frozen=True, slots=True)
class Bagian:
    kode: str
    judul: str
    kolom: tuple[Kolom, ...]
    baris: tuple[Baris, ...]
    total: Baris | None = None

    def ambil(self, kode: str) -> Baris:
        if self.total is not None and self.total.kode == kode:
            return self.total
        for b in self.baris:
            if b.kode == kode:
                return b
        raise KeyError(kode)

    def nilai(self, baris: str, kolom: str | None = None) -> Angka:
        """A cell; `kolom` may be left out in a one-column section."""
        i = 0 if kolom is None else [k.kode for k in self.kolom].index(kolom)
        return self.ambil(baris).nilai[i]

    def per_kolom(self, kolom: str) -> dict[str, Angka]:
        """{row code: value} of one column, the total included."""
        i = [k.kode for k in self.kolom].index(kolom)
        semua = (*self.baris, self.total) if self.total is not None else self.baris
        return {b.kode: b.nilai[i] for b in semua}

    def sebagai_dict(self) -> dict[str, Any]:
        """{row code: value} for one column, {row code: {column code: value}} otherwise."""
        semua = (*self.baris, self.total) if self.total is not None else self.baris
        if len(self.kolom) == 1:
            return {b.kode: b.nilai[0] for b in semua}
        kode = [k.kode for k in self.kolom]
        return {b.kode: dict(zip(kode, b.nilai, strict=True)) for b in semua}


@dataclass(frozen=True, slots=True)
class Tabel:
    """One table of the annual report. `grafik` suggests a chart: 'batang' (bar), 'garis'
    (line), 'lingkaran' (pie); `catatan` states the definitions in words, for a footnote."""

    nomor: int
    kode: str
    judul: str
    grafik: str
    bagian: tuple[Bagian, ...]
    catatan: str = ""

    def __getitem__(self, kode: str) -> Bagian:
        for b in self.bagian:
            if b.kode == kode:
                return b
        raise KeyError(kode)


def persen(bagian: int, keseluruhan: int) -> float | None:
    """A share in percent with one decimal; None when there is nothing to divide by."""
    return round(100 * bagian / keseluruhan, 1) if keseluruhan else None


@dataclass(frozen=True, slots=True)
class Ringkasan:
    """Summary of a distribution of durations given as {working days: number of cases}."""

    jumlah: int
    rata_rata: float | None
    median: float | None
    maksimum: int | None
    dalam_batas: int

    @classmethod
    def dari(cls, sebaran: Counter[int], batas: int) -> Ringkasan:
        n = sum(sebaran.values())
        if not n:
            return cls(0, None, None, None, 0)
        urut = sorted(sebaran.items())
        total = sum(d * k for d, k in urut)

        def ke(i: int) -> int:  # the i-th smallest value, 0-based
            for d, k in urut:
                if i < k:
                    return d
                i -= k
            raise IndexError(i)  # pragma: no cover - i < n always

        tengah = ke(n // 2) if n % 2 else (ke(n // 2 - 1) + ke(n // 2)) / 2
        dalam = sum(k for d, k in urut if d <= batas)
        return cls(n, round(total / n, 1), round(float(tengah), 1), urut[-1][0], dalam)
