"""Which commissions a statistic covers, and what it needs of each: its cases, its time
zone (hearings are timestamps) and its working-day calendar (durations)."""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cached_property

from django.db.models import Q, QuerySet

from sengketa.kalender import Kalender
from sengketa.models import KomisiInformasi, Sengketa
from sengketa.waktu import hari_ini, zona

from .periode import Periode


@dataclass(frozen=True)
class Cakupan:
    """One commission, or several read together (e.g. every commission of a deployment)."""

    komisi: tuple[KomisiInformasi, ...]
    _kalender: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    _ingatan: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.komisi:
            raise ValueError("Cakupan needs at least one commission")

    @cached_property
    def ids(self) -> tuple[int, ...]:
        return tuple(k.pk for k in self.komisi)

    @property
    def kode(self) -> tuple[str, ...]:
        return tuple(k.kode for k in self.komisi)

    def saring(self, medan: str = "komisi") -> Q:
        """The filter on a commission foreign key (`medan`), an equality for one commission."""
        if len(self.ids) == 1:
            return Q(**{f"{medan}_id": self.ids[0]})
        return Q(**{f"{medan}_id__in": self.ids})

    def sengketa(self) -> QuerySet[Sengketa]:
        return Sengketa.objects.filter(self.saring()).order_by()

    def saat_dalam(self, medan: str, periode: Periode, komisi_medan: str) -> Q:
        """Timestamps `medan` falling on the period's days in each commission's own zone."""
        per_zona: dict[str, list[int]] = {}
        for k in self.komisi:
            per_zona.setdefault(k.zona_waktu, []).append(k.pk)
        syarat = Q()
        for nama, ids in per_zona.items():
            z = zona(nama)
            awal = datetime.combine(periode.mulai, time(), tzinfo=z)
            akhir = datetime.combine(periode.hari_sesudah, time(), tzinfo=z)
            milik = (
                Q(**{f"{komisi_medan}_id": ids[0]})
                if len(ids) == 1
                else Q(**{f"{komisi_medan}_id__in": ids})
            )
            syarat |= milik & Q(**{f"{medan}__gte": awal, f"{medan}__lt": akhir})
        return syarat

    def ingat(self, kunci, hitung):
        """The result of `hitung()`, computed once per Cakupan: several tables of one
        computation share a scan (sengketa.statistik.kueri). A Cakupan is therefore meant
        for one computation; `cakupan(komisi)` makes a fresh one."""
        if kunci not in self._ingatan:
            self._ingatan[kunci] = hitung()
        return self._ingatan[kunci]

    def kalender(self, komisi_id: int) -> Kalender:
        if komisi_id not in self._kalender:
            komisi = next(k for k in self.komisi if k.pk == komisi_id)
            self._kalender[komisi_id] = Kalender.untuk(komisi)
        return self._kalender[komisi_id]

    def hari_ini(self, komisi_id: int) -> date:
        return hari_ini(next(k for k in self.komisi if k.pk == komisi_id))


def cakupan(komisi) -> Cakupan:
    """A Cakupan from a commission, a queryset or iterable of commissions, or a Cakupan."""
    if isinstance(komisi, Cakupan):
        return komisi
    if isinstance(komisi, KomisiInformasi):
        return Cakupan((komisi,))
    if isinstance(komisi, QuerySet | Iterable) and not isinstance(komisi, str | bytes):
        daftar = tuple(komisi)
        if all(isinstance(k, KomisiInformasi) for k in daftar):
            return Cakupan(tuple(sorted(set(daftar), key=lambda k: k.kode)))
    raise TypeError("statistik: pass a KomisiInformasi, several, or a queryset of them")


class IndeksHariKerja:
    """Working days counted cumulatively per date over a span, from one calendar.

    `peringkat[d]` is the number of working days in (awal, d], so the working days between
    two dates (Kalender.hitung: the start never counts) is a subtraction:
    hk(a, b) = peringkat[b] - peringkat[a]. Built in one pass over the span (a few thousand
    days at most); the statistics then map each distinct (registration, final act) pair
    through it instead of walking the calendar once per case. Dates outside the span fall
    back to the calendar itself, which gives the same answer.
    """

    __slots__ = ("_awal", "_kal", "_peringkat")

    def __init__(self, kal: Kalender, awal: date, akhir: date) -> None:
        self._kal = kal
        self._awal = awal.toordinal()
        peringkat = array("i", [0])
        n = 0
        hari = awal
        while hari < akhir:
            hari += timedelta(days=1)
            n += kal.adalah_hari_kerja(hari)
            peringkat.append(n)
        self._peringkat = peringkat

    @classmethod
    def meliputi(cls, kal: Kalender, tanggal: Iterable[date]) -> IndeksHariKerja:
        daftar = list(tanggal)
        if not daftar:
            hari = date.today()
            return cls(kal, hari, hari)
        return cls(kal, min(daftar), max(daftar))

    def hk(self, dari: date, sampai: date) -> int:
        """Working days in (dari, sampai], as Kalender.hitung."""
        i, j = dari.toordinal() - self._awal, sampai.toordinal() - self._awal
        p = self._peringkat
        if 0 <= i < len(p) and 0 <= j < len(p):
            return p[j] - p[i] if j >= i else self._kal.hitung(dari, sampai)
        return self._kal.hitung(dari, sampai)
