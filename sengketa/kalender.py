"""The working-day calendar: one service for every deadline of the procedure (kalender.md).

A working day (hari kerja, HK) is Monday to Friday (Perpres 21/2023) except the non-working
days this calendar is built from: national holidays and cuti bersama (SKB 3 Menteri), ad hoc
Keppres days, and the commission's own closures and suspensions.

Counting convention (kalender.md): "N HK after D" is the N-th working day strictly after D;
D itself never counts, even when it is a working day, and a D that is not a working day
changes nothing. "N HK before D" mirrors it.

The class is pure (no Django needed); `Kalender.untuk(komisi)` is the only part reading the
database, and it imports the models lazily so that tests and benchmarks run without one.
"""

from __future__ import annotations

import csv
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from django.utils.functional import Promise

    from sengketa.models import KomisiInformasi

# Indonesian proper names of the days and months (date.weekday() order), used for the
# weekend reasons and for dates written in letters; they are names, not translatable text.
NAMA_HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
NAMA_BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip

FIXTURE_CSV = Path(__file__).resolve().parent.parent / "fixtures" / "hari-libur-2024-2026.csv"

CUTI_BERSAMA = "cuti_bersama"  # JenisLibur.CUTI_BERSAMA, without importing the models
PENANGGUHAN = "penangguhan"  # JenisLibur.PENANGGUHAN

# Working days of this span are precomputed per calendar so that `tambah` is two array
# look-ups; outside it (historic or far-future dates) a day-by-day loop gives the same answer.
_AWAL = date(2000, 1, 1).toordinal()
_AKHIR = date(2101, 1, 1).toordinal()  # exclusive


def _hari_biasa(o: int) -> bool:
    """Monday to Friday, on a proleptic ordinal (ordinal 1, 1 Jan year 1, is a Monday)."""
    return 0 < o % 7 < 6


def _hari_biasa_sampai(o: int) -> int:
    """Number of Mondays-to-Fridays among ordinals 1..o, in closed form."""
    return o // 7 * 5 + min(o % 7, 5)


def format_tanggal(d: date, *, dengan_hari: bool = True) -> str:
    """'Kamis, 15 Agustus 2024': how dates are written in letters and deadline notices."""
    teks = f"{d.day} {NAMA_BULAN[d.month - 1]} {d.year}"
    return f"{NAMA_HARI[d.weekday()]}, {teks}" if dengan_hari else teks


class BarisLibur(NamedTuple):
    tanggal: date
    jenis: str
    keterangan: str
    dasar: str


def baca_csv(path: Path | str = FIXTURE_CSV) -> list[BarisLibur]:
    """Rows of a holiday CSV with the header tanggal,jenis,keterangan,dasar."""
    with open(path, newline="", encoding="utf-8") as f:
        return [
            BarisLibur(date.fromisoformat(r["tanggal"]), r["jenis"], r["keterangan"], r["dasar"])
            for r in csv.DictReader(f)
        ]


@dataclass(frozen=True, slots=True)
class Penjelasan:
    """How a deadline was computed: the start, the count, the result and each day skipped."""

    mulai: date
    jumlah: int
    satuan: str
    hasil: date
    dilewati: tuple[tuple[date, str], ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "mulai": self.mulai.isoformat(),
            "jumlah": self.jumlah,
            "satuan": self.satuan,
            "hasil": self.hasil.isoformat(),
            "dilewati": [{"tanggal": d.isoformat(), "alasan": a} for d, a in self.dilewati],
        }


