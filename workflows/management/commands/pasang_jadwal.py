"""`manage.py pasang_jadwal`: install the django-q2 schedules (idempotent).

One daily sweep per commission at 00:05 in the commission's own zone (WITA for Kaltim, WIB
for KI Pusat). Indonesia has no daylight saving, so a DAILY schedule keeps its local time.
Every 5 minutes: documents whose rendering task was lost are queued again (dokumen/tugas.py).
Daily: the queue's recorded successes older than a week are deleted (Q_CLUSTER "save_limit").
"""

from datetime import datetime, time, timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone
from django_q.models import Schedule

from sengketa.models import KomisiInformasi
from sengketa.waktu import hari_ini, zona

PUKUL_SAPUAN = time(0, 5)


def jadwal_sapuan(komisi: KomisiInformasi) -> tuple[Schedule, bool]:
    besok = hari_ini(komisi) + timedelta(days=1)
    berikut = datetime.combine(besok, PUKUL_SAPUAN, tzinfo=zona(komisi.zona_waktu))
    return Schedule.objects.get_or_create(
        name=f"sapu_harian:{komisi.kode}",
        defaults={
            "func": "workflows.sapuan.sapu_harian",
            "args": repr(komisi.kode),
            "schedule_type": Schedule.DAILY,
            "repeats": -1,
            "next_run": berikut,
        },
    )


def jadwal_dokumen_tertunda() -> tuple[Schedule, bool]:
    return Schedule.objects.get_or_create(
        name="dokumen_tertunda",
        defaults={
            "func": "dokumen.tugas.antre_ulang_tertunda",
            "schedule_type": Schedule.MINUTES,
            "minutes": 5,
            "repeats": -1,
            "next_run": timezone.now(),
        },
    )


def jadwal_buang_sukses() -> tuple[Schedule, bool]:
    return Schedule.objects.get_or_create(
        name="buang_sukses_lama",
        defaults={
            "func": "dokumen.tugas.buang_sukses_lama",
            "schedule_type": Schedule.DAILY,
            "repeats": -1,
            "next_run": timezone.now(),
        },
    )


class Command(BaseCommand):
    help = "Pasang jadwal latar belakang (sapuan harian per komisi)."

    def handle(self, *args, **options):
        for komisi in KomisiInformasi.objects.all():
            jadwal, dibuat = jadwal_sapuan(komisi)
            keadaan = "dibuat" if dibuat else "sudah ada"
            self.stdout.write(
                f"{jadwal.name}: {keadaan}, berikutnya {jadwal.next_run:%Y-%m-%d %H:%M %Z}"
            )
        jadwal, dibuat = jadwal_dokumen_tertunda()
        self.stdout.write(f"{jadwal.name}: {'dibuat' if dibuat else 'sudah ada'}, tiap 5 menit")
        jadwal, dibuat = jadwal_buang_sukses()
        self.stdout.write(f"{jadwal.name}: {'dibuat' if dibuat else 'sudah ada'}, harian")
