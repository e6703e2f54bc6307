"""Appointing the majelis, conflicts of interest and recusal (siklus-sengketa.md §1, §3
`tetapkan_majelis` and `mulai_mediasi`, §4 recusal; Perki 1/2013 Pasal 20-22)."""

import contextlib
from datetime import date

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from sengketa.galat import (
    KesalahanProsedur,
    ParameterTidakValid,
    PrasyaratTidakTerpenuhi,
    TidakBerwenang,
)
from sengketa.models import (
    KonflikKepentingan,
    Penugasan,
    PermohonanPenggantian,
    RiwayatStatus,
    StatusSengketa,
)
from tests.factories import pengguna_dengan_peran
from tests.kasus import kasus
from workflows import layanan as L
from workflows.layanan.penugasan import (
    konflik_nyatakan,
    penggantian_ajukan,
    penggantian_putuskan,
)
from workflows.skenario import Aktor, Skenario

pytestmark = pytest.mark.django_db

MULAI = date(2024, 3, 6)
MAJELIS = date(2024, 3, 8)  # 2 HK after MULAI
AJU = date(2024, 3, 13)
PUTUS = date(2024, 3, 14)


def teregistrasi(persona) -> Skenario:
    return persona.skenario().terima(MULAI).registrasi(MULAI)


def pemeriksaan_awal(persona) -> Skenario:
    return teregistrasi(persona).tetapkan_majelis(MAJELIS)


def tetapkan(sk, persona, **ubah):
    param = {
        "sengketa_id": sk.id,
        "oleh": persona.ketua,
        "ketua_majelis": persona.komisioner[0],
        "anggota": persona.komisioner[1:3],
        "panitera_pengganti": persona.pp,
        "tanggal": MAJELIS,
    } | ubah
    return L.sengketa_tetapkan_majelis(**param)


def aktif(sk) -> set[tuple[int, str]]:
    return set(
        Penugasan.objects.filter(sengketa_id=sk.id, aktif=True).values_list("pengguna_id", "peran")
    )


def penugasan(sk, pengguna) -> Penugasan:
    return Penugasan.objects.get(sengketa_id=sk.id, pengguna=pengguna, aktif=True)


def ajukan(sk, persona, pengguna, *, oleh=None, tanggal=AJU):
    return penggantian_ajukan(
        sengketa_id=sk.id,
        oleh=oleh or persona.pemohon,
        pihak=sk.segarkan().sengketa.pemohon,
        penugasan_id=penugasan(sk, pengguna).pk,
        alasan="Anggota majelis pernah menjadi konsultan Termohon",
        tanggal=tanggal,
    )


def putuskan(permohonan, persona, *, dikabulkan=True, pengganti=None, oleh=None, tanggal=PUTUS):
    return penggantian_putuskan(
        permohonan_id=permohonan.pk,
        oleh=oleh or persona.ketua,
        dikabulkan=dikabulkan,
        pertimbangan="Dipertimbangkan oleh Ketua",
        pengganti=pengganti,
        tanggal=tanggal,
    )


def nyatakan_konflik(sk, persona, pengguna, oleh=None):
    return konflik_nyatakan(
        sengketa_id=sk.id,
        oleh=oleh or pengguna,
        pengguna=pengguna,
        uraian="Pernah menjadi kuasa hukum Termohon",
        tanggal=MULAI,
    )


# -- tetapkan_majelis ------------------------------------------------------------------------


def test_majelis_yang_sah_ditetapkan_beserta_pp(persona):
    sk = teregistrasi(persona)
    k = persona.komisioner
    s = tetapkan(sk, persona)
    assert s.status == StatusSengketa.PEMERIKSAAN_AWAL
    assert s.tanggal_majelis_ditetapkan == MAJELIS
    assert aktif(sk) == {
        (k[0].pk, "ketua_majelis"),
        (k[1].pk, "anggota_majelis"),
        (k[2].pk, "anggota_majelis"),
        (persona.pp.pk, "panitera_pengganti"),
    }
    riwayat = RiwayatStatus.objects.get(sengketa_id=sk.id, transisi="tetapkan_majelis")
    assert riwayat.parameter["ketua_majelis"] == k[0].get_username()
    assert riwayat.parameter["panitera_pengganti"] == persona.pp.get_username()


