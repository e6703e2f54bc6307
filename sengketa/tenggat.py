"""Deadlines derived from the case (siklus-sengketa.md §5).

`hitung_tenggat` is a pure function of the case, its hearings, receipts and objections and
the calendar: the rows in `Tenggat` are only its stored result, so they can always be
recomputed (after a holiday changes, after a correction) and compared with a recomputation.
"""

from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace

from .models import (
    KodeTenggat,
    SatuanWaktu,
    StatusSengketa,
    StatusSidang,
    StatusTenggat,
)
from .models.status import STATUS_AKHIR
from .waktu import tanggal_lokal

K = KodeTenggat
S = StatusSengketa

DASAR = {
    K.PENGAJUAN: "UU 14/2008 Pasal 37 ayat (2); Perki 1/2013 Pasal 13",
    K.KELENGKAPAN: "Perki 1/2013 Pasal 17",
    K.MULAI_PENYELESAIAN: "UU 14/2008 Pasal 38 ayat (1)",
    K.PENYELESAIAN: "UU 14/2008 Pasal 38 ayat (2)",
    K.MEDIASI: "Perki 1/2013 Pasal 41",
    K.PANGGILAN: "Perki 1/2013 Pasal 33",
    K.SALINAN: "Perki 1/2013 Pasal 59",
    K.KEBERATAN: "UU 14/2008 Pasal 48 ayat (1)",
    K.PELAKSANAAN: "Perki 1/2013 Pasal 59",
}
DASAR_KEBERATAN_HARI = "Perki 1/2013 Pasal 60"

# Hearings that have been held (an adjourned hearing was opened, then adjourned).
SIDANG_TERLAKSANA = (StatusSidang.SELESAI, StatusSidang.DITUNDA)


@dataclass(frozen=True)
class SpesTenggat:
    kode: str
    mulai: date
    panjang: int
    tanggal: date
    dasar: str
    satuan: str = SatuanWaktu.HARI_KERJA
    terpenuhi_pada: date | None = None
    aktif: bool = True
    pihak_id: int | None = None
    sidang_id: int | None = None

    @property
    def kunci(self) -> tuple:
        return (self.kode, self.pihak_id, self.sidang_id)


def hitung_tenggat(sengketa, kal) -> list[SpesTenggat]:
    """Every deadline the case has now. Reads prefetched relations when available."""
    komisi = sengketa.komisi
    sidang = list(sengketa.sidang.all())
    hasil = [_pengajuan(sengketa, komisi, kal)]
    hasil += _tahap_awal(sengketa, komisi, kal, sidang)
    hasil += _mediasi(sengketa, komisi, kal, sidang)
    hasil += _panggilan(sengketa, komisi, kal, sidang)
    hasil += _setelah_putusan(sengketa, komisi, kal)
    hasil = [spes for spes in hasil if spes is not None]
    if sengketa.status in STATUS_AKHIR:
        # A closed case has nothing left to do but perform what was decided.
        hasil = [_tutup(spes) for spes in hasil]
    return hasil


def _tutup(spes: SpesTenggat) -> SpesTenggat:
    if spes.kode == K.PELAKSANAAN or spes.terpenuhi_pada:
        return spes
    return SpesTenggat(**{**spes.__dict__, "aktif": False})


def _hk(kode, mulai, panjang, kal, **kw) -> SpesTenggat:
    return SpesTenggat(kode, mulai, panjang, kal.tambah(mulai, panjang), DASAR[kode], **kw)


def jendela_pengajuan(
    komisi, kal, *, tanggal_keberatan, tanggal_tanggapan_atasan, tanggal_diterima
) -> SpesTenggat:
    """The 14-HK filing window for dates not (yet) in a case: the portal checks a draft with
    exactly the rule that later computes the filed case's `pengajuan` deadline."""
    dari_tanggal = SimpleNamespace(
        tanggal_keberatan=tanggal_keberatan,
        tanggal_tanggapan_atasan=tanggal_tanggapan_atasan,
        tanggal_diterima=tanggal_diterima,
    )
    return _pengajuan(dari_tanggal, komisi, kal)


def _pengajuan(sengketa, komisi, kal) -> SpesTenggat:
    # UU 37(2): 14 HK after the superior's answer; without an answer, after the 30 HK it had.
    mulai = sengketa.tanggal_tanggapan_atasan or kal.tambah(
        sengketa.tanggal_keberatan, komisi.hk_tanggapan_atasan
    )
    return _hk(
        K.PENGAJUAN, mulai, komisi.hk_pengajuan, kal, terpenuhi_pada=sengketa.tanggal_diterima
    )


def _tahap_awal(sengketa, komisi, kal, sidang) -> list[SpesTenggat]:
    hasil = []
    if sengketa.tanggal_kelengkapan_diminta:
        hasil.append(
            _hk(
                K.KELENGKAPAN,
                sengketa.tanggal_kelengkapan_diminta,
                komisi.hk_kelengkapan,
                kal,
                terpenuhi_pada=sengketa.tanggal_registrasi,
            )
        )
    if not sengketa.tanggal_registrasi:
        return hasil
    terlaksana = sorted(
        tanggal_lokal(komisi, s.mulai) for s in sidang if s.status in SIDANG_TERLAKSANA
    )
    hasil.append(
        _hk(
            K.MULAI_PENYELESAIAN,
            sengketa.tanggal_registrasi,
            komisi.hk_mulai_penyelesaian,
            kal,
            terpenuhi_pada=terlaksana[0] if terlaksana else None,
        )
    )
    mulai = sengketa.tanggal_registrasi
    if komisi.awal_penyelesaian == "diterima":
        mulai = sengketa.tanggal_diterima
    hasil.append(
        _hk(
            K.PENYELESAIAN,
            mulai,
            komisi.hk_penyelesaian,
            kal,
            terpenuhi_pada=sengketa.tanggal_selesai,
        )
    )
    return hasil


