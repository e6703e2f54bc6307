"""Reassignment of open tasks (issue 3): the ketua or the registry names who does a task of
a case, with a reason and a history row; a task named for someone leaves the others' queue;
the next task after a transition opens in the role queue again; bulk moves when someone
leaves; no step can be done twice by double-clicking."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from sengketa.galat import ParameterTidakValid, PrasyaratTidakTerpenuhi, TidakBerwenang
from sengketa.models import StatusSengketa as S
from tests.factories import pengguna_dengan_peran
from tests.kasus import MULAI, kasus
from workflows.kantor.selectors import tugas_terlihat, tugas_untuk
from workflows.layanan import pengalihan as layanan
from workflows.models import PengalihanTugas
from workflows.rute import tugas_terbuka

pytestmark = pytest.mark.django_db

TUGAS = reverse("kantor:tugas")
ANTREAN = reverse("kantor:antrean")
MASSAL = reverse("kantor:pengalihan_massal")


def url_alih(pk: int) -> str:
    return reverse("kantor:pengalihan", args=[pk])


def halaman_kasus(pk: int) -> str:
    return reverse("kantor:sengketa", args=[pk])


def masuk(client, pengguna):
    client.force_login(pengguna)
    return client


def ada_tautan(respons, pk: int) -> bool:
    return f'href="{halaman_kasus(pk)}"' in respons.content.decode()


def data_alih(tugas, ke, alasan="Cuti tahunan", pemilik=None) -> dict:
    return {
        "alih-tugas": tugas.pk,
        "alih-pemilik": "" if pemilik is None else pemilik,
        "alih-ke": ke.username,
        "alih-alasan": alasan,
    }


@pytest.fixture
def panitera2(persona):
    return pengguna_dengan_peran(persona.komisi, "panitera")


@pytest.fixture
def baru(persona):
    """A case just received: its task (check the file) is the registry's."""
    return kasus(persona, S.DITERIMA)


# -- who may reassign ------------------------------------------------------------------


@pytest.mark.parametrize("siapa", ["ketua", "panitera"])
def test_ketua_dan_panitera_mengalihkan_tugas_dengan_alasan(
    client, persona, baru, panitera2, siapa
):
    oleh = getattr(persona, siapa)
    tugas = tugas_terbuka(baru.id)
    respons = masuk(client, oleh).post(url_alih(baru.id), data_alih(tugas, panitera2))
    assert respons.status_code == 302
    assert respons["Location"] == halaman_kasus(baru.id) + "#pengalihan"
    tugas.refresh_from_db()
    assert tugas.owner == panitera2 and tugas.status == "ASSIGNED" and tugas.assigned
    baris = PengalihanTugas.objects.get()
    assert (baris.tugas, baris.sengketa_id, baris.dari, baris.ke, baris.oleh) == (
        tugas,
        baru.id,
        None,
        panitera2,
        oleh,
    )
    assert baris.alasan == "Cuti tahunan" and not baris.massal and baris.dicatat_pada
    # The case itself is untouched: same status, no history row, no version change.
    assert baru.segarkan().sengketa.status == S.DITERIMA


@pytest.mark.parametrize("siapa", ["komisioner", "pp", "admin"])
def test_komisioner_pp_dan_admin_tidak_boleh_mengalihkan(client, persona, baru, panitera2, siapa):
    oleh = persona.komisioner[0] if siapa == "komisioner" else getattr(persona, siapa)
    tugas = tugas_terbuka(baru.id)
    masuk(client, oleh)
    halaman = client.get(url_alih(baru.id))
    assert halaman.status_code == 403
    assert 'data-kode="tidak_berwenang"' in halaman.content.decode()
    assert 'name="alih-ke"' not in halaman.content.decode()
    assert client.post(url_alih(baru.id), data_alih(tugas, panitera2)).status_code == 403
    assert not PengalihanTugas.objects.exists()
    tugas.refresh_from_db()
    assert tugas.owner is None
    # The case page offers no reassignment form to them.
    assert 'name="alih-ke"' not in client.get(halaman_kasus(baru.id)).content.decode()


def test_staf_komisi_lain_tidak_melihat_dan_tidak_bisa_mengalihkan(client, persona, baru):
    tugas = tugas_terbuka(baru.id)
    for orang in (persona.ketua_lain, persona.panitera_lain):
        masuk(client, orang)
        assert client.get(url_alih(baru.id)).status_code == 404
        assert client.post(url_alih(baru.id), data_alih(tugas, persona.panitera)).status_code == 404
    with pytest.raises(TidakBerwenang):
        layanan.tugas_alihkan(
            tugas_id=tugas.pk, ke=persona.panitera, oleh=persona.ketua_lain, alasan="x"
        )
    assert not PengalihanTugas.objects.exists()