class Kalender:
    """Working days given the non-working days other than weekends. Immutable.

    Reasons may be lazy translations: they are turned into text when asked for, so a cached
    calendar answers in the language of the current request.
    """

    __slots__ = ("_alasan", "_hari_kerja", "_libur", "_libur_hari_biasa")

    def __init__(
        self,
        libur: Mapping[date, str | Promise] | None = None,
        *,
        cuti_bersama: Mapping[date, str | Promise] | None = None,
        cuti_bersama_libur: bool = True,
    ) -> None:
        """`libur`: non-working days besides weekends, with their reason; `cuti_bersama`:
        collective leave days, non-working only when `cuti_bersama_libur` (kalender.md)."""
        baris = [(d, "", teks) for d, teks in (libur or {}).items()]
        baris += [(d, CUTI_BERSAMA, teks) for d, teks in (cuti_bersama or {}).items()]
        self._set_libur(_kumpulkan(baris, cuti_bersama_libur))

    def _set_libur(self, alasan: dict[int, tuple[str | Promise, ...]]) -> None:
        libur = frozenset(alasan)
        _set = object.__setattr__
        _set(self, "_alasan", MappingProxyType(alasan))
        _set(self, "_libur", libur)
        # Only holidays falling Monday-Friday change a count; sorted for bisect in hitung.
        _set(self, "_libur_hari_biasa", tuple(sorted(o for o in libur if _hari_biasa(o))))
        # Sorted ordinals of every working day of 2000-2100 (about 26,000, 4 bytes each):
        # tambah becomes one bisect plus one index, whatever N is.
        kerja = [o for o in range(_AWAL, _AKHIR) if 0 < o % 7 < 6 and o not in libur]
        _set(self, "_hari_kerja", array("i", kerja))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Kalender is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("Kalender is immutable")

    def __repr__(self) -> str:
        return f"<Kalender: {len(self._libur)} non-working days besides weekends>"

    @classmethod
    def dari_baris(
        cls, baris: Iterable[tuple[Any, ...]], *, cuti_bersama_libur: bool = True
    ) -> Kalender:
        """From (tanggal, jenis, keterangan[, ...]) rows, e.g. HariLibur values or CSV rows.

        With `cuti_bersama_libur` False the commission works on cuti bersama days (the
        [setting] of kalender.md), so those rows are left out. Several rows on one date
        (a national holiday and a commission closure) keep all their reasons.
        """
        kal = cls.__new__(cls)
        kal._set_libur(_kumpulkan(baris, cuti_bersama_libur))
        return kal

    @classmethod
    def dari_csv(cls, path: Path | str = FIXTURE_CSV, *, cuti_bersama_libur: bool = True):
        """The national calendar of the reference CSV: for tests, benchmarks, tools."""
        return cls.dari_baris(baca_csv(path), cuti_bersama_libur=cuti_bersama_libur)

    @classmethod
    def untuk(cls, komisi: KomisiInformasi | None) -> Kalender:
        """The calendar of a commission (None: national days only), from the database.

        Cached per commission in this process; see _CACHE for how it stays correct.
        """
        versi = _versi(komisi)  # read before the rows: a change in between only rebuilds
        kunci = getattr(komisi, "pk", None)
        tersimpan = _CACHE.get(kunci)
        if tersimpan is not None and tersimpan[0] == versi:
            return tersimpan[1]
        kal = cls.dari_baris(_baris_db(komisi), cuti_bersama_libur=_cuti_bersama_libur(komisi))
        _CACHE[kunci] = (versi, kal)
        return kal

    # -- queries ------------------------------------------------------------------------

    def adalah_hari_kerja(self, d: date) -> bool:
        o = _ordinal(d)
        return 0 < o % 7 < 6 and o not in self._libur

    def alasan_libur(self, d: date) -> str | None:
        """Why d is not a working day ('Sabtu', 'Minggu', the holiday's description), or None.

        A holiday on a weekend gives both: 'Minggu, Tahun Baru Islam 1446 H'.
        """
        o = _ordinal(d)
        teks = "; ".join(str(a) for a in self._alasan.get(o, ()))
        if _hari_biasa(o):
            return teks or None
        hari = NAMA_HARI[d.weekday()]
        return f"{hari}, {teks}" if teks else hari

    def tambah(self, d: date, n: int) -> date:
        """The n-th working day strictly after d (n > 0) or before d (n < 0); d when n == 0."""
        o = _ordinal(d)
        if n == 0:
            return d
        kerja = self._hari_kerja
        if _AWAL <= o < _AKHIR:
            # bisect_right: first working day > o; bisect_left: first one >= o, so the one
            # before it is the last working day < o. D itself is never counted either way.
            i = bisect_right(kerja, o) + n - 1 if n > 0 else bisect_left(kerja, o) + n
            if 0 <= i < len(kerja):
                return date.fromordinal(kerja[i])
        return self._tambah_bertahap(o, n)

    def _tambah_bertahap(self, o: int, n: int) -> date:
        """Day by day: for dates outside the precomputed span."""
        langkah, sisa = (1, n) if n > 0 else (-1, -n)
        libur = self._libur
        while sisa:
            o += langkah
            if 0 < o % 7 < 6 and o not in libur:
                sisa -= 1
        return date.fromordinal(o)

    def hitung(self, dari: date, sampai: date) -> int:
        """Working days in (dari, sampai]; if sampai < dari, minus those in [sampai, dari).

        The mirror image keeps the convention that the start never counts, so that
        hitung(d, tambah(d, n)) == n for every n, negative included.
        """
        a, b = _ordinal(dari), _ordinal(sampai)
        if b >= a:
            return self._peringkat(b) - self._peringkat(a)
        return self._peringkat(b - 1) - self._peringkat(a - 1)

    def _peringkat(self, o: int) -> int:
        """Working days among ordinals 1..o: weekdays minus the weekday holidays up to o."""
        return _hari_biasa_sampai(o) - bisect_right(self._libur_hari_biasa, o)

    def tambah_hari_kalender(self, d: date, n: int, *, geser_ke_hari_kerja: bool = True) -> date:
        """d + n calendar days (kasasi, or objections counted in days), moved to the next
        working day when it lands on a day off and the commission's [setting] says so."""
        hasil = _cek_tanggal(d) + timedelta(days=n)
        if geser_ke_hari_kerja and not self.adalah_hari_kerja(hasil):
            return self.tambah(hasil, 1)
        return hasil

    def jelaskan(self, d: date, n: int) -> Penjelasan:
        """tambah(d, n) with every non-working day skipped between d and the result."""
        hasil = self.tambah(d, n)
        awal, akhir = sorted((d.toordinal(), hasil.toordinal()))
        dilewati = []
        for o in range(awal + 1, akhir):
            if not (0 < o % 7 < 6 and o not in self._libur):
                hari = date.fromordinal(o)
                dilewati.append((hari, self.alasan_libur(hari)))
        return Penjelasan(d, n, "hk", hasil, tuple(dilewati))


