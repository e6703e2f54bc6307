"""The working-day calendar (kalender.md): counting convention, worked examples, settings."""

import json
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest
from django.db import IntegrityError
from hypothesis import given
from hypothesis import strategies as st

from sengketa.kalender import (
    FIXTURE_CSV,
    Kalender,
    Penjelasan,
    baca_csv,
    format_tanggal,
    kalender_reset,
)
from sengketa.waktu import hari_ini, tanggal_lokal

BARIS = baca_csv()
KAL = Kalender.dari_baris(BARIS)

tanggal_2024_2026 = st.dates(date(2024, 1, 1), date(2026, 12, 31))


# -- the reference data ------------------------------------------------------------------


def test_fixture_adalah_salinan_csv_domain_dengan_82_baris():
    assert len(BARIS) == 82
    assert len({b.tanggal for b in BARIS}) == 82
    assert {b.jenis for b in BARIS} == {"libur_nasional", "cuti_bersama"}
    assert all(b.dasar for b in BARIS)
    assert FIXTURE_CSV.name == "hari-libur-2024-2026.csv"


# -- worked examples of kalender.md --------------------------------------------------------


def test_100_hk_setelah_6_maret_2024_adalah_15_agustus_2024():
    assert KAL.tambah(date(2024, 3, 6), 100) == date(2024, 8, 15)


def test_14_hk_setelah_28_maret_2025_adalah_28_april_2025():
    assert KAL.tambah(date(2025, 3, 28), 14) == date(2025, 4, 28)


def test_3_hk_setelah_15_agustus_2025_adalah_21_agustus_2025():
    assert KAL.tambah(date(2025, 8, 15), 3) == date(2025, 8, 21)


def test_tanpa_perubahan_skb_agustus_2025_3_hk_setelah_15_agustus_adalah_20_agustus():
    tanpa_18_agustus = [b for b in BARIS if b.tanggal != date(2025, 8, 18)]
    kal = Kalender.dari_baris(tanpa_18_agustus)
    assert kal.tambah(date(2025, 8, 15), 3) == date(2025, 8, 20)
    assert kal.adalah_hari_kerja(date(2025, 8, 18))
    assert not KAL.adalah_hari_kerja(date(2025, 8, 18))


# -- weekends and the counting convention ------------------------------------------------


def test_sabtu_dan_minggu_bukan_hari_kerja():
    assert not KAL.adalah_hari_kerja(date(2024, 6, 8))  # Saturday
    assert not KAL.adalah_hari_kerja(date(2024, 6, 9))  # Sunday
    assert KAL.adalah_hari_kerja(date(2024, 6, 10))
    assert KAL.alasan_libur(date(2024, 6, 8)) == "Sabtu"
    assert KAL.alasan_libur(date(2024, 6, 9)) == "Minggu"
    assert KAL.alasan_libur(date(2024, 6, 10)) is None


def test_1_hk_setelah_jumat_adalah_senin():
    assert KAL.tambah(date(2024, 6, 7), 1) == date(2024, 6, 10)
    assert KAL.tambah(date(2024, 6, 7), 5) == date(2024, 6, 14)


def test_hari_awal_tidak_dihitung_walaupun_hari_kerja():
    assert KAL.tambah(date(2024, 6, 10), 1) == date(2024, 6, 11)


def test_mulai_dari_hari_libur_tetap_dihitung_dari_hari_kerja_berikutnya():
    # Saturday 9 March 2024, then Sunday, Nyepi (11) and cuti bersama (12): Wed 13 March.
    assert KAL.tambah(date(2024, 3, 9), 1) == date(2024, 3, 13)
    assert KAL.tambah(date(2024, 3, 11), 1) == date(2024, 3, 13)
    assert KAL.tambah(date(2024, 3, 8), 1) == date(2024, 3, 13)


def test_0_hk_adalah_tanggal_itu_sendiri():
    assert KAL.tambah(date(2024, 3, 9), 0) == date(2024, 3, 9)


