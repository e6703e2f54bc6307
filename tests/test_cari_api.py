"""The case list of the API (GET /api/v1/sengketa/): each item says what a list shows, with
the same values as the case itself, and the search finds register numbers from their start
and the cases a staff member follows as a party's kuasa."""

import pytest
from rest_framework.test import APIClient

from sengketa.models import StatusSengketa as S
from tests.kasus import MULAI, kasus

pytestmark = pytest.mark.django_db

# What only the case itself (GET /api/v1/sengketa/{id}/) carries.
HANYA_DETAIL = {"riwayat", "informasi_diminta", "tujuan_penggunaan", "kelengkapan", "kekurangan"}


def daftar(pengguna, query=""):
    klien = APIClient()
    klien.force_authenticate(pengguna)
    r = klien.get(f"/api/v1/sengketa/{query}")
    assert r.status_code == 200, r.content[:300]
    return r.json()["results"]


def test_butir_daftar_sama_dengan_perkaranya_tanpa_riwayat(persona):
    sk = kasus(persona, S.PEMERIKSAAN_AWAL)  # majelis, PP, deadlines and a history
    klien = APIClient()
    klien.force_authenticate(persona.aktor.ketua_majelis)
    detail = klien.get(f"/api/v1/sengketa/{sk.id}/").json()
    [butir] = daftar(persona.aktor.ketua_majelis)

    assert set(butir) == set(detail) - HANYA_DETAIL
    assert butir == {k: v for k, v in detail.items() if k not in HANYA_DETAIL}
    assert butir["majelis"]["ketua"] == persona.aktor.ketua_majelis.username
    assert butir["tenggat"] and "catat_pemeriksaan_awal" in butir["transisi"]
    assert detail["riwayat"]


def test_cari_nomor_register_lewat_api(persona):
    a = kasus(persona, S.TEREGISTRASI).sengketa
    b = kasus(persona, S.TEREGISTRASI).sengketa
    ids = lambda q: [x["id"] for x in daftar(persona.panitera, f"?q={q}")]  # noqa: E731
    assert ids(a.nomor_register) == [a.id]
    assert ids(b.nomor_register.lower()) == [b.id]
    assert sorted(ids("00")) == sorted([a.id, b.id])


def test_staf_yang_kuasa_melihat_perkara_itu_di_daftar(persona):
    """A registrar of KI Pusat who represents the applicant of a Kaltim case finds it in its
    list and its search, and no other Kaltim case."""
    diwakili = persona.skenario().terima(MULAI).sengketa
    persona.aktor.pemohon = None
    persona.skenario().terima(MULAI, nama="Siti Aminah")
    diwakili.pemohon.kuasa.create(nama="Advokat", pengguna=persona.panitera_lain)

    assert [x["id"] for x in daftar(persona.panitera_lain)] == [diwakili.id]
    assert [x["id"] for x in daftar(persona.panitera_lain, "?q=budi")] == [diwakili.id]
    assert daftar(persona.panitera_lain, "?q=aminah") == []
