"""Majelis, preliminary examination and its outcomes (spec §3; Perki 1/2013 Pasal 29-36)."""

import pytest

from sengketa.galat import ParameterTidakValid, PrasyaratTidakTerpenuhi, TidakBerwenang
from sengketa.models import Penugasan, Sengketa
from tests.kasus import MULAI, kasus
from workflows import layanan as L

pytestmark = pytest.mark.django_db


def test_tetapkan_majelis_menugaskan_majelis_dan_pp(persona):
    sk = kasus(persona, "teregistrasi")
    s = sk.tetapkan_majelis(sk.hk(MULAI, 2)).sengketa
    assert s.status == "pemeriksaan_awal"
    aktif = set(Penugasan.objects.filter(sengketa=s, aktif=True).values_list("peran", "pengguna"))
    a = persona.aktor
    assert aktif == {
        ("ketua_majelis", a.ketua_majelis.pk),
        ("anggota_majelis", a.anggota[0].pk),
        ("anggota_majelis", a.anggota[1].pk),
        ("panitera_pengganti", a.pp.pk),
    }
    riwayat = s.riwayat.last()
    assert riwayat.transisi == "tetapkan_majelis" and riwayat.oleh == persona.ketua
    assert riwayat.parameter["panitera_pengganti"] == a.pp.username


@pytest.mark.parametrize("siapa", ["panitera", "pp", "pemohon", "ketua_lain", "admin"])
def test_hanya_ketua_komisi_yang_menetapkan_majelis(persona, siapa):
    sk = kasus(persona, "teregistrasi")
    with pytest.raises(TidakBerwenang):
        L.sengketa_tetapkan_majelis(
            sengketa_id=sk.id,
            oleh=getattr(persona, siapa),
            ketua_majelis=persona.komisioner[0],
            anggota=persona.komisioner[1:3],
            panitera_pengganti=persona.pp,
        )


def temuan(**ubah):
    nilai = dict.fromkeys(
        ("berwenang", "legal_standing_pemohon", "legal_standing_termohon", "dalam_jangka_waktu"),
        True,
    )
    return nilai | ubah


def test_catat_pemeriksaan_awal_oleh_ketua_majelis_bukan_perubahan_status(persona):
    sk = kasus(persona, "teregistrasi").tetapkan_majelis(MULAI)
    s = L.sengketa_catat_pemeriksaan_awal(
        sengketa_id=sk.id, oleh=persona.aktor.ketua_majelis, catatan="Lengkap", **temuan()
    )
    assert s.status == "pemeriksaan_awal" and s.berwenang is True
    riwayat = s.riwayat.last()
    assert riwayat.transisi == "catat_pemeriksaan_awal" and riwayat.ubah_status is False
    assert riwayat.parameter["catatan"] == "Lengkap"


def test_anggota_majelis_bukan_ketua_tidak_mencatat_pemeriksaan_awal(persona):
    sk = kasus(persona, "teregistrasi").tetapkan_majelis(MULAI)
    with pytest.raises(TidakBerwenang):
        L.sengketa_catat_pemeriksaan_awal(
            sengketa_id=sk.id, oleh=persona.aktor.anggota[0], **temuan()
        )


def test_temuan_harus_boolean(persona):
    sk = kasus(persona, "teregistrasi").tetapkan_majelis(MULAI)
    with pytest.raises(ParameterTidakValid):
        L.sengketa_catat_pemeriksaan_awal(
            sengketa_id=sk.id, oleh=persona.pp, **temuan(berwenang="ya")
        )


def mulai_mediasi(sk, persona, **kw):
    param = {"mediator": persona.aktor.mediator, "persetujuan_para_pihak": True} | kw
    return L.sengketa_mulai_mediasi(sengketa_id=sk.id, oleh=persona.pp, **param)


def test_mulai_mediasi_menugaskan_mediator_dan_tenggat_14_hk(persona):
    sk = kasus(persona, "pemeriksaan_awal")
    s = mulai_mediasi(sk, persona, tanggal=sk.hk(MULAI, 8))
    assert s.status == "mediasi" and s.jalur == "M"
    assert Penugasan.objects.get(sengketa=s, peran="mediator").pengguna == persona.aktor.mediator
    mediasi = s.tenggat.get(kode="mediasi")
    assert mediasi.mulai == sk.hk(MULAI, 8) and mediasi.tanggal == sk.hk(MULAI, 22)


