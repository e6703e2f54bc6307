"""The stored nearest deadline of a case (`Sengketa.tenggat_terdekat`) and the back-office
lists read from it (issue 8).

The column must equal the earliest running deadline (aktif, not met) after every step that
recomputes deadlines: each transition of the procedure, the hearing actions, a correction
(koreksi) and a change of the holiday calendar. It is written with one UPDATE at most per
step, and none when the nearest deadline did not move.
"""

import sys
from datetime import date

import pytest
from django.db import connection
from django.db.models import Min
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sengketa.models import JenisLibur, Sengketa, Tenggat
from sengketa.models import StatusSengketa as S
from tests.factories import pengguna_dengan_peran
from tests.kasus import MULAI, PEMBANGUN, kasus
from workflows import layanan as L
from workflows.kantor import selectors as sel
from workflows.layanan import tenggat as layanan_tenggat
from workflows.layanan.kalender import hari_libur_simpan
from workflows.layanan.pengalihan import tugas_alihkan
from workflows.rute import tugas_terbuka

pytestmark = pytest.mark.django_db

TUGAS = reverse("kantor:tugas")
ANTREAN = reverse("kantor:antrean")
TENGGAT = reverse("kantor:tenggat")


def dari_baris(pk: int) -> date | None:
    return Tenggat.objects.terbuka().filter(sengketa_id=pk).aggregate(m=Min("tanggal"))["m"]


def tersimpan(pk: int) -> date | None:
    return Sengketa.objects.values_list("tenggat_terdekat", flat=True).get(pk=pk)


def semua_sesuai() -> None:
    for pk, nilai in Sengketa.objects.values_list("pk", "tenggat_terdekat"):
        assert nilai == dari_baris(pk), pk


@pytest.fixture
def setiap_sinkron(monkeypatch):
    """Check every call of tenggat_sinkron, in every service module that imported it: after
    it the column equals the rows (and the instance the column), written by one UPDATE
    when it moved and by none when it did not. Returns [(case, before, after)]."""
    asli = layanan_tenggat.tenggat_sinkron
    catatan = []

    def diperiksa(sengketa, kal=None, **kw):
        sebelum = tersimpan(sengketa.pk)
        with CaptureQueriesContext(connection) as q:
            hasil = asli(sengketa, kal, **kw)
        tulis = [
            x["sql"]
            for x in q.captured_queries
            if x["sql"].startswith("UPDATE") and '"tenggat_terdekat"' in x["sql"]
        ]
        sesudah = tersimpan(sengketa.pk)
        assert sesudah == dari_baris(sengketa.pk)
        assert sengketa.tenggat_terdekat == sesudah
        assert len(tulis) == (1 if sebelum != sesudah else 0), tulis
        catatan.append((sengketa.pk, sebelum, sesudah))
        return hasil

    dibungkus = [
        modul
        for nama, modul in list(sys.modules.items())
        if nama.startswith("workflows.") and getattr(modul, "tenggat_sinkron", None) is asli
    ]
    assert len(dibungkus) >= 4  # dasar, permohonan, sidang, pemeriksaan, kalender
    for modul in dibungkus:
        monkeypatch.setattr(modul, "tenggat_sinkron", diperiksa)
    return catatan


@pytest.mark.parametrize("status", list(PEMBANGUN))
def test_kolom_sama_dengan_tenggat_terbuka_terdekat_setelah_setiap_langkah(
    persona, setiap_sinkron, status
):
    sk = kasus(persona, status)
    assert setiap_sinkron, "the steps recompute the deadlines"
    semua_sesuai()  # the transferred case of `dilimpahkan` too
    if status not in (S.DITERIMA, S.DICABUT):  # received only: the filing window was met
        assert any(sebelum != sesudah for pk, sebelum, sesudah in setiap_sinkron if pk == sk.id)


def test_koreksi_mengembalikan_tenggat_terdekat(persona, setiap_sinkron):
    sk = kasus(persona, S.MUSYAWARAH)
    sebelum = tersimpan(sk.id)
    sk.bacakan_putusan(sk.hk(MULAI, 30))  # the windows for copies and objection open
    assert tersimpan(sk.id) != sebelum
    L.sengketa_koreksi(sengketa_id=sk.id, oleh=persona.ketua, alasan="Putusan salah dibacakan")
    assert Sengketa.objects.get(pk=sk.id).status == S.MUSYAWARAH
    assert tersimpan(sk.id) == sebelum == dari_baris(sk.id)


