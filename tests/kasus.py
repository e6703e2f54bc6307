"""Build a case in any status of the spec, through the services, on the 2024 calendar."""

from datetime import date

from sengketa.models import StatusSengketa as S
from workflows import layanan as L

MULAI = date(2024, 3, 6)  # Wednesday; kalender.md's worked example


def _pemeriksaan_awal(sk, **temuan):
    sk.terima(MULAI).registrasi(MULAI).tetapkan_majelis(sk.hk(MULAI, 2))
    return sk.pemeriksaan_awal(sk.hk(MULAI, 8), **temuan) if temuan is not None else sk


def _diputus(sk):
    sk.sampai_ajudikasi(MULAI)
    d = sk.hk(MULAI, 12)
    return sk.tutup_pemeriksaan(sk.hk(d, 10)).bacakan_putusan(sk.hk(d, 20))


def _gugur(sk):
    sk.terima(MULAI).registrasi(MULAI).tetapkan_majelis(sk.hk(MULAI, 2))
    sk.sidang("pemeriksaan_awal", sk.hk(MULAI, 8), hadir=False)
    sk.sidang("pemeriksaan_awal", sk.hk(MULAI, 12), hadir=False)
    sk.sengketa = L.sengketa_gugurkan(sengketa_id=sk.id, oleh=sk.aktor.pp, tanggal=sk.hk(MULAI, 12))
    return sk


def _keberatan(sk):
    _diputus(sk)
    d = sk.sengketa.tanggal_putusan
    sk.salinan_diterima(sk.hk(d, 2))
    sk.sengketa = L.sengketa_catat_keberatan(
        sengketa_id=sk.id,
        oleh=sk.aktor.panitera,
        pengadilan="PTUN Samarinda",
        nomor_perkara="12/G/KI/2024/PTUN.SMD",
        pihak=sk.sengketa.termohon.pk,
        tanggal=sk.hk(d, 5),
    )
    return sk


def _inkracht(sk):
    _diputus(sk)
    d = sk.sengketa.tanggal_putusan
    return sk.salinan_diterima(sk.hk(d, 2)).inkracht(sk.hk(d, 20))


PEMBANGUN = {
    S.DITERIMA: lambda sk: sk.terima(MULAI),
    S.MENUNGGU_KELENGKAPAN: lambda sk: _minta(sk.terima(MULAI, lengkap=False)),
    S.TIDAK_DIREGISTRASI: lambda sk: _tolak(_minta(sk.terima(MULAI, lengkap=False))),
    S.TEREGISTRASI: lambda sk: sk.terima(MULAI).registrasi(MULAI),
    S.PEMERIKSAAN_AWAL: lambda sk: _pemeriksaan_awal(sk),
    S.MEDIASI: lambda sk: _pemeriksaan_awal(sk).mulai_mediasi(sk.hk(MULAI, 8)),
    S.AJUDIKASI: lambda sk: sk.sampai_ajudikasi(MULAI),
    S.MUSYAWARAH: lambda sk: sk.sampai_ajudikasi(MULAI).tutup_pemeriksaan(sk.hk(MULAI, 22)),
    S.DIPUTUS: _diputus,
    S.KEBERATAN_PENGADILAN: _keberatan,
    S.BERKEKUATAN_HUKUM_TETAP: _inkracht,
    S.SELESAI_MEDIASI: lambda sk: (
        _pemeriksaan_awal(sk).mulai_mediasi(sk.hk(MULAI, 8)).mediasi_berhasil(sk.hk(MULAI, 12))
    ),
    S.TIDAK_DITERIMA: lambda sk: _sela(_pemeriksaan_awal(sk, dalam_jangka_waktu=False)),
    S.DILIMPAHKAN: lambda sk: _limpah(_pemeriksaan_awal(sk, berwenang=False)),
    S.DICABUT: lambda sk: _cabut(sk.terima(MULAI)),
    S.GUGUR: _gugur,
}


def _minta(sk):
    sk.sengketa = L.sengketa_minta_kelengkapan(
        sengketa_id=sk.id,
        oleh=sk.aktor.panitera,
        kekurangan=["bukti_keberatan"],
        tanggal=MULAI,
    )
    return sk


def _tolak(sk):
    sk.sengketa = L.sengketa_tolak_registrasi(
        sengketa_id=sk.id, oleh=sk.aktor.panitera, tanggal=sk.hk(MULAI, 8)
    )
    return sk


def _sela(sk):
    sk.sengketa = L.sengketa_putusan_sela(
        sengketa_id=sk.id, oleh=sk.aktor.pp, dasar="daluwarsa", tanggal=sk.hk(MULAI, 9)
    )
    return sk


def _limpah(sk):
    sk.sengketa = L.sengketa_limpahkan(
        sengketa_id=sk.id, oleh=sk.aktor.pp, komisi_tujuan="KI-PUSAT", tanggal=sk.hk(MULAI, 9)
    )
    return sk


def _cabut(sk):
    sk.sengketa = L.sengketa_cabut(
        sengketa_id=sk.id,
        oleh=sk.aktor.pemohon,
        tanggal_surat=MULAI,
        alasan="Informasi sudah diberikan",
        tanggal=MULAI,
    )
    return sk


def kasus(persona, status: str):
    """A Skenario whose case is in `status`."""
    sk = PEMBANGUN[status](persona.skenario())
    sk.segarkan()
    assert sk.sengketa.status == status
    return sk