def test_mediasi_ditolak_sebelum_temuan_dicatat(persona):
    sk = kasus(persona, "teregistrasi").tetapkan_majelis(MULAI)
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        mulai_mediasi(sk, persona)
    assert set(galat.value.kode_alasan) == {"temuan_belum_dicatat"}


def test_mediasi_ditolak_untuk_informasi_dikecualikan(persona):
    sk = persona.skenario().terima(MULAI, alasan=("a", "c")).registrasi(MULAI)
    sk.tetapkan_majelis(MULAI).pemeriksaan_awal(sk.hk(MULAI, 5))
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        mulai_mediasi(sk, persona)
    assert galat.value.kode_alasan == ["alasan_a_tidak_dapat_dimediasi"]
    s = L.sengketa_mulai_ajudikasi(sengketa_id=sk.id, oleh=persona.pp)
    assert s.status == "ajudikasi" and s.jalur == "A"


def test_mediasi_butuh_persetujuan_para_pihak_dan_mediator_komisioner(persona):
    sk = kasus(persona, "pemeriksaan_awal")
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        mulai_mediasi(sk, persona, persetujuan_para_pihak=False)
    assert galat.value.kode_alasan == ["tanpa_persetujuan_para_pihak"]
    with pytest.raises(ParameterTidakValid):
        mulai_mediasi(sk, persona, mediator=persona.panitera)


def test_ajudikasi_langsung_hanya_untuk_alasan_a_atau_mediasi_ditolak(persona):
    sk = kasus(persona, "pemeriksaan_awal")
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        L.sengketa_mulai_ajudikasi(sengketa_id=sk.id, oleh=persona.pp)
    assert galat.value.kode_alasan == ["mediasi_wajib_ditawarkan"]
    s = L.sengketa_mulai_ajudikasi(sengketa_id=sk.id, oleh=persona.pp, mediasi_ditolak=True)
    assert s.status == "ajudikasi" and s.mediasi_ditolak


@pytest.mark.parametrize(
    ("dasar", "temuan_negatif"),
    [
        ("tidak_berwenang", "berwenang"),
        ("legal_standing_pemohon", "legal_standing_pemohon"),
        ("legal_standing_termohon", "legal_standing_termohon"),
        ("daluwarsa", "dalam_jangka_waktu"),
        ("prematur", "dalam_jangka_waktu"),
    ],
)
def test_putusan_sela_butuh_temuan_negatif_yang_sesuai(persona, dasar, temuan_negatif):
    sk = kasus(persona, "pemeriksaan_awal")  # all findings positive
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        L.sengketa_putusan_sela(sengketa_id=sk.id, oleh=persona.pp, dasar=dasar)
    assert galat.value.kode_alasan == ["temuan_tidak_mendukung"]
    L.sengketa_catat_pemeriksaan_awal(
        sengketa_id=sk.id, oleh=persona.pp, **temuan(**{temuan_negatif: False})
    )
    s = L.sengketa_putusan_sela(sengketa_id=sk.id, oleh=persona.pp, dasar=dasar)
    assert s.status == "tidak_diterima" and s.dasar_putusan_sela == dasar


def test_putusan_sela_itikad_tidak_baik_butuh_catatan(persona):
    sk = kasus(persona, "pemeriksaan_awal")
    with pytest.raises(PrasyaratTidakTerpenuhi):
        L.sengketa_putusan_sela(sengketa_id=sk.id, oleh=persona.pp, dasar="itikad_tidak_baik")
    s = L.sengketa_putusan_sela(
        sengketa_id=sk.id,
        oleh=persona.pp,
        dasar="itikad_tidak_baik",
        catatan="Permohonan berulang untuk mengganggu layanan (Perki 1/2013 Pasal 4)",
    )
    assert s.status == "tidak_diterima"


def test_dasar_putusan_sela_yang_tidak_dikenal_ditolak(persona):
    sk = kasus(persona, "pemeriksaan_awal")
    with pytest.raises(ParameterTidakValid):
        L.sengketa_putusan_sela(sengketa_id=sk.id, oleh=persona.pp, dasar="lainnya")