# -- who may hold it -------------------------------------------------------------------


def test_penerima_yang_tidak_berwenang_ditolak_dengan_alasan_jelas(client, persona, baru):
    tugas = tugas_terbuka(baru.id)
    masuk(client, persona.ketua)
    pilihan = client.get(url_alih(baru.id)).content.decode()
    # Only the registry (and a PP of the case, none yet) is offered.
    assert f'value="{persona.panitera.username}"' in pilihan
    assert f'value="{persona.komisioner[0].username}"' not in pilihan
    for bukan in (persona.komisioner[0], persona.panitera_lain, persona.pemohon):
        respons = client.post(url_alih(baru.id), data_alih(tugas, bukan))
        assert respons.status_code == 400, bukan
        isi = respons.content.decode()
        bagian = isi.split('data-medan="ke"', 1)[1].split('data-medan="', 1)[0]
        assert "galat-medan" in bagian
        with translation.override("id"):
            pesan = layanan.alasan_tidak_sah(bukan, baru.sengketa, tugas)
        assert pesan and escape(pesan) in isi
    assert not PengalihanTugas.objects.exists()


def test_tugas_pemeriksaan_hanya_untuk_ketua_majelis_dan_pp_perkara(persona):
    sk = kasus(persona, S.AJUDIKASI)
    tugas = tugas_terbuka(sk.id)
    assert tugas.flow_task.name == "ajudikasi"
    boleh = set(layanan.sel.pemegang_sah(sk.sengketa, "ajudikasi"))
    assert boleh == {persona.komisioner[0], persona.pp}
    with pytest.raises(ParameterTidakValid) as galat:
        layanan.tugas_alihkan(
            tugas_id=tugas.pk, ke=persona.komisioner[1], oleh=persona.ketua, alasan="x"
        )
    assert list(galat.value.galat) == ["ke"]
    layanan.tugas_alihkan(tugas_id=tugas.pk, ke=persona.pp, oleh=persona.panitera, alasan="x")
    tugas.refresh_from_db()
    assert tugas.owner == persona.pp


def test_alasan_wajib_diisi(client, persona, baru, panitera2):
    tugas = tugas_terbuka(baru.id)
    respons = masuk(client, persona.panitera).post(
        url_alih(baru.id), data_alih(tugas, panitera2, alasan="   ")
    )
    assert respons.status_code == 400
    assert not PengalihanTugas.objects.exists()


# -- history ---------------------------------------------------------------------------


def test_riwayat_pengalihan_berurutan_dan_tampil_di_halaman_kasus(client, persona, baru, panitera2):
    tugas = tugas_terbuka(baru.id)
    layanan.tugas_alihkan(tugas_id=tugas.pk, ke=panitera2, oleh=persona.ketua, alasan="Beban")
    layanan.tugas_alihkan(
        tugas_id=tugas.pk, ke=persona.panitera, oleh=persona.panitera, alasan="Kembali bertugas"
    )
    pertama, kedua = PengalihanTugas.objects.order_by("pk")
    assert (pertama.dari, pertama.ke, pertama.oleh) == (None, panitera2, persona.ketua)
    assert (kedua.dari, kedua.ke, kedua.oleh) == (panitera2, persona.panitera, persona.panitera)
    isi = masuk(client, persona.komisioner[0]).get(halaman_kasus(baru.id)).content.decode()
    riwayat = isi.split('id="riwayat-pengalihan"', 1)[1].split("</table>", 1)[0]
    assert riwayat.index("Beban") < riwayat.index("Kembali bertugas")
    assert escape(persona.ketua.get_full_name()) in riwayat
    assert escape(panitera2.get_full_name()) in riwayat
    # The open task names its holder at the top of the section.
    assert f'data-tugas="{tugas.pk}"' in isi


# -- inbox and queue -------------------------------------------------------------------


def test_tugas_bernama_pindah_dari_antrean_peran_ke_pemiliknya(client, persona, baru, panitera2):
    tugas = tugas_terbuka(baru.id)
    assert tugas in tugas_untuk(persona.panitera) and tugas in tugas_untuk(panitera2)
    layanan.tugas_alihkan(tugas_id=tugas.pk, ke=panitera2, oleh=persona.ketua, alasan="Cuti")
    assert tugas not in tugas_untuk(persona.panitera)
    assert tugas in tugas_untuk(panitera2)
    assert ada_tautan(masuk(client, panitera2).get(ANTREAN), baru.id)
    assert not ada_tautan(masuk(client, persona.panitera).get(ANTREAN), baru.id)
    # The inbox still lists every task of the commission, with its named holder.
    kotak = masuk(client, persona.panitera).get(TUGAS)
    assert ada_tautan(kotak, baru.id)
    assert escape(panitera2.get_full_name()) in kotak.content.decode()
    assert tugas in tugas_terlihat(persona.komisioner[0])


