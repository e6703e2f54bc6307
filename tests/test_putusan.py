"""Mediation outcomes, the ruling, copies, objections and finality (spec §3, §5)."""

from datetime import date

import pytest

from sengketa.galat import ParameterTidakValid, PrasyaratTidakTerpenuhi, TidakBerwenang
from sengketa.models import KeberatanPengadilan, Penugasan
from tests.kasus import MULAI, kasus
from workflows import layanan as L

pytestmark = pytest.mark.django_db


def test_perpanjang_mediasi_sekali_paling_lama_7_hk(persona):
    sk = kasus(persona, "mediasi")
    batas = sk.sengketa.tenggat.get(kode="mediasi").tanggal
    with pytest.raises(ParameterTidakValid):
        L.sengketa_perpanjang_mediasi(
            sengketa_id=sk.id, oleh=persona.aktor.mediator, hari=8, persetujuan_para_pihak=True
        )
    with pytest.raises(PrasyaratTidakTerpenuhi):
        L.sengketa_perpanjang_mediasi(
            sengketa_id=sk.id, oleh=persona.aktor.mediator, hari=7, persetujuan_para_pihak=False
        )
    s = L.sengketa_perpanjang_mediasi(
        sengketa_id=sk.id, oleh=persona.aktor.mediator, hari=7, persetujuan_para_pihak=True
    )
    assert s.status == "mediasi"
    assert s.tenggat.get(kode="mediasi").tanggal == sk.hk(batas, 7)
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        L.sengketa_perpanjang_mediasi(
            sengketa_id=sk.id, oleh=persona.pp, hari=1, persetujuan_para_pihak=True
        )
    assert galat.value.kode_alasan == ["sudah_diperpanjang"]


def test_hanya_mediator_atau_pp_yang_memutus_mediasi(persona):
    sk = kasus(persona, "mediasi")
    for orang in (persona.aktor.ketua_majelis, persona.panitera, persona.komisioner[4]):
        with pytest.raises(TidakBerwenang):
            L.sengketa_mediasi_gagal(sengketa_id=sk.id, oleh=orang, sebab="tidak_sepakat")


def test_mediasi_berhasil_menetapkan_tenggat_pelaksanaan(persona):
    sk = kasus(persona, "selesai_mediasi")
    s = sk.sengketa
    assert s.kesepakatan_mediasi and s.jangka_waktu_pelaksanaan == 14
    pelaksanaan = s.tenggat.get(kode="pelaksanaan")
    assert pelaksanaan.tanggal == sk.hk(s.tanggal_selesai_mediasi, 14)
    assert s.tenggat.get(kode="penyelesaian").terpenuhi_pada == s.tanggal_selesai_mediasi
    assert s.tenggat.get(kode="mediasi").status == "terpenuhi"


def test_mediasi_berhasil_butuh_kesepakatan(persona):
    sk = kasus(persona, "mediasi")
    with pytest.raises(ParameterTidakValid):
        L.sengketa_mediasi_berhasil(
            sengketa_id=sk.id, oleh=persona.pp, kesepakatan=[], jangka_waktu_pelaksanaan=14
        )
    with pytest.raises(ParameterTidakValid):
        L.sengketa_mediasi_berhasil(
            sengketa_id=sk.id, oleh=persona.pp, kesepakatan=["x"], jangka_waktu_pelaksanaan="14"
        )


def test_mediasi_gagal_lanjut_ajudikasi_jalur_m_a(persona):
    s = kasus(persona, "ajudikasi").sengketa
    assert s.jalur == "M-A" and s.sebab_mediasi_gagal == "tidak_sepakat"
    with pytest.raises(ParameterTidakValid):
        L.sengketa_mediasi_gagal(
            sengketa_id=kasus(persona, "mediasi").id, oleh=persona.pp, sebab="x"
        )


def bacakan(sk, persona, **kw):
    param = {
        "amar": "dikabulkan_sebagian",
        "isi_amar": "Memerintahkan Termohon memberikan salinan kontrak",
        "jangka_waktu_pelaksanaan": 14,
        "tanggal_musyawarah": sk.sengketa.tanggal_tutup_pemeriksaan,
    } | kw
    return L.sengketa_bacakan_putusan(sengketa_id=sk.id, oleh=persona.aktor.ketua_majelis, **param)


