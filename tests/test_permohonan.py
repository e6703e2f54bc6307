"""Intake, completeness and registration (Perki 1/2013 Pasal 13-18; spec §3, §5, §6)."""

from datetime import date

import pytest
from django.utils import translation

from sengketa.galat import ParameterTidakValid, PrasyaratTidakTerpenuhi, TidakBerwenang
from sengketa.models import NomorDicoret, RiwayatStatus, Tenggat
from tests.kasus import MULAI, kasus
from workflows import layanan as L

pytestmark = pytest.mark.django_db


def data(badan, **ubah):
    nilai = dict(  # noqa: C408 - keyword form reads like the form being filled in
        pemohon=L.DataPihak(jenis="perorangan", nama="Siti Aminah"),
        badan_publik_id=badan.pk,
        informasi_diminta=["Daftar penerima hibah 2023"],
        alasan=["c"],
        tanggal_permohonan_informasi=date(2024, 1, 8),
        tanggal_keberatan=date(2024, 1, 29),
        tanggal_diterima=MULAI,
        kelengkapan={"identitas": True, "bukti_permohonan": True, "bukti_keberatan": True},
    )
    nilai.update(ubah)
    return L.DataPermohonan(**nilai)


def test_permohonan_diterima_dengan_pihak_informasi_dan_riwayat(persona):
    badan = persona.komisi.badan_publik.first()
    hasil = L.sengketa_terima(komisi=persona.komisi, oleh=persona.panitera, data=data(badan))
    s = hasil.sengketa
    assert s.status == "diterima"
    assert s.pemohon.nama == "Siti Aminah" and s.termohon.badan_publik == badan
    assert [i.uraian for i in s.informasi_diminta.all()] == ["Daftar penerima hibah 2023"]
    riwayat = RiwayatStatus.objects.get(sengketa=s)
    assert (riwayat.transisi, riwayat.dari, riwayat.ke, riwayat.oleh) == (
        "terima", "", "diterima", persona.panitera,
    )  # fmt: skip
    pengajuan = Tenggat.objects.get(sengketa=s, kode="pengajuan")
    # No answer from the superior: 30 HK after 29 Jan 2024, then 14 HK (UU 37(2)).
    assert pengajuan.mulai == date(2024, 3, 18)
    assert pengajuan.tanggal == date(2024, 4, 16)
    assert pengajuan.status == "terpenuhi"
    assert hasil.peringatan == []


def test_pengajuan_di_luar_14_hk_diterima_dengan_peringatan(persona):
    badan = persona.komisi.badan_publik.first()
    terlambat = data(badan, tanggal_tanggapan_atasan=date(2024, 1, 31), tanggal_diterima=MULAI)
    hasil = L.sengketa_terima(komisi=persona.komisi, oleh=persona.panitera, data=terlambat)
    assert hasil.sengketa.status == "diterima"
    with translation.override("id"):
        assert "14" in str(hasil.peringatan[0])
    assert Tenggat.objects.get(sengketa=hasil.sengketa, kode="pengajuan").status == "terlewat"


@pytest.mark.parametrize(
    ("ubah", "medan"),
    [
        ({"tanggal_keberatan": date(2024, 1, 1)}, "tanggal_keberatan"),
        ({"tanggal_diterima": date(2024, 1, 20)}, "tanggal_diterima"),
        ({"tanggal_diterima": date(2099, 1, 1)}, "tanggal_diterima"),
        ({"alasan": ["h"]}, "alasan"),
        ({"alasan": []}, "alasan"),
        ({"informasi_diminta": []}, "informasi_diminta"),
        ({"informasi_diminta": ["x" * 3000]}, "informasi_diminta"),
        ({"kelengkapan": {"ktp": True}}, "kelengkapan"),
        ({"saluran": "merpati"}, "saluran"),
    ],
)
def test_data_permohonan_yang_salah_ditolak_dengan_pesan_per_medan(persona, ubah, medan):
    badan = persona.komisi.badan_publik.first()
    with pytest.raises(ParameterTidakValid) as galat:
        L.sengketa_terima(komisi=persona.komisi, oleh=persona.panitera, data=data(badan, **ubah))
    assert medan in galat.value.galat


def test_badan_publik_komisi_lain_ditolak(persona, pusat):
    badan_pusat = pusat.badan_publik.first()
    with pytest.raises(ParameterTidakValid):
        L.sengketa_terima(komisi=persona.komisi, oleh=persona.panitera, data=data(badan_pusat))


def test_pihak_mengajukan_untuk_dirinya_sendiri(persona):
    badan = persona.komisi.badan_publik.first()
    s = L.sengketa_terima(komisi=persona.komisi, oleh=persona.pemohon, data=data(badan)).sengketa
    assert s.pemohon.pengguna == persona.pemohon


