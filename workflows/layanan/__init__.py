"""The services of the procedure: the only code that changes a case's status.

`LAYANAN_TRANSISI` maps every transition name of siklus-sengketa.md §3 to its service, so
entry points (API, back office, commands, the daily sweep) dispatch by name.
"""

from .koreksi import sengketa_koreksi
from .mediasi import sengketa_mediasi_berhasil, sengketa_mediasi_gagal, sengketa_perpanjang_mediasi
from .pemeriksaan import (
    sengketa_cabut,
    sengketa_catat_pemeriksaan_awal,
    sengketa_gugurkan,
    sengketa_limpahkan,
    sengketa_mulai_ajudikasi,
    sengketa_mulai_mediasi,
    sengketa_putusan_sela,
    sengketa_tetapkan_majelis,
    sengketa_tutup_pemeriksaan,
)
from .permohonan import (
    DataKuasa,
    DataPermohonan,
    DataPihak,
    sengketa_minta_kelengkapan,
    sengketa_registrasi,
    sengketa_terima,
    sengketa_tolak_registrasi,
    sengketa_ubah_permohonan,
)
from .putusan import (
    sengketa_bacakan_putusan,
    sengketa_catat_keberatan,
    sengketa_catat_penerimaan_salinan,
    sengketa_catat_putusan_pengadilan,
    sengketa_nyatakan_inkracht,
)

LAYANAN_TRANSISI = {
    "minta_kelengkapan": sengketa_minta_kelengkapan,
    "registrasi": sengketa_registrasi,
    "tolak_registrasi": sengketa_tolak_registrasi,
    "tetapkan_majelis": sengketa_tetapkan_majelis,
    "catat_pemeriksaan_awal": sengketa_catat_pemeriksaan_awal,
    "mulai_mediasi": sengketa_mulai_mediasi,
    "mulai_ajudikasi": sengketa_mulai_ajudikasi,
    "putusan_sela": sengketa_putusan_sela,
    "limpahkan": sengketa_limpahkan,
    "perpanjang_mediasi": sengketa_perpanjang_mediasi,
    "mediasi_berhasil": sengketa_mediasi_berhasil,
    "mediasi_gagal": sengketa_mediasi_gagal,
    "tutup_pemeriksaan": sengketa_tutup_pemeriksaan,
    "bacakan_putusan": sengketa_bacakan_putusan,
    "catat_penerimaan_salinan": sengketa_catat_penerimaan_salinan,
    "catat_keberatan": sengketa_catat_keberatan,
    "nyatakan_inkracht": sengketa_nyatakan_inkracht,
    "catat_putusan_pengadilan": sengketa_catat_putusan_pengadilan,
    "cabut": sengketa_cabut,
    "gugurkan": sengketa_gugurkan,
    "koreksi": sengketa_koreksi,
}

__all__ = [
    "LAYANAN_TRANSISI",
    "DataKuasa",
    "DataPermohonan",
    "DataPihak",
    "sengketa_terima",
    "sengketa_ubah_permohonan",
    *[f.__name__ for f in LAYANAN_TRANSISI.values()],
]
