"""Filling the holiday table: the official reference CSV, and drafts for years without one.

kalender.md: the 2024-2026 CSV is reference data loaded as a fixture; the `holidays` package
(country ID, categories public and government, language id) matched the official lists and
pre-fills later years, as unconfirmed drafts an admin confirms once the SKB is out. The table
stays the source of truth, so neither helper ever deletes a row.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import holidays
from django.db import transaction

from sengketa.kalender import FIXTURE_CSV, baca_csv
from sengketa.models.kalender import HariLibur, JenisLibur

KATEGORI_HOLIDAYS = ("public", "government")


@dataclass(frozen=True)
class HasilImpor:
    dibuat: int = 0
    diubah: int = 0
    tetap: int = 0


@transaction.atomic
def muat_csv(path: Path | str = FIXTURE_CSV) -> HasilImpor:
    """Upsert the CSV's national rows by date (komisi empty). Idempotent.

    Rows already equal to the CSV are not saved again, so a reload does not touch
    diubah_pada and does not make every process rebuild its calendars.
    """
    ada = {h.tanggal: h for h in HariLibur.objects.filter(komisi__isnull=True)}
    dibuat = diubah = tetap = 0
    for baris in baca_csv(path):
        nilai = {
            "jenis": baris.jenis,
            "keterangan": baris.keterangan,
            "dasar": baris.dasar,
            "dikonfirmasi": True,
        }
        lama = ada.get(baris.tanggal)
        if lama is None:
            HariLibur.objects.create(komisi=None, tanggal=baris.tanggal, **nilai)
            dibuat += 1
        elif any(getattr(lama, k) != v for k, v in nilai.items()):
            for k, v in nilai.items():
                setattr(lama, k, v)
            lama.save()
            diubah += 1
        else:
            tetap += 1
    return HasilImpor(dibuat, diubah, tetap)


def perkiraan_holidays(tahun: int) -> list[tuple]:
    """(tanggal, jenis, keterangan) of a year from the `holidays` package, sorted by date.

    Its 'government' category is exactly the cuti bersama days (checked against 2024-2026).
    """
    semua = holidays.country_holidays(
        "ID", years=tahun, categories=KATEGORI_HOLIDAYS, language="id"
    )
    cuti = holidays.country_holidays("ID", years=tahun, categories=("government",))
    return [
        (
            tanggal,
            JenisLibur.CUTI_BERSAMA if tanggal in cuti else JenisLibur.LIBUR_NASIONAL,
            nama[:250],
        )
        for tanggal, nama in sorted(semua.items())
    ]


@transaction.atomic
def isi_draf_tahun(tahun: int) -> int:
    """Create unconfirmed national rows for a year from the `holidays` package.

    Dates that already have a national row (confirmed or not) are left alone: an admin's
    or the decree's word beats the estimate. Returns the number of rows created.
    """
    ada = set(
        HariLibur.objects.filter(komisi__isnull=True, tanggal__year=tahun).values_list(
            "tanggal", flat=True
        )
    )
    dasar = f"Perkiraan paket holidays {holidays.__version__}; belum ada SKB"
    baru = [
        HariLibur(
            komisi=None,
            tanggal=tanggal,
            jenis=jenis,
            keterangan=keterangan,
            dasar=dasar,
            dikonfirmasi=False,
        )
        for tanggal, jenis, keterangan in perkiraan_holidays(tahun)
        if tanggal not in ada
    ]
    HariLibur.objects.bulk_create(baru)
    return len(baru)
