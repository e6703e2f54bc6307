"""`manage.py muat_demo`: reference data, demo users, idempotence, DEBUG guard."""

import io
import sys
import types

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from sengketa.models import (
    BadanPublik,
    HariLibur,
    KategoriBadanPublik,
    Keanggotaan,
    KomisiInformasi,
)
from sengketa.peran import Peran

User = get_user_model()

KABUPATEN_KOTA_KALTIM = {
    "Pemerintah Kota Balikpapan",
    "Pemerintah Kota Samarinda",
    "Pemerintah Kota Bontang",
    "Pemerintah Kabupaten Kutai Kartanegara",
    "Pemerintah Kabupaten Kutai Timur",
    "Pemerintah Kabupaten Kutai Barat",
    "Pemerintah Kabupaten Berau",
    "Pemerintah Kabupaten Paser",
    "Pemerintah Kabupaten Penajam Paser Utara",
    "Pemerintah Kabupaten Mahakam Ulu",
}

PENGGUNA = {
    "panitera": {Peran.PANITERA},
    "pp": {Peran.PANITERA_PENGGANTI},
    "ketua": {Peran.KETUA, Peran.KOMISIONER},
    **{f"komisioner{i}": {Peran.KOMISIONER} for i in range(1, 6)},
    "pemohon": {Peran.PIHAK},
    "termohon": {Peran.PIHAK},
    "admin": {Peran.ADMIN},
}


