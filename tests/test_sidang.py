"""Hearings, summonses and attendance (siklus-sengketa.md §4 and the `gugurkan` row of §3):
what the registrar relies on when scheduling, summoning, adjourning and closing hearings."""

import contextlib
from datetime import UTC, date, datetime

import pytest

from sengketa import aturan
from sengketa.galat import (
    KesalahanProsedur,
    ParameterTidakValid,
    PrasyaratTidakTerpenuhi,
    TidakBerwenang,
    TransisiTidakDiizinkan,
)
from sengketa.kalender import Kalender
from sengketa.models import (
    Kehadiran,
    Kuasa,
    Panggilan,
    RiwayatStatus,
    Sidang,
    StatusSengketa,
    Tenggat,
)
from sengketa.waktu import hari_ini
from tests.factories import pengguna_dengan_peran
from tests.kasus import kasus
from workflows import layanan as L
from workflows.layanan.sidang import (
    panggilan_catat_diterima,
    sidang_batal,
    sidang_jadwalkan,
    sidang_selesai,
    sidang_tunda,
)
from workflows.skenario import Aktor, Skenario

pytestmark = pytest.mark.django_db

MULAI = date(2024, 3, 6)  # Wednesday: received and registered; majelis on Friday 8 March
H1 = date(2024, 3, 20)  # Wednesdays, working days in the 2024 calendar
H2 = date(2024, 3, 27)
H3 = date(2024, 4, 3)
RUANG = "Ruang Sidang Utama"
ABSEN = "tidak_hadir_tanpa_alasan"


# -- helpers ---------------------------------------------------------------------------------


def majelis_ditetapkan(persona, aktor=None, *, nama="Budi Santoso") -> Skenario:
    """A case in pemeriksaan_awal with its majelis and PP, no hearing yet."""
    sk = Skenario(persona.komisi, aktor or persona.aktor)
    sk.terima(MULAI, nama=nama).registrasi(MULAI).tetapkan_majelis(sk.hk(MULAI, 2))
    return sk


def aktor_lain(persona, *, ketua_majelis, anggota, pp, pemohon=None) -> Aktor:
    return Aktor(
        panitera=persona.panitera,
        ketua=persona.ketua,
        ketua_majelis=ketua_majelis,
        anggota=anggota,
        pp=pp,
        mediator=None,
        pemohon=pemohon,
    )


def jadwalkan(sk, hari, jam=9, *, ruang=RUANG, jenis="pemeriksaan_awal", oleh=None, **kw):
    return sidang_jadwalkan(
        sengketa_id=sk.id,
        oleh=oleh or sk.aktor.pp,
        jenis=jenis,
        mulai=sk.pukul(hari, jam),
        ruang=ruang,
        **kw,
    )


def terima_panggilan(sk, sidang, tanggal, *, peran=None) -> None:
    for p in sidang.panggilan.all():
        if peran is None or p.peran == peran:
            panggilan_catat_diterima(
                panggilan_id=p.pk, oleh=sk.aktor.pp, metode="kurir", tanggal=tanggal
            )


def kehadiran(sk, pemohon="hadir", termohon="hadir") -> list[dict]:
    s = sk.segarkan().sengketa
    return [
        {"pihak": s.pemohon.pk, "status": pemohon},
        {"pihak": s.termohon.pk, "status": termohon},
    ]


def sidang_terlaksana(
    sk, hari, *, pemohon="hadir", termohon="hadir", diterima=None, jenis="pemeriksaan_awal"
) -> Sidang:
    """Schedule a hearing on `hari`, serve every summons (by default 5 HK ahead, so patut),
    hold it and record the attendance."""
    sidang = jadwalkan(sk, hari, jenis=jenis).sidang
    terima_panggilan(sk, sidang, diterima or sk.hk(hari, -5))
    sidang_selesai(
        sidang_id=sidang.pk, oleh=sk.aktor.pp, kehadiran=kehadiran(sk, pemohon, termohon)
    )
    return sidang


def tenggat(sk, kode, **kw) -> Tenggat:
    kw.setdefault("pihak", None)
    kw.setdefault("sidang", None)
    return Tenggat.objects.get(sengketa_id=sk.id, kode=kode, **kw)


def kode_alasan(galat) -> list[str]:
    return galat.value.kode_alasan


# -- scheduling: working days ----------------------------------------------------------------