@pytest.mark.parametrize(
    "kasus_salah",
    [
        "genap",
        "kurang_dari_tiga",
        "ganda",
        "pp_juga_anggota",
        "bukan_komisioner",
        "komisioner_komisi_lain",
        "ketua_majelis_komisi_lain",
        "pp_bukan_kepaniteraan",
    ],
)
def test_majelis_yang_tidak_sah_ditolak(persona, kasus_salah):
    sk = teregistrasi(persona)
    k = persona.komisioner
    ubah = {
        "genap": {"anggota": k[1:4]},
        "kurang_dari_tiga": {"anggota": []},
        "ganda": {"anggota": [k[1], k[0]]},
        "pp_juga_anggota": {"anggota": [k[1], persona.pp]},
        "bukan_komisioner": {"anggota": [k[1], persona.panitera]},
        "komisioner_komisi_lain": {"anggota": [k[1], persona.ketua_lain]},
        "ketua_majelis_komisi_lain": {"ketua_majelis": persona.ketua_lain},
        "pp_bukan_kepaniteraan": {"panitera_pengganti": k[4]},
    }[kasus_salah]
    with pytest.raises(ParameterTidakValid) as galat:
        tetapkan(sk, persona, **ubah)
    # The refusal names the field that holds the wrong person (the form shows it there).
    medan = {
        "pp_bukan_kepaniteraan": "panitera_pengganti",
        "ketua_majelis_komisi_lain": "ketua_majelis",
    }.get(kasus_salah, "anggota")
    assert set(galat.value.galat) == {medan}
    assert sk.segarkan().sengketa.status == StatusSengketa.TEREGISTRASI
    assert not Penugasan.objects.filter(sengketa_id=sk.id).exists()


def test_api_ketua_majelis_dari_komisi_lain_ditolak_di_medan_ketua_majelis(persona):
    sk = teregistrasi(persona)
    klien = APIClient()
    klien.force_authenticate(persona.ketua)
    data = {
        "ketua_majelis": persona.ketua_lain.username,
        "anggota": [u.username for u in persona.komisioner[1:3]],
        "panitera_pengganti": persona.pp.username,
        "tanggal": MAJELIS.isoformat(),
    }
    r = klien.post(f"/api/v1/sengketa/{sk.id}/transisi/tetapkan_majelis/", data, format="json")
    assert r.status_code == 400
    assert list(r.json()["errors"]) == ["ketua_majelis"]
    nama = persona.ketua_lain.get_full_name() or persona.ketua_lain.username
    assert nama in r.json()["errors"]["ketua_majelis"][0]
    assert not Penugasan.objects.filter(sengketa_id=sk.id).exists()


def test_form_kantor_ketua_majelis_dari_komisi_lain_ditolak_di_medan_ketua_majelis(client, persona):
    sk = teregistrasi(persona)
    client.force_login(persona.ketua)
    url = reverse("kantor:transisi", args=[sk.id, "tetapkan_majelis"])
    data = {
        "ketua_majelis": persona.ketua_lain.username,
        "anggota": [u.username for u in persona.komisioner[1:3]],
        "panitera_pengganti": persona.pp.username,
    }
    r = client.post(url, data)
    assert r.status_code == 400
    form = r.context["form"]
    assert set(form.errors) == {"ketua_majelis"}
    isi = r.content.decode()
    medan = isi.split('data-medan="ketua_majelis"', 1)[1].split('data-medan="', 1)[0]
    assert "galat-medan" in medan
    assert not Penugasan.objects.filter(sengketa_id=sk.id).exists()


def test_jumlah_majelis_minimal_adalah_pengaturan_komisi(persona):
    persona.komisi.jumlah_majelis_minimal = 5
    persona.komisi.save()
    sk = teregistrasi(persona)
    with pytest.raises(ParameterTidakValid):
        tetapkan(sk, persona)
    s = tetapkan(sk, persona, anggota=[*persona.komisioner[1:5]])
    assert s.status == StatusSengketa.PEMERIKSAAN_AWAL
    assert len(aktif(sk)) == 6


