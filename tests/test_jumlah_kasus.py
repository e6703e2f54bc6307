"""The per-commission case counters (sengketa.models.JumlahKasus): on PostgreSQL the triggers
of migration 0009_jumlah_kasus keep each commission's number of cases on every path that
adds, removes or moves a case, and the API's case list reports them as its `count`.

The API tests run on both databases: on SQLite the list counts its rows, to the same
answers."""

import importlib

import pytest
from django.db import connection
from rest_framework.test import APIClient

from api.galat import Halaman
from sengketa.models import JumlahKasus, KomisiInformasi, Sengketa
from sengketa.models import StatusSengketa as S
from sengketa.selectors import jumlah_terlihat, sengketa_terlihat
from tests.kasus import MULAI, kasus
from workflows.skenario import Aktor, Skenario

pytestmark = pytest.mark.django_db

postgres = pytest.mark.postgres


def hitungan() -> dict[int, int]:
    """The counters that are not zero."""
    return dict(JumlahKasus.objects.exclude(jumlah=0).values_list("komisi_id", "jumlah"))


def sebenarnya() -> dict[int, int]:
    baris = Sengketa.objects.order_by().values_list("komisi_id")
    return {k: baris.filter(komisi_id=k).count() for (k,) in baris.distinct()}


def kasus_pusat(persona, nama="Siti Aminah"):
    aktor = Aktor(panitera=persona.panitera_lain, ketua=persona.ketua_lain, ketua_majelis=None,
                  anggota=[], pp=None, mediator=None)  # fmt: skip
    pusat = KomisiInformasi.objects.get(kode="KI-PUSAT")
    return Skenario(pusat, aktor).terima(MULAI, nama=nama).sengketa


@postgres
def test_penghitung_mengikuti_kasus_baru_dihapus_dan_dipindah(persona):
    a = persona.skenario().terima(MULAI).sengketa
    kasus(persona, S.TEREGISTRASI)
    b = kasus_pusat(persona)
    kaltim, pusat = persona.komisi.pk, b.komisi_id
    assert hitungan() == sebenarnya() == {kaltim: 2, pusat: 1}

    # Many cases in one statement (a bulk load): each commission's counter moves once.
    salinan = []
    for _ in range(3):
        s = Sengketa.objects.get(pk=a.pk)
        s.pk = s.id = None
        s.nomor_register = ""
        salinan.append(s)
    Sengketa.objects.bulk_create(salinan)
    assert hitungan() == sebenarnya() == {kaltim: 5, pusat: 1}

    # A case moved to another commission (the admin can), both ways.
    Sengketa.objects.filter(pk=salinan[0].pk).update(komisi_id=pusat)
    assert hitungan() == sebenarnya() == {kaltim: 4, pusat: 2}
    Sengketa.objects.filter(pk=salinan[0].pk).update(komisi_id=kaltim, alasan=["a"])
    Sengketa.objects.filter(pk=salinan[1].pk).update(alasan=["b"])  # no move: no change
    assert hitungan() == sebenarnya() == {kaltim: 5, pusat: 1}

    Sengketa.objects.filter(pk__in=[s.pk for s in salinan]).delete()
    assert hitungan() == sebenarnya() == {kaltim: 2, pusat: 1}


@postgres
def test_isi_awal_migrasi_sama_dengan_penghitung(persona):
    persona.skenario().terima(MULAI)
    kasus(persona, S.MEDIASI)
    kasus_pusat(persona)
    dijaga = hitungan()
    migrasi = importlib.import_module("sengketa.migrations.0009_jumlah_kasus")
    JumlahKasus.objects.all().delete()
    with connection.cursor() as c:
        c.execute(migrasi.ISI)
    assert hitungan() == dijaga == sebenarnya()


