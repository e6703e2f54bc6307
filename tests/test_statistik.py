"""The statistics service (sengketa.statistik) against data whose answers are known.

`TestDataTigaTahun` builds about 215 cases over 2024-2026 through the services, with
historical dates on the official holiday calendar, along every path of the procedure
(intake left open, incomplete and refused, withdrawn before and after registration,
mediation settled, mediation failed then adjudication, direct adjudication, interlocutory
rulings on each ground, transfer to KI Pusat, lapse, court objections on time and late,
court rulings final and open to cassation, inkracht, corrections of a ruling, a
registration, a withdrawal and an objection, cases registered in December and finished in
January). Each case is planned first (a `Rencana`: its dates, outcome, hearings, ...), and
the expected figures of every table are computed here from the plans alone, then compared
with the service for each year, a range across two years, and KIP Kaltim with KI Pusat
read together. The small tests after it pin one definition each.
"""

from __future__ import annotations

import itertools
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import pytest
from django.db import transaction
from django.test.utils import override_settings

from sengketa.kalender import Kalender
from sengketa.models import (
    Amar,
    BadanPublik,
    DasarPutusanSela,
    HariLibur,
    JenisPengadilan,
    JenisSidang,
    KategoriBadanPublik,
    Penangguhan,
    RiwayatStatus,
    Sengketa,
    StatusKehadiran,
    StatusSidang,
)
from sengketa.models import StatusSengketa as S
from sengketa.statistik import (
    IndeksHariKerja,
    Periode,
    hitung_semua,
    tabel_durasi,
    tabel_pemohon,
    tabel_pengadilan,
    tabel_register,
    tabel_sidang,
)
from sengketa.statistik.bentuk import Ringkasan
from sengketa.waktu import hari_ini, zona
from tests.kasus import MULAI, kasus
from workflows import layanan as L
from workflows.layanan import sidang as LS
from workflows.skenario import Aktor, Skenario

BATAS = date(2026, 11, 20)  # the last day the generated cases act on (before "today")
PUTUSAN_AJUDIKASI = (S.DIPUTUS, S.KEBERATAN_PENGADILAN, S.BERKEKUATAN_HUKUM_TETAP)
HASIL = {
    S.SELESAI_MEDIASI: "putusan_mediasi",
    **dict.fromkeys(PUTUSAN_AJUDIKASI, "putusan_ajudikasi"),
    S.TIDAK_DITERIMA: "putusan_sela",
    S.GUGUR: "gugur",
    S.DICABUT: "dicabut",
    S.DILIMPAHKAN: "dilimpahkan",
}
SERIAL = "Perkumpulan Serial Nusantara"
DEPAN = ("Andi", "Budi", "Citra", "Dewi", "Eko", "Fajar", "Gita", "Hendra", "Irfan", "Joko")
BELAKANG = ("Pratama", "Santoso", "Lestari", "Saputra")
PEMOHON = [
    *((f"{d} {b}", "perorangan") for d in DEPAN for b in BELAKANG),
    ("LBH Samarinda", "badan_hukum"), ("Yayasan Bumi Etam", "badan_hukum"),
    ("Pokja Pesisir", "badan_hukum"), ("Perkumpulan Jurnalis Kaltim", "badan_hukum"),
    ("Kelompok Tani Makmur", "kelompok_orang"), ("Warga RT 12 Loa Bakung", "kelompok_orang"),
    ("Nelayan Muara Badak", "kelompok_orang"),
]  # fmt: skip


# -- the plan ---------------------------------------------------------------------------------


@dataclass
class Rencana:
    """What one case is made to do, written down before the services run it."""

    jalan: str
    komisi: str
    diterima: date
    pemohon: str
    jenis: str
    badan: str
    kategori: str
    alasan: str
    registrasi: date | None = None
    selesai: date | None = None  # final act (registered) or closing date (never registered)
    status: str = S.DITERIMA
    amar: str = ""
    dasar: str = ""
    jalur: str = ""
    dilimpahkan_masuk: bool = False
    # (jenis, tanggal, status, kehadiran pemohon, kehadiran termohon)
    sidang: list = field(default_factory=list)
    keberatan: list = field(default_factory=list)  # (jenis pengadilan, pengadilan, tanggal, telat)
    putusan_pengadilan: list = field(default_factory=list)  # (tanggal, final)
    inkracht: date | None = None
    inkracht_setelah_keberatan: bool = False
    dicoret_koreksi: list = field(default_factory=list)  # dates a registration was undone


