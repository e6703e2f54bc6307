"""The case search's own table (sengketa.models.IndeksCari): on PostgreSQL the triggers of
migration 0007_indeks_cari keep one row per case with its register number and its parties'
names on every path that writes them, the search over it finds exactly the cases the plain
lookups find, and the API's search pages it with the same count, order and filters.

The API tests run on both databases: on SQLite they hold the plain path to the same
answers."""

import importlib
import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from rest_framework.test import APIClient

from api.galat import Halaman
from sengketa import selectors
from sengketa.models import IndeksCari, NamaTermohon, Pihak, Sengketa
from sengketa.models import StatusSengketa as S
from sengketa.models.indeks_cari import PEMISAH
from sengketa.selectors import cari_sengketa, cari_terurut, sengketa_terlihat
from tests.kasus import MULAI, kasus

pytestmark = pytest.mark.django_db

postgres = pytest.mark.postgres


def teks_semestinya(sk: Sengketa) -> str:
    """The number and the names of every party but the respondent (it has its own table)."""
    pihak = Pihak.objects.filter(sengketa=sk).exclude(peran="termohon").order_by("peran", "id")
    sk.refresh_from_db(fields=["nomor_register"])
    teks = sk.nomor_register + PEMISAH + PEMISAH.join(pihak.values_list("nama", flat=True))
    return teks.upper()  # stored in capitals (migration 0010; the names here are ASCII)


def termohon(sk: Sengketa) -> str | None:
    b = baris(sk)
    return b.termohon.nama if b.termohon_id else None


KOLOM = ("sengketa_id", "komisi_id", "tanggal_diterima", "teks", "termohon_id")


def baris(sk: Sengketa) -> IndeksCari:
    return IndeksCari.objects.get(pk=sk.pk)


@postgres
def test_kasus_baru_dan_nomor_register_masuk_indeks(persona):
    baru = persona.skenario().terima(MULAI, nama="Siti Aminah").sengketa
    b = baris(baru)
    assert (b.komisi_id, b.tanggal_diterima) == (baru.komisi_id, baru.tanggal_diterima)
    assert b.teks == teks_semestinya(baru)
    assert b.teks == PEMISAH + "SITI AMINAH"  # no number yet
    assert termohon(baru) == baru.pihak.get(peran="termohon").nama

    terdaftar = kasus(persona, S.TEREGISTRASI).sengketa
    assert terdaftar.nomor_register
    assert baris(terdaftar).teks == teks_semestinya(terdaftar)
    assert baris(terdaftar).teks.startswith(terdaftar.nomor_register.upper() + PEMISAH)


@postgres
def test_nama_pihak_diubah_ditambah_dihapus_indeks_mengikuti(persona):
    sk = persona.skenario().terima(MULAI, nama="Budi Santoso").sengketa
    pemohon = sk.pihak.get(peran="pemohon")

    pemohon.nama = "Budi Santosa"  # a correction of the case file, through save()
    pemohon.save()
    assert "BUDI SANTOSA" in baris(sk).teks and "SANTOSO" not in baris(sk).teks

    Pihak.objects.filter(pk=pemohon.pk).update(nama="Kelompok Warga Sempaja")  # bulk
    assert baris(sk).teks == teks_semestinya(sk)

    badan = sk.pihak.get(peran="termohon")
    lama = badan.nama
    badan.delete()
    assert baris(sk).teks == teks_semestinya(sk) == PEMISAH + "KELOMPOK WARGA SEMPAJA"
    assert termohon(sk) is None

    badan.pk = None
    badan.nama = "Dinas Kesehatan Kabupaten Berau"
    Pihak.objects.bulk_create([badan])
    assert termohon(sk) == "Dinas Kesehatan Kabupaten Berau"
    # Each name once: a second case against the same body points at the same row.
    lain = persona.skenario().terima(MULAI).sengketa
    assert termohon(lain) == lama
    assert NamaTermohon.objects.filter(nama=lama).count() == 1
    assert baris(lain).termohon_id == NamaTermohon.objects.get(nama=lama).pk


@postgres
def test_pihak_dipindah_ke_kasus_lain_kedua_baris_mengikuti(persona):
    a = persona.skenario().terima(MULAI, nama="Ani").sengketa
    b = persona.skenario().terima(MULAI, nama="Badu").sengketa
    Pihak.objects.filter(sengketa=b, peran="pemohon").delete()
    Pihak.objects.filter(sengketa=a, peran="pemohon").update(sengketa=b)
    assert "ANI" not in baris(a).teks and baris(a).teks == teks_semestinya(a)
    assert "ANI" in baris(b).teks and baris(b).teks == teks_semestinya(b)


