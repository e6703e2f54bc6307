"""The daily sweep (siklus-sengketa.md §3, §5): what the procedure does by itself when a day
ends. It never decides anything a person must decide; it only fires the two transitions the
spec gives to the system, through their services, and refreshes the deadline lights.

- `tolak_registrasi`: the completion period (`kelengkapan`) passed without a complete file;
- `nyatakan_inkracht`: every party received its copy and every objection window closed
  without an objection;
- every open deadline's status (aman, mendekati, hari_ini, terlewat) for today;
- reminders of the hearings 2 HK and 1 HK ahead, and a word to the staff of a case whose
  deadline has just turned 'mendekati' or 'hari_ini'.

Effective dates are the day after the period ended (not the day the sweep happens to run),
so a sweep that missed days records the same dates as one that ran every night.
"""

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction

from sengketa.galat import KesalahanProsedur
from sengketa.kalender import Kalender
from sengketa.models import KodeTenggat, KomisiInformasi, Sengketa, StatusSengketa, Tenggat
from sengketa.tenggat import status_tenggat
from sengketa.waktu import hari_ini

from .layanan import sengketa_nyatakan_inkracht, sengketa_tolak_registrasi
from .notifikasi import pengingat_sidang, peringatan_tenggat

log = logging.getLogger(__name__)


@dataclass
class LaporanSapuan:
    komisi: str
    hari: date
    ditolak: list[int] = field(default_factory=list)
    inkracht: list[int] = field(default_factory=list)
    tenggat_diperbarui: int = 0
    pengingat: int = 0
    peringatan_tenggat: int = 0
    gagal: list[tuple[int, str]] = field(default_factory=list)

    def ringkas(self) -> str:
        return (
            f"{self.komisi} {self.hari.isoformat()}: tidak diregistrasi {len(self.ditolak)},"
            f" berkekuatan hukum tetap {len(self.inkracht)},"
            f" status tenggat diperbarui {self.tenggat_diperbarui},"
            f" pengingat sidang {self.pengingat}, peringatan tenggat {self.peringatan_tenggat},"
            f" gagal {len(self.gagal)}"
        )


def _jatuh_tempo(sengketa_id: int, kode: str) -> date | None:
    batas = Tenggat.objects.filter(sengketa_id=sengketa_id, kode=kode, aktif=True).values_list(
        "tanggal", flat=True
    )
    return max(batas, default=None)


def _jalankan(laporan: LaporanSapuan, daftar: list, sengketa_id: int, layanan, tanggal: date):
    try:
        with transaction.atomic():
            layanan(sengketa_id=sengketa_id, oleh=None, tanggal=tanggal)
        daftar.append(sengketa_id)
    except KesalahanProsedur as galat:
        # Not yet due (a receipt is missing, an objection was filed): nothing to do today.
        laporan.gagal.append((sengketa_id, str(galat)))


def _transisi_otomatis(komisi: KomisiInformasi, laporan: LaporanSapuan, hari: date) -> None:
    menunggu = Sengketa.objects.filter(komisi=komisi, status=StatusSengketa.MENUNGGU_KELENGKAPAN)
    for pk in menunggu.values_list("pk", flat=True):
        batas = _jatuh_tempo(pk, KodeTenggat.KELENGKAPAN)
        if batas and batas < hari:
            _jalankan(laporan, laporan.ditolak, pk, sengketa_tolak_registrasi, batas + timedelta(1))
    diputus = Sengketa.objects.filter(komisi=komisi, status=StatusSengketa.DIPUTUS)
    for pk in diputus.values_list("pk", flat=True):
        batas = _jatuh_tempo(pk, KodeTenggat.KEBERATAN)
        if batas and batas < hari:
            _jalankan(
                laporan, laporan.inkracht, pk, sengketa_nyatakan_inkracht, batas + timedelta(1)
            )


def _perbarui_status_tenggat(komisi: KomisiInformasi, hari: date) -> list[Tenggat]:
    """Refresh the lights; return the rows whose light changed today."""
    kal = Kalender.untuk(komisi)
    berubah = []
    for t in (
        Tenggat.objects.terbuka().filter(sengketa__komisi=komisi).select_related("sengketa__komisi")
    ):
        baru = status_tenggat(
            tanggal=t.tanggal, terpenuhi_pada=None, hari_ini=hari, kal=kal,
            hk_mendekati=komisi.hk_mendekati,
        )  # fmt: skip
        if baru != t.status:
            t.status = baru
            berubah.append(t)
    Tenggat.objects.bulk_update(berubah, ["status"], batch_size=500)
    return berubah


def sapu_komisi(komisi: KomisiInformasi, *, kering: bool = False) -> LaporanSapuan:
    """Sweep one commission for its own today. `kering` (dry run) rolls everything back."""
    hari = hari_ini(komisi)
    laporan = LaporanSapuan(komisi.kode, hari)
    with transaction.atomic():
        _transisi_otomatis(komisi, laporan, hari)
        berubah = _perbarui_status_tenggat(komisi, hari)
        laporan.tenggat_diperbarui = len(berubah)
        laporan.peringatan_tenggat = peringatan_tenggat(komisi, berubah)
        laporan.pengingat = pengingat_sidang(komisi, hari)
        if kering:
            transaction.set_rollback(True)
    log.info("sapuan harian %s", laporan.ringkas())
    return laporan


def sapu_harian(kode_komisi: str | None = None, *, kering: bool = False) -> list[LaporanSapuan]:
    """Entry point of the django-q2 schedule and of `manage.py sapu_harian`."""
    komisi = KomisiInformasi.objects.all()
    if kode_komisi:
        komisi = komisi.filter(kode=kode_komisi)
    return [sapu_komisi(k, kering=kering) for k in komisi]