def test_pergantian_tahun_natal_dan_tahun_baru():
    # 25 Dec holiday, 26 Dec cuti bersama, 28-29 weekend, 1 Jan 2025 holiday.
    assert KAL.tambah(date(2024, 12, 24), 1) == date(2024, 12, 27)
    assert KAL.tambah(date(2024, 12, 24), 3) == date(2024, 12, 31)
    assert KAL.tambah(date(2024, 12, 24), 4) == date(2025, 1, 2)
    assert KAL.tambah(date(2025, 1, 2), -3) == date(2024, 12, 27)
    assert KAL.hitung(date(2024, 12, 24), date(2025, 1, 2)) == 4


def test_pergantian_tahun_2026_ke_2027_tanpa_data_hanya_akhir_pekan():
    # 24-25 Dec 2026 are off; nothing is known of 2027 yet, so 1 Jan 2027 (Fri) counts.
    assert KAL.tambah(date(2026, 12, 23), 1) == date(2026, 12, 28)
    assert KAL.tambah(date(2026, 12, 31), 1) == date(2027, 1, 1)


# -- N HK before -----------------------------------------------------------------------------


def test_3_hk_sebelum_sidang_senin_21_april_2025_adalah_15_april():
    # Friday 18 April 2025 is Good Friday: the summons must go out by Tuesday 15 April.
    assert KAL.tambah(date(2025, 4, 21), -3) == date(2025, 4, 15)


def test_3_hk_sebelum_senin_biasa_adalah_rabu_sebelumnya():
    assert KAL.tambah(date(2024, 6, 10), -3) == date(2024, 6, 5)


def test_hk_sebelum_dihitung_mundur_dari_hari_libur():
    # Backwards from Sunday 7 April 2024: Fri 5 April is the 1st working day before it.
    assert KAL.tambah(date(2024, 4, 7), -1) == date(2024, 4, 5)
    assert KAL.tambah(date(2024, 4, 16), -1) == date(2024, 4, 5)  # 8-15 April off


# -- hitung ------------------------------------------------------------------------------------


def test_hitung_hari_kerja_di_antara_dua_tanggal():
    assert KAL.hitung(date(2024, 3, 6), date(2024, 8, 15)) == 100
    assert KAL.hitung(date(2024, 8, 15), date(2024, 3, 6)) == -100
    assert KAL.hitung(date(2024, 3, 6), date(2024, 3, 6)) == 0
    assert KAL.hitung(date(2024, 3, 8), date(2024, 3, 12)) == 0  # weekend, Nyepi, cuti


@given(tanggal_2024_2026, st.integers(-150, 150))
def test_sifat_tambah_dan_hitung_konsisten(d, n):
    hasil = KAL.tambah(d, n)
    if n != 0:
        assert KAL.adalah_hari_kerja(hasil)
        assert (hasil > d) == (n > 0)
    assert KAL.hitung(d, hasil) == n
    assert KAL.tambah(d, n + 1) > hasil  # strictly monotonic in n
    assert KAL.tambah(d + timedelta(days=1), n) >= hasil  # monotonic in d


@given(
    st.dates(date(1995, 1, 1), date(2105, 12, 31)) | tanggal_2024_2026,
    st.integers(-400, 400),
)
def test_jalur_cepat_sama_dengan_hitungan_hari_demi_hari(d, n):
    # The precomputed array covers 2000-2100; beyond it (and across its edges) the
    # day-by-day loop must agree.
    if n == 0:
        return
    assert KAL.tambah(d, n) == KAL._tambah_bertahap(d.toordinal(), n)
    assert KAL.hitung(d, KAL.tambah(d, n)) == n