def test_jadwal_ditolak_pada_sabtu_minggu_dan_hari_libur(persona):
    sk = majelis_ditetapkan(persona)
    sabtu, minggu, nyepi = date(2024, 3, 16), date(2024, 3, 17), date(2024, 3, 11)
    for hari in (sabtu, minggu, nyepi):
        with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
            jadwalkan(sk, hari)
        assert kode_alasan(galat) == ["bukan_hari_kerja"]
        assert galat.value.transisi == "jadwalkan_sidang"
    assert "Nyepi" in str(galat.value)
    assert not Sidang.objects.filter(sengketa_id=sk.id).exists()
    assert not Panggilan.objects.filter(sidang__sengketa_id=sk.id).exists()


def test_hari_sidang_dinilai_di_zona_waktu_komisi(persona):
    """Friday 17:00 UTC is Saturday 01:00 WITA in Samarinda: not a working day there."""
    sk = majelis_ditetapkan(persona)
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        sidang_jadwalkan(
            sengketa_id=sk.id,
            oleh=persona.pp,
            jenis="pemeriksaan_awal",
            mulai=datetime(2024, 3, 15, 17, 0, tzinfo=UTC),
        )
    assert kode_alasan(galat) == ["bukan_hari_kerja"]


def test_jadwal_menolak_waktu_tanpa_zona_dan_jenis_tak_dikenal(persona):
    sk = majelis_ditetapkan(persona)
    with pytest.raises(ParameterTidakValid) as galat:
        sidang_jadwalkan(
            sengketa_id=sk.id,
            oleh=persona.pp,
            jenis="pemeriksaan_awal",
            mulai=datetime(2024, 3, 20, 9),
        )
    assert "mulai" in galat.value.galat
    with pytest.raises(ParameterTidakValid) as galat:
        jadwalkan(sk, H1, jenis="sidang_keliling")
    assert "jenis" in galat.value.galat


# -- scheduling: clashes ---------------------------------------------------------------------


def test_jadwal_bentrok_ruang_dengan_sidang_perkara_lain_yang_tumpang_tindih(persona):
    a = majelis_ditetapkan(persona)
    k = persona.komisioner
    # Case B shares nobody with case A: only the room can clash.
    b = majelis_ditetapkan(
        persona,
        aktor_lain(persona, ketua_majelis=k[3], anggota=[k[4], persona.ketua], pp=persona.panitera),
        nama="Siti Aminah",
    )
    jadwalkan(a, H1, 9)  # 09:00-11:00
    for jam, ruang in ((10, RUANG), (9, RUANG.upper())):
        with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
            jadwalkan(b, H1, jam, ruang=ruang)
        assert kode_alasan(galat) == ["bentrok_ruang"]
    assert not Sidang.objects.filter(sengketa_id=b.id).exists()
    # Another room at the same time is fine, and so is the same room once A's hearing ends.
    assert jadwalkan(b, H1, 9, ruang="Ruang Mediasi").sidang.pk
    assert jadwalkan(b, H1, 11, ruang=RUANG).sidang.pk


def test_jadwal_bentrok_petugas_yang_sama_walau_di_ruang_lain(persona):
    k = persona.komisioner
    a = kasus(persona, StatusSengketa.MEDIASI)  # majelis k0 k1 k2, PP, mediator k3
    tambahan = [pengguna_dengan_peran(persona.komisi, "komisioner") for _ in range(2)]
    bersama = {
        "anggota majelis": aktor_lain(
            persona, ketua_majelis=k[4], anggota=[k[1], tambahan[0]], pp=persona.panitera
        ),
        "mediator": aktor_lain(
            persona, ketua_majelis=k[3], anggota=[k[4], tambahan[0]], pp=persona.panitera
        ),
        "PP": aktor_lain(
            persona, ketua_majelis=k[4], anggota=[tambahan[0], tambahan[1]], pp=persona.pp
        ),
    }
    jadwalkan(a, H2, 9, jenis="mediasi")  # 09:00-11:00
    for i, (siapa, aktor) in enumerate(bersama.items()):
        lain = majelis_ditetapkan(persona, aktor, nama=f"Pemohon {i}")
        with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
            jadwalkan(lain, H2, 10, ruang=f"Ruang {i}", oleh=persona.panitera)
        assert kode_alasan(galat) == ["bentrok_petugas"], siapa
    # Not overlapping (A's hearing ends at 11:00): no clash.
    assert jadwalkan(lain, H2, 11, ruang="Ruang 2", oleh=persona.panitera).sidang.pk