def _kumpulkan(
    baris: Iterable[tuple[Any, ...]], cuti_bersama_libur: bool
) -> dict[int, tuple[str | Promise, ...]]:
    """Reasons per ordinal from (tanggal, jenis, keterangan[, ...]) rows."""
    alasan: dict[int, tuple[str | Promise, ...]] = {}
    for tanggal, jenis, keterangan, *_ in baris:
        if jenis == CUTI_BERSAMA and not cuti_bersama_libur:
            continue  # the commission works on cuti bersama days
        o = tanggal.toordinal()
        teks = keterangan or jenis
        if teks not in alasan.get(o, ()):
            alasan[o] = (*alasan.get(o, ()), teks)
    return alasan


def _cek_tanggal(d: date) -> date:
    """Refuse datetimes: their date depends on the zone, which is the caller's to choose
    (tanggal_lokal); counting from a UTC date would be a day off around midnight."""
    if isinstance(d, datetime):
        raise TypeError(
            "Kalender counts dates; convert with sengketa.waktu.tanggal_lokal(komisi, waktu)"
        )
    return d


def _ordinal(d: date) -> int:
    return _cek_tanggal(d).toordinal()


# -- loading from the database ---------------------------------------------------------------

# Calendars per commission pk, with the version they were built from.
#
# Why a version check instead of invalidation only: the web server and the django-q2 worker
# are separate processes, and a holiday saved in one must be seen by the next `untuk` in the
# other (kalender.md: decrees change a few days ahead, open deadlines move at once). So every
# `untuk` reads a stamp of the rows in one small query (count, latest diubah_pada and highest
# pk of the commission's holidays and the national ones, and of its suspensions) and
# rebuilds only when that stamp changed; the deadline computations that follow never touch
# the database.
# The stamp sees every save(), create and delete. QuerySet.update() bypasses auto_now, so
# code editing holidays in bulk must set diubah_pada=now() in the same update (and may call
# kalender_reset(), which clears this process only).
_CACHE: dict[int | None, tuple[tuple[Any, ...], Kalender]] = {}