def test_hari_libur_menggeser_tenggat_terdekat(persona, setiap_sinkron):
    sk = kasus(persona, S.TEREGISTRASI)
    lama = tersimpan(sk.id)
    _libur, bergeser = hari_libur_simpan(
        oleh=persona.admin,
        komisi=persona.komisi,
        tanggal=lama,
        jenis=JenisLibur.PENUTUPAN_KANTOR,
        keterangan="Kantor ditutup",
        dasar="SK Ketua 1/2024",
    )
    assert sk.id in bergeser
    assert tersimpan(sk.id) > lama
    semua_sesuai()


def test_segarkan_menulis_kolom_dari_baris(persona):
    a = kasus(persona, S.AJUDIKASI)
    kasus(persona, S.DICABUT)
    Sengketa.objects.update(tenggat_terdekat=date(2000, 1, 1))
    assert layanan_tenggat.segarkan_tenggat_terdekat(Sengketa.objects.all()) >= 2
    semua_sesuai()
    assert tersimpan(a.id) is not None


# -- the lists -------------------------------------------------------------------------


def test_kotak_masuk_dan_dasbor_urut_tenggat_terdekat(client, persona):
    ids = [kasus(persona, st).id for st in (S.AJUDIKASI, S.DITERIMA, S.TEREGISTRASI)]
    # Closed cases are never listed, even with a running deadline (performance period).
    tutup = kasus(persona, S.BERKEKUATAN_HUKUM_TETAP)
    urutan = sorted(ids, key=lambda pk: (tersimpan(pk) is None, tersimpan(pk) or MULAI, pk))
    assert tersimpan(ids[1]) is None  # received only: listed last (nulls last)
    client.force_login(persona.panitera)
    for url in (TUGAS, TENGGAT):
        respons = client.get(url)
        assert [b["sengketa"].pk if isinstance(b, dict) else b.sengketa.pk
                for b in respons.context["baris"]] == urutan  # fmt: skip
        assert respons.context["halaman"].paginator.count == 3
        assert tutup.id not in {
            (b["sengketa"] if isinstance(b, dict) else b.sengketa).pk
            for b in respons.context["baris"]
        }
    baris = client.get(TUGAS).context["baris"]
    assert all(b.tugas and b.pemegang for b in baris)
    assert all(b.tenggat and b.tenggat_tanggal and b.keadaan for b in baris[:2])


def test_antrean_pp_hanya_perkara_yang_ditanganinya(client, persona):
    milik = kasus(persona, S.AJUDIKASI)  # the persona's PP sits on it
    lain = persona.skenario().terima(MULAI)  # the registry's, not the PP's
    client.force_login(persona.pp)
    ids = {b.sengketa.pk for b in client.get(ANTREAN).context["baris"]}
    assert milik.id in ids and lain.id not in ids
    assert set(sel.kasus_antrean(persona.pp).values_list("pk", flat=True)) == ids
    assert {t.sengketa_id for t in sel.tugas_untuk(persona.pp)} == ids


def test_antrean_dua_bentuk_memilih_perkara_yang_sama(persona):
    """The queue is read in two forms of one rule (a page case by case, the count by hash):
    for every holder they select the same cases, before and after a reassignment."""
    ids = [kasus(persona, st).id for st in (S.DITERIMA, S.TEREGISTRASI, S.MEDIASI, S.AJUDIKASI)]
    panitera2 = pengguna_dengan_peran(persona.komisi, "panitera")
    orang = [persona.panitera, panitera2, persona.ketua, persona.pp, *persona.komisioner[:4]]

    def periksa():
        hasil = {}
        for p in orang:
            a = sel.antrean(p)
            halaman = set(a.halaman.values_list("pk", flat=True))
            assert halaman == set(a.hitung.values_list("pk", flat=True)), p
            hasil[p.pk] = halaman
        return hasil

    sebelum = periksa()
    assert ids[0] in sebelum[persona.panitera.pk] and ids[0] in sebelum[panitera2.pk]
    assert ids[2] in sebelum[persona.komisioner[3].pk]  # the mediator
    assert ids[3] in sebelum[persona.pp.pk] and ids[3] in sebelum[persona.komisioner[0].pk]
    tugas_alihkan(
        tugas_id=tugas_terbuka(ids[0]).pk, ke=panitera2, oleh=persona.ketua, alasan="Cuti"
    )
    sesudah = periksa()
    assert ids[0] not in sesudah[persona.panitera.pk] and ids[0] in sesudah[panitera2.pk]
    panitera2.is_active = False
    panitera2.save(update_fields=["is_active"])
    assert ids[0] in periksa()[persona.panitera.pk]  # back to the role queue