def test_tidak_bentrok_bila_sidang_lain_sudah_selesai_atau_batal(persona):
    a = majelis_ditetapkan(persona)
    # Case B has the same majelis and PP as A, and wants the same room.
    b = majelis_ditetapkan(persona, nama="Siti Aminah")
    selesai = sidang_terlaksana(a, H1)
    batal = jadwalkan(a, H2).sidang
    sidang_batal(sidang_id=batal.pk, oleh=persona.pp, alasan="Majelis berhalangan")
    assert Sidang.objects.get(pk=selesai.pk).status == "selesai"
    assert Sidang.objects.get(pk=batal.pk).status == "batal"
    assert jadwalkan(b, H1, 10).sidang.pk
    assert jadwalkan(b, H2, 9).sidang.pk


def test_dua_sidang_satu_perkara_tidak_boleh_tumpang_tindih(persona):
    sk = majelis_ditetapkan(persona)
    jadwalkan(sk, H1, 9)
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        jadwalkan(sk, H1, 10, ruang="Ruang Mediasi")
    assert kode_alasan(galat) == ["bentrok_perkara"]


# -- summonses -------------------------------------------------------------------------------


def test_jadwal_menerbitkan_panggilan_per_pihak_dan_per_kuasa_aktif_bernomor_surat(persona):
    sk = majelis_ditetapkan(persona)
    s = sk.sengketa
    kuasa_pemohon = Kuasa.objects.create(pihak=s.pemohon, nama="Andi Wijaya, S.H.")
    Kuasa.objects.create(pihak=s.pemohon, nama="Kuasa lama", aktif=False)
    kuasa_termohon = Kuasa.objects.create(pihak=s.termohon, nama="Kepala Biro Hukum")

    pertama = jadwalkan(sk, H1).sidang
    surat = list(pertama.panggilan.order_by("id"))
    assert sorted((p.peran, p.pihak_id, p.kuasa_id) for p in surat) == sorted(
        [
            ("pemohon", s.pemohon.pk, None),
            ("kuasa_pemohon", s.pemohon.pk, kuasa_pemohon.pk),
            ("termohon", s.termohon.pk, None),
            ("kuasa_termohon", s.termohon.pk, kuasa_termohon.pk),
        ]
    )
    # The letter series of the commission's template, one number per letter.
    assert [p.nomor for p in surat] == [f"{i:03}/PANG/KI-KALTIM/III/2024" for i in (1, 2, 3, 4)]
    assert {p.panggilan_ke for p in surat} == {1}

    kedua = jadwalkan(sk, H3).sidang
    surat2 = list(kedua.panggilan.order_by("id"))
    assert len(surat2) == 4
    assert [p.nomor for p in surat2] == [f"{i:03}/PANG/KI-KALTIM/IV/2024" for i in (5, 6, 7, 8)]
    assert {p.panggilan_ke for p in surat2} == {2}
    semua = [p.nomor for p in Panggilan.objects.filter(sidang__sengketa_id=sk.id)]
    assert len(semua) == len(set(semua)) == 8


def test_sidang_mendatang_yang_terlalu_dekat_memberi_peringatan_patut(persona):
    sk = majelis_ditetapkan(persona)
    kal = Kalender.untuk(persona.komisi)
    hari = hari_ini(persona.komisi)
    dekat = jadwalkan(sk, kal.tambah(hari, 2))
    assert dekat.peringatan
    assert "patut" in str(dekat.peringatan[0])
    jauh = jadwalkan(sk, kal.tambah(hari, 10))
    assert jauh.peringatan == []
    # A paper case's hearing recorded afterwards gets no lead-time warning.
    lampau = jadwalkan(sk, H1)
    assert lampau.peringatan == []


def test_panggilan_diterima_tepat_3_hk_sebelum_sidang_patut_2_hk_tidak(persona):
    sk = majelis_ditetapkan(persona)
    kal = Kalender.untuk(persona.komisi)
    sidang = jadwalkan(sk, H1).sidang  # Wednesday 20 March 2024
    terima_panggilan(sk, sidang, date(2024, 3, 15), peran="pemohon")  # Friday: 3 HK before
    terima_panggilan(sk, sidang, date(2024, 3, 18), peran="termohon")  # Monday: 2 HK before
    surat = {p.peran: p for p in Panggilan.objects.filter(sidang=sidang)}
    assert aturan.panggilan_patut(surat["pemohon"], kal, persona.komisi)
    assert not aturan.panggilan_patut(surat["termohon"], kal, persona.komisi)
    assert surat["pemohon"].metode == "kurir"
    assert surat["pemohon"].tanggal_dikirim == date(2024, 3, 15)