def test_pemilik_nonaktif_tugasnya_kembali_ke_antrean_peran(persona, baru, panitera2):
    tugas = tugas_terbuka(baru.id)
    layanan.tugas_alihkan(tugas_id=tugas.pk, ke=panitera2, oleh=persona.ketua, alasan="Cuti")
    panitera2.is_active = False
    panitera2.save()
    persona.panitera.__dict__.pop("_komisi_ids", None)
    assert tugas in tugas_untuk(persona.panitera)


def test_transisi_tetap_lewat_layanan_dan_tugas_berikutnya_di_antrean_peran(
    client, persona, baru, panitera2
):
    tugas = tugas_terbuka(baru.id)
    layanan.tugas_alihkan(tugas_id=tugas.pk, ke=panitera2, oleh=persona.ketua, alasan="Cuti")
    # Another registrar still may act: authority is the role's; the service closes the task.
    baru.registrasi(baru.sengketa.tanggal_diterima)
    tugas.refresh_from_db()
    assert tugas.status == "DONE" and tugas.owner == persona.panitera
    berikut = tugas_terbuka(baru.id)
    assert berikut.flow_task.name == "tetapkan_majelis"
    assert berikut.owner is None and berikut.status == "NEW"
    assert berikut in tugas_untuk(persona.ketua)
    assert berikut not in tugas_untuk(panitera2)
    # A closed task cannot be reassigned any more.
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        layanan.tugas_alihkan(
            tugas_id=tugas.pk, ke=persona.panitera, oleh=persona.ketua, alasan="x"
        )
    assert galat.value.kode_alasan == ["tugas_sudah_selesai"]


# -- double submission -----------------------------------------------------------------


def test_kirim_ganda_pengalihan_ditolak_dan_satu_baris_riwayat(client, persona, baru, panitera2):
    tugas = tugas_terbuka(baru.id)
    masuk(client, persona.panitera)
    data = data_alih(tugas, panitera2)
    assert client.post(url_alih(baru.id), data).status_code == 302
    kedua = client.post(url_alih(baru.id), data)
    assert kedua.status_code == 409
    assert 'data-kode="konflik_bersamaan"' in kedua.content.decode()
    assert PengalihanTugas.objects.count() == 1
    # The same person again, on a fresh form: refused, nothing recorded.
    segar = data_alih(tugas, panitera2, pemilik=panitera2.pk)
    assert client.post(url_alih(baru.id), segar).status_code == 400
    assert PengalihanTugas.objects.count() == 1


def test_formulir_basi_setelah_rekan_mengalihkan_ditolak(client, persona, baru, panitera2):
    tugas = tugas_terbuka(baru.id)
    data = data_alih(tugas, panitera2)  # the form as the ketua saw it (role queue)
    layanan.tugas_alihkan(tugas_id=tugas.pk, ke=persona.panitera, oleh=persona.panitera, alasan="x")
    respons = masuk(client, persona.ketua).post(url_alih(baru.id), data)
    assert respons.status_code == 409
    tugas.refresh_from_db()
    assert tugas.owner == persona.panitera


# -- bulk ------------------------------------------------------------------------------


@pytest.fixture
def tiga_tugas(persona, panitera2):
    """Three received cases whose tasks were named for panitera2, plus one for the ketua."""
    daftar = []
    for i in range(3):
        sk = persona.skenario().terima(MULAI, nama=f"Pemohon {i}")
        t = tugas_terbuka(sk.id)
        layanan.tugas_alihkan(tugas_id=t.pk, ke=panitera2, oleh=persona.ketua, alasan="Beban")
        daftar.append(t)
    lain = persona.skenario().terima(MULAI, nama="Pemohon lain")
    return daftar, lain