# The stamp's SQL per (database, commission pk), built by the ORM once per process: every
# step of every case reads the stamp, and building the query each time cost several times
# more CPU than running it.
_SQL_VERSI: dict[tuple[str, int | None], tuple[str, tuple[Any, ...]]] = {}


def kalender_reset(komisi: KomisiInformasi | None = None) -> None:
    """Forget the cached calendars (of one commission, or all): for the editing service and
    for tests. Other processes notice the change through the version stamp."""
    if komisi is None:
        _CACHE.clear()
    else:
        _CACHE.pop(komisi.pk, None)


def _cuti_bersama_libur(komisi: KomisiInformasi | None) -> bool:
    return True if komisi is None else komisi.cuti_bersama_libur


def _filter_libur(komisi: KomisiInformasi | None):
    from django.db.models import Q

    from sengketa.models.kalender import HariLibur

    nasional = Q(komisi__isnull=True)
    return HariLibur.objects.filter(nasional if komisi is None else nasional | Q(komisi=komisi))


def _filter_penangguhan(komisi: KomisiInformasi | None):
    from sengketa.models.kalender import Penangguhan

    return Penangguhan.objects.filter(komisi=komisi) if komisi else Penangguhan.objects.none()


def _stempel(qs, urutan: int):
    """(urutan, count, latest diubah_pada, highest pk) of the filtered rows: one row,
    grouped by a constant."""
    from django.db.models import Count, Max, Value

    return (
        qs.order_by()
        .annotate(u=Value(urutan))
        .values("u")
        .annotate(n=Count("pk"), t=Max("diubah_pada"), p=Max("pk"))
        .values_list("u", "n", "t", "p")
    )


def _versi(komisi: KomisiInformasi | None) -> tuple[Any, ...]:
    """The stamp in one query: a UNION ALL of the aggregates of each table."""
    from django.db import connections, router

    from sengketa.models.kalender import HariLibur

    alias = router.db_for_read(HariLibur)
    kunci = (alias, getattr(komisi, "pk", None))
    sql = _SQL_VERSI.get(kunci)
    if sql is None:
        qs = _stempel(_filter_libur(komisi), 0)
        if komisi:
            qs = qs.union(_stempel(_filter_penangguhan(komisi), 1), all=True)
        sql = _SQL_VERSI[kunci] = qs.query.get_compiler(alias).as_sql()
    with connections[alias].cursor() as kursor:
        kursor.execute(*sql)
        baris = sorted(kursor.fetchall())
    # The setting is part of the key: the same rows give another calendar when it changes.
    return (_cuti_bersama_libur(komisi), *(x for b in baris for x in b[1:]))


def _baris_db(komisi: KomisiInformasi | None) -> list[tuple[date, str, str | Promise]]:
    """National rows, the commission's own rows, and each day of its suspension windows.

    Unconfirmed rows (dikonfirmasi=False, pre-filled from the `holidays` package) count as
    non-working days too: they are the best estimate of a year whose decree is not out yet,
    and a deadline computed on them errs on the side of the party; confirming or moving one
    later changes the stamp, so the deadlines are recomputed then.
    """
    from sengketa.models.kalender import JenisLibur

    label = dict(JenisLibur.choices)
    baris = [
        (tanggal, jenis, keterangan or label.get(jenis, jenis))
        for tanggal, jenis, keterangan in _filter_libur(komisi).values_list(
            "tanggal", "jenis", "keterangan"
        )
    ]
    for mulai, selesai, keterangan in _filter_penangguhan(komisi).values_list(
        "mulai", "selesai", "keterangan"
    ):
        alasan = keterangan or JenisLibur.PENANGGUHAN.label
        hari = range((selesai - mulai).days + 1)
        baris.extend((mulai + timedelta(days=i), PENANGGUHAN, alasan) for i in hari)
    return baris