def test_patut_dihitung_dalam_hari_kerja_melewati_nyepi_dan_cuti_bersama(persona):
    """3 HK before Wednesday 13 March 2024 is Wednesday 6 March (11 and 12 March are off)."""
    sk = majelis_ditetapkan(persona)
    kal = Kalender.untuk(persona.komisi)
    sidang = jadwalkan(sk, date(2024, 3, 13)).sidang
    terima_panggilan(sk, sidang, date(2024, 3, 6), peran="pemohon")
    terima_panggilan(sk, sidang, date(2024, 3, 7), peran="termohon")
    surat = {p.peran: p for p in Panggilan.objects.filter(sidang=sidang)}
    assert aturan.panggilan_patut(surat["pemohon"], kal, persona.komisi)
    assert not aturan.panggilan_patut(surat["termohon"], kal, persona.komisi)


def test_panggilan_belum_diterima_tidak_patut_dan_penerimaan_tidak_boleh_di_masa_depan(persona):
    sk = majelis_ditetapkan(persona)
    kal = Kalender.untuk(persona.komisi)
    sidang = jadwalkan(sk, H1).sidang
    p = sidang.panggilan.first()
    assert not aturan.panggilan_patut(p, kal, persona.komisi)
    besok = kal.tambah(hari_ini(persona.komisi), 1)
    with pytest.raises(ParameterTidakValid):
        panggilan_catat_diterima(panggilan_id=p.pk, oleh=persona.pp, metode="pos", tanggal=besok)
    with pytest.raises(ParameterTidakValid):
        panggilan_catat_diterima(
            panggilan_id=p.pk,
            oleh=persona.pp,
            metode="pos",
            tanggal=date(2024, 3, 14),
            tanggal_dikirim=date(2024, 3, 15),
        )
    with pytest.raises(TidakBerwenang):
        panggilan_catat_diterima(
            panggilan_id=p.pk, oleh=persona.pemohon, metode="pos", tanggal=date(2024, 3, 14)
        )
    assert Panggilan.objects.get(pk=p.pk).tanggal_diterima is None


# -- adjournment -----------------------------------------------------------------------------


def test_sidang_ditunda_membuat_sidang_berikutnya_dengan_panggilan_baru(persona):
    sk = majelis_ditetapkan(persona)
    sidang = jadwalkan(sk, H1).sidang
    lama = {p.nomor for p in sidang.panggilan.all()}
    hasil = sidang_tunda(
        sidang_id=sidang.pk,
        oleh=persona.pp,
        alasan="Termohon meminta waktu menyiapkan dokumen",
        mulai_berikutnya=sk.pukul(H2, 13),
    )
    sidang.refresh_from_db()
    berikut = hasil.sidang
    assert sidang.status == "ditunda"
    assert sidang.alasan_tunda == "Termohon meminta waktu menyiapkan dokumen"
    assert sidang.sidang_berikutnya == berikut
    assert berikut.status == "dijadwalkan"
    assert berikut.mulai == sk.pukul(H2, 13)
    assert (berikut.jenis, berikut.ruang) == (sidang.jenis, sidang.ruang)
    assert berikut.selesai_rencana - berikut.mulai == sidang.selesai_rencana - sidang.mulai
    surat = list(berikut.panggilan.all())
    assert {p.peran for p in surat} == {"pemohon", "termohon"}
    assert {p.panggilan_ke for p in surat} == {2}
    assert not lama & {p.nomor for p in surat}
    assert hasil.peringatan == []


def test_penundaan_ke_hari_libur_ditolak_dan_sidang_tetap_terjadwal(persona):
    sk = majelis_ditetapkan(persona)
    sidang = jadwalkan(sk, H1).sidang
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        sidang_tunda(
            sidang_id=sidang.pk,
            oleh=persona.pp,
            alasan="Majelis berhalangan",
            mulai_berikutnya=sk.pukul(date(2024, 3, 29)),  # Good Friday
        )
    assert kode_alasan(galat) == ["bukan_hari_kerja"]
    sidang.refresh_from_db()
    assert sidang.status == "dijadwalkan"
    assert sidang.sidang_berikutnya is None
    with pytest.raises(ParameterTidakValid):
        sidang_tunda(
            sidang_id=sidang.pk,
            oleh=persona.pp,
            alasan="Mundur",
            mulai_berikutnya=sk.pukul(date(2024, 3, 19)),
        )
    assert Sidang.objects.filter(sengketa_id=sk.id).count() == 1


