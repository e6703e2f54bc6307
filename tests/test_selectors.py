"""Who sees which case, and which transitions a person is offered."""

import pytest

from sengketa.models import KomisiInformasi, Sengketa, StatusSengketa
from sengketa.selectors import (
    URUTAN_TRANSISI,
    sengketa_terlihat,
    transisi_dari,
    transisi_tersedia,
)
from tests.factories import pengguna_dengan_peran
from tests.kasus import MULAI, kasus
from workflows.skenario import Aktor, Skenario

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


def segar(pengguna):
    """The account as the next request loads it (what it sees is cached on the instance)."""
    return type(pengguna).objects.get(pk=pengguna.pk)


def _kasus_pusat(persona):
    """A case of the other commission (KI Pusat), filed by its own registrar."""
    aktor = Aktor(
        panitera=persona.panitera_lain,
        ketua=persona.ketua_lain,
        ketua_majelis=None,
        anggota=[],
        pp=None,
        mediator=None,
    )
    pusat = KomisiInformasi.objects.get(kode="KI-PUSAT")
    return Skenario(pusat, aktor).terima(MULAI, nama="Siti Aminah")


def test_staf_yang_juga_kuasa_melihat_perkara_itu_dan_perkara_komisinya(persona):
    """A registrar of KI Pusat who represents an applicant before KIP Kaltim sees that case
    (as its kuasa) beside the cases of its own commission, and no other Kaltim case."""
    diwakili = persona.skenario().terima(MULAI).sengketa
    persona.aktor.pemohon = None
    persona.skenario().terima(MULAI, nama="Siti Aminah")  # another Kaltim case
    milik_komisi = _kasus_pusat(persona).sengketa
    kuasa = diwakili.pemohon.kuasa.create(nama="Advokat", pengguna=persona.panitera_lain)

    assert set(sengketa_terlihat(persona.panitera_lain)) == {diwakili, milik_komisi}
    # Each case once, whichever way it is seen; filters and counts work on the result.
    assert sengketa_terlihat(persona.panitera_lain).filter(status="diterima").count() == 2

    kuasa.aktif = False  # the power of attorney ended
    kuasa.save()
    assert set(sengketa_terlihat(segar(persona.panitera_lain))) == {milik_komisi}


def test_staf_yang_kuasa_di_komisinya_sendiri_melihat_tiap_perkara_sekali(persona):
    a = persona.skenario().terima(MULAI).sengketa
    persona.aktor.pemohon = None
    b = persona.skenario().terima(MULAI, nama="Siti Aminah").sengketa
    a.pemohon.kuasa.create(nama="Pegawai", pengguna=persona.panitera)
    assert sorted(sengketa_terlihat(persona.panitera), key=lambda s: s.pk) == [a, b]


def test_staf_tanpa_keanggotaan_aktif_hanya_melihat_perkara_pihaknya(persona):
    s = persona.skenario().terima(MULAI).sengketa
    staf = pengguna_dengan_peran(None, "panitera")  # a role, but no commission
    assert list(sengketa_terlihat(staf)) == []
    s.termohon.badan_publik.petugas.add(staf)
    assert list(sengketa_terlihat(segar(staf))) == [s]


@pytest.mark.parametrize("status", [s.value for s in StatusSengketa])
def test_transisi_dari_tiap_status_sama_dengan_mesin_status(status):
    """The per-status answer the lists use equals the machine's own table of transitions."""
    semua = Sengketa(status=status).get_all_status_transitions()
    mesin = {t.name for t in semua if t.source == status}
    assert set(transisi_dari(status)) == mesin
    assert list(transisi_dari(status)) == [n for n in URUTAN_TRANSISI if n in mesin]
