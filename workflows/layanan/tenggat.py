"""Keep the stored deadlines equal to their recomputation (sengketa.tenggat), and the case's
`tenggat_terdekat` (its nearest running deadline) equal to those rows.

This module is the one writer of both: every service recomputes through `tenggat_sinkron`
inside its transaction, so the column changes in the same transaction as the rows it is
derived from and cannot drift from them. `segarkan_tenggat_terdekat` sets it from the rows
for many cases at once (the benchmark generator's batches, a repair).
"""

from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace

from django.db import connections, router
from django.db.models import DateField, Min, OuterRef, QuerySet, Subquery, Value
from django.utils import timezone

from sengketa.kalender import Kalender
from sengketa.kueri_terkompilasi import KueriTerkompilasi, sisipkan
from sengketa.models import (
    KeberatanPengadilan,
    PenerimaanSalinan,
    Pihak,
    Sengketa,
    Sidang,
    Tenggat,
)
from sengketa.models.tenggat import berjalan
from sengketa.tenggat import SpesTenggat, hitung_tenggat, status_tenggat
from sengketa.waktu import hari_ini


@dataclass(frozen=True)
class TenggatBergeser:
    kode: str
    pihak_id: int | None
    sidang_id: int | None
    lama: date
    baru: date

    def as_dict(self) -> dict:
        return {
            "kode": self.kode,
            "pihak": self.pihak_id,
            "sidang": self.sidang_id,
            "lama": self.lama.isoformat(),
            "baru": self.baru.isoformat(),
        }


def _nilai(spes: SpesTenggat, status: str) -> dict:
    return {
        "mulai": spes.mulai,
        "panjang": spes.panjang,
        "satuan": spes.satuan,
        "tanggal": spes.tanggal,
        "dasar": spes.dasar,
        "terpenuhi_pada": spes.terpenuhi_pada,
        "aktif": spes.aktif,
        "status": status,
    }


class _Relasi(list):
    """Rows read for hitung_tenggat, answering `.all()` as a related manager does."""

    def all(self):
        return self


class _Masukan:
    """The case as hitung_tenggat reads it: its own fields from the instance, the relations
    read here (in fewer statements than the ORM's prefetches) unless the caller already
    holds a prefetched cache of them, which is used as it is."""

    def __init__(self, sengketa, relasi: dict):
        self._sengketa = sengketa
        cache = sengketa.__dict__.get("_prefetched_objects_cache", {})
        self.__dict__.update({k: v for k, v in relasi.items() if k not in cache})

    def __getattr__(self, nama):
        return getattr(self._sengketa, nama)


# Each statement built once per process (sengketa.kueri_terkompilasi): building them took
# the ORM several times the CPU of running them, on every step of every case.
_baris_tenggat = KueriTerkompilasi(
    Tenggat, lambda pk: Tenggat.objects.filter(sengketa_id=pk).order_by(), model=True
)
# The hearings with their summonses in one statement (a hearing without any: one row of
# nulls), in the hearings' own order.
_sidang_dan_panggilan = KueriTerkompilasi(
    Sidang,
    lambda pk: (
        Sidang.objects.filter(sengketa_id=pk)
        .order_by("mulai", "id", "panggilan__id")
        .values_list(
            "pk", "mulai", "status", "jenis", "panggilan__pk", "panggilan__tanggal_diterima"
        )
    ),
)


def _setelah_putusan(pk):
    # What counts once a ruling was read, in one statement: the receipts of its copies and
    # the court objections not cancelled by a correction (hitung_tenggat skips those), and
    # the parties. (kind, party, date, id), ordered as the models order them.
    tanpa_tanggal = Value(None, output_field=DateField())
    return (
        PenerimaanSalinan.objects.filter(sengketa_id=pk, dibatalkan=False)
        .order_by()
        .annotate(j=Value(0))
        .values_list("j", "pihak_id", "tanggal_diterima", "id")
        .union(
            Pihak.objects.filter(sengketa_id=pk)
            .order_by()
            .annotate(j=Value(1), t=tanpa_tanggal)
            .values_list("j", "id", "t", "id"),
            KeberatanPengadilan.objects.filter(sengketa_id=pk, dibatalkan=False)
            .order_by()
            .annotate(j=Value(2))
            .values_list("j", "pihak_id", "tanggal", "id"),
            all=True,
        )
        .order_by("j", "tanggal_diterima", "id")
    )