def test_bacakan_putusan_butuh_sidang_pembacaan_pada_tanggal_itu(persona):
    sk = kasus(persona, "musyawarah")
    hari = sk.hk(sk.sengketa.tanggal_tutup_pemeriksaan, 3)
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        bacakan(sk, persona, tanggal=hari)
    assert galat.value.kode_alasan == ["tanpa_sidang_pembacaan"]
    sk.sidang("pembacaan_putusan", hari)
    s = bacakan(sk, persona, tanggal=hari)
    assert s.status == "diputus" and s.amar == "dikabulkan_sebagian"
    assert s.nomor_putusan == s.nomor_register  # KIP Kaltim reuses the register number
    assert s.tenggat.get(kode="salinan").tanggal == sk.hk(hari, 3)
    assert s.tenggat.get(kode="penyelesaian").terpenuhi_pada == hari


def test_parameter_putusan_divalidasi(persona):
    sk = kasus(persona, "musyawarah")
    for salah in (
        {"amar": "dikabulkan"},
        {"isi_amar": ""},
        {"jangka_waktu_pelaksanaan": -1},
        {"tanggal_musyawarah": date(2024, 1, 1)},
        {"tanggal_musyawarah": "bukan tanggal"},
    ):
        with pytest.raises(ParameterTidakValid):
            bacakan(sk, persona, **salah)


def test_nomor_putusan_ki_pusat_dengan_jalur(pusat, kaltim):
    from tests.conftest import Persona

    p = Persona(pusat, kaltim)
    sk = p.skenario()
    sk.sampai_ajudikasi(MULAI)
    d = sk.hk(MULAI, 12)
    s = sk.tutup_pemeriksaan(sk.hk(d, 10)).bacakan_putusan(sk.hk(d, 20)).sengketa
    assert s.nomor_register == "001/III/KIP-PS/2024"
    assert s.nomor_putusan == "001/III/KIP-PS-M-A/2024"


def test_penerimaan_salinan_membuka_jendela_keberatan_14_hk_per_pihak(persona):
    sk = kasus(persona, "diputus")
    s = sk.sengketa
    terima = sk.hk(s.tanggal_putusan, 1)
    L.sengketa_catat_penerimaan_salinan(
        sengketa_id=sk.id, oleh=persona.panitera, pihak=s.pemohon.pk, tanggal_diterima=terima
    )
    jendela = s.tenggat.get(kode="keberatan", pihak=s.pemohon)
    assert jendela.tanggal == sk.hk(terima, 14) and jendela.dasar.startswith("UU 14/2008 Pasal 48")
    assert not s.tenggat.filter(kode="keberatan", pihak=s.termohon).exists()
    with pytest.raises(PrasyaratTidakTerpenuhi):
        L.sengketa_catat_penerimaan_salinan(
            sengketa_id=sk.id, oleh=persona.panitera, pihak=s.pemohon.pk, tanggal_diterima=terima
        )
    with pytest.raises(ParameterTidakValid):
        L.sengketa_catat_penerimaan_salinan(
            sengketa_id=sk.id, oleh=persona.panitera, pihak=999999, tanggal_diterima=terima
        )


def test_jendela_keberatan_hari_kalender_menurut_pengaturan(persona):
    komisi = persona.komisi
    komisi.satuan_keberatan = "hari"
    komisi.save()
    sk = kasus(persona, "diputus")
    s = sk.sengketa
    # Received Friday 31 May 2024: +14 days is Friday 14 June 2024, a working day.
    terima = date(2024, 5, 31) if s.tanggal_putusan <= date(2024, 5, 31) else s.tanggal_putusan
    L.sengketa_catat_penerimaan_salinan(
        sengketa_id=sk.id, oleh=persona.panitera, pihak=s.pemohon.pk, tanggal_diterima=terima
    )
    jendela = s.tenggat.get(kode="keberatan", pihak=s.pemohon)
    assert jendela.satuan == "hari"
    assert jendela.tanggal == sk.kal.tambah_hari_kalender(terima, 14)


def test_inkracht_setelah_semua_jendela_lewat_tanpa_keberatan(persona):
    sk = kasus(persona, "diputus")
    s = sk.sengketa
    terima = sk.hk(s.tanggal_putusan, 2)
    sk.salinan_diterima(terima)
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        L.sengketa_nyatakan_inkracht(sengketa_id=sk.id, oleh=None, tanggal=sk.hk(terima, 14))
    assert set(galat.value.kode_alasan) == {"jendela_keberatan_terbuka"}
    s = L.sengketa_nyatakan_inkracht(sengketa_id=sk.id, oleh=None, tanggal=sk.hk(terima, 15))
    assert s.status == "berkekuatan_hukum_tetap" and s.tanggal_inkracht == sk.hk(terima, 15)
    assert s.tenggat.get(kode="pelaksanaan").tanggal == sk.hk(s.tanggal_inkracht, 10)