def test_panitera_komisi_lain_tidak_boleh_mencatat_permohonan(persona):
    badan = persona.komisi.badan_publik.first()
    with pytest.raises(TidakBerwenang):
        L.sengketa_terima(komisi=persona.komisi, oleh=persona.panitera_lain, data=data(badan))


def test_minta_kelengkapan_menetapkan_tenggat_7_hk(persona):
    sk = persona.skenario().terima(MULAI, lengkap=False)
    s = L.sengketa_minta_kelengkapan(
        sengketa_id=sk.id, oleh=persona.panitera, kekurangan=["bukti_keberatan"], tanggal=MULAI
    )
    assert s.status == "menunggu_kelengkapan" and s.kekurangan == ["bukti_keberatan"]
    # 7 HK after Wed 6 Mar 2024 skips Nyepi (11 Mar) and its cuti bersama (12 Mar).
    assert Tenggat.objects.get(sengketa=s, kode="kelengkapan").tanggal == date(2024, 3, 19)


def test_minta_kelengkapan_butuh_daftar_kekurangan(persona):
    sk = persona.skenario().terima(MULAI, lengkap=False)
    with pytest.raises(ParameterTidakValid):
        L.sengketa_minta_kelengkapan(sengketa_id=sk.id, oleh=persona.panitera, kekurangan=[])


def test_registrasi_memberi_nomor_berurutan_tanpa_celah(persona):
    nomor = []
    for _ in range(3):
        sk = persona.skenario().terima(MULAI).registrasi(date(2024, 4, 2))
        nomor.append(sk.sengketa.nomor_register)
    assert nomor == [
        "001/REG-PSI/KI-KALTIM/IV/2024",
        "002/REG-PSI/KI-KALTIM/IV/2024",
        "003/REG-PSI/KI-KALTIM/IV/2024",
    ]


def test_registrasi_menetapkan_tenggat_14_dan_100_hk(persona):
    s = persona.skenario().terima(MULAI).registrasi(MULAI).sengketa
    tenggat = {t.kode: t for t in Tenggat.objects.filter(sengketa=s)}
    assert tenggat["penyelesaian"].tanggal == date(2024, 8, 15)  # kalender.md worked example
    assert tenggat["penyelesaian"].dasar == "UU 14/2008 Pasal 38 ayat (2)"
    assert tenggat["mulai_penyelesaian"].tanggal == date(2024, 3, 28)
    riwayat = s.riwayat.last()
    assert (riwayat.transisi, riwayat.dari, riwayat.ke, riwayat.tanggal) == (
        "registrasi", "diterima", "teregistrasi", MULAI,
    )  # fmt: skip
    assert riwayat.parameter["nomor_register"] == s.nomor_register


def test_registrasi_dari_menunggu_kelengkapan(persona):
    sk = kasus(persona, "menunggu_kelengkapan")
    L.sengketa_ubah_permohonan(
        sengketa_id=sk.id,
        oleh=persona.panitera,
        perubahan={},
        kelengkapan=dict.fromkeys(("identitas", "bukti_permohonan", "bukti_keberatan"), True),
    )
    s = L.sengketa_registrasi(sengketa_id=sk.id, oleh=persona.panitera, tanggal=date(2024, 3, 8))
    assert s.status == "teregistrasi" and s.kekurangan == []
    assert Tenggat.objects.get(sengketa=s, kode="kelengkapan").terpenuhi_pada == date(2024, 3, 8)


def test_registrasi_berkas_tidak_lengkap_ditolak_dengan_alasan(persona):
    sk = persona.skenario().terima(MULAI, lengkap=False)
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        L.sengketa_registrasi(sengketa_id=sk.id, oleh=persona.panitera)
    assert galat.value.kode_alasan == ["berkas_tidak_lengkap"] * 3


def test_registrasi_pengecualian_perki_18_untuk_bukti_yang_tidak_diberikan(persona):
    sk = persona.skenario().terima(MULAI, lengkap=False)
    L.sengketa_ubah_permohonan(
        sengketa_id=sk.id, oleh=persona.panitera, perubahan={}, kelengkapan={"identitas": True}
    )
    s = L.sengketa_registrasi(
        sengketa_id=sk.id,
        oleh=persona.panitera,
        pengecualian_kelengkapan="Badan publik tidak memberikan tanda terima keberatan",
    )
    assert s.status == "teregistrasi"
    assert s.pengecualian_kelengkapan.startswith("Badan publik")


def test_identitas_tidak_dapat_dikecualikan(persona):
    sk = persona.skenario().terima(MULAI, lengkap=False)
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        L.sengketa_registrasi(
            sengketa_id=sk.id, oleh=persona.panitera, pengecualian_kelengkapan="tidak ada"
        )
    assert galat.value.kode_alasan == ["berkas_tidak_lengkap"]