@postgres
def test_komisi_dan_tanggal_diterima_diikuti_kasus_dihapus_barisnya_hilang(persona, pusat):
    sk = persona.skenario().terima(MULAI).sengketa
    Sengketa.objects.filter(pk=sk.pk).update(
        komisi=pusat, tanggal_diterima=MULAI + timedelta(days=3)
    )
    b = baris(sk)
    assert (b.komisi_id, b.tanggal_diterima) == (pusat.pk, MULAI + timedelta(days=3))

    lain = persona.skenario().terima(MULAI, nama="Tetap Ada").sengketa
    Sengketa.objects.filter(pk=sk.pk).delete()
    assert not IndeksCari.objects.filter(pk=sk.pk).exists()
    assert baris(lain).teks == teks_semestinya(lain)


@postgres
def test_isi_awal_migrasi_sama_dengan_yang_dijaga_pemicu(persona):
    """The migrations' backfill (0007's, then 0010's capitals) and the triggers write the
    same rows: a register that existed before 0007 searches like one built after it."""
    kasus(persona, S.TEREGISTRASI)
    kasus(persona, S.MEDIASI)
    persona.skenario().terima(MULAI, nama="Warga RT 001/RW 002")
    sebelum = sorted(IndeksCari.objects.values_list(*KOLOM))
    assert len(sebelum) == Sengketa.objects.count() >= 3

    migrasi = importlib.import_module("sengketa.migrations.0007_indeks_cari")
    kapital = importlib.import_module("sengketa.migrations.0010_indeks_cari_huruf_besar")
    IndeksCari.objects.all().delete()
    with connection.cursor() as c:
        c.execute(migrasi.ISI)
        c.execute(kapital.SERAGAMKAN)
    assert sorted(IndeksCari.objects.values_list(*KOLOM)) == sebelum


@postgres
def test_perintah_memeriksa_lalu_menyegarkan_indeks(persona):
    """`manage.py segarkan_indeks_cari` finds rows written past the triggers (a damaged
    one, a missing one), changes nothing with --periksa, and rewrites exactly those."""
    a = persona.skenario().terima(MULAI, nama="Ani").sengketa
    b = kasus(persona, S.TEREGISTRASI).sengketa
    sebelum = sorted(IndeksCari.objects.values_list(*KOLOM))
    IndeksCari.objects.filter(pk=a.pk).update(teks="rusak", termohon=None)
    IndeksCari.objects.filter(pk=b.pk).delete()

    assert perintah("--periksa").startswith("2 baris berbeda")
    assert baris(a).teks == "rusak" and not IndeksCari.objects.filter(pk=b.pk).exists()
    assert perintah().splitlines()[0] == "2 baris berbeda; 2 ditulis ulang"
    assert sorted(IndeksCari.objects.values_list(*KOLOM)) == sebelum
    assert perintah("--periksa").startswith("0 baris berbeda")


def test_perintah_indeks_menolak_di_sqlite():
    if connection.vendor == "postgresql":
        pytest.skip("SQLite only: PostgreSQL has the table")
    with pytest.raises(CommandError, match="hanya dipakai di PostgreSQL"):
        perintah()


def perintah(*argumen) -> str:
    keluaran = io.StringIO()
    call_command("segarkan_indeks_cari", *argumen, stdout=keluaran)
    return keluaran.getvalue().strip()


@pytest.fixture
def beberapa_kasus(persona):
    terdaftar = kasus(persona, S.TEREGISTRASI).sengketa  # Budi Santoso v. the province
    kedua = kasus(persona, S.MEDIASI).sengketa
    for nama in ("Siti Aminah", "Warga RT 001/RW 002 Sungai Pinang", "Rahmat Hidayat",
                 "Ahmad Rahmawati", "Rahmawati"):  # fmt: skip
        persona.skenario().terima(MULAI, nama=nama)
    return terdaftar, kedua


PERTANYAAN = (
    "rahmawati", "RAHMA", "mat", "aminah", "santoso", "001/rw", "00", "REG-PSI/KI-KALTIM",
    "/III/2024", "provinsi kalimantan", "Pemerintah", "tidak ada", "a", "ti", " ", "%", "_",
    "Santoso" + PEMISAH + "Pemerintah",
)  # fmt: skip


@postgres
@pytest.mark.parametrize("termohon_maks", [1000, 0], ids=["ids", "subquery"])
def test_indeks_menemukan_kasus_yang_sama_dengan_pencarian_biasa(
    persona, beberapa_kasus, monkeypatch, termohon_maks
):
    """For every query, the index path and the plain lookups on the cases and the parties
    give the same cases, for every viewer, whether the respondents' names come as a list of
    ids or as a subquery; and a query holding the separator never matches across two
    fields."""
    monkeypatch.setattr(selectors, "_TERMOHON_MAKS", termohon_maks)
    pemirsa = (persona.panitera, persona.panitera_lain, persona.aktor.ketua_majelis)

    def cari(pengguna, q):
        return sorted(cari_sengketa(sengketa_terlihat(pengguna), q).values_list("pk", flat=True))

    lewat_indeks = {(p.pk, q): cari(p, q) for p in pemirsa for q in PERTANYAAN}
    monkeypatch.setattr(selectors, "_pakai_indeks", lambda teks: False)
    biasa = {(p.pk, q): cari(p, q) for p in pemirsa for q in PERTANYAAN}

    assert lewat_indeks == biasa
    assert len(lewat_indeks[(persona.panitera.pk, "rahmawati")]) == 2
    assert lewat_indeks[(persona.panitera.pk, "Santoso" + PEMISAH + "Pemerintah")] == []
    assert lewat_indeks[(persona.panitera_lain.pk, "rahmawati")] == []


