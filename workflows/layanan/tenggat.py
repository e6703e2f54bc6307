"""Keep the stored deadlines equal to their recomputation (sengketa.tenggat), and the case's
`tenggat_terdekat` (its nearest running deadline) equal to those rows.

This module is the one writer of both: every service recomputes through `tenggat_sinkron`
inside its transaction, so the column changes in the same transaction as the rows it is
derived from and cannot drift from them. `segarkan_tenggat_terdekat` sets it from the rows
for many cases at once (the benchmark generator's batches, a repair).
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Min, OuterRef, QuerySet, Subquery, prefetch_related_objects
from django.utils import timezone

from sengketa.kalender import Kalender
from sengketa.models import PenerimaanSalinan, Sengketa, Tenggat
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


def _hitung(sengketa, kal):
    """hitung_tenggat with the hearings and their summonses loaded in two queries (it reads
    the summonses of every hearing: one query per hearing otherwise). A cache the caller
    already holds is used as it is, and the instance is left as it was found."""
    cache = sengketa.__dict__.setdefault("_prefetched_objects_cache", {})
    dimuat = [nama for nama in ("sidang", "penerimaan_salinan") if nama not in cache]
    if "sidang" in dimuat:
        prefetch_related_objects([sengketa], "sidang__panggilan")
    if "penerimaan_salinan" in dimuat:
        # Receipts of the ruling's copies count only once a ruling was read (hitung_tenggat
        # reads them under `tanggal_putusan`): before that, no query for them.
        if sengketa.tanggal_putusan:
            prefetch_related_objects([sengketa], "penerimaan_salinan")
        else:
            cache["penerimaan_salinan"] = PenerimaanSalinan.objects.none()
    try:
        return hitung_tenggat(sengketa, kal)
    finally:
        for nama in dimuat:
            cache.pop(nama, None)


def tenggat_sinkron(sengketa, kal: Kalender | None = None) -> list[TenggatBergeser]:
    """Write the recomputed deadlines; return the open ones whose due date moved.
    New rows in one INSERT, changed rows in one UPDATE."""
    kal = kal or Kalender.untuk(sengketa.komisi)
    komisi, hari = sengketa.komisi, hari_ini(sengketa.komisi)
    lama = {(t.kode, t.pihak_id, t.sidang_id): t for t in sengketa.tenggat.all()}
    terdekat_lama = _terdekat((t.tanggal, t.aktif, t.terpenuhi_pada) for t in lama.values())
    bergeser, baru, diubah, kolom = [], [], [], set()
    saat = timezone.now()
    semua = _hitung(sengketa, kal)
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
        Tenggat.objects.bulk_create(baru)
    if diubah:
        Tenggat.objects.bulk_update(diubah, [*sorted(kolom), "diubah_pada"])
    # Deadlines the case no longer has (after a correction) stay as rows, switched off.
    Tenggat.objects.filter(pk__in=[t.pk for t in lama.values() if t.aktif]).update(aktif=False)
    # The rows now are exactly `semua` (the rest was just switched off).
    _simpan_terdekat(
        sengketa,
        _terdekat((x.tanggal, x.aktif, x.terpenuhi_pada) for x in semua),
        terdekat_lama,
    )
    return bergeser


def _terdekat(tenggat) -> date | None:
    """The earliest due date among (tanggal, aktif, terpenuhi_pada) still running."""
    return min((t for t, aktif, terpenuhi in tenggat if berjalan(aktif, terpenuhi)), default=None)


def _simpan_terdekat(sengketa, terdekat: date | None, terdekat_lama: date | None) -> None:
    """One UPDATE, and only when the nearest deadline moved: most steps leave it where it
    was. Compared with the value the instance was read with (the case is locked by the
    caller) and, should that field not have been loaded, with the rows before this sync."""
    tersimpan = sengketa.__dict__.get("tenggat_terdekat", terdekat_lama)
    if terdekat != tersimpan or terdekat != terdekat_lama:
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