_baris_setelah_putusan = KueriTerkompilasi(PenerimaanSalinan, _setelah_putusan)


def _masukan(sengketa) -> _Masukan:
    sidang = {}
    for pk, mulai, status, jenis, panggilan_pk, diterima in _sidang_dan_panggilan(sengketa.pk):
        s = sidang.get(pk)
        if s is None:
            s = sidang[pk] = SimpleNamespace(
                pk=pk, mulai=mulai, status=status, jenis=jenis, panggilan=_Relasi()
            )
        if panggilan_pk is not None:
            s.panggilan.append(SimpleNamespace(tanggal_diterima=diterima))
    relasi = {"sidang": _Relasi(sidang.values())}
    # Receipts, parties and objections count only once a ruling was read (hitung_tenggat
    # reads them under `tanggal_putusan`): before that, no statement for them.
    per_jenis = ([], [], [])
    if sengketa.tanggal_putusan:
        for jenis, pihak_id, tanggal, pk in _baris_setelah_putusan(sengketa.pk):
            per_jenis[jenis].append((pihak_id, tanggal, pk))
    penerimaan, pihak, keberatan = per_jenis
    relasi["penerimaan_salinan"] = _Relasi(
        SimpleNamespace(pihak_id=p, tanggal_diterima=t, dibatalkan=False) for p, t, _ in penerimaan
    )
    if sengketa.tanggal_putusan:
        relasi["pihak"] = _Relasi(SimpleNamespace(pk=p) for p, _, _ in pihak)
        relasi["keberatan_pengadilan"] = _Relasi(
            SimpleNamespace(pihak_id=p, tanggal=t, dibatalkan=False) for p, t, _ in keberatan
        )
    return _Masukan(sengketa, relasi)


def tenggat_sinkron(
    sengketa, kal: Kalender | None = None, *, simpan: list[str] | None = None
) -> list[TenggatBergeser]:
    """Write the recomputed deadlines; return the open ones whose due date moved.
    New rows in one INSERT, changed rows in one UPDATE (or two plain ones).

    `simpan`: the case's own changed fields, not saved yet (a step, workflows.layanan.dasar).
    The case is then saved here with them, its nearest deadline in that same UPDATE when it
    moved, instead of an UPDATE of its own: after the rows it is derived from, as always."""
    kal = kal or Kalender.untuk(sengketa.komisi)
    komisi, hari = sengketa.komisi, hari_ini(sengketa.komisi)
    cache = sengketa.__dict__.get("_prefetched_objects_cache", {})
    tersimpan = sengketa.tenggat.all() if "tenggat" in cache else _baris_tenggat(sengketa.pk)
    lama = {(t.kode, t.pihak_id, t.sidang_id): t for t in tersimpan}
    terdekat_lama = _terdekat((t.tanggal, t.aktif, t.terpenuhi_pada) for t in lama.values())
    bergeser, baru, diubah, kolom = [], [], [], set()
    saat = timezone.now()
    semua = hitung_tenggat(_masukan(sengketa), kal)
    for spes in semua:
        status = status_tenggat(
            tanggal=spes.tanggal,
            terpenuhi_pada=spes.terpenuhi_pada,
            hari_ini=hari,
            kal=kal,
            hk_mendekati=komisi.hk_mendekati,
        )
        nilai = _nilai(spes, status)
        baris = lama.pop(spes.kunci, None)
        if baris is None:
            baru.append(
                Tenggat(
                    sengketa=sengketa,
                    kode=spes.kode,
                    pihak_id=spes.pihak_id,
                    sidang_id=spes.sidang_id,
                    **nilai,
                )
            )
            continue
        if baris.tanggal != spes.tanggal and baris.aktif and not baris.terpenuhi_pada:
            bergeser.append(
                TenggatBergeser(
                    spes.kode, spes.pihak_id, spes.sidang_id, baris.tanggal, spes.tanggal
                )
            )
        berubah = [k for k, v in nilai.items() if getattr(baris, k) != v]
        if berubah:
            for k in berubah:
                setattr(baris, k, nilai[k])
            baris.diubah_pada = saat  # bulk_update does not touch auto_now fields itself
            diubah.append(baris)
            kolom.update(berubah)
    if baru:
        sisipkan(baru)
    if len(diubah) <= 2:  # bulk_update's CASE costs more to build than two plain UPDATEs
        for baris in diubah:
            _perbarui(baris, [*sorted(kolom), "diubah_pada"])
    else:
        Tenggat.objects.bulk_update(diubah, [*sorted(kolom), "diubah_pada"])
    # Deadlines the case no longer has (after a correction) stay as rows, switched off.
    hilang = [t.pk for t in lama.values() if t.aktif]
    if hilang:
        Tenggat.objects.filter(pk__in=hilang).update(aktif=False)
    # The rows now are exactly `semua` (the rest was just switched off).
    terdekat = _terdekat((x.tanggal, x.aktif, x.terpenuhi_pada) for x in semua)
    if simpan is None:
        _simpan_terdekat(sengketa, terdekat, terdekat_lama)
    else:
        if _bergeser(sengketa, terdekat, terdekat_lama):
            simpan = [*simpan, "tenggat_terdekat"]
        sengketa.tenggat_terdekat = terdekat
        sengketa.save(update_fields=simpan)
    return bergeser