def test_penetapan_hanya_oleh_ketua_komisi(persona):
    sk = teregistrasi(persona)
    for orang in (persona.panitera, persona.komisioner[0], persona.ketua_lain, persona.admin):
        with pytest.raises(TidakBerwenang):
            tetapkan(sk, persona, oleh=orang)


def test_majelis_yang_menyatakan_konflik_kepentingan_ditolak(persona):
    sk = teregistrasi(persona)
    k = persona.komisioner
    konflik = nyatakan_konflik(sk, persona, k[1])
    assert konflik.dicatat_oleh == k[1]
    riwayat = RiwayatStatus.objects.get(sengketa_id=sk.id, transisi="nyatakan_konflik")
    assert not riwayat.ubah_status
    assert riwayat.parameter["pengguna"] == k[1].get_username()

    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        tetapkan(sk, persona)
    assert galat.value.kode_alasan == ["konflik_kepentingan"]
    assert sk.segarkan().sengketa.status == StatusSengketa.TEREGISTRASI
    # Recorded by the registry for the PP: the PP is refused too.
    nyatakan_konflik(sk, persona, persona.pp, oleh=persona.panitera)
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        tetapkan(sk, persona, anggota=[k[2], k[3]])
    assert galat.value.kode_alasan == ["konflik_kepentingan"]
    # Without the conflicted people the panel is appointed.
    s = tetapkan(sk, persona, anggota=[k[2], k[3]], panitera_pengganti=persona.panitera)
    assert s.status == StatusSengketa.PEMERIKSAAN_AWAL


def test_konflik_orang_lain_hanya_dicatat_kepaniteraan_atau_ketua(persona):
    sk = teregistrasi(persona)
    for orang in (persona.pemohon, persona.komisioner[2], persona.panitera_lain):
        with pytest.raises(TidakBerwenang):
            nyatakan_konflik(sk, persona, persona.komisioner[1], oleh=orang)
    assert not KonflikKepentingan.objects.filter(sengketa_id=sk.id).exists()
    nyatakan_konflik(sk, persona, persona.komisioner[1], oleh=persona.ketua)
    assert KonflikKepentingan.objects.filter(sengketa_id=sk.id).count() == 1


def test_mediator_yang_berkonflik_ditolak(persona):
    sk = kasus(persona, StatusSengketa.PEMERIKSAAN_AWAL)
    k = persona.komisioner
    nyatakan_konflik(sk, persona, k[3])
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        L.sengketa_mulai_mediasi(
            sengketa_id=sk.id,
            oleh=persona.pp,
            mediator=k[3],
            persetujuan_para_pihak=True,
            tanggal=date(2024, 3, 20),
        )
    assert galat.value.kode_alasan == ["konflik_kepentingan"]
    assert sk.segarkan().sengketa.status == StatusSengketa.PEMERIKSAAN_AWAL
    assert not Penugasan.objects.filter(sengketa_id=sk.id, peran="mediator").exists()
    s = L.sengketa_mulai_mediasi(
        sengketa_id=sk.id,
        oleh=persona.pp,
        mediator=k[4],
        persetujuan_para_pihak=True,
        tanggal=date(2024, 3, 20),
    )
    assert s.status == StatusSengketa.MEDIASI
    assert penugasan(sk, k[4]).peran == "mediator"


# -- permission follows the assignment -------------------------------------------------------


def test_ketua_majelis_perkara_a_tidak_berwenang_atas_perkara_b(persona):
    a = pemeriksaan_awal(persona)
    k = persona.komisioner
    aktor_b = Aktor(
        panitera=persona.panitera,
        ketua=persona.ketua,
        ketua_majelis=k[3],
        anggota=[k[4], persona.ketua],
        pp=persona.panitera,
        mediator=None,
    )
    b = Skenario(persona.komisi, aktor_b).terima(MULAI, nama="Siti Aminah")
    b.registrasi(MULAI).tetapkan_majelis(MAJELIS)
    temuan = dict.fromkeys(
        ("berwenang", "legal_standing_pemohon", "legal_standing_termohon", "dalam_jangka_waktu"),
        True,
    )
    for orang in (k[0], persona.pp):  # ketua majelis and PP of case A
        with pytest.raises(TidakBerwenang):
            L.sengketa_catat_pemeriksaan_awal(sengketa_id=b.id, oleh=orang, tanggal=AJU, **temuan)
    assert b.segarkan().sengketa.berwenang is None
    s = L.sengketa_catat_pemeriksaan_awal(sengketa_id=a.id, oleh=k[0], tanggal=AJU, **temuan)
    assert s.berwenang is True
    s = L.sengketa_catat_pemeriksaan_awal(sengketa_id=b.id, oleh=k[3], tanggal=AJU, **temuan)
    assert s.berwenang is True