class Penggerak:
    """Runs plans through the services and records each step in the plan."""

    def __init__(self, persona, pusat_aktor, badan, rng):
        self.p = persona
        self.aktor_pusat = pusat_aktor
        self.badan = badan  # name -> BadanPublik of Kaltim
        self.rng = rng
        self.rencana: list[Rencana] = []
        # Outcomes taken in turn, so that every one occurs whatever the random dates.
        self.dasar = itertools.cycle(DasarPutusanSela.values)
        self.amar = itertools.cycle(Amar.values)
        self.akhir = itertools.cycle(AKHIR)

    # -- intake --
    def baru(self, jalan, d, *, komisi=None, pemohon=None, alasan=None, lengkap=True, badan=None):
        komisi = komisi or self.p.komisi
        aktor = self.p.aktor if komisi == self.p.komisi else self.aktor_pusat
        nama, jenis = pemohon or self.rng.choice(PEMOHON)
        if badan is None:
            daftar = list(BadanPublik.objects.filter(komisi=komisi).order_by("nama"))
            badan = self.rng.choice(daftar)
        if alasan is None:
            alasan = "".join(sorted(self.rng.sample("bcdefg", self.rng.randint(1, 3))))
        sk = Skenario(komisi, aktor)
        data = L.DataPermohonan(
            pemohon=L.DataPihak(jenis=jenis, nama=nama, alamat="Samarinda"),
            badan_publik_id=badan.pk,
            informasi_diminta=["Dokumen anggaran"],
            alasan=list(alasan),
            tanggal_permohonan_informasi=d - timedelta(days=60),
            tanggal_keberatan=d - timedelta(days=35),
            tanggal_diterima=d,
            kelengkapan=dict.fromkeys(
                ("identitas", "bukti_permohonan", "bukti_keberatan"), lengkap
            ),
        )
        sk.sengketa = L.sengketa_terima(komisi=komisi, oleh=aktor.panitera, data=data).sengketa
        r = Rencana(jalan, komisi.kode, d, nama, jenis, badan.nama, badan.kategori, alasan)
        self.rencana.append(r)
        return sk, r

    def minta(self, sk, r, d):
        sk.sengketa = L.sengketa_minta_kelengkapan(
            sengketa_id=sk.id, oleh=sk.aktor.panitera, kekurangan=["bukti_keberatan"], tanggal=d
        )
        r.status = S.MENUNGGU_KELENGKAPAN

    def tolak(self, sk, r, d):
        sk.sengketa = L.sengketa_tolak_registrasi(
            sengketa_id=sk.id, oleh=sk.aktor.panitera, tanggal=d
        )
        r.status, r.selesai = S.TIDAK_DIREGISTRASI, d

    def registrasi(self, sk, r, d):
        sk.registrasi(d)
        r.status, r.registrasi = S.TEREGISTRASI, d

    def majelis(self, sk, r, d):
        sk.tetapkan_majelis(d)
        r.status = S.PEMERIKSAAN_AWAL

    # -- hearings --
    def _hadir(self):
        pemohon = self.rng.choices(["hadir", "diwakili", "tidak_hadir_dengan_alasan"], [8, 1, 1])[0]
        termohon = self.rng.choices(["hadir", "diwakili", "tidak_hadir_tanpa_alasan"], [8, 1, 1])[0]
        return pemohon, termohon

    def sidang(self, sk, r, jenis, d, *, pemohon=None, termohon=None, tunda=None, pindah=None,
               patut=False):  # fmt: skip
        """Hold a hearing on d (optionally after adjourning it from `tunda` or moving it from
        `pindah`, both earlier days); `patut`: record its summonses served 5 WD ahead."""
        if pemohon is None:
            pemohon, termohon = self._hadir()
        termohon = termohon or "hadir"
        awal = tunda or pindah or d
        hasil = LS.sidang_jadwalkan(
            sengketa_id=sk.id, oleh=self.p.pp, jenis=jenis, mulai=sk.pukul(awal),
            ruang="Ruang Sidang Utama", tempat="Kantor Komisi", agenda=jenis,
        )  # fmt: skip
        sidang = hasil.sidang
        if tunda or pindah:
            fungsi = LS.sidang_tunda if tunda else LS.sidang_pindahkan
            sidang = fungsi(
                sidang_id=sidang.pk, oleh=self.p.pp, alasan="Termohon meminta waktu",
                mulai_berikutnya=sk.pukul(d),
            ).sidang  # fmt: skip
            r.sidang.append((jenis, awal, StatusSidang.DITUNDA if tunda else StatusSidang.BATAL,
                             None, None))  # fmt: skip
        if patut:
            for p in sidang.panggilan.all():
                LS.panggilan_catat_diterima(
                    panggilan_id=p.pk, oleh=self.p.pp, metode="email", tanggal=sk.hk(d, -5)
                )
        kehadiran = [
            {"pihak": p.pk, "status": pemohon if p.peran == "pemohon" else termohon}
            for p in sk.sengketa.pihak.all()
        ]
        LS.sidang_selesai(sidang_id=sidang.pk, oleh=self.p.pp, kehadiran=kehadiran)
        r.sidang.append((jenis, d, StatusSidang.SELESAI, pemohon, termohon))

    def pemeriksaan_awal(self, sk, r, d, **kw):
        temuan = dict.fromkeys(
            ("berwenang", "legal_standing_pemohon", "legal_standing_termohon",
             "dalam_jangka_waktu"), True,
        )  # fmt: skip
        temuan.update({k: v for k, v in kw.items() if k in temuan})
        sidang_kw = {k: v for k, v in kw.items() if k not in temuan}
        self.sidang(sk, r, "pemeriksaan_awal", d, **sidang_kw)
        sk.sengketa = L.sengketa_catat_pemeriksaan_awal(
            sengketa_id=sk.id, oleh=self.p.pp, tanggal=d, **temuan
        )

    # -- paths --
    def mediasi(self, sk, r, d):
        sk.mulai_mediasi(d)
        r.status, r.jalur = S.MEDIASI, "M"

    def mediasi_berhasil(self, sk, r, d):
        self.sidang(sk, r, "mediasi", d)
        sk.sengketa = L.sengketa_mediasi_berhasil(
            sengketa_id=sk.id, oleh=self.p.aktor.mediator, tanggal=d,
            kesepakatan=["Termohon memberikan salinan"], jangka_waktu_pelaksanaan=14,
        )  # fmt: skip
        r.status, r.selesai = S.SELESAI_MEDIASI, d

    def mediasi_gagal(self, sk, r, d):
        self.sidang(sk, r, "mediasi", d)
        sk.sengketa = L.sengketa_mediasi_gagal(
            sengketa_id=sk.id, oleh=self.p.aktor.mediator, sebab="tidak_sepakat", tanggal=d
        )
        r.status, r.jalur = S.AJUDIKASI, "M-A"

    def ajudikasi(self, sk, r, d):
        sk.mulai_ajudikasi(d)
        r.status, r.jalur = S.AJUDIKASI, "A"

    def tutup(self, sk, r, d):
        self.sidang(sk, r, "pembuktian", d)
        sk.sengketa = L.sengketa_tutup_pemeriksaan(sengketa_id=sk.id, oleh=self.p.pp, tanggal=d)
        r.status = S.MUSYAWARAH

    def bacakan(self, sk, r, d, amar):
        self.sidang(sk, r, "pembacaan_putusan", d)
        sk.sengketa = L.sengketa_bacakan_putusan(
            sengketa_id=sk.id, oleh=self.p.aktor.ketua_majelis, amar=amar, isi_amar="Amar",
            jangka_waktu_pelaksanaan=10, tanggal_musyawarah=sk.hk(d, -1), tanggal=d,
        )  # fmt: skip
        r.status, r.selesai, r.amar = S.DIPUTUS, d, amar

    def salinan(self, sk, r, d):
        sk.salinan_diterima(d)

    def keberatan(self, sk, r, d, pengadilan, telat):
        sk.sengketa = L.sengketa_catat_keberatan(
            sengketa_id=sk.id, oleh=self.p.panitera, pengadilan=pengadilan,
            nomor_perkara=f"{len(self.rencana)}/G/KI/{d.year}", pihak=sk.sengketa.termohon.pk,
            tanggal=d,
        )  # fmt: skip
        jenis = pengadilan.split()[0]
        r.keberatan.append((jenis, pengadilan, d, telat))
        r.status = S.KEBERATAN_PENGADILAN

    def putusan_pengadilan(self, sk, r, d, final):
        sk.sengketa = L.sengketa_catat_putusan_pengadilan(
            sengketa_id=sk.id, oleh=self.p.panitera, pengadilan="PTUN Samarinda",
            nomor=f"P{len(self.rencana)}", hasil="Menguatkan putusan Komisi Informasi",
            final=final, tanggal=d,
        )  # fmt: skip
        r.putusan_pengadilan.append((d, final))
        if final:
            r.status, r.inkracht, r.inkracht_setelah_keberatan = S.BERKEKUATAN_HUKUM_TETAP, d, True

    def inkracht(self, sk, r, d):
        sk.inkracht(d)
        r.status, r.inkracht = S.BERKEKUATAN_HUKUM_TETAP, d

    def sela(self, sk, r, d, dasar):
        sk.sengketa = L.sengketa_putusan_sela(
            sengketa_id=sk.id, oleh=self.p.pp, dasar=dasar, catatan="Pertimbangan", tanggal=d
        )
        r.status, r.selesai, r.dasar = S.TIDAK_DITERIMA, d, dasar

    def limpahkan(self, sk, r, d):
        sk.sengketa = L.sengketa_limpahkan(
            sengketa_id=sk.id, oleh=self.p.pp, komisi_tujuan="KI-PUSAT", tanggal=d
        )
        r.status, r.selesai = S.DILIMPAHKAN, d
        badan = BadanPublik.objects.get(komisi__kode="KI-PUSAT", nama=r.badan)
        self.rencana.append(
            Rencana("limpahan", "KI-PUSAT", d, r.pemohon, r.jenis, r.badan, badan.kategori,
                    r.alasan, dilimpahkan_masuk=True)
        )  # fmt: skip

    def gugurkan(self, sk, r, d):
        sk.sengketa = L.sengketa_gugurkan(sengketa_id=sk.id, oleh=self.p.pp, tanggal=d)
        r.status, r.selesai = S.GUGUR, d

    def cabut(self, sk, r, d):
        pemeriksaan = r.status in (S.PEMERIKSAAN_AWAL, S.MEDIASI, S.AJUDIKASI, S.MUSYAWARAH)
        sk.sengketa = L.sengketa_cabut(
            sengketa_id=sk.id, oleh=self.p.pp if pemeriksaan else sk.aktor.panitera,
            tanggal_surat=d, alasan="Informasi sudah diterima", tanggal=d,
        )  # fmt: skip
        r.status, r.selesai = S.DICABUT, d

    def koreksi(self, sk, d):
        sk.sengketa = L.sengketa_koreksi(
            sengketa_id=sk.id, oleh=self.p.ketua, alasan="Salah catat", tanggal=d
        )


# Each path: (longest span in WD from the day received, function). The functions choose
# their own offsets; `hk` is the commission's calendar.


def _reg(g, sk, r, d0):
    R = sk.hk(d0, g.rng.randint(0, 4)) if g.rng.random() < 0.8 else d0
    g.registrasi(sk, r, R)
    g.majelis(sk, r, sk.hk(R, 2))
    return R


