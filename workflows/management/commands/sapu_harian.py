"""`manage.py sapu_harian [--komisi KODE] [--kering]`: run the daily sweep now."""

from django.core.management.base import BaseCommand

from workflows.sapuan import sapu_harian


class Command(BaseCommand):
    help = "Jalankan sapuan harian sekarang: tolak registrasi, inkracht, status tenggat."

    def add_arguments(self, parser):
        parser.add_argument("--komisi", help="Kode komisi (default: semua komisi)")
        parser.add_argument(
            "--kering", "--dry-run", action="store_true", dest="kering",
            help="Tampilkan apa yang akan terjadi tanpa menyimpan apa pun.",
        )  # fmt: skip

    def handle(self, *args, komisi=None, kering=False, **options):
        for laporan in sapu_harian(komisi, kering=kering):
            awalan = "[kering] " if kering else ""
            self.stdout.write(awalan + laporan.ringkas())
            for pk in laporan.ditolak:
                self.stdout.write(f"  sengketa #{pk}: tidak diregistrasi")
            for pk in laporan.inkracht:
                self.stdout.write(f"  sengketa #{pk}: berkekuatan hukum tetap")
            for pk, alasan in laporan.gagal:
                self.stdout.write(f"  sengketa #{pk}: belum — {alasan}")
