"""Who sees which case, and which transitions a person is offered."""

import pytest

from sengketa.selectors import sengketa_terlihat, transisi_tersedia
from tests.factories import pengguna_dengan_peran
from tests.kasus import MULAI, kasus

pytestmark = pytest.mark.django_db


def test_staf_melihat_perkara_komisinya_pihak_hanya_perkaranya(persona):
    milik = persona.skenario().terima(MULAI).sengketa  # filed with persona.pemohon's account
    persona.aktor.pemohon = None
    lain = persona.skenario().terima(MULAI).sengketa
    assert set(sengketa_terlihat(persona.panitera)) == {milik, lain}
    assert set(sengketa_terlihat(persona.pemohon)) == {milik}
    assert list(sengketa_terlihat(persona.pihak_lain)) == []
    assert list(sengketa_terlihat(persona.panitera_lain)) == []


def test_petugas_ppid_melihat_perkara_badan_publiknya(persona):
    s = persona.skenario().terima(MULAI).sengketa
    ppid = pengguna_dengan_peran(None, "pihak")
    s.termohon.badan_publik.petugas.add(ppid)
    assert list(sengketa_terlihat(ppid)) == [s]


def test_transisi_yang_ditawarkan_sesuai_peran_dan_status(persona):
    sk = kasus(persona, "teregistrasi")
    assert transisi_tersedia(sk.sengketa, persona.ketua) == ["tetapkan_majelis", "koreksi"]
    assert transisi_tersedia(sk.sengketa, persona.panitera) == ["cabut"]
    assert transisi_tersedia(sk.sengketa, persona.pemohon) == ["cabut"]
    assert transisi_tersedia(sk.sengketa, persona.panitera_lain) == []
    sk.tetapkan_majelis(MULAI)
    ketua_majelis = transisi_tersedia(sk.sengketa, persona.aktor.ketua_majelis)
    assert ketua_majelis == [
        "catat_pemeriksaan_awal", "mulai_mediasi", "mulai_ajudikasi", "putusan_sela",
        "limpahkan", "cabut", "gugurkan",
    ]  # fmt: skip
    assert transisi_tersedia(sk.sengketa, persona.aktor.anggota[0]) == []