def _sampai_pemeriksaan(g, sk, r, d0, **kw):
    R = _reg(g, sk, r, d0)
    pa = sk.hk(R, g.rng.randint(6, 14))
    if g.rng.random() < 0.15:
        kw["tunda"] = sk.hk(pa, -3)  # adjourned once, held 3 WD later
    g.pemeriksaan_awal(sk, r, pa, **kw)
    return pa


def j_diterima(g, d0):
    g.baru("diterima", d0)


def j_menunggu(g, d0):
    sk, r = g.baru("menunggu", d0, lengkap=False)
    g.minta(sk, r, d0)


def j_tidak_reg(g, d0):
    sk, r = g.baru("tidak_reg", d0, lengkap=False)
    g.minta(sk, r, d0)
    g.tolak(sk, r, sk.hk(d0, g.rng.randint(8, 12)))


def j_cabut_pra(g, d0):
    sk, r = g.baru("cabut_pra", d0)
    g.cabut(sk, r, sk.hk(d0, g.rng.randint(0, 6)))


def j_teregistrasi(g, d0):
    sk, r = g.baru("teregistrasi", d0)
    g.registrasi(sk, r, sk.hk(d0, g.rng.randint(0, 3)))


def j_pemeriksaan(g, d0):
    sk, r = g.baru("pemeriksaan", d0)
    R = _reg(g, sk, r, d0)
    if g.rng.random() < 0.5:
        g.pemeriksaan_awal(sk, r, sk.hk(R, 10), pindah=sk.hk(R, 7))  # moved, then held
    else:
        g.sidang(sk, r, "pemeriksaan_awal", sk.hk(R, 8))


def j_mediasi_berjalan(g, d0):
    sk, r = g.baru("mediasi_berjalan", d0)
    g.mediasi(sk, r, _sampai_pemeriksaan(g, sk, r, d0))


def j_ajudikasi_berjalan(g, d0):
    sk, r = g.baru("ajudikasi_berjalan", d0, alasan="a")
    g.ajudikasi(sk, r, _sampai_pemeriksaan(g, sk, r, d0))


def j_mediasi_berhasil(g, d0, *, pemohon=None):
    sk, r = g.baru("mediasi_berhasil", d0, pemohon=pemohon)
    pa = _sampai_pemeriksaan(g, sk, r, d0)
    g.mediasi(sk, r, pa)
    g.mediasi_berhasil(sk, r, sk.hk(pa, g.rng.randint(3, 15)))
    return sk, r


def _putusan(g, d0, jalur, *, jalan="putusan", pemohon=None):
    alasan = "ac" if jalur == "A" and g.rng.random() < 0.5 else None
    sk, r = g.baru(jalan, d0, alasan=alasan, pemohon=pemohon)
    pa = _sampai_pemeriksaan(g, sk, r, d0)
    if jalur == "M-A":
        g.mediasi(sk, r, pa)
        d = sk.hk(pa, g.rng.randint(3, 14))
        g.mediasi_gagal(sk, r, d)
    else:
        d = pa
        g.ajudikasi(sk, r, d)
    d = sk.hk(d, g.rng.randint(5, 40))
    g.tutup(sk, r, d)
    g.bacakan(sk, r, sk.hk(d, g.rng.randint(3, 45)), next(g.amar))
    return sk, r


def _setelah_putusan(g, sk, r, akhir):
    p = r.selesai
    if akhir == "diputus":
        return
    g.salinan(sk, r, sk.hk(p, 2))
    if akhir == "inkracht":
        g.inkracht(sk, r, sk.hk(p, 20))
        return
    pengadilan = g.rng.choice(["PTUN Samarinda", "PTUN Jakarta", "PN Samarinda"])
    telat = akhir == "terlambat"
    g.keberatan(sk, r, sk.hk(p, 22 if telat else 6), pengadilan, telat)
    if akhir in ("pengadilan_final", "kasasi"):
        g.putusan_pengadilan(sk, r, sk.hk(p, 60), final=akhir == "pengadilan_final")
    if akhir == "kasasi":
        g.putusan_pengadilan(sk, r, sk.hk(p, 90), final=True)


AKHIR = ["diputus", "inkracht", "inkracht", "inkracht", "keberatan", "terlambat",
         "pengadilan_final", "kasasi"]  # fmt: skip


def j_putusan_ma(g, d0):
    sk, r = _putusan(g, d0, "M-A")
    _setelah_putusan(g, sk, r, next(g.akhir))


def j_putusan_a(g, d0):
    sk, r = _putusan(g, d0, "A")
    _setelah_putusan(g, sk, r, next(g.akhir))


def j_sela(g, d0):
    dasar = next(g.dasar)
    sk, r = g.baru("sela", d0)
    temuan = {
        "tidak_berwenang": {"berwenang": False},
        "legal_standing_pemohon": {"legal_standing_pemohon": False},
        "legal_standing_termohon": {"legal_standing_termohon": False},
        "daluwarsa": {"dalam_jangka_waktu": False},
        "prematur": {"dalam_jangka_waktu": False},
        "itikad_tidak_baik": {},
    }[dasar]
    pa = _sampai_pemeriksaan(g, sk, r, d0, **temuan)
    g.sela(sk, r, sk.hk(pa, g.rng.randint(0, 3)), dasar)


def j_limpah(g, d0):
    sk, r = g.baru("limpah", d0)
    pa = _sampai_pemeriksaan(g, sk, r, d0, berwenang=False)
    g.limpahkan(sk, r, sk.hk(pa, g.rng.randint(1, 3)))


def j_gugur(g, d0):
    sk, r = g.baru("gugur", d0)
    R = _reg(g, sk, r, d0)
    absen = {"pemohon": "tidak_hadir_tanpa_alasan", "termohon": "hadir", "patut": True}
    g.sidang(sk, r, "pemeriksaan_awal", sk.hk(R, 8), **absen)
    akhir = sk.hk(R, 12)
    g.sidang(sk, r, "pemeriksaan_awal", akhir, **absen)
    g.gugurkan(sk, r, akhir)


def j_cabut_pasca(g, d0):
    sk, r = g.baru("cabut_pasca", d0)
    tahap = g.rng.choice(["teregistrasi", "pemeriksaan", "mediasi"])
    if tahap == "teregistrasi":
        R = sk.hk(d0, 1)
        g.registrasi(sk, r, R)
        g.cabut(sk, r, sk.hk(R, g.rng.randint(1, 10)))
        return
    pa = _sampai_pemeriksaan(g, sk, r, d0)
    if tahap == "mediasi":
        g.mediasi(sk, r, pa)
    g.cabut(sk, r, sk.hk(pa, g.rng.randint(1, 10)))


def j_koreksi_putusan(g, d0):
    """A ruling read and corrected (void), then read again later with another amar."""
    sk, r = _putusan(g, d0, "M-A", jalan="koreksi_putusan")
    pertama, amar_pertama = r.selesai, r.amar
    g.koreksi(sk, pertama)
    r.status, r.selesai, r.amar = S.MUSYAWARAH, None, ""
    amar = next(a for a in Amar.values if a != amar_pertama)
    g.bacakan(sk, r, sk.hk(pertama, 5), amar)
    _setelah_putusan(g, sk, r, "inkracht")


def j_koreksi_registrasi(g, d0):
    """A registration undone (its number struck out), registered again 3 WD later."""
    sk, r = g.baru("koreksi_registrasi", d0)
    R1 = sk.hk(d0, 1)
    g.registrasi(sk, r, R1)
    g.koreksi(sk, sk.hk(R1, 1))
    r.status, r.registrasi = S.DITERIMA, None
    r.dicoret_koreksi.append(sk.hk(R1, 1))
    R2 = sk.hk(R1, 3)
    g.registrasi(sk, r, R2)
    g.majelis(sk, r, sk.hk(R2, 2))
    pa = sk.hk(R2, 8)
    g.pemeriksaan_awal(sk, r, pa)
    g.mediasi(sk, r, pa)
    g.mediasi_berhasil(sk, r, sk.hk(pa, 5))