# The UPDATE of one deadline row, per (database, columns set).
_SQL_PERBARUI: dict[tuple, tuple[str, list]] = {}


def _perbarui(baris: Tenggat, kolom: list[str]) -> None:
    """`Tenggat.objects.filter(pk=baris.pk).update(...)` of these columns to the row's values,
    its SQL built once per set of columns: the ORM builds and compiles it each time, at
    several times the CPU of running it. Values prepared by each field, as the ORM does."""
    alias = router.db_for_write(Tenggat)
    koneksi = connections[alias]
    kunci = (alias, tuple(kolom))
    tersimpan = _SQL_PERBARUI.get(kunci)
    if tersimpan is None:
        q, meta = koneksi.ops.quote_name, Tenggat._meta
        medan = [meta.get_field(k) for k in kolom]
        setel = ", ".join(f"{q(f.column)} = %s" for f in medan)
        sql = f"UPDATE {q(meta.db_table)} SET {setel} WHERE {q(meta.pk.column)} = %s"
        tersimpan = _SQL_PERBARUI[kunci] = (sql, medan)
    sql, medan = tersimpan
    param = [f.get_db_prep_save(getattr(baris, f.attname), koneksi) for f in medan]
    with koneksi.cursor() as kursor:
        kursor.execute(sql, [*param, baris.pk])


def _terdekat(tenggat) -> date | None:
    """The earliest due date among (tanggal, aktif, terpenuhi_pada) still running."""
    return min((t for t, aktif, terpenuhi in tenggat if berjalan(aktif, terpenuhi)), default=None)


def _bergeser(sengketa, terdekat: date | None, terdekat_lama: date | None) -> bool:
    """Whether the nearest deadline must be written: compared with the value the instance
    was read with (the case is locked by the caller) and, should that field not have been
    loaded, with the rows before this sync."""
    tersimpan = sengketa.__dict__.get("tenggat_terdekat", terdekat_lama)
    return terdekat != tersimpan or terdekat != terdekat_lama


def _simpan_terdekat(sengketa, terdekat: date | None, terdekat_lama: date | None) -> None:
    """One UPDATE, and only when the nearest deadline moved: most steps leave it where it
    was."""
    if _bergeser(sengketa, terdekat, terdekat_lama):
        Sengketa.objects.filter(pk=sengketa.pk).update(tenggat_terdekat=terdekat)
    sengketa.tenggat_terdekat = terdekat


def terdekat_dari_baris() -> Subquery:
    """The nearest running deadline of the case `OuterRef("pk")`, read from the rows."""
    return Subquery(
        Tenggat.objects.terbuka()
        .filter(sengketa_id=OuterRef("pk"))
        .order_by()
        .values("sengketa_id")
        .annotate(m=Min("tanggal"))
        .values("m")
    )


def segarkan_tenggat_terdekat(kasus: QuerySet) -> int:
    """Set `tenggat_terdekat` of these cases from their rows in one UPDATE."""
    return kasus.update(tenggat_terdekat=terdekat_dari_baris())