# -- recusal (penggantian) -------------------------------------------------------------------


def test_pemohon_meminta_penggantian_dan_ketua_mengabulkan_dengan_pengganti(persona):
    sk = pemeriksaan_awal(persona)
    k = persona.komisioner
    lama = penugasan(sk, k[1])
    permohonan = ajukan(sk, persona, k[1])
    assert permohonan.keputusan == "menunggu"
    assert permohonan.pemohon_penggantian == sk.sengketa.pemohon
    assert permohonan.tanggal_permohonan == AJU

    putusan = putuskan(permohonan, persona, pengganti=k[4])
    assert putusan.keputusan == "dikabulkan"
    assert putusan.pengganti == k[4]
    assert putusan.tanggal_keputusan == PUTUS
    lama.refresh_from_db()
    assert not lama.aktif
    assert lama.tanggal_selesai == PUTUS
    assert lama.alasan_selesai
    baru = penugasan(sk, k[4])
    assert (baru.peran, baru.tanggal_mulai) == ("anggota_majelis", PUTUS)
    assert aktif(sk) == {
        (k[0].pk, "ketua_majelis"),
        (k[2].pk, "anggota_majelis"),
        (k[4].pk, "anggota_majelis"),
        (persona.pp.pk, "panitera_pengganti"),
    }
    riwayat = RiwayatStatus.objects.filter(sengketa_id=sk.id, ubah_status=False)
    aju = riwayat.get(transisi="ajukan_penggantian")
    assert (aju.oleh, aju.tanggal) == (persona.pemohon, AJU)
    assert aju.parameter["penugasan"] == lama.pk
    keputusan = riwayat.get(transisi="putuskan_penggantian")
    assert (keputusan.oleh, keputusan.tanggal) == (persona.ketua, PUTUS)
    assert keputusan.parameter["dikabulkan"] is True
    assert keputusan.parameter["pengganti"] == k[4].get_username()
    assert sk.segarkan().sengketa.status == StatusSengketa.PEMERIKSAAN_AWAL


def test_ketua_majelis_yang_diganti_kehilangan_wewenang_atas_perkara(persona):
    sk = pemeriksaan_awal(persona)
    k = persona.komisioner
    putuskan(ajukan(sk, persona, k[0]), persona, pengganti=k[4])
    assert penugasan(sk, k[4]).peran == "ketua_majelis"
    temuan = dict.fromkeys(
        ("berwenang", "legal_standing_pemohon", "legal_standing_termohon", "dalam_jangka_waktu"),
        True,
    )
    with pytest.raises(TidakBerwenang):
        L.sengketa_catat_pemeriksaan_awal(sengketa_id=sk.id, oleh=k[0], tanggal=PUTUS, **temuan)
    s = L.sengketa_catat_pemeriksaan_awal(sengketa_id=sk.id, oleh=k[4], tanggal=PUTUS, **temuan)
    assert s.berwenang is True


def test_permohonan_penggantian_yang_ditolak_tidak_mengubah_majelis(persona):
    sk = pemeriksaan_awal(persona)
    sebelum = aktif(sk)
    putusan = putuskan(ajukan(sk, persona, persona.komisioner[1]), persona, dikabulkan=False)
    assert putusan.keputusan == "ditolak"
    assert putusan.pengganti is None
    assert aktif(sk) == sebelum
    assert Penugasan.objects.filter(sengketa_id=sk.id).count() == len(sebelum)
    riwayat = RiwayatStatus.objects.get(sengketa_id=sk.id, transisi="putuskan_penggantian")
    assert riwayat.parameter["dikabulkan"] is False