def j_koreksi_cabut(g, d0):
    """A withdrawal undone: the case is open again and its number no longer struck out."""
    sk, r = g.baru("koreksi_cabut", d0)
    R = sk.hk(d0, 1)
    g.registrasi(sk, r, R)
    c = sk.hk(R, 4)
    g.cabut(sk, r, c)
    g.koreksi(sk, sk.hk(c, 1))
    r.status, r.selesai = S.TEREGISTRASI, None


def j_koreksi_keberatan(g, d0):
    """An objection recorded by mistake and undone; the ruling then becomes final with no
    objection standing."""
    sk, r = _putusan(g, d0, "A", jalan="koreksi_keberatan")
    p = r.selesai
    g.salinan(sk, r, sk.hk(p, 2))
    g.keberatan(sk, r, sk.hk(p, 6), "PTUN Samarinda", False)
    g.koreksi(sk, sk.hk(p, 7))
    r.keberatan.clear()
    r.status = S.DIPUTUS
    g.inkracht(sk, r, sk.hk(p, 20))


# path -> (per year, longest span in WD)
JALAN = {
    j_diterima: (2, 0), j_menunggu: (2, 0), j_tidak_reg: (4, 12), j_cabut_pra: (4, 6),
    j_teregistrasi: (3, 4), j_pemeriksaan: (2, 16), j_mediasi_berjalan: (1, 20),
    j_ajudikasi_berjalan: (1, 20), j_mediasi_berhasil: (10, 36), j_putusan_ma: (8, 220),
    j_putusan_a: (6, 200), j_sela: (4, 24), j_limpah: (3, 24), j_gugur: (3, 20),
    j_cabut_pasca: (5, 32),
}  # fmt: skip
KOREKSI = (j_koreksi_putusan, j_koreksi_registrasi, j_koreksi_cabut, j_koreksi_keberatan)


def hari_kerja_acak(rng, kal, awal: date, akhir: date) -> date:
    while True:
        d = awal + timedelta(days=rng.randint(0, max((akhir - awal).days, 0)))
        if kal.adalah_hari_kerja(d):
            return d


def bangun_dunia(persona, rng) -> list[Rencana]:
    kal = Kalender.untuk(persona.komisi)
    aktor_pusat = Aktor(persona.panitera_lain, None, None, [], None, None, None)
    g = Penggerak(persona, aktor_pusat, None, rng)
    for tahun in (2024, 2025, 2026):
        awal = date(tahun, 1, 2)
        for fungsi, (n, panjang) in JALAN.items():
            akhir = min(date(tahun, 12, 20), kal.tambah(BATAS, -panjang - 2))
            for _ in range(n):
                fungsi(g, hari_kerja_acak(rng, kal, awal, akhir))
        for fungsi in KOREKSI:
            fungsi(
                g, hari_kerja_acak(rng, kal, awal, min(date(tahun, 7, 31), kal.tambah(BATAS, -150)))
            )
        # A serial filer: six registers a year, all settled by mediation.
        for _ in range(6):
            d0 = hari_kerja_acak(rng, kal, awal, min(date(tahun, 10, 31), kal.tambah(BATAS, -40)))
            j_mediasi_berhasil(g, d0, pemohon=(SERIAL, "badan_hukum"))
    # Registered in December, finished in January (mediation; adjudication; withdrawal).
    for tahun in (2024, 2025):
        sk, r = g.baru("desember", date(tahun, 12, 9))
        g.registrasi(sk, r, date(tahun, 12, 10))
        g.majelis(sk, r, date(tahun, 12, 11))
        g.pemeriksaan_awal(sk, r, date(tahun, 12, 17))
        g.mediasi(sk, r, date(tahun, 12, 17))
        g.mediasi_berhasil(sk, r, date(tahun + 1, 1, 7))
        sk, r = g.baru("desember", date(tahun, 12, 2), alasan="c")
        g.registrasi(sk, r, date(tahun, 12, 2))
        g.majelis(sk, r, date(tahun, 12, 4))
        g.pemeriksaan_awal(sk, r, date(tahun, 12, 9))
        g.ajudikasi(sk, r, date(tahun, 12, 9))
        g.tutup(sk, r, date(tahun, 12, 16))
        g.bacakan(sk, r, date(tahun + 1, 1, 8), "dikabulkan_sebagian")
        sk, r = g.baru("desember", date(tahun, 12, 16))
        g.registrasi(sk, r, date(tahun, 12, 16))
        g.cabut(sk, r, date(tahun + 1, 1, 6))
    # KI Pusat's own registers, one withdrawn across its office closure day.
    for d in (date(2025, 2, 3), date(2025, 5, 5), date(2025, 9, 1), date(2026, 3, 2)):
        sk, r = g.baru("pusat", d, komisi=persona.pusat)
        g.registrasi(sk, r, d)
        if d.month in (2, 5):
            g.cabut(sk, r, sk.hk(d, 15))
    return g.rencana


# -- the expected figures, from the plans only ---------------------------------------------------


def _dalam(d, p: Periode) -> bool:
    return d is not None and p.mulai <= d <= p.selesai


def _persen(a, b):
    return round(100 * a / b, 1) if b else None


def harapan_register(rs, p: Periode):
    m, s = p.mulai, p.selesai
    reg = [r for r in rs if r.registrasi]
    selesai = [r for r in reg if _dalam(r.selesai, p)]
    sisa_awal = sum(1 for r in reg if r.registrasi < m and not (r.selesai and r.selesai < m))
    n_reg = sum(1 for r in reg if _dalam(r.registrasi, p))
    lama = sum(1 for r in selesai if r.registrasi < m)
    register = {
        "sisa_tahun_lalu": sisa_awal,
        "diregistrasi": n_reg,
        "selesai": len(selesai),
        "selesai_register_periode": len(selesai) - lama,
        "selesai_register_lama": lama,
        "sisa_tahun_berikut": sum(
            1 for r in reg if r.registrasi <= s and (r.selesai is None or r.selesai > s)
        ),
    }

    def belum(r, hari, awal):
        # received, not registered, not closed: at the start (before m) or at the end (by s)
        if awal:
            return (r.diterima < hari and (r.registrasi is None or r.registrasi >= hari)
                    and not (r.selesai and r.selesai < hari))  # fmt: skip
        return (r.diterima <= hari and (r.registrasi is None or r.registrasi > hari)
                and (r.selesai is None or r.selesai > hari))  # fmt: skip

    permohonan = {
        "belum_diregistrasi_awal": sum(belum(r, m, True) for r in rs),
        "diterima": sum(_dalam(r.diterima, p) for r in rs),
        "dilimpahkan_masuk": sum(_dalam(r.diterima, p) and r.dilimpahkan_masuk for r in rs),
        "diregistrasi": n_reg,
        "tidak_diregistrasi": sum(
            r.status == S.TIDAK_DIREGISTRASI and _dalam(r.selesai, p) for r in rs
        ),
        "dicabut_sebelum_registrasi": sum(
            r.status == S.DICABUT and not r.registrasi and _dalam(r.selesai, p) for r in rs
        ),
        "belum_diregistrasi_akhir": sum(belum(r, s, False) for r in rs),
    }
    cabut = sum(r.status == S.DICABUT and bool(r.registrasi) and _dalam(r.selesai, p) for r in rs)
    koreksi = sum(_dalam(d, p) for r in rs for d in r.dicoret_koreksi)
    return {
        "register": register,
        "permohonan": permohonan,
        "nomor_dicoret": {
            "karena_pencabutan": cabut,
            "karena_koreksi": koreksi,
            "jumlah": cabut + koreksi,
        },
        "penyelesaian": {"persen_selesai": _persen(len(selesai), sisa_awal + n_reg)},
    }