def test_di_luar_rentang_prakomputasi():
    assert KAL.tambah(date(1999, 12, 31), 1) == date(2000, 1, 3)
    assert KAL.tambah(date(2100, 12, 31), 1) == date(2101, 1, 3)
    assert KAL.tambah(date(2101, 1, 3), -1) == date(2100, 12, 31)


# -- settings ------------------------------------------------------------------------------


def test_cuti_bersama_bukan_libur_menjadikan_12_maret_2024_hari_kerja():
    kal = Kalender.dari_baris(BARIS, cuti_bersama_libur=False)
    assert kal.adalah_hari_kerja(date(2024, 3, 12))
    assert not kal.adalah_hari_kerja(date(2024, 3, 11))  # Nyepi itself stays off
    assert kal.tambah(date(2024, 3, 8), 1) == date(2024, 3, 12)
    assert KAL.tambah(date(2024, 3, 8), 1) == date(2024, 3, 13)


def test_hari_kalender_digeser_ke_hari_kerja_berikutnya():
    # 17 Mar 2025 + 14 days = Mon 31 Mar (Idul Fitri); the block ends on Mon 7 April.
    assert KAL.tambah_hari_kalender(date(2025, 3, 17), 14) == date(2025, 4, 8)
    hasil = KAL.tambah_hari_kalender(date(2025, 3, 17), 14, geser_ke_hari_kerja=False)
    assert hasil == date(2025, 3, 31)
    assert KAL.tambah_hari_kalender(date(2025, 3, 28), 14) == date(2025, 4, 11)


# -- explanations --------------------------------------------------------------------------


def test_jelaskan_mencantumkan_setiap_hari_yang_dilewati_dengan_alasannya():
    p = KAL.jelaskan(date(2025, 8, 15), 3)
    assert p == Penjelasan(
        mulai=date(2025, 8, 15),
        jumlah=3,
        satuan="hk",
        hasil=date(2025, 8, 21),
        dilewati=(
            (date(2025, 8, 16), "Sabtu"),
            (date(2025, 8, 17), "Minggu, Proklamasi Kemerdekaan"),
            (date(2025, 8, 18), "Cuti bersama HUT Kemerdekaan RI ke-80"),
        ),
    )


def test_jelaskan_100_hk_melewati_semua_libur_contoh_kalender_md():
    p = KAL.jelaskan(date(2024, 3, 6), 100)
    alasan = dict(p.dilewati)
    assert p.hasil == date(2024, 8, 15)
    assert len(p.dilewati) == (p.hasil - p.mulai).days - 100  # every other day is skipped
    assert alasan[date(2024, 3, 11)] == "Hari Suci Nyepi Tahun Baru Saka 1946"
    assert alasan[date(2024, 3, 12)] == "Cuti bersama Nyepi"
    assert alasan[date(2024, 7, 7)] == "Minggu, Tahun Baru Islam 1446 H"
    libur = {d for d, _ in p.dilewati if d.weekday() < 5}
    assert libur == {
        date(2024, 3, 11), date(2024, 3, 12), date(2024, 3, 29),
        *(date(2024, 4, h) for h in (8, 9, 10, 11, 12, 15)),
        date(2024, 5, 1), date(2024, 5, 9), date(2024, 5, 10),
        date(2024, 5, 23), date(2024, 5, 24), date(2024, 6, 17), date(2024, 6, 18),
    }  # fmt: skip


def test_jelaskan_mundur_dan_as_dict_untuk_json():
    p = KAL.jelaskan(date(2025, 4, 21), -3)
    assert p.hasil == date(2025, 4, 15)
    assert [d for d, _ in p.dilewati] == [date(2025, 4, 18), date(2025, 4, 19), date(2025, 4, 20)]
    data = json.loads(json.dumps(p.as_dict()))
    assert data["mulai"] == "2025-04-21"
    assert data["hasil"] == "2025-04-15"
    assert data["jumlah"] == -3
    assert data["satuan"] == "hk"
    assert data["dilewati"][0] == {"tanggal": "2025-04-18", "alasan": "Wafat Yesus Kristus"}


