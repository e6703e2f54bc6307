"""Demo cases for a development machine (`manage.py muat_demo`): cases in every stage, made
through the services with dates relative to today, so that every list, deadline, calendar
and history has something real to show."""

from django.contrib.auth import get_user_model

from sengketa.models import BadanPublik, KomisiInformasi, Sengketa
from sengketa.waktu import hari_ini

from . import layanan as L
from .layanan import sidang as layanan_sidang
from .skenario import Aktor, Skenario

KOMISI = "KIP-KALTIM"
PEMPROV = "Pemerintah Provinsi Kalimantan Timur"
PEMOHON = (
    "Rahmat Hidayat", "Perkumpulan Pokja 30", "Siti Nurhaliza", "Andi Saputra", "LBH Samarinda",
    "Dewi Lestari", "Yayasan Bumi Etam", "Muhammad Ridwan", "Kelompok Tani Sumber Rejeki",
    "Agus Salim", "Nur Aini", "Bambang Sutrisno",
)  # fmt: skip


AGENDA = {
    "pemeriksaan_awal": "Pemeriksaan kewenangan, kedudukan hukum dan jangka waktu",
    "mediasi": "Sesi mediasi para pihak",
    "pembuktian": "Pemeriksaan bukti surat dan keterangan saksi",
    "pembacaan_putusan": "Pembacaan putusan",
}


class Pembuat:
    def __init__(self, komisi: KomisiInformasi):
        u = {x.username: x for x in get_user_model().objects.all()}
        self.komisi = komisi
        self.aktor = Aktor(
            panitera=u["panitera"], ketua=u["ketua"], ketua_majelis=u["komisioner1"],
            anggota=[u["komisioner2"], u["komisioner3"]], pp=u["pp"], mediator=u["komisioner4"],
            pemohon=u["pemohon"],
        )  # fmt: skip
        self.badan = list(BadanPublik.objects.filter(komisi=komisi).order_by("pk"))
        self.pemprov = next(b for b in self.badan if b.nama == PEMPROV)
        self.hari = hari_ini(komisi)
        self.urut = 0

    def skenario(self, *, akun_pemohon: bool = False) -> Skenario:
        """A fresh case cursor; the demo applicant's own account only where asked."""
        aktor = Aktor(
            **{**self.aktor.__dict__, "pemohon": self.aktor.pemohon if akun_pemohon else None}
        )
        return Skenario(self.komisi, aktor)

    def terima(self, mundur_hk: int, *, akun_pemohon: bool = False, **kw) -> Skenario:
        sk = self.skenario(akun_pemohon=akun_pemohon)
        # Every third case is against the provincial government, the demo respondent's body.
        badan = self.pemprov if self.urut % 3 == 0 else self.badan[self.urut % len(self.badan)]
        nama = PEMOHON[self.urut % len(PEMOHON)]
        self.urut += 1
        return sk.terima(sk.hk(self.hari, -mundur_hk), nama=nama, badan=badan, **kw)

    def sidang_mendatang(self, sk: Skenario, jenis: str, maju_hk: int, jam: int) -> None:
        hari = sk.hk(self.hari, maju_hk)
        layanan_sidang.sidang_jadwalkan(
            sengketa_id=sk.id, oleh=self.aktor.pp, jenis=jenis, mulai=sk.pukul(hari, jam),
            ruang="Ruang Sidang Utama", tempat="Kantor KIP Kalimantan Timur, Samarinda",
            agenda=AGENDA[jenis],
        )  # fmt: skip


def buat_kasus_demo(stdout) -> None:
    komisi = KomisiInformasi.objects.filter(kode=KOMISI).first()
    if komisi is None:
        return
    if Sengketa.objects.filter(komisi=komisi).exists():
        stdout.write("Kasus demo: sudah ada, tidak dibuat lagi")
        return
    # Oldest first, so that register numbers follow the dates as in a real register book.
    _selesai(Pembuat(komisi))
    _berjalan(Pembuat(komisi))
    stdout.write(f"Kasus demo: {Sengketa.objects.filter(komisi=komisi).count()} dibuat")


def _berjalan(p: Pembuat) -> None:
    """Open cases at every stage, oldest first, with hearings coming up in the next days."""
    a, hk = p.aktor, p.skenario().hk
    sk = p.skenario(akun_pemohon=True).sampai_ajudikasi(hk(p.hari, -75))
    sk.tutup_pemeriksaan(hk(p.hari, -20)).bacakan_putusan(hk(p.hari, -8))
    sk.salinan_diterima(hk(p.hari, -6))  # objection windows still open
    sk = p.skenario().sampai_ajudikasi(hk(p.hari, -60)).tutup_pemeriksaan(hk(p.hari, -10))
    p.sidang_mendatang(sk, "pembacaan_putusan", 3, 14)
    sk = p.skenario().sampai_ajudikasi(hk(p.hari, -45))
    p.sidang_mendatang(sk, "pembuktian", 6, 10)
    sk = p.terima(25).registrasi(hk(p.hari, -24)).tetapkan_majelis(hk(p.hari, -22))
    sk.pemeriksaan_awal(hk(p.hari, -12)).mulai_mediasi(hk(p.hari, -12))
    p.sidang_mendatang(sk, "mediasi", 5, 13)
    sk = p.terima(10, akun_pemohon=True).registrasi(hk(p.hari, -9)).tetapkan_majelis(hk(p.hari, -8))
    p.sidang_mendatang(sk, "pemeriksaan_awal", 4, 9)
    p.terima(6).registrasi(hk(p.hari, -5))  # waiting for the chair to appoint a majelis
    sk = p.terima(3, lengkap=False)
    L.sengketa_minta_kelengkapan(
        sengketa_id=sk.id, oleh=a.panitera, kekurangan=["bukti_keberatan"],
        tanggal=hk(p.hari, -2),
    )  # fmt: skip
    p.terima(1, akun_pemohon=True)  # filed online, waiting for the registry's check


def _selesai(p: Pembuat) -> None:
    """Closed cases of the past two years, one per outcome."""
    a, hk = p.aktor, p.skenario().hk
    p.skenario().sampai_inkracht(hk(p.hari, -300))
    d = hk(p.hari, -200)
    sk = p.skenario().terima(d).registrasi(d).tetapkan_majelis(hk(d, 2))
    sk.pemeriksaan_awal(hk(d, 8)).mulai_mediasi(hk(d, 8)).mediasi_berhasil(hk(d, 14))
    sk = p.terima(150)
    L.sengketa_cabut(
        sengketa_id=sk.id, oleh=a.panitera, tanggal_surat=sk.sengketa.tanggal_diterima,
        alasan="Informasi telah diberikan oleh Termohon", tanggal=sk.sengketa.tanggal_diterima,
        atas_nama=sk.sengketa.pemohon.nama,
    )  # fmt: skip
    d = hk(p.hari, -120)
    sk = p.skenario().terima(d, alasan=("a",)).registrasi(d).tetapkan_majelis(hk(d, 2))
    sk.pemeriksaan_awal(hk(d, 8), dalam_jangka_waktu=False)
    L.sengketa_putusan_sela(sengketa_id=sk.id, oleh=a.pp, dasar="daluwarsa", tanggal=hk(d, 9))