def _selesai(rs, p):
    return [r for r in rs if r.registrasi and _dalam(r.selesai, p)]


def harapan_penyelesaian(rs, p: Periode):
    jalur = ("M", "A", "M-A", "")
    hasil = defaultdict(lambda: [0] * 5)

    def tambah(kode, r):
        hasil[kode][0] += 1
        hasil[kode][1 + jalur.index(r.jalur)] += 1

    baris = ["putusan_mediasi", "putusan_ajudikasi", *Amar.values, "putusan_sela",
             *DasarPutusanSela.values, "gugur", "dicabut", "dilimpahkan", "jumlah"]  # fmt: skip
    for kode in baris:
        hasil[kode] = [0] * 5  # every row, zero or not
    sekarang = Counter()
    for r in _selesai(rs, p):
        tambah(HASIL[r.status], r)
        tambah("jumlah", r)
        if r.status in PUTUSAN_AJUDIKASI:
            tambah(r.amar, r)
            sekarang[f"{r.status}.{r.amar}"] += 1
        else:
            sekarang[r.status] += 1
        if r.status == S.TIDAK_DITERIMA:
            tambah(r.dasar, r)
    kolom = ("jumlah", "jalur_m", "jalur_a", "jalur_ma", "jalur_belum")
    return (
        {k: dict(zip(kolom, v, strict=True)) for k, v in hasil.items()},
        {**sekarang, "jumlah": sum(sekarang.values())},
    )


def _ringkas(hk: list[int], batas=100):
    if not hk:
        return (0, None, None, None, 0, None)
    hk = sorted(hk)
    n = len(hk)
    median = hk[n // 2] if n % 2 else (hk[n // 2 - 1] + hk[n // 2]) / 2
    dalam = sum(1 for x in hk if x <= batas)
    return (n, round(sum(hk) / n, 1), round(float(median), 1), hk[-1], dalam, _persen(dalam, n))


def harapan_durasi(rs, p: Periode, kalender: dict, hari: dict):
    per = defaultdict(list)
    for r in _selesai(rs, p):
        hk = kalender[r.komisi].hitung(r.registrasi, r.selesai)
        per[HASIL[r.status]].append(hk)
        per["jumlah"].append(hk)
    kode = ["putusan_mediasi", "putusan_ajudikasi", "putusan_sela", "gugur", "dicabut",
            "dilimpahkan", "jumlah"]  # fmt: skip
    selesai = {k: _ringkas(per[k]) for k in kode}
    umur = []
    for r in rs:
        acuan = min(p.selesai, hari[r.komisi])  # open cases are measured at S, or today
        if r.registrasi and r.registrasi <= acuan and (r.selesai is None or r.selesai > acuan):
            umur.append(kalender[r.komisi].hitung(r.registrasi, acuan))
    lewat = [u for u in umur if u > 100]

    def ringkas(x):
        return (len(x), round(sum(x) / len(x), 1) if x else None, max(x) if x else None)

    batas = [(0, 20), (21, 40), (41, 60), (61, 80), (81, 100), (101, 150), (151, 200)]
    sebaran = {f"hk_{a}_{b}": (sum(a <= x <= b for x in per["jumlah"]),) for a, b in batas}
    sebaran["hk_lebih_200"] = (sum(x > 200 for x in per["jumlah"]),)
    return selesai, sebaran, {"berjalan": ringkas(umur), "lewat_batas": ringkas(lewat)}


def harapan_pihak(rs, p: Periode):
    reg = [r for r in rs if _dalam(r.registrasi, p)]
    n = len(reg)
    jenis = Counter(r.jenis for r in reg)
    nama = Counter(r.pemohon for r in reg)
    urut = sorted(nama.items(), key=lambda x: (-x[1], x[0].upper()))
    serial = [(a, b) for a, b in urut if b >= 5]
    lain = [(a, b) for a, b in urut if b < 5][:10]
    badan = Counter(r.badan for r in reg)
    badan_urut = sorted(badan.items(), key=lambda x: (-x[1], x[0].upper()))[:10]
    kategori = Counter(r.kategori for r in reg)
    alasan = {a: sum(a in r.alasan for r in reg) for a in "abcdefg"}
    return {
        "jenis": {j: jenis.get(j, 0) for j in ("perorangan", "badan_hukum", "kelompok_orang")}
        | {"jumlah": n},
        "serial": serial,
        "teratas": lain,
        "kategori": {k: kategori.get(k, 0) for k in KategoriBadanPublik.values} | {"jumlah": n},
        "termohon_teratas": badan_urut,
        "alasan": alasan | {"jumlah": n},
    }


def harapan_sidang(rs, p: Periode):
    status = ("selesai", "ditunda", "batal", "dijadwalkan")
    per = {j: [0] * 5 for j in [*JenisSidang.values, "jumlah"]}
    hadir = {k: Counter() for k in ("pemohon", "termohon")}
    for r in rs:
        for jenis, d, st, pemohon, termohon in r.sidang:
            if not _dalam(d, p):
                continue
            for k in (jenis, "jumlah"):
                per[k][0] += 1
                per[k][1 + status.index(st)] += 1
            if st == StatusSidang.SELESAI:
                hadir["pemohon"][pemohon] += 1
                hadir["termohon"][termohon] += 1
    kolom = ("jumlah", *status)
    tabel = {j: dict(zip(kolom, v, strict=True)) for j, v in per.items()}
    kehadiran = {}
    for peran, c in [*hadir.items(), ("jumlah", hadir["pemohon"] + hadir["termohon"])]:
        baris = {s.value: c.get(s.value, 0) for s in StatusKehadiran}
        kehadiran[peran] = {
            "jumlah": sum(baris.values()),
            **baris,
            "tidak_hadir": baris["tidak_hadir_dengan_alasan"] + baris["tidak_hadir_tanpa_alasan"],
        }
    return tabel, kehadiran


def harapan_pengadilan(rs, p: Periode):
    keberatan = [k for r in rs for k in r.keberatan if _dalam(k[2], p)]
    per_jenis = {j: {"jumlah": 0, "terlambat": 0} for j in JenisPengadilan.values}
    per_nama = defaultdict(lambda: [0, 0])
    for jenis, nama, _d, telat in keberatan:
        per_jenis[jenis]["jumlah"] += 1
        per_jenis[jenis]["terlambat"] += telat
        per_nama[nama][0] += 1
        per_nama[nama][1] += telat
    per_jenis["jumlah"] = {"jumlah": len(keberatan), "terlambat": sum(k[3] for k in keberatan)}
    inkracht = [r for r in rs if _dalam(r.inkracht, p)]
    tanpa = sum(1 for r in inkracht if not r.keberatan)
    putusan = [f for r in rs for d, f in r.putusan_pengadilan if _dalam(d, p)]
    return {
        "per_jenis": per_jenis,
        "per_pengadilan": sorted(
            ((n, v[0], v[1]) for n, v in per_nama.items()), key=lambda x: (-x[1], x[0])
        ),
        "inkracht": (tanpa, len(inkracht) - tanpa),
        "putusan": (sum(putusan), len(putusan) - sum(putusan)),
    }


def harapan_bulanan(rs, p: Periode):
    hasil = {}
    for y, m in p.bulan_bulan():
        bulan = Periode.bulan(y, m)
        hasil[f"{y}-{m:02d}"] = (
            sum(_dalam(r.diterima, bulan) for r in rs),
            sum(_dalam(r.registrasi, bulan) for r in rs),
            sum(bool(r.registrasi) and _dalam(r.selesai, bulan) for r in rs),
        )
    return hasil


# -- the generated data set -----------------------------------------------------------------------


@dataclass
class Dunia:
    persona: object
    rencana: list[Rencana]
    kalender: dict

    @property
    def komisi(self):
        return (self.persona.komisi, self.persona.pusat)

    def milik(self, *kode):
        return [r for r in self.rencana if r.komisi in kode]


@pytest.fixture(scope="class")
def dunia(django_db_setup, django_db_blocker):
    """Built once for the class inside a transaction that is rolled back at its end."""
    from sengketa.libur import muat_csv
    from tests.conftest import Persona
    from tests.factories import BadanPublikFactory, KomisiFactory

    hasher = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=hasher),
        transaction.atomic(),
    ):
        muat_csv()
        kaltim = KomisiFactory()
        pusat = KomisiFactory(
                kode="KI-PUSAT", nama="Komisi Informasi Pusat", tingkat="pusat",
                zona_waktu="Asia/Jakarta",
                template_nomor_register="{seq:03}/{bulan_romawi}/KIP-PS/{tahun}",
            )  # fmt: skip
        for i, k in enumerate(KategoriBadanPublik.values):
            BadanPublikFactory(komisi=kaltim, nama=f"Badan {i:02d} {k}", kategori=k)
        BadanPublikFactory(komisi=kaltim, nama="Dinas Pendidikan", kategori="perangkat_daerah")
        BadanPublikFactory(komisi=pusat, nama="Kementerian Contoh", kategori="kementerian_lembaga")
        # Each commission's own days off: a week of suspension at Kaltim, a closure at Pusat.
        Penangguhan.objects.create(
                komisi=kaltim, mulai=date(2025, 6, 2), selesai=date(2025, 6, 6),
                dasar="SE Ketua KIP Kaltim 1/2025", keterangan="Renovasi ruang sidang",
            )  # fmt: skip
        HariLibur.objects.create(
                komisi=pusat, tanggal=date(2025, 2, 14), jenis="penutupan_kantor",
                keterangan="Penutupan kantor", dasar="SK Ketua KI Pusat 2/2025",
            )  # fmt: skip
        persona = Persona(kaltim, pusat)
        persona.pusat = pusat
        rencana = bangun_dunia(persona, random.Random(2024))
        kalender = {k.kode: Kalender.untuk(k) for k in (kaltim, pusat)}
        yield Dunia(persona, rencana, kalender)
        transaction.set_rollback(True)