def test_pengalihan_massal_dengan_konfirmasi(client, persona, panitera2, tiga_tugas):
    daftar, lain = tiga_tugas
    panitera3 = pengguna_dengan_peran(persona.komisi, "panitera")
    masuk(client, persona.ketua)
    halaman = client.get(MASSAL)
    assert halaman.status_code == 200
    assert f'<option value="{panitera2.pk}">' in halaman.content.decode()
    isian = {"komisi": persona.komisi.pk, "dari": panitera2.pk, "ke": panitera3.username}
    isian["alasan"] = "Pindah tugas ke komisi lain"
    pratinjau = client.post(MASSAL, {**isian, "langkah": "pratinjau"})
    assert pratinjau.status_code == 200
    isi = pratinjau.content.decode()
    for t in daftar:
        assert f'data-tugas="{t.pk}"' in isi
    assert 'value="simpan"' in isi
    assert PengalihanTugas.objects.count() == 3  # nothing moved yet
    simpan = {**isian, "langkah": "simpan", "tugas": [t.pk for t in daftar]}
    respons = client.post(MASSAL, simpan)
    assert respons.status_code == 302
    pindah = PengalihanTugas.objects.filter(massal=True)
    assert pindah.count() == 3
    assert {p.tugas_id for p in pindah} == {t.pk for t in daftar}
    assert all(
        p.dari == panitera2 and p.ke == panitera3 and p.oleh == persona.ketua for p in pindah
    )
    assert all(t in tugas_untuk(panitera3) for t in daftar)
    assert tugas_terbuka(lain.id).owner is None  # a task in the role queue does not move
    # Double submission: nothing left to move, nothing recorded twice.
    kedua = client.post(MASSAL, simpan)
    assert kedua.status_code == 409
    assert 'data-kode="prasyarat_tidak_terpenuhi"' in kedua.content.decode()
    assert PengalihanTugas.objects.filter(massal=True).count() == 3


def test_pengalihan_massal_ke_orang_tak_berwenang_ditolak_seluruhnya(
    client, persona, panitera2, tiga_tugas
):
    daftar, _lain = tiga_tugas
    masuk(client, persona.panitera)
    isian = {
        "komisi": persona.komisi.pk,
        "dari": panitera2.pk,
        "ke": persona.komisioner[0].username,
        "alasan": "Pensiun",
    }
    pratinjau = client.post(MASSAL, {**isian, "langkah": "pratinjau"}).content.decode()
    assert 'value="simpan"' not in pratinjau  # no confirm button
    with translation.override("id"):
        pesan = layanan.alasan_tidak_sah(
            persona.komisioner[0], daftar[0].process.sengketa, daftar[0]
        )
    assert escape(pesan) in pratinjau
    paksa = client.post(MASSAL, {**isian, "langkah": "simpan", "tugas": [t.pk for t in daftar]})
    assert paksa.status_code == 409
    assert PengalihanTugas.objects.filter(massal=True).count() == 0
    for t in daftar:
        t.refresh_from_db()
        assert t.owner == panitera2


def test_pengalihan_massal_daftar_berubah_ditolak(client, persona, panitera2, tiga_tugas):
    daftar, _lain = tiga_tugas
    panitera3 = pengguna_dengan_peran(persona.komisi, "panitera")
    isian = {
        "komisi": persona.komisi.pk,
        "dari": panitera2.pk,
        "ke": panitera3.username,
        "alasan": "Pensiun",
        "langkah": "simpan",
        "tugas": [t.pk for t in daftar[:2]],  # the page showed two; now there are three
    }
    respons = masuk(client, persona.ketua).post(MASSAL, isian)
    assert respons.status_code == 409
    assert 'data-kode="konflik_bersamaan"' in respons.content.decode()
    assert not PengalihanTugas.objects.filter(massal=True).exists()


def test_pengalihan_massal_untuk_orang_yang_sudah_nonaktif(persona, panitera2, tiga_tugas):
    daftar, _lain = tiga_tugas
    panitera2.is_active = False
    panitera2.save()
    hasil = layanan.tugas_alihkan_massal(
        komisi_id=persona.komisi.pk,
        dari=panitera2.pk,
        ke=persona.panitera,
        oleh=persona.ketua,
        alasan="Berhenti",
        tugas_ids=[t.pk for t in daftar],
    )
    assert len(hasil) == 3


@pytest.mark.parametrize("siapa", ["komisioner", "pp", "admin", "panitera_lain"])
def test_halaman_massal_hanya_untuk_ketua_dan_panitera(client, persona, siapa, panitera2):
    orang = persona.komisioner[0] if siapa == "komisioner" else getattr(persona, siapa)
    assert masuk(client, orang).get(MASSAL).status_code == (
        200 if siapa == "panitera_lain" else 403
    )
    if siapa == "panitera_lain":
        # Their own commission only: the other commission's people are not offered.
        assert f'value="{panitera2.username}"' not in client.get(MASSAL).content.decode()