@pytest.fixture
def cepat(settings):
    """A fast hasher (the real one makes every created user cost a third of a second)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return settings


@pytest.fixture
def debug(cepat):
    cepat.DEBUG = True
    return cepat


def muat(*args) -> str:
    out = io.StringIO()
    # --tanpa-kasus: the demo cases of workflows.demo have their own tests.
    call_command("muat_demo", "--tanpa-kasus", *args, stdout=out)
    return out.getvalue()


def jumlah() -> dict[str, int]:
    return {
        "grup": Group.objects.count(),
        "komisi": KomisiInformasi.objects.count(),
        "badan_publik": BadanPublik.objects.count(),
        "hari_libur": HariLibur.objects.count(),
        "pengguna": User.objects.count(),
        "keanggotaan": Keanggotaan.objects.count(),
        "petugas": BadanPublik.petugas.through.objects.count(),
        "grup_pengguna": User.groups.through.objects.count(),
    }


@pytest.mark.django_db
def test_komisi_dengan_template_dan_zona_waktu(debug):
    muat()
    kaltim = KomisiInformasi.objects.get(kode="KIP-KALTIM")
    assert kaltim.nama == "Komisi Informasi Provinsi Kalimantan Timur"
    assert kaltim.tingkat == "provinsi"
    assert kaltim.zona_waktu == "Asia/Makassar"
    assert kaltim.kota == "Samarinda"
    assert kaltim.template_nomor_register == "{seq:03}/REG-PSI/KI-KALTIM/{bulan_romawi}/{tahun}"
    assert kaltim.template_nomor_putusan == ""
    assert kaltim.template_nomor_surat == "{seq:03}/PANG/KI-KALTIM/{bulan_romawi}/{tahun}"

    pusat = KomisiInformasi.objects.get(kode="KI-PUSAT")
    assert pusat.nama == "Komisi Informasi Pusat Republik Indonesia"
    assert pusat.tingkat == "pusat"
    assert pusat.zona_waktu == "Asia/Jakarta"
    assert "Abdul Muis" in pusat.alamat
    assert pusat.template_nomor_register == "{seq:03}/{bulan_romawi}/KIP-PS/{tahun}"
    assert pusat.template_nomor_putusan == "{seq:03}/{bulan_romawi}/KIP-PS-{jalur}/{tahun}"
    assert pusat.template_nomor_surat == "{seq:03}/PANG/KIP/{bulan_romawi}/{tahun}"


@pytest.mark.django_db
def test_badan_publik_kaltim_dan_pusat(debug):
    muat()
    kaltim = BadanPublik.objects.filter(komisi__kode="KIP-KALTIM")
    kabkota = kaltim.filter(kategori=KategoriBadanPublik.PEMERINTAH_KABUPATEN_KOTA)
    assert set(kabkota.values_list("nama", flat=True)) == KABUPATEN_KOTA_KALTIM
    pemprov = kaltim.get(nama="Pemerintah Provinsi Kalimantan Timur")
    assert pemprov.kategori == KategoriBadanPublik.PEMERINTAH_PROVINSI
    assert kaltim.filter(kategori=KategoriBadanPublik.PERANGKAT_DAERAH).count() == 10
    assert kaltim.filter(kategori=KategoriBadanPublik.DESA_KELURAHAN).count() == 3
    assert kaltim.get(nama="Universitas Mulawarman").kategori == (
        KategoriBadanPublik.SEKOLAH_PERGURUAN_TINGGI
    )
    # Every category used is a real one and every row has a city.
    assert set(kaltim.values_list("kategori", flat=True)) <= set(KategoriBadanPublik.values)
    assert not kaltim.filter(kota="").exists()

    pusat = BadanPublik.objects.filter(komisi__kode="KI-PUSAT")
    assert set(pusat.values_list("nama", flat=True)) == {
        "Kementerian Pekerjaan Umum",
        "Kementerian Energi dan Sumber Daya Mineral",
        "Badan Pertanahan Nasional",
    }
    assert set(pusat.values_list("kategori", flat=True)) == {
        KategoriBadanPublik.KEMENTERIAN_LEMBAGA
    }


@pytest.mark.django_db
def test_hari_libur_dengan_dasar_hukum(debug):
    muat()
    nasional = HariLibur.objects.filter(komisi__isnull=True)
    assert nasional.count() == 82
    assert not nasional.filter(dasar="").exists()
    assert nasional.filter(dikonfirmasi=True).count() == 82
    # The August 2025 amendment and an ad hoc election day are there.
    assert nasional.filter(tanggal="2025-08-18", jenis="cuti_bersama").exists()
    assert nasional.filter(tanggal="2024-02-14").exists()


@pytest.mark.django_db
def test_pengguna_demo_grup_keanggotaan_dan_kata_sandi(debug):
    muat()
    kaltim = KomisiInformasi.objects.get(kode="KIP-KALTIM")
    pusat = KomisiInformasi.objects.get(kode="KI-PUSAT")
    for username, peran in PENGGUNA.items():
        user = User.objects.get(username=username)
        assert set(user.groups.values_list("name", flat=True)) == {p.value for p in peran}
        assert user.check_password("demo12345"), username
        assert user.email
        assert user.is_staff is (username == "admin")
        assert user.is_superuser is (username == "admin")
        komisi = set(Keanggotaan.objects.filter(pengguna=user).values_list("komisi", flat=True))
        if username in ("pemohon", "termohon"):
            assert komisi == set()
        elif username == "admin":
            assert komisi == {kaltim.pk, pusat.pk}
        else:
            assert komisi == {kaltim.pk}
            assert Keanggotaan.objects.get(pengguna=user).jabatan

    assert Keanggotaan.objects.get(pengguna__username="ketua").jabatan == "Ketua"
    assert Keanggotaan.objects.get(pengguna__username="pp").jabatan == "Panitera Pengganti"
    ketua = User.objects.get(username="ketua")
    assert ketua.first_name and ketua.last_name

    termohon = User.objects.get(username="termohon")
    assert list(termohon.badan_publik_ditangani.values_list("nama", flat=True)) == [
        "Pemerintah Provinsi Kalimantan Timur"
    ]
    assert list(termohon.badan_publik_ditangani.values_list("komisi__kode", flat=True)) == [
        "KIP-KALTIM"
    ]


@pytest.mark.django_db
def test_dua_kali_tidak_membuat_dan_tidak_mengubah_apa_pun(debug):
    keluaran = muat()
    assert "Komisi: 2 dibuat, 0 sudah ada" in keluaran
    assert "Hari libur: 82 dibuat, 0 sudah ada" in keluaran
    assert "Pengguna demo: 11 dibuat, 0 sudah ada" in keluaran
    sebelum = jumlah()
    sandi = dict(User.objects.values_list("username", "password"))
    komisi = list(KomisiInformasi.objects.values())
    badan = list(BadanPublik.objects.values())
    libur = list(HariLibur.objects.values())

    keluaran = muat()
    assert jumlah() == sebelum
    assert dict(User.objects.values_list("username", "password")) == sandi
    assert list(KomisiInformasi.objects.values()) == komisi
    assert list(BadanPublik.objects.values()) == badan
    assert list(HariLibur.objects.values()) == libur
    assert "Komisi: 0 dibuat, 2 sudah ada" in keluaran
    assert f"Badan publik: 0 dibuat, {sebelum['badan_publik']} sudah ada" in keluaran
    assert "Hari libur: 0 dibuat, 82 sudah ada" in keluaran
    assert "Pengguna demo: 0 dibuat, 11 sudah ada" in keluaran
    assert "Keanggotaan: 0 dibuat, 10 sudah ada" in keluaran


@pytest.mark.django_db
def test_tanpa_debug_hanya_data_acuan(cepat):
    cepat.DEBUG = False
    keluaran = muat()
    assert "Pengguna demo dilewati" in keluaran
    assert "--paksa" in keluaran
    assert not User.objects.exists()
    assert not Keanggotaan.objects.exists()
    assert KomisiInformasi.objects.count() == 2
    assert BadanPublik.objects.filter(komisi__kode="KIP-KALTIM").exists()
    assert HariLibur.objects.count() == 82
    assert set(Group.objects.values_list("name", flat=True)) >= {p.value for p in Peran}


@pytest.mark.django_db
def test_tanpa_debug_dengan_paksa_membuat_pengguna(cepat):
    cepat.DEBUG = False
    muat("--paksa")
    assert set(User.objects.values_list("username", flat=True)) == set(PENGGUNA)
    assert User.objects.get(username="panitera").check_password("demo12345")


@pytest.mark.django_db
def test_tanpa_pengguna(debug):
    keluaran = muat("--tanpa-pengguna")
    assert "Pengguna demo dilewati" in keluaran
    assert not User.objects.exists()
    assert KomisiInformasi.objects.count() == 2


@pytest.mark.django_db
def test_suntingan_admin_bertahan(debug):
    muat()
    kaltim = KomisiInformasi.objects.get(kode="KIP-KALTIM")
    kaltim.nama = "KI Kaltim (disunting admin)"
    kaltim.template_nomor_register = "{seq}/REG/{tahun}"
    kaltim.save()
    pemprov = BadanPublik.objects.get(nama="Pemerintah Provinsi Kalimantan Timur")
    pemprov.alamat = "Alamat baru"
    pemprov.save()
    panitera = User.objects.get(username="panitera")
    panitera.set_password("rahasia-baru")
    panitera.first_name = "Nama Baru"
    panitera.save()

    muat()
    kaltim.refresh_from_db()
    assert kaltim.nama == "KI Kaltim (disunting admin)"
    assert kaltim.template_nomor_register == "{seq}/REG/{tahun}"
    pemprov.refresh_from_db()
    assert pemprov.alamat == "Alamat baru"
    panitera.refresh_from_db()
    assert panitera.first_name == "Nama Baru"
    assert panitera.check_password("rahasia-baru")


@pytest.mark.django_db
def test_pengguna_lama_dilengkapi_grup_dan_keanggotaannya(debug):
    muat()
    ketua = User.objects.get(username="ketua")
    ketua.groups.clear()
    Keanggotaan.objects.filter(pengguna=ketua).delete()
    termohon = User.objects.get(username="termohon")
    termohon.badan_publik_ditangani.clear()

    muat()
    assert set(ketua.groups.values_list("name", flat=True)) == {"ketua", "komisioner"}
    assert Keanggotaan.objects.filter(pengguna=ketua, komisi__kode="KIP-KALTIM").exists()
    assert termohon.badan_publik_ditangani.filter(
        nama="Pemerintah Provinsi Kalimantan Timur"
    ).exists()


@pytest.mark.django_db
def test_kait_kasus_demo_dipanggil_bila_modul_ada(debug, monkeypatch):
    dipanggil = []
    palsu = types.ModuleType("workflows.demo")
    palsu.buat_kasus_demo = lambda stdout: dipanggil.append(stdout)
    palsu.__spec__ = types.SimpleNamespace(name="workflows.demo")
    monkeypatch.setitem(sys.modules, "workflows.demo", palsu)

    out = io.StringIO()
    call_command("muat_demo", stdout=out)
    assert len(dipanggil) == 1

    # Not without demo users, and not with --tanpa-kasus.
    call_command("muat_demo", "--tanpa-pengguna", stdout=out)
    call_command("muat_demo", "--tanpa-kasus", stdout=out)
    assert len(dipanggil) == 1
