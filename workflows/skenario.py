"""Drive a case along a real path of the procedure, through the services, with historical
dates. Used by the demo data, the tests and the benchmarks so that every one of them shows
cases exactly as the services make them (history, deadlines, numbers included)."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sengketa.kalender import Kalender
from sengketa.models import BadanPublik, KomisiInformasi, Sengketa
from sengketa.waktu import zona

from . import layanan as L
from .layanan import sidang as layanan_sidang


@dataclass
class Aktor:
    panitera: object
    ketua: object
    ketua_majelis: object
    anggota: list
    pp: object
    mediator: object
    pemohon: object = None


@dataclass
class Skenario:
    """A case and its cursor: each method advances it one step and returns self."""

    komisi: KomisiInformasi
    aktor: Aktor
    sengketa: Sengketa | None = None
    kal: Kalender = field(init=False)

    def __post_init__(self):
        self.kal = Kalender.untuk(self.komisi)

    # -- helpers --
    @property
    def id(self) -> int:
        return self.sengketa.pk

    def segarkan(self) -> "Skenario":
        self.sengketa = Sengketa.objects.get(pk=self.sengketa.pk)
        return self

    def hk(self, d: date, n: int) -> date:
        return self.kal.tambah(d, n)

    def pukul(self, d: date, jam: int = 9) -> datetime:
        return datetime.combine(d, time(jam), tzinfo=zona(self.komisi.zona_waktu))

    # -- steps --
    def terima(
        self, tanggal: date, *, alasan=("c",), nama="Budi Santoso", lengkap=True, badan=None
    ):
        badan = badan or BadanPublik.objects.filter(komisi=self.komisi).first()
        tanggal_keberatan = tanggal - timedelta(days=35)
        data = L.DataPermohonan(
            pemohon=L.DataPihak(
                jenis="perorangan",
                nama=nama,
                nomor_identitas="6472010101800001",
                alamat="Jl. Juanda No. 5, Samarinda",
                email="budi@example.org",
                pengguna=self.aktor.pemohon,
            ),
            badan_publik_id=badan.pk,
            informasi_diminta=[
                "Dokumen kontrak pengadaan jalan tahun 2023",
                "Laporan realisasi anggaran",
            ],
            alasan=list(alasan),
            tanggal_permohonan_informasi=tanggal_keberatan - timedelta(days=21),
            tanggal_keberatan=tanggal_keberatan,
            tanggal_diterima=tanggal,
            tujuan_penggunaan="Pengawasan penggunaan anggaran daerah",
            petitum="Memerintahkan Termohon memberikan informasi yang diminta",
            kelengkapan=dict.fromkeys(
                ("identitas", "bukti_permohonan", "bukti_keberatan"), lengkap
            ),
        )
        self.sengketa = L.sengketa_terima(
            komisi=self.komisi, oleh=self.aktor.panitera, data=data
        ).sengketa
        return self

    def registrasi(self, tanggal: date):
        self.sengketa = L.sengketa_registrasi(
            sengketa_id=self.id, oleh=self.aktor.panitera, tanggal=tanggal
        )
        return self

    def tetapkan_majelis(self, tanggal: date):
        a = self.aktor
        self.sengketa = L.sengketa_tetapkan_majelis(
            sengketa_id=self.id,
            oleh=a.ketua,
            ketua_majelis=a.ketua_majelis,
            anggota=a.anggota,
            panitera_pengganti=a.pp,
            tanggal=tanggal,
        )
        return self

    def sidang(self, jenis: str, hari: date, *, hadir=True, ruang="Ruang Sidang Utama"):
        """Schedule a hearing on `hari`, serve its summonses 5 HK ahead, and hold it."""
        hasil = layanan_sidang.sidang_jadwalkan(
            sengketa_id=self.id,
            oleh=self.aktor.pp,
            jenis=jenis,
            mulai=self.pukul(hari),
            ruang=ruang,
            tempat="Kantor Komisi",
            agenda=jenis,
        )
        for p in hasil.sidang.panggilan.all():
            layanan_sidang.panggilan_catat_diterima(
                panggilan_id=p.pk, oleh=self.aktor.pp, metode="email", tanggal=self.hk(hari, -5)
            )
        status = "hadir" if hadir else "tidak_hadir_tanpa_alasan"
        kehadiran = [
            {"pihak": p.pk, "status": status if p.peran == "pemohon" else "hadir"}
            for p in self.sengketa.pihak.all()
        ]
        layanan_sidang.sidang_selesai(
            sidang_id=hasil.sidang.pk, oleh=self.aktor.pp, kehadiran=kehadiran
        )
        return self.segarkan()

    def pemeriksaan_awal(self, tanggal: date, **temuan):
        nilai = (
            dict.fromkeys(
                (
                    "berwenang",
                    "legal_standing_pemohon",
                    "legal_standing_termohon",
                    "dalam_jangka_waktu",
                ),
                True,
            )
            | temuan
        )
        self.sidang("pemeriksaan_awal", tanggal)
        self.sengketa = L.sengketa_catat_pemeriksaan_awal(
            sengketa_id=self.id, oleh=self.aktor.pp, tanggal=tanggal, **nilai
        )
        return self

    def mulai_mediasi(self, tanggal: date):
        self.sengketa = L.sengketa_mulai_mediasi(
            sengketa_id=self.id,
            oleh=self.aktor.pp,
            mediator=self.aktor.mediator,
            persetujuan_para_pihak=True,
            tanggal=tanggal,
        )
        return self

    def mediasi_gagal(self, tanggal: date):
        self.sidang("mediasi", tanggal)
        self.sengketa = L.sengketa_mediasi_gagal(
            sengketa_id=self.id, oleh=self.aktor.mediator, sebab="tidak_sepakat", tanggal=tanggal
        )
        return self

    def mediasi_berhasil(self, tanggal: date):
        self.sidang("mediasi", tanggal)
        self.sengketa = L.sengketa_mediasi_berhasil(
            sengketa_id=self.id,
            oleh=self.aktor.mediator,
            tanggal=tanggal,
            kesepakatan=["Termohon memberikan salinan kontrak", "Pemohon menanggung biaya salinan"],
            jangka_waktu_pelaksanaan=14,
        )
        return self

    def mulai_ajudikasi(self, tanggal: date):
        self.sengketa = L.sengketa_mulai_ajudikasi(
            sengketa_id=self.id, oleh=self.aktor.pp, mediasi_ditolak=True, tanggal=tanggal
        )
        return self

    def tutup_pemeriksaan(self, tanggal: date):
        self.sidang("pembuktian", tanggal)
        self.sengketa = L.sengketa_tutup_pemeriksaan(
            sengketa_id=self.id, oleh=self.aktor.pp, tanggal=tanggal
        )
        return self

    def bacakan_putusan(self, tanggal: date, amar="dikabulkan_seluruhnya"):
        self.sidang("pembacaan_putusan", tanggal)
        self.sengketa = L.sengketa_bacakan_putusan(
            sengketa_id=self.id,
            oleh=self.aktor.ketua_majelis,
            amar=amar,
            isi_amar="Memerintahkan Termohon memberikan informasi yang diminta",
            jangka_waktu_pelaksanaan=10,
            tanggal_musyawarah=self.hk(tanggal, -2),
            tanggal=tanggal,
        )
        return self

    def salinan_diterima(self, tanggal: date):
        for p in self.sengketa.pihak.all():
            self.sengketa = L.sengketa_catat_penerimaan_salinan(
                sengketa_id=self.id,
                oleh=self.aktor.panitera,
                pihak=p.pk,
                tanggal_diterima=tanggal,
                tanggal=tanggal,
            )
        return self

    def inkracht(self, tanggal: date):
        self.sengketa = L.sengketa_nyatakan_inkracht(
            sengketa_id=self.id, oleh=self.aktor.panitera, tanggal=tanggal
        )
        return self

    # -- whole paths --
    def sampai_ajudikasi(self, mulai: date):
        d = mulai
        self.terima(d).registrasi(d)
        self.tetapkan_majelis(self.hk(d, 2)).pemeriksaan_awal(self.hk(d, 8))
        return self.mulai_mediasi(self.hk(d, 8)).mediasi_gagal(self.hk(d, 12))

    def sampai_inkracht(self, mulai: date):
        self.sampai_ajudikasi(mulai)
        d = self.hk(mulai, 12)
        self.tutup_pemeriksaan(self.hk(d, 10)).bacakan_putusan(self.hk(d, 20))
        self.salinan_diterima(self.hk(d, 22))
        return self.inkracht(self.hk(d, 40))