def test_penggantian_setelah_mediasi_dimulai_terlambat(persona):
    sk = kasus(persona, StatusSengketa.MEDIASI)
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        ajukan(sk, persona, persona.komisioner[1], tanggal=None)
    assert galat.value.kode_alasan == ["penggantian_terlambat"]
    assert not PermohonanPenggantian.objects.filter(sengketa_id=sk.id).exists()


def test_penggantian_hanya_diajukan_pemohon_atau_kepaniteraan(persona):
    sk = pemeriksaan_awal(persona)
    for orang in (persona.pihak_lain, persona.panitera_lain, persona.komisioner[2]):
        with pytest.raises(TidakBerwenang):
            ajukan(sk, persona, persona.komisioner[1], oleh=orang)
    assert ajukan(sk, persona, persona.komisioner[1], oleh=persona.panitera).pk


def test_hanya_ketua_komisi_yang_memutus_penggantian(persona):
    sk = pemeriksaan_awal(persona)
    permohonan = ajukan(sk, persona, persona.komisioner[1])
    for orang in (persona.pp, persona.komisioner[0], persona.pemohon, persona.ketua_lain):
        with pytest.raises(TidakBerwenang):
            putuskan(permohonan, persona, pengganti=persona.komisioner[4], oleh=orang)
    permohonan.refresh_from_db()
    assert permohonan.keputusan == "menunggu"
    assert penugasan(sk, persona.komisioner[1]).aktif


def test_permohonan_penggantian_tidak_dapat_diputus_dua_kali(persona):
    sk = pemeriksaan_awal(persona)
    permohonan = ajukan(sk, persona, persona.komisioner[1])
    putuskan(permohonan, persona, dikabulkan=False)
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        putuskan(permohonan, persona, pengganti=persona.komisioner[4])
    assert galat.value.kode_alasan == ["sudah_diputus"]
    assert penugasan(sk, persona.komisioner[1]).aktif
    assert not Penugasan.objects.filter(sengketa_id=sk.id, pengguna=persona.komisioner[4]).exists()


def test_pengganti_yang_berkonflik_atau_tidak_memenuhi_syarat_ditolak(persona):
    sk = pemeriksaan_awal(persona)
    k = persona.komisioner
    permohonan = ajukan(sk, persona, k[1])
    nyatakan_konflik(sk, persona, k[4])
    luar = pengguna_dengan_peran(persona.ketua_lain.keanggotaan_komisi.get().komisi, "komisioner")
    for pengganti in (k[4], persona.panitera, k[2], luar, None):
        with pytest.raises(KesalahanProsedur):
            putuskan(permohonan, persona, pengganti=pengganti)
    permohonan.refresh_from_db()
    assert permohonan.keputusan == "menunggu"
    assert penugasan(sk, k[1]).aktif
    assert not Penugasan.objects.filter(sengketa_id=sk.id, pengguna=k[4]).exists()
    assert putuskan(permohonan, persona, pengganti=k[3]).keputusan == "dikabulkan"


def test_dua_permohonan_atas_penugasan_yang_sama_tidak_menambah_anggota_majelis(persona):
    """After a first request replaced a member, a second pending request about the same (now
    ended) appointment must not put another person on the panel: it stays odd (spec §3)."""
    sk = pemeriksaan_awal(persona)
    k = persona.komisioner
    pertama = ajukan(sk, persona, k[1])
    kedua = ajukan(sk, persona, k[1], oleh=persona.panitera)
    putuskan(pertama, persona, pengganti=k[4])
    with contextlib.suppress(KesalahanProsedur):  # a refusal is the expected outcome
        putuskan(kedua, persona, pengganti=k[3])
    majelis = [p for p in aktif(sk) if p[1] in ("ketua_majelis", "anggota_majelis")]
    assert len(majelis) == 3, majelis
    assert not Penugasan.objects.filter(sengketa_id=sk.id, pengguna=k[3]).exists()
    kedua.refresh_from_db()
    assert kedua.keputusan != "dikabulkan"