def test_sidang_yang_sudah_selesai_tidak_dapat_ditunda_atau_dibatalkan(persona):
    sk = majelis_ditetapkan(persona)
    sidang = sidang_terlaksana(sk, H1)
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        sidang_tunda(
            sidang_id=sidang.pk, oleh=persona.pp, alasan="x", mulai_berikutnya=sk.pukul(H2)
        )
    assert kode_alasan(galat) == ["sidang_tidak_terjadwal"]
    with pytest.raises(PrasyaratTidakTerpenuhi):
        sidang_batal(sidang_id=sidang.pk, oleh=persona.pp, alasan="x")


def test_sidang_ditunda_sebelum_dibuka_tidak_memenuhi_tenggat_mulai_penyelesaian(persona):
    """A hearing postponed before it opened was never held: the first hearing (UU 38(1)) has
    not taken place, so `mulai_penyelesaian` cannot be met, least of all on a future date."""
    sk = majelis_ditetapkan(persona)
    kal = Kalender.untuk(persona.komisi)
    hari = hari_ini(persona.komisi)
    sidang = jadwalkan(sk, kal.tambah(hari, 5)).sidang
    # Refusing to adjourn a hearing that has not opened would be acceptable too.
    with contextlib.suppress(KesalahanProsedur):
        sidang_tunda(
            sidang_id=sidang.pk,
            oleh=persona.pp,
            alasan="Ditunda atas permintaan Termohon",
            mulai_berikutnya=sk.pukul(kal.tambah(hari, 10)),
        )
    t = tenggat(sk, "mulai_penyelesaian")
    assert t.terpenuhi_pada is None or t.terpenuhi_pada <= hari


def test_sidang_mendatang_dipindahkan_dengan_panggilan_baru(persona):
    from workflows.layanan.sidang import sidang_pindahkan

    sk = majelis_ditetapkan(persona)
    kal = Kalender.untuk(persona.komisi)
    hari = hari_ini(persona.komisi)
    lama = jadwalkan(sk, kal.tambah(hari, 5)).sidang
    with pytest.raises(ParameterTidakValid):
        sidang_tunda(
            sidang_id=lama.pk, oleh=persona.pp, alasan="Majelis berhalangan",
            mulai_berikutnya=sk.pukul(kal.tambah(hari, 10)),
        )  # fmt: skip
    baru = sidang_pindahkan(
        sidang_id=lama.pk, oleh=persona.pp, alasan="Majelis berhalangan",
        mulai_berikutnya=sk.pukul(kal.tambah(hari, 10)),
    ).sidang  # fmt: skip
    lama.refresh_from_db()
    assert lama.status == "batal" and lama.sidang_berikutnya == baru
    assert baru.status == "dijadwalkan" and baru.panggilan.count() == 2
    assert tenggat(sk, "mulai_penyelesaian").terpenuhi_pada is None
    assert sk.sengketa.riwayat.filter(transisi="pindahkan_sidang").exists()


# -- closing a hearing: attendance -----------------------------------------------------------


def test_sidang_selesai_wajib_mencatat_kehadiran_setiap_pihak_tepat_sekali(persona):
    sk = majelis_ditetapkan(persona)
    lain = majelis_ditetapkan(persona, nama="Siti Aminah")
    sidang = jadwalkan(sk, H1).sidang
    s = sk.segarkan().sengketa
    salah = [
        [{"pihak": s.pemohon.pk, "status": "hadir"}],  # termohon missing
        [*kehadiran(sk), {"pihak": s.pemohon.pk, "status": "hadir"}],  # pemohon twice
        [
            {"pihak": s.pemohon.pk, "status": "hadir"},
            {"pihak": lain.segarkan().sengketa.termohon.pk, "status": "hadir"},
        ],  # a party of another case
        [{"pihak": s.pemohon.pk, "status": "hadir"}, {"pihak": s.termohon.pk, "status": "ada"}],
        {"pemohon": "hadir"},
    ]
    for daftar in salah:
        with pytest.raises(ParameterTidakValid) as galat:
            sidang_selesai(sidang_id=sidang.pk, oleh=persona.pp, kehadiran=daftar)
        assert "kehadiran" in galat.value.galat
    assert not Kehadiran.objects.filter(sidang=sidang).exists()
    assert Sidang.objects.get(pk=sidang.pk).status == "dijadwalkan"

    sidang_selesai(
        sidang_id=sidang.pk,
        oleh=persona.pp,
        kehadiran=kehadiran(sk, "diwakili", "tidak_hadir_dengan_alasan"),
        ringkasan="Pemeriksaan identitas para pihak",
    )
    sidang.refresh_from_db()
    assert sidang.status == "selesai"
    assert sidang.ringkasan == "Pemeriksaan identitas para pihak"
    assert dict(Kehadiran.objects.filter(sidang=sidang).values_list("pihak_id", "status")) == {
        s.pemohon.pk: "diwakili",
        s.termohon.pk: "tidak_hadir_dengan_alasan",
    }


