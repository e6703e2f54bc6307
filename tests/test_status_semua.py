"""Every status of the spec can be reached through the services, and from each status only
the spec's transitions are allowed (the rest are refused with a typed error)."""

import inspect

import pytest

from sengketa.galat import TransisiTidakDiizinkan
from sengketa.models import StatusSengketa
from tests.kasus import kasus
from workflows.layanan import LAYANAN_TRANSISI

# siklus-sengketa.md §3: transition -> the statuses it starts from.
SUMBER = {
    "minta_kelengkapan": {"diterima"},
    "registrasi": {"diterima", "menunggu_kelengkapan"},
    "tolak_registrasi": {"menunggu_kelengkapan"},
    "tetapkan_majelis": {"teregistrasi"},
    "catat_pemeriksaan_awal": {"pemeriksaan_awal"},
    "mulai_mediasi": {"pemeriksaan_awal"},
    "mulai_ajudikasi": {"pemeriksaan_awal"},
    "putusan_sela": {"pemeriksaan_awal"},
    "limpahkan": {"pemeriksaan_awal"},
    "perpanjang_mediasi": {"mediasi"},
    "mediasi_berhasil": {"mediasi"},
    "mediasi_gagal": {"mediasi"},
    "tutup_pemeriksaan": {"ajudikasi"},
    "bacakan_putusan": {"musyawarah"},
    "catat_penerimaan_salinan": {"diputus"},
    "catat_keberatan": {"diputus", "keberatan_pengadilan"},
    "nyatakan_inkracht": {"diputus"},
    "catat_putusan_pengadilan": {"keberatan_pengadilan"},
    "cabut": {
        "diterima", "menunggu_kelengkapan", "teregistrasi", "pemeriksaan_awal", "mediasi",
        "ajudikasi", "musyawarah",
    },
    "gugurkan": {"pemeriksaan_awal", "mediasi", "ajudikasi", "musyawarah"},
    "koreksi": {s.value for s in StatusSengketa} - {"diterima"},
}  # fmt: skip


def param_kosong(layanan) -> dict:
    """None for every required parameter: the status check must refuse before reading them."""
    return {
        nama: None
        for nama, p in inspect.signature(layanan).parameters.items()
        if p.default is p.empty and nama not in ("sengketa_id", "oleh")
    }


def test_setiap_transisi_spesifikasi_punya_layanan():
    assert set(LAYANAN_TRANSISI) == set(SUMBER)


@pytest.mark.django_db
@pytest.mark.parametrize("status", [s.value for s in StatusSengketa])
def test_dari_setiap_status_hanya_transisi_spesifikasi_yang_diizinkan(persona, status):
    sk = kasus(persona, status)
    for nama, layanan in LAYANAN_TRANSISI.items():
        if status in SUMBER[nama]:
            continue
        # The state is checked before anything else, so any actor and no parameters do.
        with pytest.raises(TransisiTidakDiizinkan) as galat:
            layanan(sengketa_id=sk.id, oleh=persona.ketua, **param_kosong(layanan))
        assert galat.value.status == status
        assert galat.value.transisi == nama


@pytest.mark.django_db
@pytest.mark.parametrize("status", sorted(SUMBER["koreksi"]))
def test_koreksi_dari_setiap_status_kembali_ke_status_sebelumnya(persona, status):
    from tests.kasus import kasus as bangun

    sk = bangun(persona, status)
    if status == "dilimpahkan":  # the receiving commission first withdraws its copy
        salinan = sk.sengketa.dilimpahkan_ke
        LAYANAN_TRANSISI["cabut"](
            sengketa_id=salinan.pk, oleh=persona.panitera_lain,
            tanggal_surat=salinan.tanggal_diterima, alasan="Dikembalikan",
        )  # fmt: skip
    terakhir = sk.sengketa.riwayat.filter(ubah_status=True).exclude(transisi="terima").last()
    s = LAYANAN_TRANSISI["koreksi"](sengketa_id=sk.id, oleh=persona.ketua, alasan="Keliru")
    assert s.status == terakhir.dari
    koreksi = s.riwayat.last()
    assert (koreksi.transisi, koreksi.dari, koreksi.ke) == ("koreksi", status, terakhir.dari)
    terakhir.refresh_from_db()
    assert terakhir.dikoreksi


@pytest.mark.django_db
def test_keberatan_pihak_kedua_dicatat_saat_sudah_di_pengadilan(persona):
    sk = kasus(persona, "keberatan_pengadilan")
    s = sk.sengketa
    s = LAYANAN_TRANSISI["catat_keberatan"](
        sengketa_id=sk.id, oleh=persona.panitera, pengadilan="PTUN Samarinda",
        nomor_perkara="13/G/KI/2024/PTUN.SMD", pihak=s.pemohon.pk,
        tanggal=s.tanggal_efektif_terakhir,
    )  # fmt: skip
    assert s.status == "keberatan_pengadilan"
    assert s.keberatan_pengadilan.filter(dibatalkan=False).count() == 2
