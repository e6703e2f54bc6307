"""`manage.py impor_register BERKAS --komisi KODE [--kering] [--oleh USERNAME]`: import an
existing register book (XLSX or CSV) as historical cases, or with --kering only print the
dry run, the same report the back-office wizard shows."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from sengketa.galat import KesalahanProsedur
from sengketa.models import KomisiInformasi
from sengketa.peran import Peran
from workflows.impor.baca import BerkasTidakTerbaca, baca_berkas
from workflows.impor.jalankan import DIBUAT, DILEWATI, GAGAL, jalankan_rencana
from workflows.impor.kolom import deteksi
from workflows.impor.rencana import laporan, susun_rencana


class Command(BaseCommand):
    help = "Impor buku register (XLSX/CSV) sebagai perkara historis; --kering: uji coba saja."

    def add_arguments(self, parser):
        parser.add_argument("berkas", help="Berkas XLSX atau CSV")
        parser.add_argument("--komisi", required=True, help="Kode komisi tujuan")
        parser.add_argument(
            "--kering", "--dry-run", action="store_true", dest="kering",
            help="Tampilkan uji coba (baris yang dibuat dan ditolak) tanpa menyimpan apa pun.",
        )  # fmt: skip
        parser.add_argument(
            "--oleh",
            help="Username panitera yang menjalankan impor (default: panitera aktif pertama).",
        )
        parser.add_argument(
            "--buat-badan-publik", action="store_true",
            help="Buat badan publik yang belum dikenal komisi (kategori 'lainnya').",
        )  # fmt: skip
        parser.add_argument("--rinci", action="store_true", help="Tampilkan langkah tiap baris.")

    def handle(self, *args, berkas, komisi, kering, oleh, buat_badan_publik, rinci, **options):
        kom = KomisiInformasi.objects.filter(kode=komisi).first()
        if kom is None:
            raise CommandError(f"Komisi {komisi!r} tidak dikenal.")
        path = Path(berkas)
        try:
            tabel = baca_berkas(path.read_bytes(), path.name)
        except OSError as exc:
            raise CommandError(f"Berkas tidak dapat dibaca: {exc}") from exc
        except BerkasTidakTerbaca as exc:
            raise CommandError(str(exc)) from exc
        pengguna = self._pengguna(kom, oleh)
        rencana = susun_rencana(
            tabel, deteksi(tabel.judul), kom, oleh=pengguna, buat_badan_publik=buat_badan_publik
        )
        for baris in laporan(rencana, rinci=rinci):
            self.stdout.write(baris)
        if kering or rencana.kolom_hilang:
            return
        if pengguna is None:
            raise CommandError("Tidak ada panitera aktif di komisi ini untuk menjalankan impor.")
        try:
            hasil = jalankan_rencana(rencana, kom, pengguna)
        except KesalahanProsedur as exc:
            raise CommandError(str(exc)) from exc
        for b in hasil.baris:
            if b.keadaan == GAGAL:
                self.stdout.write(f"Baris {b.nomor_baris} GAGAL: {b.pesan}")
        self.stdout.write(
            f"Selesai: {hasil.jumlah(DIBUAT)} dibuat, {hasil.jumlah(GAGAL)} gagal, "
            f"{hasil.jumlah(DILEWATI)} dilewati."
        )

    def _pengguna(self, komisi, username):
        User = get_user_model()
        panitera = User.objects.filter(
            is_active=True,
            groups__name=Peran.PANITERA,
            keanggotaan_komisi__komisi=komisi,
            keanggotaan_komisi__aktif=True,
        ).order_by("id")
        if username:
            pengguna = panitera.filter(username=username).first()
            if pengguna is None:
                raise CommandError(f"{username!r} bukan panitera aktif komisi ini.")
            return pengguna
        return panitera.first()
