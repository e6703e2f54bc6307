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


def test_halaman_pencarian_dihitung_bersama_halamannya(persona, monkeypatch):
    """A search's page carries its exact count from the same query (no separate COUNT):
    every page, the count and the links are those of the plain paginator, a page beyond
    the last is a 404, and the cases come newest first as in the list."""
    from datetime import timedelta

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from api.galat import Halaman
    from sengketa.selectors import cari_sengketa, sengketa_terlihat

    monkeypatch.setattr(Halaman, "page_size", 2)
    for i, nama in enumerate(["Rina Budiman", "Budi Santoso", "Siti Aminah", "Ani Budiarti"]):
        persona.aktor.pemohon = None
        persona.skenario().terima(MULAI + timedelta(days=i % 2), nama=nama)
    harapan = list(
        cari_sengketa(sengketa_terlihat(persona.panitera), "budi")
        .order_by("-tanggal_diterima", "-id")
        .values_list("pk", flat=True)
    )
    assert len(harapan) == 3

    klien = APIClient()
    klien.force_authenticate(persona.panitera)
    with CaptureQueriesContext(connection) as sql:
        satu = klien.get("/api/v1/sengketa/?q=budi").json()
    dua = klien.get("/api/v1/sengketa/?q=budi&page=2").json()
    assert not [q for q in sql.captured_queries if q["sql"].startswith("SELECT COUNT(*)")]
    assert (satu["count"], dua["count"]) == (3, 3)
    assert [x["id"] for x in satu["results"] + dua["results"]] == harapan
    assert "page=2" in satu["next"] and satu["previous"] is None
    assert dua["next"] is None and dua["previous"]
    assert klien.get("/api/v1/sengketa/?q=budi&page=3").status_code == 404
    assert klien.get("/api/v1/sengketa/?q=zzz").json() == {
        "count": 0, "next": None, "previous": None, "results": []
    }  # fmt: skip
    assert klien.get("/api/v1/sengketa/?q=budi&page=last").json()["results"] == dua["results"]