@postgres
def test_jumlah_terlihat_staf_dengan_kuasa_di_komisi_lain(persona):
    """A registrar of KI Pusat who represents an applicant before KIP Kaltim: the counters
    of its commission plus that one case, as sengketa_terlihat counts them."""
    diwakili = persona.skenario().terima(MULAI).sengketa
    persona.aktor.pemohon = None
    persona.skenario().terima(MULAI, nama="Ani")
    kasus_pusat(persona)
    kasus_pusat(persona, nama="Budi")
    staf = persona.panitera_lain
    assert jumlah_terlihat(staf) == sengketa_terlihat(staf).count() == 2
    diwakili.pemohon.kuasa.create(nama="Advokat", pengguna=staf)
    staf = type(staf).objects.get(pk=staf.pk)  # role and party caches live on the instance
    assert jumlah_terlihat(staf) == sengketa_terlihat(staf).count() == 3
    assert jumlah_terlihat(staf, "KIP-KALTIM") == 1
    assert jumlah_terlihat(staf, "KI-PUSAT") == 2
    assert jumlah_terlihat(staf, "TIDAK-ADA") == 0
    # A party counts its few cases itself.
    assert jumlah_terlihat(persona.pemohon) is None


def test_daftar_api_jumlah_sama_dengan_kasus_terlihat(persona, monkeypatch):
    """On both databases: `count` of the unfiltered list, of one commission's and of a
    status is the number of cases the user sees."""
    for _ in range(3):
        persona.skenario().terima(MULAI)
    kasus(persona, S.TEREGISTRASI)
    kasus_pusat(persona)
    klien = APIClient()

    def jumlah(pengguna, query=""):
        klien.force_authenticate(pengguna)
        r = klien.get(f"/api/v1/sengketa/{query}")
        assert r.status_code == 200
        return r.json()["count"]

    assert jumlah(persona.panitera) == 4
    assert jumlah(persona.panitera, "?komisi=KIP-KALTIM") == 4
    assert jumlah(persona.panitera, "?komisi=KI-PUSAT") == 0
    assert jumlah(persona.panitera, "?status=teregistrasi") == 1
    assert jumlah(persona.panitera_lain) == 1
    assert jumlah(persona.pemohon) == sengketa_terlihat(persona.pemohon).count() == 4
    # A page past the first still reports the whole count.
    monkeypatch.setattr(Halaman, "page_size", 3)
    klien.force_authenticate(persona.panitera)
    r = klien.get("/api/v1/sengketa/?page=2")
    assert r.status_code == 200 and r.json()["count"] == 4 and len(r.json()["results"]) == 1


@postgres
def test_daftar_api_membaca_penghitung_dan_perintah_memperbaikinya(persona):
    """The list's `count` is the counter (it is not counted again), so a counter written
    past the triggers shows there until `segarkan_indeks_cari` repairs it."""
    import io

    from django.core.management import call_command

    def perintah(*argumen) -> list[str]:
        keluaran = io.StringIO()
        call_command("segarkan_indeks_cari", *argumen, stdout=keluaran)
        return keluaran.getvalue().strip().splitlines()

    persona.skenario().terima(MULAI)
    kasus(persona, S.DITERIMA)
    klien = APIClient()
    klien.force_authenticate(persona.panitera)
    assert klien.get("/api/v1/sengketa/").json()["count"] == 2
    JumlahKasus.objects.filter(pk=persona.komisi.pk).update(jumlah=99)
    JumlahKasus.objects.create(komisi=KomisiInformasi.objects.get(kode="KI-PUSAT"), jumlah=5)
    assert klien.get("/api/v1/sengketa/").json()["count"] == 99

    assert perintah("--periksa")[1] == "2 komisi dengan jumlah perkara berbeda"
    assert hitungan() == {persona.komisi.pk: 99, KomisiInformasi.objects.get(kode="KI-PUSAT").pk: 5}
    assert perintah()[1] == "2 komisi dengan jumlah perkara berbeda; 2 ditulis ulang"
    assert hitungan() == sebenarnya() == {persona.komisi.pk: 2}
    assert klien.get("/api/v1/sengketa/").json()["count"] == 2
    assert perintah("--periksa")[1] == "0 komisi dengan jumlah perkara berbeda"