PERIODE = [
    Periode.tahun(2024),
    Periode.tahun(2025),
    Periode.tahun(2026),
    Periode(date(2024, 7, 1), date(2025, 6, 30)),
    Periode(date(2024, 1, 1), date(2026, 12, 31)),
]


@pytest.mark.django_db
class TestDataTigaTahun:
    def test_rencana_mencakup_setiap_jalan(self, dunia):
        rs = dunia.rencana
        assert len(rs) >= 200
        status = {r.status for r in rs}
        assert status == {s.value for s in S} - {S.MUSYAWARAH}
        assert {r.amar for r in rs if r.amar} == set(Amar.values)
        assert {r.dasar for r in rs if r.dasar} == set(DasarPutusanSela.values)
        assert {r.jalur for r in rs} == {"", "M", "A", "M-A"}
        lintas = [
            r for r in rs if r.registrasi and r.selesai and r.selesai.year > r.registrasi.year
        ]
        assert any(r.registrasi.month == 12 and r.selesai.month == 1 for r in lintas)
        assert any(k[3] for r in rs for k in r.keberatan)  # a late objection
        assert any(not f for r in rs for _d, f in r.putusan_pengadilan)  # kasasi open
        assert sum(1 for r in rs if r.dicoret_koreksi) == 3

    def test_kolom_kasus_sama_dengan_rencana_dan_riwayat(self, dunia):
        """The service reads the case columns; after corrections they must still equal both
        the plan and the effective dates of the history rows in force."""
        kasus_db = list(Sengketa.objects.order_by("pk"))
        assert len(kasus_db) == len(dunia.rencana)
        for s, r in zip(kasus_db, dunia.rencana, strict=True):
            assert (s.komisi.kode, s.tanggal_diterima, s.tanggal_registrasi, s.tanggal_selesai,
                    s.status, s.amar, s.jalur) == (r.komisi, r.diterima, r.registrasi, r.selesai,
                                                   r.status, r.amar, r.jalur), r.jalan  # fmt: skip
            berlaku = RiwayatStatus.objects.filter(sengketa=s, ubah_status=True, dikoreksi=False)
            reg = [h.tanggal for h in berlaku if h.transisi == "registrasi"]
            assert reg == ([r.registrasi] if r.registrasi else [])

    @pytest.mark.parametrize("periode", PERIODE, ids=lambda p: f"{p.mulai}_{p.selesai}")
    def test_semua_tabel_kaltim(self, dunia, periode):
        self._cocokkan(dunia, dunia.persona.komisi, ("KIP-KALTIM",), periode)

    @pytest.mark.parametrize(
        "periode", [Periode.tahun(2025), Periode.tahun(2026)], ids=lambda p: str(p.mulai.year)
    )
    def test_semua_tabel_kaltim_dan_pusat_bersama(self, dunia, periode):
        p = dunia.persona
        self._cocokkan(dunia, [p.komisi, p.pusat], ("KIP-KALTIM", "KI-PUSAT"), periode)

    def test_pusat_sendiri_dengan_hari_libur_kantornya(self, dunia):
        rs = dunia.milik("KI-PUSAT")
        t = hitung_semua(dunia.persona.pusat, Periode.tahun(2025))
        assert t["register"]["permohonan"].nilai("dilimpahkan_masuk") == sum(
            r.dilimpahkan_masuk and r.diterima.year == 2025 for r in rs
        )
        # The withdrawal registered 3 Feb is 15 WD long on Pusat's calendar, which closes on
        # 14 Feb; Kaltim's calendar, open that day, would make it 16.
        cabut = next(r for r in rs if r.status == S.DICABUT and r.registrasi.month == 2)
        assert t["durasi"]["selesai"].nilai("dicabut", "maksimum") == 15
        assert dunia.kalender["KIP-KALTIM"].hitung(cabut.registrasi, cabut.selesai) == 16

    def _cocokkan(self, dunia, komisi, kode, periode):
        rs = dunia.milik(*kode)
        t = hitung_semua(komisi, periode)
        assert list(t) == ["register", "penyelesaian", "durasi", "pemohon", "termohon",
                           "alasan", "sidang", "pengadilan", "bulanan"]  # fmt: skip
        assert [x.nomor for x in t.values()] == list(range(1, 10))

        # 1
        h = harapan_register(rs, periode)
        for bagian, nilai in h.items():
            assert t["register"][bagian].sebagai_dict() == nilai, bagian
        reg = h["register"]
        assert (reg["sisa_tahun_lalu"] + reg["diregistrasi"] - reg["selesai"]
                == reg["sisa_tahun_berikut"])  # fmt: skip
        # 2
        hasil, sekarang = harapan_penyelesaian(rs, periode)
        assert t["penyelesaian"]["hasil"].sebagai_dict() == hasil
        assert t["penyelesaian"]["status_sekarang"].sebagai_dict() == sekarang
        assert hasil["jumlah"]["jumlah"] == reg["selesai"]
        # 3
        hari = {k.kode: hari_ini(k) for k in dunia.komisi if k.kode in kode}
        selesai, sebaran, berjalan = harapan_durasi(rs, periode, dunia.kalender, hari)
        durasi = t["durasi"]
        assert {
            b.kode: b.nilai for b in (*durasi["selesai"].baris, durasi["selesai"].total)
        } == selesai
        assert {b.kode: b.nilai for b in durasi["berjalan"].baris} == berjalan
        assert {b.kode: b.nilai for b in durasi["sebaran"].baris} == sebaran
        # 4, 5, 6
        h = harapan_pihak(rs, periode)
        assert t["pemohon"]["per_jenis"].per_kolom("jumlah") == h["jenis"]
        assert [(b.label, b.nilai[0]) for b in t["pemohon"]["serial"].baris] == h["serial"]
        assert [(b.label, b.nilai[0]) for b in t["pemohon"]["teratas"].baris] == h["teratas"]
        assert t["termohon"]["per_kategori"].per_kolom("jumlah") == h["kategori"]
        assert [(b.label, b.nilai[0]) for b in t["termohon"]["teratas"].baris] == h[
            "termohon_teratas"
        ]
        assert t["alasan"]["alasan"].per_kolom("jumlah") == h["alasan"]
        # 7
        per_jenis, kehadiran = harapan_sidang(rs, periode)
        assert t["sidang"]["per_jenis"].sebagai_dict() == per_jenis
        assert t["sidang"]["kehadiran"].sebagai_dict() == kehadiran
        # 8
        h = harapan_pengadilan(rs, periode)
        assert t["pengadilan"]["per_jenis"].sebagai_dict() == h["per_jenis"]
        assert [(b.label, *b.nilai) for b in t["pengadilan"]["per_pengadilan"].baris] == h[
            "per_pengadilan"
        ]
        ink = t["pengadilan"]["inkracht"]
        assert (
            ink.nilai("tanpa_keberatan", "jumlah"),
            ink.nilai("setelah_keberatan", "jumlah"),
        ) == h["inkracht"]
        pp = t["pengadilan"]["putusan_pengadilan"]
        assert (pp.nilai("final"), pp.nilai("belum_final")) == h["putusan"]
        # 9
        bulanan = {b.kode: b.nilai for b in t["bulanan"]["bulanan"].baris}
        assert bulanan == harapan_bulanan(rs, periode)
        assert t["bulanan"]["bulanan"].total.nilai == tuple(
            map(sum, zip(*bulanan.values(), strict=True))
        )