# -- safety --------------------------------------------------------------------------------


def test_kalender_tidak_bisa_diubah():
    with pytest.raises(AttributeError):
        KAL._libur = frozenset()


def test_datetime_ditolak_karena_tanggalnya_tergantung_zona_waktu():
    with pytest.raises(TypeError):
        KAL.tambah(datetime(2024, 3, 6, 23, 30), 1)


def test_tanggal_dari_waktu_diambil_di_zona_komisi():
    kaltim = SimpleNamespace(zona_waktu="Asia/Makassar")
    pusat = SimpleNamespace(zona_waktu="Asia/Jakarta")
    waktu = datetime(2024, 3, 6, 16, 30, tzinfo=UTC)  # 00:30 WITA, 23:30 WIB
    assert tanggal_lokal(kaltim, waktu) == date(2024, 3, 7)
    assert tanggal_lokal(pusat, waktu) == date(2024, 3, 6)
    assert isinstance(hari_ini(kaltim), date)


def test_kalender_dari_mapping_tanggal_ke_alasan():
    kal = Kalender({date(2024, 6, 12): "Penutupan kantor"})
    assert kal.tambah(date(2024, 6, 11), 1) == date(2024, 6, 13)
    assert kal.alasan_libur(date(2024, 6, 12)) == "Penutupan kantor"
    assert Kalender().tambah(date(2024, 6, 11), 1) == date(2024, 6, 12)
    cuti = {date(2024, 3, 12): "Cuti bersama Nyepi"}
    assert not Kalender(cuti_bersama=cuti).adalah_hari_kerja(date(2024, 3, 12))
    assert Kalender(cuti_bersama=cuti, cuti_bersama_libur=False).adalah_hari_kerja(
        date(2024, 3, 12)
    )


def test_format_tanggal_indonesia():
    assert format_tanggal(date(2024, 8, 15)) == "Kamis, 15 Agustus 2024"
    assert format_tanggal(date(2025, 1, 1), dengan_hari=False) == "1 Januari 2025"


def test_beberapa_alasan_pada_satu_tanggal_digabung():
    kal = Kalender.dari_baris(
        [
            (date(2024, 3, 12), "cuti_bersama", "Cuti bersama Nyepi"),
            (date(2024, 3, 12), "penutupan_kantor", "Pindah kantor"),
        ],
        cuti_bersama_libur=True,
    )
    assert kal.alasan_libur(date(2024, 3, 12)) == "Cuti bersama Nyepi; Pindah kantor"
    kal = Kalender.dari_baris(
        [
            (date(2024, 3, 12), "cuti_bersama", "Cuti bersama Nyepi"),
            (date(2024, 3, 12), "penutupan_kantor", "Pindah kantor"),
        ],
        cuti_bersama_libur=False,
    )
    assert kal.alasan_libur(date(2024, 3, 12)) == "Pindah kantor"


# -- database: Kalender.untuk and the import helpers ----------------------------------


@pytest.fixture
def kalender_bersih():
    kalender_reset()
    yield
    kalender_reset()


def buat_komisi(kode, **kwargs):
    from sengketa.models import KomisiInformasi

    return KomisiInformasi.objects.create(kode=kode, nama=kode, tingkat="provinsi", **kwargs)


@pytest.fixture
def libur_nasional(db):
    from sengketa.libur import muat_csv

    muat_csv()


@pytest.mark.django_db
def test_muat_csv_idempoten(kalender_bersih):
    from sengketa.libur import HasilImpor, muat_csv
    from sengketa.models import HariLibur

    assert muat_csv() == HasilImpor(dibuat=82)
    assert muat_csv() == HasilImpor(tetap=82)
    assert HariLibur.objects.count() == 82
    assert not HariLibur.objects.filter(komisi__isnull=False).exists()
    assert HariLibur.objects.filter(dikonfirmasi=True).count() == 82