@pytest.mark.parametrize("siapa", ["pemohon", "ketua", "pp", "panitera_lain", "admin"])
def test_hanya_panitera_yang_meregistrasi(persona, siapa):
    sk = persona.skenario().terima(MULAI)
    with pytest.raises(TidakBerwenang):
        L.sengketa_registrasi(sengketa_id=sk.id, oleh=getattr(persona, siapa))


def test_tanggal_efektif_tidak_boleh_di_masa_depan_atau_sebelum_langkah_sebelumnya(persona):
    sk = persona.skenario().terima(MULAI)
    with pytest.raises(ParameterTidakValid) as galat:
        L.sengketa_registrasi(sengketa_id=sk.id, oleh=persona.panitera, tanggal=date(2099, 1, 1))
    assert "tanggal" in galat.value.galat
    with pytest.raises(ParameterTidakValid):
        L.sengketa_registrasi(sengketa_id=sk.id, oleh=persona.panitera, tanggal=date(2024, 3, 5))


def test_tolak_registrasi_hanya_setelah_tenggat_kelengkapan_lewat(persona):
    sk = kasus(persona, "menunggu_kelengkapan")
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        L.sengketa_tolak_registrasi(
            sengketa_id=sk.id, oleh=persona.panitera, tanggal=date(2024, 3, 18)
        )
    assert galat.value.kode_alasan == ["tenggat_kelengkapan_belum_lewat"]
    s = L.sengketa_tolak_registrasi(sengketa_id=sk.id, oleh=None, tanggal=date(2024, 3, 20))
    assert s.status == "tidak_diregistrasi"
    assert s.riwayat.last().oleh is None  # the daily sweep acted


def test_sistem_hanya_boleh_transisi_sapuan_harian(persona):
    sk = persona.skenario().terima(MULAI)
    with pytest.raises(TidakBerwenang):
        L.sengketa_registrasi(sengketa_id=sk.id, oleh=None)


def test_ubah_permohonan_dicatat_dan_hanya_sebelum_registrasi(persona):
    sk = persona.skenario().terima(MULAI)
    s = L.sengketa_ubah_permohonan(
        sengketa_id=sk.id, oleh=persona.panitera, perubahan={"tujuan_penggunaan": "Penelitian"}
    )
    assert s.tujuan_penggunaan == "Penelitian"
    riwayat = s.riwayat.last()
    assert riwayat.transisi == "ubah_permohonan" and not riwayat.ubah_status
    assert riwayat.nilai_lama["tujuan_penggunaan"] != "Penelitian"
    with pytest.raises(ParameterTidakValid):
        L.sengketa_ubah_permohonan(
            sengketa_id=sk.id, oleh=persona.panitera, perubahan={"status": "x"}
        )
    sk.registrasi(MULAI)
    from sengketa.galat import TransisiTidakDiizinkan

    with pytest.raises(TransisiTidakDiizinkan):
        L.sengketa_ubah_permohonan(sengketa_id=sk.id, oleh=persona.panitera, perubahan={})


def test_koreksi_registrasi_mencoret_nomor_dan_tidak_dipakai_lagi(persona):
    sk = persona.skenario().terima(MULAI).registrasi(MULAI)
    nomor = sk.sengketa.nomor_register
    s = L.sengketa_koreksi(sengketa_id=sk.id, oleh=persona.ketua, alasan="Salah register")
    assert s.status == "diterima" and s.nomor_register == ""
    assert NomorDicoret.objects.filter(nomor=nomor, sengketa=s).exists()
    s = L.sengketa_registrasi(sengketa_id=sk.id, oleh=persona.panitera, tanggal=MULAI)
    assert s.nomor_register == "002/REG-PSI/KI-KALTIM/III/2024"


def test_penangguhan_komisi_menggeser_tenggat_yang_berjalan(persona):
    from workflows.layanan.kalender import penangguhan_simpan

    s = persona.skenario().terima(MULAI).registrasi(MULAI).sengketa
    sebelum = s.tenggat.get(kode="penyelesaian").tanggal
    _p, bergeser = penangguhan_simpan(
        oleh=persona.admin, komisi=persona.komisi, mulai=date(2024, 6, 3),
        selesai=date(2024, 6, 7), dasar="Surat Edaran Ketua KI Nomor 1 Tahun 2024",
    )  # fmt: skip
    sesudah = s.tenggat.get(kode="penyelesaian").tanggal
    assert sesudah == persona.skenario().kal.tambah(sebelum, 5)
    assert [b.kode for b in bergeser[s.pk]] == ["penyelesaian"]
    assert s.riwayat.filter(transisi="tenggat_bergeser").exists()
    with pytest.raises(TidakBerwenang):
        penangguhan_simpan(
            oleh=persona.panitera, komisi=persona.komisi, mulai=date(2024, 6, 3),
            selesai=date(2024, 6, 7), dasar="x",
        )  # fmt: skip