def test_limpahkan_membuat_perkara_baru_di_komisi_tujuan(persona, pusat):
    sk = kasus(persona, "dilimpahkan")
    s = Sengketa.objects.get(pk=sk.id)
    baru = s.dilimpahkan_ke
    assert s.komisi_tujuan == pusat and baru.komisi == pusat and baru.status == "diterima"
    assert baru.dilimpahkan_dari == s
    assert {p.nama for p in baru.pihak.all()} == {p.nama for p in s.pihak.all()}
    assert baru.termohon.badan_publik.komisi == pusat
    assert [i.uraian for i in baru.informasi_diminta.all()] == [
        i.uraian for i in s.informasi_diminta.all()
    ]


def test_limpahkan_hanya_jika_tidak_berwenang_dan_ke_komisi_lain(persona):
    sk = kasus(persona, "pemeriksaan_awal")
    with pytest.raises(PrasyaratTidakTerpenuhi):
        L.sengketa_limpahkan(sengketa_id=sk.id, oleh=persona.pp, komisi_tujuan="KI-PUSAT")
    with pytest.raises(ParameterTidakValid):
        L.sengketa_limpahkan(sengketa_id=sk.id, oleh=persona.pp, komisi_tujuan="KIP-KALTIM")
    with pytest.raises(ParameterTidakValid):
        L.sengketa_limpahkan(sengketa_id=sk.id, oleh=persona.pp, komisi_tujuan="KI-MARS")


def test_tutup_pemeriksaan_butuh_sidang_ajudikasi_selesai(persona):
    sk = kasus(persona, "ajudikasi")
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        L.sengketa_tutup_pemeriksaan(sengketa_id=sk.id, oleh=persona.pp)
    assert galat.value.kode_alasan == ["belum_ada_sidang_ajudikasi"]
    s = sk.tutup_pemeriksaan(sk.hk(MULAI, 22)).sengketa
    assert s.status == "musyawarah"


@pytest.mark.parametrize(
    "status",
    ["diterima", "menunggu_kelengkapan", "teregistrasi", "pemeriksaan_awal", "mediasi",
     "ajudikasi", "musyawarah"],
)  # fmt: skip
def test_cabut_dari_setiap_status_yang_diizinkan(persona, status):
    sk = kasus(persona, status)
    sebelum_pemeriksaan = status in ("diterima", "menunggu_kelengkapan", "teregistrasi")
    oleh = persona.pemohon if sebelum_pemeriksaan else persona.aktor.ketua_majelis
    s = L.sengketa_cabut(
        sengketa_id=sk.id, oleh=oleh, tanggal_surat=sk.sengketa.tanggal_efektif_terakhir,
        alasan="Informasi telah diberikan",
    )  # fmt: skip
    assert s.status == "dicabut"
    assert s.nomor_register_dicoret == bool(s.nomor_register)
    assert s.riwayat.last().parameter["alasan"] == "Informasi telah diberikan"


def test_pemohon_tidak_mencabut_sendiri_setelah_pemeriksaan_dimulai(persona):
    sk = kasus(persona, "pemeriksaan_awal")
    with pytest.raises(TidakBerwenang):
        L.sengketa_cabut(sengketa_id=sk.id, oleh=persona.pemohon, tanggal_surat=MULAI, alasan="x")


def test_pihak_lain_tidak_bisa_mencabut(persona):
    sk = kasus(persona, "diterima")
    with pytest.raises(TidakBerwenang):
        L.sengketa_cabut(
            sengketa_id=sk.id, oleh=persona.pihak_lain, tanggal_surat=MULAI, alasan="x"
        )


@pytest.mark.parametrize("status", ["pemeriksaan_awal", "mediasi", "ajudikasi", "musyawarah"])
def test_pemohon_dua_kali_tidak_hadir_tanpa_alasan_sengketa_gugur(persona, status):
    sk = kasus(persona, status)
    jenis = {"pemeriksaan_awal": "pemeriksaan_awal", "mediasi": "mediasi"}.get(status, "pembuktian")
    if status == "musyawarah":
        jenis = "pembacaan_putusan"
    awal = sk.sengketa.tanggal_efektif_terakhir
    with pytest.raises(PrasyaratTidakTerpenuhi):
        L.sengketa_gugurkan(sengketa_id=sk.id, oleh=persona.pp)
    sk.sidang(jenis, sk.hk(awal, 1), hadir=False).sidang(jenis, sk.hk(awal, 3), hadir=False)
    s = L.sengketa_gugurkan(sengketa_id=sk.id, oleh=persona.pp, tanggal=sk.hk(awal, 3))
    assert s.status == "gugur"
    assert len(s.riwayat.last().parameter["sidang_tidak_hadir"]) == 2