@pytest.mark.django_db
def test_muat_csv_memperbarui_baris_yang_berbeda(kalender_bersih):
    from sengketa.libur import HasilImpor, muat_csv
    from sengketa.models import HariLibur

    muat_csv()
    HariLibur.objects.filter(tanggal=date(2025, 8, 18)).update(keterangan="lama")
    assert muat_csv() == HasilImpor(diubah=1, tetap=81)
    baris = HariLibur.objects.get(tanggal=date(2025, 8, 18))
    assert baris.keterangan == "Cuti bersama HUT Kemerdekaan RI ke-80"


@pytest.mark.django_db
def test_draf_dari_paket_holidays_untuk_2027_tidak_menyentuh_baris_terkonfirmasi(
    kalender_bersih,
):
    from sengketa.libur import isi_draf_tahun, muat_csv, perkiraan_holidays
    from sengketa.models import HariLibur, JenisLibur

    muat_csv()
    resmi = HariLibur.objects.create(
        tanggal=date(2027, 1, 1), jenis="libur_nasional", keterangan="Tahun Baru 2027",
        dasar="SKB uji",
    )  # fmt: skip
    perkiraan = perkiraan_holidays(2027)
    assert isi_draf_tahun(2027) == len(perkiraan) - 1
    draf = HariLibur.objects.filter(tanggal__year=2027, dikonfirmasi=False)
    assert draf.count() == len(perkiraan) - 1
    assert draf.filter(jenis=JenisLibur.CUTI_BERSAMA).exists()
    assert all(d.dasar for d in draf)
    resmi_lagi = HariLibur.objects.get(pk=resmi.pk)
    assert (resmi_lagi.keterangan, resmi_lagi.dikonfirmasi) == ("Tahun Baru 2027", True)
    assert resmi_lagi.diubah_pada == resmi.diubah_pada
    # Years with an official list get nothing: the package matched it date for date.
    assert isi_draf_tahun(2025) == 0
    assert isi_draf_tahun(2027) == 0
    assert HariLibur.objects.count() == 82 + len(perkiraan)


def test_kategori_government_paket_holidays_adalah_cuti_bersama():
    from sengketa.libur import perkiraan_holidays

    dari_paket = {t: j for y in (2024, 2025, 2026) for t, j, _ in perkiraan_holidays(y)}
    assert dari_paket == {b.tanggal: b.jenis for b in BARIS}


@pytest.mark.django_db
def test_hari_libur_terkonfirmasi_wajib_punya_dasar_hukum():
    from sengketa.models import HariLibur

    with pytest.raises(IntegrityError):
        HariLibur.objects.create(tanggal=date(2024, 1, 1), jenis="libur_nasional",
                                 keterangan="x", dasar="")  # fmt: skip


@pytest.mark.django_db
def test_hari_libur_nasional_unik_per_tanggal():
    from sengketa.models import HariLibur

    HariLibur.objects.create(tanggal=date(2024, 1, 1), jenis="libur_nasional",
                             keterangan="x", dasar="y")  # fmt: skip
    with pytest.raises(IntegrityError):
        HariLibur.objects.create(tanggal=date(2024, 1, 1), jenis="libur_nasional",
                                 keterangan="x", dasar="y")  # fmt: skip


@pytest.mark.django_db
def test_untuk_memuat_libur_nasional_dan_menghormati_cuti_bersama(libur_nasional, kalender_bersih):
    ya = buat_komisi("kip-kaltim")
    tidak = buat_komisi("ki-lain", cuti_bersama_libur=False)
    assert Kalender.untuk(ya).tambah(date(2024, 3, 6), 100) == date(2024, 8, 15)
    assert not Kalender.untuk(ya).adalah_hari_kerja(date(2024, 3, 12))
    assert Kalender.untuk(tidak).adalah_hari_kerja(date(2024, 3, 12))
    assert not Kalender.untuk(None).adalah_hari_kerja(date(2024, 3, 12))