def test_sidang_yang_belum_dimulai_tidak_dapat_ditutup(persona):
    sk = majelis_ditetapkan(persona)
    kal = Kalender.untuk(persona.komisi)
    sidang = jadwalkan(sk, kal.tambah(hari_ini(persona.komisi), 10)).sidang
    with pytest.raises(ParameterTidakValid):
        sidang_selesai(sidang_id=sidang.pk, oleh=persona.pp, kehadiran=kehadiran(sk))
    assert Sidang.objects.get(pk=sidang.pk).status == "dijadwalkan"


# -- lapse (gugurkan, Perki 1/2013 Pasal 30) -------------------------------------------------


def gugurkan(sk, tanggal):
    return L.sengketa_gugurkan(sengketa_id=sk.id, oleh=sk.aktor.pp, tanggal=tanggal)


def test_pemohon_dua_kali_tidak_hadir_tanpa_alasan_sengketa_gugur(persona):
    sk = majelis_ditetapkan(persona)
    s1 = sidang_terlaksana(sk, H1, pemohon=ABSEN)
    s2 = sidang_terlaksana(sk, H2, pemohon=ABSEN)
    hasil = gugurkan(sk, H2)
    assert hasil.status == StatusSengketa.GUGUR
    assert hasil.tanggal_selesai == H2
    riwayat = RiwayatStatus.objects.get(sengketa_id=sk.id, transisi="gugurkan")
    assert riwayat.ubah_status
    assert (riwayat.dari, riwayat.ke, riwayat.tanggal) == ("pemeriksaan_awal", "gugur", H2)
    assert riwayat.oleh == persona.pp
    assert sorted(riwayat.parameter["sidang_tidak_hadir"]) == sorted([s1.pk, s2.pk])
    assert tenggat(sk, "penyelesaian").terpenuhi_pada == H2


def test_gugurkan_ditolak_dengan_satu_ketidakhadiran(persona):
    sk = majelis_ditetapkan(persona)
    sidang_terlaksana(sk, H1, pemohon=ABSEN)
    sidang_terlaksana(sk, H2)
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        gugurkan(sk, H2)
    assert kode_alasan(galat) == ["ketidakhadiran_kurang"]
    assert sk.segarkan().sengketa.status == StatusSengketa.PEMERIKSAAN_AWAL


def test_gugurkan_ditolak_bila_satu_panggilan_tidak_patut(persona):
    sk = majelis_ditetapkan(persona)
    sidang_terlaksana(sk, H1, pemohon=ABSEN)
    sidang_terlaksana(sk, H2, pemohon=ABSEN, diterima=sk.hk(H2, -2))  # served 2 HK ahead
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        gugurkan(sk, H2)
    assert kode_alasan(galat) == ["ketidakhadiran_kurang"]
    # A third absence, properly summoned, completes the two that count.
    sidang_terlaksana(sk, H3, pemohon=ABSEN)
    assert gugurkan(sk, H3).status == StatusSengketa.GUGUR


def test_gugurkan_ditolak_bila_tidak_hadir_dengan_alasan_sah(persona):
    sk = majelis_ditetapkan(persona)
    sidang_terlaksana(sk, H1, pemohon="tidak_hadir_dengan_alasan")
    sidang_terlaksana(sk, H2, pemohon="tidak_hadir_dengan_alasan")
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        gugurkan(sk, H2)
    assert kode_alasan(galat) == ["ketidakhadiran_kurang"]


def test_ketidakhadiran_termohon_tidak_menggugurkan_sengketa(persona):
    sk = majelis_ditetapkan(persona)
    sidang_terlaksana(sk, H1, termohon=ABSEN)
    sidang_terlaksana(sk, H2, termohon=ABSEN)
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        gugurkan(sk, H2)
    assert kode_alasan(galat) == ["ketidakhadiran_kurang"]
    assert sk.segarkan().sengketa.status == StatusSengketa.PEMERIKSAAN_AWAL


