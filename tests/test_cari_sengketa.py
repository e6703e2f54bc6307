"""The case search behind /api/v1/sengketa/?q= (sengketa.selectors.cari_sengketa): register
number, the applicant's name and the respondent public body, case-insensitive, each case
once, and never beyond what the user may see."""

import pytest
from django.db import connection

from sengketa.models import Sengketa
from sengketa.selectors import cari_sengketa, sengketa_terlihat
from tests.kasus import MULAI, kasus

pytestmark = pytest.mark.django_db


@pytest.fixture
def dua_kasus(persona):
    terdaftar = kasus(persona, "teregistrasi").sengketa  # Budi Santoso v. Pemprov Kaltim
    baru = persona.skenario().terima(MULAI, nama="Siti Aminah").sengketa
    return terdaftar, baru


def cari(pengguna, teks):
    return list(cari_sengketa(sengketa_terlihat(pengguna), teks).order_by("pk"))


def test_cari_nomor_register_tanpa_peduli_huruf(persona, dua_kasus):
    terdaftar, _baru = dua_kasus
    nomor = terdaftar.nomor_register  # 001/REG-PSI/KI-KALTIM/III/2024
    assert cari(persona.panitera, nomor.lower()[:7]) == [terdaftar]


def test_cari_nomor_register_lengkap_dan_awalannya(persona, dua_kasus):
    terdaftar, _baru = dua_kasus
    kedua = kasus(persona, "teregistrasi").sengketa  # 002/REG-PSI/KI-KALTIM/III/2024
    nomor = terdaftar.nomor_register
    assert cari(persona.panitera, nomor) == [terdaftar]
    assert cari(persona.panitera, nomor.lower()) == [terdaftar]
    assert cari(persona.panitera, f"  {nomor[:14]}") == [terdaftar]  # "001/REG-PSI/KI"
    assert cari(persona.panitera, "002/reg") == [kedua]
    # What begins no number is looked for anywhere in the numbers and the names.
    assert cari(persona.panitera, "01/REG") == [terdaftar]
    # Without the "/" of a number's beginning, digits are found anywhere.
    assert cari(persona.panitera, "00") == [terdaftar, kedua]
    assert cari(persona.panitera, "REG-PSI/KI-KALTIM") == [terdaftar, kedua]
    # Never beyond what the user may see.
    assert cari(persona.panitera_lain, nomor) == []


def test_nomor_yang_tidak_diawali_urutan_tetap_ditemukan(persona):
    """The format is a per-commission setting (spec §6): where the sequence is not first,
    a number's beginning typed by the user may sit in the middle of the register number."""
    persona.komisi.template_nomor_register = "{kode}/{seq:03}/{tahun}"
    persona.komisi.save()
    sk = kasus(persona, "teregistrasi").sengketa
    assert sk.nomor_register == "KIP-KALTIM/001/2024"
    assert cari(persona.panitera, "001/2024") == [sk]


def test_nama_dengan_garis_miring_tetap_dicari(persona, dua_kasus):
    baru = persona.skenario().terima(MULAI, nama="Warga RT 001/RW 002 Sungai Pinang").sengketa
    assert cari(persona.panitera, "001/rw") == [baru]


def test_cari_nama_pemohon_dan_termohon(persona, dua_kasus):
    terdaftar, baru = dua_kasus
    assert cari(persona.panitera, "aminah") == [baru]
    assert cari(persona.panitera, "SANTOSO") == [terdaftar]
    # The respondent public body is a party of both: each case comes back once.
    assert cari(persona.panitera, "provinsi kalimantan") == [terdaftar, baru]


def test_teks_kosong_tidak_menyaring(persona, dua_kasus):
    assert cari(persona.panitera, "   ") == sorted(dua_kasus, key=lambda s: s.pk)


def test_tidak_melampaui_yang_boleh_dilihat(persona, dua_kasus):
    # Staff of another commission see nothing of these, whatever they type.
    assert cari(persona.panitera_lain, "santoso") == []
    assert cari(persona.panitera_lain, "") == []


def test_tanpa_kecocokan(persona, dua_kasus):
    assert cari(persona.panitera, "tidak ada yang bernama begini") == []


@pytest.mark.postgres
def test_awalan_nomor_dijawab_indeks_btree(persona, dua_kasus):
    """The prefix lookup of the search is sent on the very expression of the index of
    0005_indeks_nomor_awalan, so the planner can read it (forced here: a test table is too
    small to need an index)."""
    nomor = dua_kasus[0].nomor_register
    assert cari(persona.panitera, nomor) == [dua_kasus[0]]
    qs = Sengketa.objects.filter(nomor_register__istartswith=nomor.lower())
    with connection.cursor() as c:
        c.execute("SET LOCAL enable_seqscan = off")
        rencana = qs.explain()
    assert "sengketa_sengketa_nomor_register_awalan" in rencana