@pytest.mark.django_db
def test_penangguhan_hanya_berlaku_untuk_komisinya(libur_nasional, kalender_bersih):
    from sengketa.models import Penangguhan

    kaltim = buat_komisi("kip-kaltim")
    lain = buat_komisi("ki-lain")
    Penangguhan.objects.create(
        komisi=kaltim, mulai=date(2024, 6, 3), selesai=date(2024, 6, 7),
        dasar="SE Ketua 1/2024", keterangan="Penangguhan sidang",
    )  # fmt: skip
    kal = Kalender.untuk(kaltim)
    assert kal.tambah(date(2024, 5, 31), 1) == date(2024, 6, 10)
    assert kal.alasan_libur(date(2024, 6, 5)) == "Penangguhan sidang"
    assert Kalender.untuk(lain).tambah(date(2024, 5, 31), 1) == date(2024, 6, 3)
    assert Kalender.untuk(None).adalah_hari_kerja(date(2024, 6, 5))


@pytest.mark.django_db
def test_libur_yang_ditambahkan_terlihat_pada_untuk_berikutnya(libur_nasional, kalender_bersih):
    from sengketa.models import HariLibur

    komisi = buat_komisi("kip-kaltim")
    sebelum = Kalender.untuk(komisi)
    assert Kalender.untuk(komisi) is sebelum  # unchanged table: the cached calendar
    assert sebelum.tambah(date(2024, 10, 1), 1) == date(2024, 10, 2)
    # No kalender_reset(): as if another process (the worker) saved the row.
    baris = HariLibur.objects.create(
        komisi=komisi, tanggal=date(2024, 10, 2), jenis="penutupan_kantor",
        keterangan="Kantor ditutup", dasar="SK Ketua 9/2024",
    )  # fmt: skip
    sesudah = Kalender.untuk(komisi)
    assert sesudah.tambah(date(2024, 10, 1), 1) == date(2024, 10, 3)
    assert sebelum.tambah(date(2024, 10, 1), 1) == date(2024, 10, 2)  # immutable
    baris.delete()
    assert Kalender.untuk(komisi).tambah(date(2024, 10, 1), 1) == date(2024, 10, 2)


@pytest.mark.django_db
def test_perubahan_libur_nasional_dan_pengaturan_komisi_terlihat(libur_nasional, kalender_bersih):
    from sengketa.models import HariLibur

    komisi = buat_komisi("kip-kaltim")
    assert Kalender.untuk(komisi).tambah(date(2025, 8, 15), 3) == date(2025, 8, 21)
    baris = HariLibur.objects.get(tanggal=date(2025, 8, 18))
    baris.tanggal = date(2025, 8, 19)  # a decree moving the day
    baris.save()
    assert Kalender.untuk(komisi).adalah_hari_kerja(date(2025, 8, 18))
    assert not Kalender.untuk(komisi).adalah_hari_kerja(date(2025, 8, 19))
    komisi.cuti_bersama_libur = False
    komisi.save()
    assert Kalender.untuk(komisi).adalah_hari_kerja(date(2025, 8, 19))


@pytest.mark.django_db
def test_draf_belum_dikonfirmasi_tetap_dihitung_libur(kalender_bersih):
    from sengketa.libur import isi_draf_tahun

    isi_draf_tahun(2027)
    assert not Kalender.untuk(None).adalah_hari_kerja(date(2027, 3, 10))  # Idul Fitri est.


@pytest.mark.django_db
def test_untuk_hanya_satu_pemeriksaan_versi_bila_tidak_berubah(
    libur_nasional, kalender_bersih, django_assert_num_queries
):
    komisi = buat_komisi("kip-kaltim")
    Kalender.untuk(komisi)
    with django_assert_num_queries(1):  # the stamp of HariLibur and of Penangguhan
        Kalender.untuk(komisi)