# -- one definition per test -------------------------------------------------------------------


def test_periode():
    p = Periode.tahun(2024)
    assert (p.mulai, p.selesai, p.tahun_penuh, p.label) == (
        date(2024, 1, 1), date(2024, 12, 31), 2024, "2024"
    )  # fmt: skip
    assert date(2024, 12, 31) in p and date(2025, 1, 1) not in p
    assert Periode.bulan(2024, 12) == Periode(date(2024, 12, 1), date(2024, 12, 31))
    assert Periode.bulan(2024, 2).label == "Februari 2024"
    r = Periode(date(2024, 11, 15), date(2025, 2, 1))
    assert r.tahun_penuh is None and r.hari_sesudah == date(2025, 2, 2)
    assert r.bulan_bulan() == ((2024, 11), (2024, 12), (2025, 1), (2025, 2))
    assert r.label == "15 November 2024 – 1 Februari 2025"
    with pytest.raises(ValueError):
        Periode(date(2024, 2, 1), date(2024, 1, 31))
    with pytest.raises(TypeError):
        Periode(datetime(2024, 1, 1), date(2024, 1, 31))


def test_indeks_hari_kerja_sama_dengan_kalender():
    """The cumulative index answers exactly as Kalender.hitung, inside its span, outside it
    and backwards, with a commission's own closure in the calendar."""
    kal = Kalender.dari_baris(
        [*((b.tanggal, b.jenis, b.keterangan) for b in _csv()),
         (date(2025, 6, 3), "penangguhan", "Penangguhan")]
    )  # fmt: skip
    indeks = IndeksHariKerja(kal, date(2024, 1, 1), date(2026, 12, 31))
    rng = random.Random(5)
    for _ in range(3000):
        a = date(2023, 6, 1) + timedelta(days=rng.randint(0, 1500))
        b = a + timedelta(days=rng.randint(-30, 400))
        assert indeks.hk(a, b) == kal.hitung(a, b), (a, b)
    # kalender.md's worked example: 100 WD after 6 March 2024 is 15 August 2024.
    assert indeks.hk(date(2024, 3, 6), date(2024, 8, 15)) == 100
    assert IndeksHariKerja.meliputi(kal, []).hk(date(2024, 3, 6), date(2024, 8, 15)) == 100


def _csv():
    from sengketa.kalender import baca_csv

    return baca_csv()


def test_ringkasan_sebaran():
    r = Ringkasan.dari(Counter({10: 2, 30: 1, 120: 1}), 100)
    assert (r.jumlah, r.rata_rata, r.median, r.maksimum, r.dalam_batas) == (4, 42.5, 20.0, 120, 3)
    r = Ringkasan.dari(Counter({7: 1, 8: 1, 101: 1}), 100)
    assert (r.median, r.rata_rata, r.dalam_batas) == (8.0, 38.7, 2)
    kosong = Ringkasan.dari(Counter(), 100)
    assert (kosong.jumlah, kosong.rata_rata, kosong.median, kosong.maksimum) == (
        0,
        None,
        None,
        None,
    )


def test_bentuk_tabel():
    from sengketa.statistik.bentuk import Bagian, Baris, Kolom

    b = Bagian(
        "x", "X", (Kolom("a", "A"), Kolom("b", "B")),
        (Baris("r1", "R1", (1, 2)), Baris("r2", "R2", (3, None), 1)),
        Baris("jumlah", "Jumlah", (4, 2)),
    )  # fmt: skip
    assert b.nilai("r2", "a") == 3 and b.nilai("jumlah", "b") == 2
    assert b.per_kolom("a") == {"r1": 1, "r2": 3, "jumlah": 4}
    assert b.sebagai_dict()["r2"] == {"a": 3, "b": None}
    with pytest.raises(KeyError):
        b.nilai("tidak_ada", "a")


def test_cakupan_ditolak_tanpa_komisi(db):
    from sengketa.statistik import cakupan

    with pytest.raises(TypeError):
        cakupan("KIP-KALTIM")
    with pytest.raises(ValueError):
        cakupan([])


def test_koreksi_putusan_berpindah_tahun(persona):
    """A ruling read in 2024 and undone: 2024 no longer counts it finished; read again in
    January 2025 with another amar, it is finished in 2025 with that amar."""
    sk = kasus(persona, S.DIPUTUS)
    dibaca = sk.sengketa.tanggal_putusan
    t = tabel_register(persona.komisi, Periode.tahun(2024))["register"]
    assert (t.nilai("selesai"), t.nilai("sisa_tahun_berikut")) == (1, 0)
    sk.sengketa = L.sengketa_koreksi(
        sengketa_id=sk.id, oleh=persona.ketua, alasan="Amar salah ketik", tanggal=dibaca
    )
    sk.bacakan_putusan(date(2025, 1, 8), amar="ditolak")
    t24 = hitung_semua(persona.komisi, Periode.tahun(2024))
    t25 = hitung_semua(persona.komisi, Periode.tahun(2025))
    assert t24["register"]["register"].nilai("selesai") == 0
    assert t24["register"]["register"].nilai("sisa_tahun_berikut") == 1
    assert t24["penyelesaian"]["hasil"].nilai("putusan_ajudikasi", "jumlah") == 0
    assert t25["register"]["register"].nilai("selesai_register_lama") == 1
    assert t25["penyelesaian"]["hasil"].per_kolom("jumlah")["ditolak"] == 1
    assert t25["penyelesaian"]["hasil"].per_kolom("jumlah")["dikabulkan_seluruhnya"] == 0
    # both readings were held hearings
    assert t24["sidang"]["per_jenis"].nilai("pembacaan_putusan", "selesai") == 1
    assert t25["sidang"]["per_jenis"].nilai("pembacaan_putusan", "selesai") == 1


def test_koreksi_registrasi_mencoret_nomor(persona):
    sk = kasus(persona, S.TEREGISTRASI)
    sk.sengketa = L.sengketa_koreksi(
        sengketa_id=sk.id, oleh=persona.ketua, alasan="Berkas belum lengkap", tanggal=MULAI
    )
    t = tabel_register(persona.komisi, Periode.tahun(2024))
    assert t["register"].nilai("diregistrasi") == 0
    assert t["nomor_dicoret"].per_kolom("jumlah") == {
        "karena_pencabutan": 0, "karena_koreksi": 1, "jumlah": 1
    }  # fmt: skip
    assert t["permohonan"].nilai("belum_diregistrasi_akhir") == 1
    sk.registrasi(sk.hk(MULAI, 3))
    t = tabel_register(persona.komisi, Periode.tahun(2024))
    assert t["register"].nilai("diregistrasi") == 1
    assert t["nomor_dicoret"].total.nilai == (1,)
    assert t["permohonan"].nilai("belum_diregistrasi_akhir") == 0