def test_gugurkan_dinilai_pada_tanggal_efektif(persona):
    """Spec §3: time-dependent preconditions are judged at the effective date. On the day
    after the first hearing the applicant had missed only one hearing."""
    sk = majelis_ditetapkan(persona)
    sidang_terlaksana(sk, H1, pemohon=ABSEN)
    sidang_terlaksana(sk, H2, pemohon=ABSEN)
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        gugurkan(sk, sk.hk(H1, 1))
    assert kode_alasan(galat) == ["ketidakhadiran_kurang"]
    assert sk.segarkan().sengketa.status == StatusSengketa.PEMERIKSAAN_AWAL


def test_gugurkan_hanya_oleh_ketua_majelis_atau_pp(persona):
    sk = majelis_ditetapkan(persona)
    sidang_terlaksana(sk, H1, pemohon=ABSEN)
    sidang_terlaksana(sk, H2, pemohon=ABSEN)
    for orang in (persona.panitera, persona.komisioner[1], persona.pemohon, persona.ketua_lain):
        with pytest.raises(TidakBerwenang):
            L.sengketa_gugurkan(sengketa_id=sk.id, oleh=orang, tanggal=H2)
    hasil = L.sengketa_gugurkan(sengketa_id=sk.id, oleh=persona.komisioner[0], tanggal=H2)
    assert hasil.status == StatusSengketa.GUGUR


# -- who and when ----------------------------------------------------------------------------


def test_pihak_dan_orang_luar_tidak_dapat_menjadwalkan_sidang(persona):
    sk = majelis_ditetapkan(persona)
    luar = (
        persona.pemohon,
        persona.pihak_lain,
        persona.panitera_lain,
        persona.ketua_lain,
        persona.komisioner[1],  # a panel member, not the presiding one
        persona.admin,
    )
    for orang in luar:
        with pytest.raises(TidakBerwenang):
            jadwalkan(sk, H1, oleh=orang)
    assert not Sidang.objects.filter(sengketa_id=sk.id).exists()
    # The registry, the presiding commissioner and the PP may.
    jadwalkan(sk, H1, oleh=persona.panitera)
    jadwalkan(sk, H2, oleh=persona.komisioner[0])
    jadwalkan(sk, H3, oleh=persona.pp)


def test_jadwal_ditolak_sebelum_pemeriksaan_dan_setelah_perkara_berakhir(persona):
    diterima = persona.skenario().terima(MULAI)
    with pytest.raises(TransisiTidakDiizinkan) as galat:
        jadwalkan(diterima, H1, oleh=persona.panitera)
    assert galat.value.status == "diterima"
    gugur = kasus(persona, StatusSengketa.GUGUR)
    with pytest.raises(TransisiTidakDiizinkan) as galat:
        jadwalkan(gugur, date(2024, 4, 22), oleh=persona.panitera)
    assert galat.value.status == "gugur"


def test_setiap_tindakan_sidang_tercatat_di_riwayat_tanpa_mengubah_status(persona):
    sk = majelis_ditetapkan(persona)
    sidang = jadwalkan(sk, H1).sidang
    terima_panggilan(sk, sidang, sk.hk(H1, -4))
    berikut = sidang_tunda(
        sidang_id=sidang.pk, oleh=persona.pp, alasan="Termohon sakit", mulai_berikutnya=sk.pukul(H2)
    ).sidang
    terima_panggilan(sk, berikut, sk.hk(H2, -4))
    sidang_selesai(sidang_id=berikut.pk, oleh=persona.komisioner[0], kehadiran=kehadiran(sk))
    batal = jadwalkan(sk, H3).sidang
    sidang_batal(sidang_id=batal.pk, oleh=persona.pp, alasan="Majelis berhalangan")

    riwayat = RiwayatStatus.objects.filter(sengketa_id=sk.id, ubah_status=False)
    nama = [r.transisi for r in riwayat]
    assert nama.count("jadwalkan_sidang") == 2
    assert nama.count("panggilan_diterima") == 4
    assert nama.count("tunda_sidang") == 1
    assert nama.count("selesai_sidang") == 1
    assert nama.count("batal_sidang") == 1
    for r in riwayat:
        assert r.dari == r.ke == StatusSengketa.PEMERIKSAAN_AWAL
    assert riwayat.get(transisi="tunda_sidang").parameter["sidang_berikutnya"] == berikut.pk
    assert riwayat.get(transisi="selesai_sidang").oleh == persona.komisioner[0]
    assert riwayat.get(transisi="selesai_sidang").tanggal == H2
    jadwal = riwayat.filter(transisi="jadwalkan_sidang").first()
    assert jadwal.parameter["sidang"] == sidang.pk
    assert len(jadwal.parameter["panggilan"]) == 2
    assert sk.segarkan().sengketa.status == StatusSengketa.PEMERIKSAAN_AWAL