@postgres
def test_pencarian_dibaca_dari_indeks_trigram():
    """The search's text is stored in capitals and indexed as it is (0010); the respondents'
    names on the very expression `icontains` sends (UPPER(nama::text), 0007). The planner
    reads the trigram index for the search's own condition (the query's capitals are folded
    into a constant pattern); the old per-table trigram indexes are gone."""
    with connection.cursor() as c:
        c.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE '%trgm'"
            " AND tablename LIKE 'sengketa_%'"
        )
        indeks = dict(c.fetchall())
    assert set(indeks) == {"sengketa_indekscari_teks_trgm", "sengketa_namatermohon_nama_trgm"}
    assert "gin (teks gin_trgm_ops)" in indeks["sengketa_indekscari_teks_trgm"]
    assert "upper" in indeks["sengketa_namatermohon_nama_trgm"].lower()
    qs = IndeksCari.objects.filter(selectors._cocok("Rahmawati"))
    with connection.cursor() as c:
        c.execute("SET LOCAL enable_seqscan = off")
        assert "sengketa_indekscari_teks_trgm" in qs.explain()


@postgres
def test_cari_terurut_hanya_untuk_yang_dijawab_indeks(persona):
    assert cari_terurut(persona.panitera, "budi") is not None
    assert cari_terurut(persona.panitera, "001/REG") is None  # the prefix btree answers it
    assert cari_terurut(persona.panitera, "  ") is None
    assert cari_terurut(persona.panitera, "a" + PEMISAH + "b") is None


# -- the API's search (both databases) -----------------------------------------------------


def halaman_api(pengguna, query):
    klien = APIClient()
    klien.force_authenticate(pengguna)
    r = klien.get(f"/api/v1/sengketa/{query}")
    assert r.status_code == 200, r.content[:300]
    return r.json()


@pytest.fixture
def rahmat(persona):
    """Four cases of applicants named Rahmat, received on four days; the second one is
    registered."""
    hasil = []
    for hari, nama in enumerate(("Rahmat Satu", "Rahmat Dua", "Rahmat Tiga", "Rahmat Empat")):
        sk = persona.skenario()
        sk.terima(MULAI + timedelta(days=hari), nama=nama)
        if nama == "Rahmat Dua":
            sk.registrasi(MULAI + timedelta(days=hari))
        hasil.append(sk.sengketa)
    persona.skenario().terima(MULAI, nama="Orang Lain")
    return hasil


def test_cari_api_urutan_terbaru_jumlah_tepat_dan_halaman(persona, rahmat, monkeypatch):
    monkeypatch.setattr(Halaman, "page_size", 3)
    pertama = halaman_api(persona.panitera, "?q=rahmat")
    assert pertama["count"] == 4
    terbaru = [sk.pk for sk in reversed(rahmat)]
    assert [x["id"] for x in pertama["results"]] == terbaru[:3]
    assert pertama["results"][0]["pemohon"]["nama"] == "Rahmat Empat"
    assert pertama["next"] and pertama["previous"] is None
    kedua = halaman_api(persona.panitera, "?q=rahmat&page=2")
    assert (kedua["count"], [x["id"] for x in kedua["results"]]) == (4, terbaru[3:])
    # The list items are the list's items: the same as the unfiltered list shows.
    semua = {x["id"]: x for x in halaman_api(persona.panitera, "")["results"]}
    for x in pertama["results"]:
        assert x == semua[x["id"]]


def test_cari_api_dengan_status_dan_komisi(persona, rahmat, pusat):
    dua = rahmat[1]
    terdaftar = halaman_api(persona.panitera, f"?q=RAHMAT&status={S.TEREGISTRASI}")
    assert (terdaftar["count"], [x["id"] for x in terdaftar["results"]]) == (1, [dua.pk])
    kaltim = halaman_api(persona.panitera, f"?q=rahmat&komisi={persona.komisi.kode}")
    assert kaltim["count"] == 4
    assert halaman_api(persona.panitera, f"?q=rahmat&komisi={pusat.kode}")["count"] == 0


def test_cari_api_tidak_melampaui_yang_boleh_dilihat(persona, rahmat):
    assert halaman_api(persona.panitera_lain, "?q=rahmat") == {
        "count": 0, "next": None, "previous": None, "results": []
    }  # fmt: skip
    # The applicant's own account (every case of the scenario is filed for it) sees its own.
    pemohon = halaman_api(persona.aktor.pemohon, "?q=rahmat")
    assert pemohon["count"] == 4