def test_inkracht_ditolak_sebelum_salinan_diterima_semua_pihak(persona):
    sk = kasus(persona, "diputus")
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        L.sengketa_nyatakan_inkracht(sengketa_id=sk.id, oleh=persona.panitera)
    assert galat.value.kode_alasan == ["salinan_belum_diterima"] * 2


def test_keberatan_terlambat_dicatat_bukan_ditolak(persona):
    sk = kasus(persona, "diputus")
    s = sk.sengketa
    terima = sk.hk(s.tanggal_putusan, 1)
    sk.salinan_diterima(terima)
    s = L.sengketa_catat_keberatan(
        sengketa_id=sk.id, oleh=persona.panitera, pengadilan="PTUN Samarinda",
        nomor_perkara="5/G/KI/2024", pihak=s.termohon.pk, tanggal=sk.hk(terima, 16),
    )  # fmt: skip
    assert s.status == "keberatan_pengadilan"
    keberatan = KeberatanPengadilan.objects.get(sengketa=s)
    assert keberatan.terlambat and keberatan.jenis_pengadilan == "PTUN"


def test_putusan_pengadilan_final_menjadikan_inkracht(persona):
    sk = kasus(persona, "keberatan_pengadilan")
    hari = sk.hk(sk.sengketa.tanggal_efektif_terakhir, 30)
    s = L.sengketa_catat_putusan_pengadilan(
        sengketa_id=sk.id, oleh=persona.panitera, pengadilan="PTUN Samarinda", nomor="5/G/KI/2024",
        hasil="Menguatkan putusan Komisi Informasi", final=False, tanggal=hari,
    )  # fmt: skip
    assert s.status == "keberatan_pengadilan"
    s = L.sengketa_catat_putusan_pengadilan(
        sengketa_id=sk.id, oleh=persona.panitera, pengadilan="Mahkamah Agung",
        nomor="10 K/TUN/2024",
        hasil="Menolak kasasi", final=True, tanggal=sk.hk(hari, 40),
    )  # fmt: skip
    assert s.status == "berkekuatan_hukum_tetap" and s.tanggal_inkracht == sk.hk(hari, 40)


def test_koreksi_dari_status_akhir_mengembalikan_nilai(persona):
    sk = kasus(persona, "dicabut")
    s = L.sengketa_koreksi(sengketa_id=sk.id, oleh=persona.admin, alasan="Surat pencabutan palsu")
    assert s.status == "diterima"
    assert s.alasan_pencabutan == "" and s.tanggal_selesai is None
    riwayat = s.riwayat.last()
    assert riwayat.transisi == "koreksi" and riwayat.parameter["mengurungkan"] == "cabut"


def test_koreksi_penetapan_majelis_mengakhiri_penugasan(persona):
    sk = kasus(persona, "pemeriksaan_awal")
    s = L.sengketa_koreksi(sengketa_id=sk.id, oleh=persona.ketua, alasan="Majelis salah")
    assert s.status == "teregistrasi"
    assert not Penugasan.objects.filter(sengketa=s, aktif=True).exists()
    assert Penugasan.objects.filter(sengketa=s, aktif=False).count() == 4


def test_koreksi_butuh_alasan_dan_ketua_atau_admin(persona):
    sk = kasus(persona, "teregistrasi")
    with pytest.raises(TidakBerwenang):
        L.sengketa_koreksi(sengketa_id=sk.id, oleh=persona.panitera, alasan="x")
    with pytest.raises(ParameterTidakValid):
        L.sengketa_koreksi(sengketa_id=sk.id, oleh=persona.ketua, alasan=" ")


def test_koreksi_dua_kali_mengurungkan_dua_transisi(persona):
    sk = kasus(persona, "pemeriksaan_awal")
    L.sengketa_koreksi(sengketa_id=sk.id, oleh=persona.ketua, alasan="satu")
    s = L.sengketa_koreksi(sengketa_id=sk.id, oleh=persona.ketua, alasan="dua")
    assert s.status == "diterima" and s.nomor_register == ""