def test_pelimpahan_dihitung_di_kedua_komisi(persona, pusat):
    kasus(persona, S.DILIMPAHKAN)
    p = Periode.tahun(2024)
    asal = hitung_semua(persona.komisi, p)
    tujuan = tabel_register(pusat, p)
    bersama = tabel_register([persona.komisi, pusat], p)
    assert asal["penyelesaian"]["hasil"].nilai("dilimpahkan", "jumlah") == 1
    assert asal["register"]["register"].nilai("selesai") == 1
    assert tujuan["permohonan"].per_kolom("jumlah") | {} == {
        "belum_diregistrasi_awal": 0, "diterima": 1, "dilimpahkan_masuk": 1, "diregistrasi": 0,
        "tidak_diregistrasi": 0, "dicabut_sebelum_registrasi": 0, "belum_diregistrasi_akhir": 1,
    }  # fmt: skip
    assert bersama["permohonan"].nilai("diterima") == 2
    assert bersama["register"].nilai("selesai") == 1


def test_sidang_menurut_tanggal_di_zona_komisi(persona):
    """07:30 WITA on Friday 1 March 2024 is still 29 February in UTC: the hearing belongs to
    March, the commission's day."""
    sk = persona.skenario()
    sk.terima(date(2024, 2, 20)).registrasi(date(2024, 2, 20))
    sk.tetapkan_majelis(date(2024, 2, 22))
    mulai = datetime.combine(date(2024, 3, 1), time(7, 30), tzinfo=zona("Asia/Makassar"))
    sidang = LS.sidang_jadwalkan(
        sengketa_id=sk.id, oleh=persona.pp, jenis="pemeriksaan_awal", mulai=mulai,
        ruang="Ruang 1", tempat="Kantor", agenda="PA",
    ).sidang  # fmt: skip
    assert sidang.mulai.astimezone(zona("UTC")).date() == date(2024, 2, 29)
    maret = tabel_sidang(persona.komisi, Periode.bulan(2024, 3))["per_jenis"]
    februari = tabel_sidang(persona.komisi, Periode.bulan(2024, 2))["per_jenis"]
    assert maret.nilai("pemeriksaan_awal", "dijadwalkan") == 1
    assert februari.total.nilai[0] == 0


def test_lewat_100_hari_kerja(persona):
    """Registered 6 March 2024: 100 WD ends 15 August 2024 (kalender.md). Open on that day
    it has run 100 WD, not more; the next working day it is past the limit."""
    kasus(persona, S.TEREGISTRASI)
    pada = tabel_durasi(persona.komisi, Periode(date(2024, 1, 1), date(2024, 8, 15)))
    sesudah = tabel_durasi(persona.komisi, Periode(date(2024, 1, 1), date(2024, 8, 16)))
    assert pada["berjalan"].sebagai_dict() == {
        "berjalan": {"jumlah": 1, "rata_rata": 100.0, "maksimum": 100},
        "lewat_batas": {"jumlah": 0, "rata_rata": None, "maksimum": None},
    }
    assert sesudah["berjalan"].nilai("lewat_batas", "jumlah") == 1
    assert sesudah["berjalan"].nilai("lewat_batas", "maksimum") == 101
    # the limit is a parameter
    assert (
        tabel_durasi(persona.komisi, Periode(date(2024, 1, 1), date(2024, 8, 15)), batas_hk=99)[
            "berjalan"
        ].nilai("lewat_batas", "jumlah")
        == 1
    )


def test_periode_mendatang_diukur_hari_ini(persona):
    """A period not over yet measures open cases today, never at a future date."""
    kasus(persona, S.TEREGISTRASI)
    hari = hari_ini(persona.komisi)
    t = tabel_durasi(persona.komisi, Periode.tahun(hari.year + 1))
    umur = Kalender.untuk(persona.komisi).hitung(MULAI, hari)
    assert t["berjalan"].nilai("berjalan", "maksimum") == umur
    assert (
        tabel_register(persona.komisi, Periode.tahun(hari.year + 1))["register"].nilai(
            "sisa_tahun_lalu"
        )
        == 1
    )


def test_pemohon_serial_dan_teratas(persona):
    for _ in range(3):
        kasus(persona, S.TEREGISTRASI)  # Budi Santoso, three times
    sk = persona.skenario()
    sk.terima(MULAI, nama="Siti Aminah").registrasi(MULAI)
    sk = persona.skenario()
    sk.terima(MULAI, nama="  budi santoso ").registrasi(MULAI)  # the same applicant
    t = tabel_pemohon(persona.komisi, Periode.tahun(2024), ambang_serial=3, teratas=1)
    assert [(b.label, b.nilai) for b in t["serial"].baris] == [("Budi Santoso", (4, 80.0))]
    assert [(b.label, b.nilai) for b in t["teratas"].baris] == [("Siti Aminah", (1, 20.0))]
    assert t["serial"].total.nilai == (4, 80.0)


def test_pengadilan_keberatan_dibatalkan_tidak_dihitung(persona):
    sk = kasus(persona, S.KEBERATAN_PENGADILAN)
    p = Periode.tahun(2024)
    assert tabel_pengadilan(persona.komisi, p)["per_jenis"].total.nilai == (1, 0)
    sk.sengketa = L.sengketa_koreksi(
        sengketa_id=sk.id, oleh=persona.ketua, alasan="Salah perkara",
        tanggal=sk.sengketa.tanggal_efektif_terakhir,
    )  # fmt: skip
    t = tabel_pengadilan(persona.komisi, p)
    assert t["per_jenis"].total.nilai == (0, 0) and t["per_pengadilan"].baris == ()


def test_hari_pertama_dan_terakhir_periode(persona):
    """Both ends of a period are inside it: a case finished on the first day was pending at
    the start and is finished in the period; one registered on the last day is registered
    in it and pending at its end."""
    sk = kasus(persona, S.SELESAI_MEDIASI)
    f = sk.sengketa.tanggal_selesai

    def register(mulai, selesai):
        t = tabel_register(persona.komisi, Periode(mulai, selesai))["register"]
        return {b.kode: b.nilai[0] for b in t.baris if b.tingkat == 0}

    kolom = ("sisa_tahun_lalu", "diregistrasi", "selesai", "sisa_tahun_berikut")
    assert register(f, f + timedelta(days=30)) == dict(zip(kolom, (1, 0, 1, 0), strict=True))
    assert register(f + timedelta(days=1), f + timedelta(days=30)) == dict.fromkeys(kolom, 0)
    assert register(MULAI - timedelta(days=9), f) == dict(zip(kolom, (0, 1, 1, 0), strict=True))
    assert register(MULAI - timedelta(days=9), MULAI) == dict(zip(kolom, (0, 1, 0, 1), strict=True))
    assert register(MULAI + timedelta(days=1), f - timedelta(days=1)) == dict(
        zip(kolom, (1, 0, 0, 1), strict=True)
    )


def test_beberapa_komisi_sebagai_queryset(persona, pusat):
    from sengketa.models import KomisiInformasi

    kasus(persona, S.TEREGISTRASI)
    Skenario(pusat, Aktor(persona.panitera_lain, None, None, [], None, None, None)).terima(
        MULAI
    ).registrasi(MULAI)
    semua = hitung_semua(KomisiInformasi.objects.all(), Periode.tahun(2024))
    assert semua["register"]["register"].nilai("diregistrasi") == 2
    assert semua["durasi"]["berjalan"].nilai("berjalan", "jumlah") == 2
    assert (
        hitung_semua(pusat, Periode.tahun(2024))["register"]["register"].nilai("diregistrasi") == 1
    )