# -- deadlines -------------------------------------------------------------------------------


def test_tenggat_panggilan_per_sidang_3_hk_sebelum_sidang(persona):
    sk = majelis_ditetapkan(persona)
    sidang = jadwalkan(sk, H1).sidang
    t = tenggat(sk, "panggilan", sidang=sidang)
    assert (t.mulai, t.panjang, t.tanggal) == (H1, -3, date(2024, 3, 15))
    assert t.aktif and t.terpenuhi_pada is None
    terima_panggilan(sk, sidang, date(2024, 3, 13), peran="pemohon")
    assert tenggat(sk, "panggilan", sidang=sidang).terpenuhi_pada is None
    terima_panggilan(sk, sidang, date(2024, 3, 14), peran="termohon")
    t = tenggat(sk, "panggilan", sidang=sidang)
    assert (t.terpenuhi_pada, t.status) == (date(2024, 3, 14), "terpenuhi")

    telat = jadwalkan(sk, H2).sidang
    terima_panggilan(sk, telat, date(2024, 3, 26))
    t = tenggat(sk, "panggilan", sidang=telat)
    assert (t.tanggal, t.terpenuhi_pada, t.status) == (
        date(2024, 3, 22),
        date(2024, 3, 26),
        "terlewat",
    )


def test_tenggat_mulai_penyelesaian_terpenuhi_pada_sidang_pertama_yang_digelar(persona):
    sk = majelis_ditetapkan(persona)
    t = tenggat(sk, "mulai_penyelesaian")
    assert (t.mulai, t.panjang, t.tanggal) == (MULAI, 14, date(2024, 3, 28))
    assert t.terpenuhi_pada is None
    sidang = jadwalkan(sk, H1).sidang
    assert tenggat(sk, "mulai_penyelesaian").terpenuhi_pada is None  # scheduled, not held
    terima_panggilan(sk, sidang, sk.hk(H1, -5))
    sidang_selesai(sidang_id=sidang.pk, oleh=persona.pp, kehadiran=kehadiran(sk))
    t = tenggat(sk, "mulai_penyelesaian")
    assert (t.terpenuhi_pada, t.status) == (H1, "terpenuhi")
    sidang_terlaksana(sk, H2)
    assert tenggat(sk, "mulai_penyelesaian").terpenuhi_pada == H1


def test_tenggat_mediasi_14_hk_dari_sesi_mediasi_pertama_dan_perpanjangan(persona):
    sk = kasus(persona, StatusSengketa.MEDIASI)  # mediation started on 20 March 2024
    mulai_mediasi = sk.sengketa.tanggal_mulai_mediasi
    t = tenggat(sk, "mediasi")
    assert (t.mulai, t.panjang, t.tanggal) == (mulai_mediasi, 14, sk.hk(mulai_mediasi, 14))

    sesi = date(2024, 3, 25)
    sidang_terlaksana(sk, sesi, jenis="mediasi")
    sidang_terlaksana(sk, date(2024, 4, 2), jenis="mediasi")
    t = tenggat(sk, "mediasi")
    assert (t.mulai, t.panjang, t.tanggal) == (sesi, 14, sk.hk(sesi, 14))
    assert t.tanggal == date(2024, 4, 23)  # skips Good Friday and the Idul Fitri block

    with pytest.raises(ParameterTidakValid):
        L.sengketa_perpanjang_mediasi(
            sengketa_id=sk.id,
            oleh=persona.aktor.mediator,
            hari=8,
            persetujuan_para_pihak=True,
            tanggal=date(2024, 4, 2),
        )
    L.sengketa_perpanjang_mediasi(
        sengketa_id=sk.id,
        oleh=persona.aktor.mediator,
        hari=5,
        persetujuan_para_pihak=True,
        tanggal=date(2024, 4, 2),
    )
    t = tenggat(sk, "mediasi")
    assert (t.mulai, t.panjang, t.tanggal) == (sesi, 19, sk.hk(sesi, 19))
    with pytest.raises(PrasyaratTidakTerpenuhi) as galat:
        L.sengketa_perpanjang_mediasi(
            sengketa_id=sk.id,
            oleh=persona.pp,
            hari=2,
            persetujuan_para_pihak=True,
            tanggal=date(2024, 4, 3),
        )
    assert kode_alasan(galat) == ["sudah_diperpanjang"]