def _mediasi(sengketa, komisi, kal, sidang) -> list[SpesTenggat]:
    if not sengketa.tanggal_mulai_mediasi:
        return []
    # Perki 41: 14 HK from the first mediation session; until one is held, from the start.
    sesi = sorted(
        tanggal_lokal(komisi, s.mulai)
        for s in sidang
        if s.jenis == "mediasi" and s.status in SIDANG_TERLAKSANA
    )
    mulai = sesi[0] if sesi else sengketa.tanggal_mulai_mediasi
    return [
        _hk(
            K.MEDIASI,
            mulai,
            komisi.hk_mediasi + sengketa.mediasi_diperpanjang_hk,
            kal,
            terpenuhi_pada=sengketa.tanggal_selesai_mediasi,
        )
    ]


def _panggilan(sengketa, komisi, kal, sidang) -> list[SpesTenggat]:
    """Each hearing's summonses must be served N HK before it (the *patut* rule)."""
    hasil = []
    for s in sidang:
        surat = list(s.panggilan.all())
        if s.status == StatusSidang.BATAL or not surat:
            continue
        hari_sidang = tanggal_lokal(komisi, s.mulai)
        diterima = [p.tanggal_diterima for p in surat]
        semua = None if None in diterima else max(diterima)
        spes = SpesTenggat(
            K.PANGGILAN,
            hari_sidang,
            -komisi.hk_panggilan_patut,
            kal.tambah(hari_sidang, -komisi.hk_panggilan_patut),
            DASAR[K.PANGGILAN],
            terpenuhi_pada=semua,
            sidang_id=s.pk,
            aktif=s.status == StatusSidang.DIJADWALKAN or semua is not None,
        )
        hasil.append(spes)
    return hasil


def _setelah_putusan(sengketa, komisi, kal) -> list[SpesTenggat]:
    hasil = []
    penerimaan = [p for p in sengketa.penerimaan_salinan.all() if not p.dibatalkan]
    if sengketa.tanggal_putusan:
        pihak_ids = {p.pk for p in sengketa.pihak.all()}
        sudah = {p.pihak_id: p.tanggal_diterima for p in penerimaan}
        semua = max(sudah.values()) if pihak_ids and pihak_ids <= set(sudah) else None
        hasil.append(
            _hk(K.SALINAN, sengketa.tanggal_putusan, komisi.hk_salinan, kal, terpenuhi_pada=semua)
        )
        keberatan = {
            k.pihak_id: k.tanggal for k in sengketa.keberatan_pengadilan.all() if not k.dibatalkan
        }
        hasil += [
            _keberatan(komisi, kal, p, keberatan.get(p.pihak_id) or sengketa.tanggal_inkracht)
            for p in penerimaan
        ]
    pelaksanaan = _pelaksanaan(sengketa, kal)
    if pelaksanaan:
        hasil.append(pelaksanaan)
    return hasil


def _keberatan(komisi, kal, penerimaan, selesai) -> SpesTenggat:
    mulai, panjang = penerimaan.tanggal_diterima, komisi.panjang_keberatan
    if komisi.satuan_keberatan == SatuanWaktu.HARI_KALENDER:
        # Perki 60 counts plain days; a last day off moves to the next working day [setting].
        tanggal = kal.tambah_hari_kalender(
            mulai, panjang, geser_ke_hari_kerja=komisi.geser_ke_hari_kerja
        )
        dasar, satuan = DASAR_KEBERATAN_HARI, SatuanWaktu.HARI_KALENDER
    else:
        tanggal, dasar, satuan = (
            kal.tambah(mulai, panjang),
            DASAR[K.KEBERATAN],
            SatuanWaktu.HARI_KERJA,
        )
    return SpesTenggat(
        K.KEBERATAN,
        mulai,
        panjang,
        tanggal,
        dasar,
        satuan=satuan,
        terpenuhi_pada=selesai,
        pihak_id=penerimaan.pihak_id,
    )


def _pelaksanaan(sengketa, kal) -> SpesTenggat | None:
    jangka = sengketa.jangka_waktu_pelaksanaan
    if sengketa.status == S.SELESAI_MEDIASI and jangka is not None:
        return _hk(K.PELAKSANAAN, sengketa.tanggal_selesai_mediasi, jangka, kal)
    if sengketa.status == S.BERKEKUATAN_HUKUM_TETAP and jangka and sengketa.amar != "ditolak":
        return _hk(K.PELAKSANAAN, sengketa.tanggal_inkracht, jangka, kal)
    return None


def status_tenggat(
    *, tanggal: date, terpenuhi_pada: date | None, hari_ini: date, kal, hk_mendekati: int
) -> str:
    """Traffic light for dashboards: a deadline met late stays visibly 'terlewat'."""
    if terpenuhi_pada:
        return StatusTenggat.TERPENUHI if terpenuhi_pada <= tanggal else StatusTenggat.TERLEWAT
    if hari_ini > tanggal:
        return StatusTenggat.TERLEWAT
    if hari_ini == tanggal:
        return StatusTenggat.HARI_INI
    if kal.hitung(hari_ini, tanggal) <= hk_mendekati:
        return StatusTenggat.MENDEKATI
    return StatusTenggat.AMAN
