"""Editing the holiday calendar moves running deadlines (kalender.md "Behaviour the product
must have"; siklus-sengketa.md §5): who may edit it, which cases move, what the history says."""

from datetime import date

import pytest

from sengketa.galat import ParameterTidakValid, TidakBerwenang
from sengketa.kalender import Kalender
from sengketa.models import HariLibur, RiwayatStatus, StatusSengketa, Tenggat
from tests.conftest import Persona
from tests.factories import pengguna_dengan_peran
from workflows import layanan as L
from workflows.layanan.kalender import hari_libur_hapus, hari_libur_simpan

pytestmark = pytest.mark.django_db

TERIMA = date(2026, 9, 1)  # Tuesday; received and registered the same day
SELESAI_LAMA = date(2027, 1, 21)  # 100 HK after TERIMA on the official 2026 calendar
SELESAI_BARU = date(2027, 1, 22)  # one working day later
LIBUR = date(2026, 10, 7)  # a Wednesday inside the window, after the 14 HK of UU 38(1)
DASAR = "Surat Edaran Ketua KI Provinsi Kalimantan Timur Nomor 5 Tahun 2026"


def terbuka(persona, nama="Budi Santoso"):
    sk = persona.skenario().terima(TERIMA, nama=nama).registrasi(TERIMA)
    assert tenggat(sk, "penyelesaian").tanggal == SELESAI_LAMA
    return sk


def tenggat(sk, kode) -> Tenggat:
    return Tenggat.objects.get(sengketa_id=sk.id, kode=kode, pihak=None, sidang=None)


def simpan(oleh, *, komisi, tanggal=LIBUR, jenis="penutupan_kantor", dasar=DASAR, **kw):
    return hari_libur_simpan(
        oleh=oleh,
        tanggal=tanggal,
        jenis=jenis,
        keterangan="Kantor ditutup: pemilihan kepala daerah",
        dasar=dasar,
        komisi=komisi,
        **kw,
    )


def riwayat_geser(sk):
    return list(RiwayatStatus.objects.filter(sengketa_id=sk.id, transisi="tenggat_bergeser"))


def superuser():
    pengguna = pengguna_dengan_peran(None)
    pengguna.is_superuser = True
    pengguna.save()
    return pengguna


def test_libur_baru_dalam_jendela_100_hk_menggeser_tenggat_penyelesaian(persona):
    sk = terbuka(persona)
    mulai = tenggat(sk, "mulai_penyelesaian").tanggal
    libur, bergeser = simpan(persona.admin, komisi=persona.komisi)

    assert libur.komisi == persona.komisi and libur.dikonfirmasi and libur.dasar == DASAR
    assert not Kalender.untuk(persona.komisi).adalah_hari_kerja(LIBUR)
    t = tenggat(sk, "penyelesaian")
    assert (t.mulai, t.panjang, t.tanggal) == (TERIMA, 100, SELESAI_BARU)
    assert tenggat(sk, "mulai_penyelesaian").tanggal == mulai  # the day is after its window
    assert [(b.kode, b.lama, b.baru) for b in bergeser[sk.id]] == [
        ("penyelesaian", SELESAI_LAMA, SELESAI_BARU)
    ]
    (riwayat,) = riwayat_geser(sk)
    assert not riwayat.ubah_status
    assert riwayat.dari == riwayat.ke == StatusSengketa.TEREGISTRASI
    assert riwayat.oleh == persona.admin
    assert riwayat.parameter["tenggat"] == [
        {
            "kode": "penyelesaian",
            "pihak": None,
            "sidang": None,
            "lama": SELESAI_LAMA.isoformat(),
            "baru": SELESAI_BARU.isoformat(),
        }
    ]
    assert LIBUR.isoformat() in riwayat.parameter["alasan"]


def test_menghapus_libur_mengembalikan_tenggat(persona):
    sk = terbuka(persona)
    libur, _ = simpan(persona.admin, komisi=persona.komisi)
    bergeser = hari_libur_hapus(oleh=persona.admin, libur_id=libur.pk)
    assert not HariLibur.objects.filter(pk=libur.pk).exists()
    assert tenggat(sk, "penyelesaian").tanggal == SELESAI_LAMA
    assert [(b.lama, b.baru) for b in bergeser[sk.id]] == [(SELESAI_BARU, SELESAI_LAMA)]
    _pertama, kedua = riwayat_geser(sk)
    assert kedua.parameter["tenggat"][0]["lama"] == SELESAI_BARU.isoformat()
    assert kedua.parameter["tenggat"][0]["baru"] == SELESAI_LAMA.isoformat()


def test_libur_di_luar_jendela_tenggat_tidak_mencatat_riwayat(persona):
    sk = terbuka(persona)
    _libur, bergeser = simpan(persona.admin, komisi=persona.komisi, tanggal=date(2027, 2, 3))
    assert bergeser == {}
    assert tenggat(sk, "penyelesaian").tanggal == SELESAI_LAMA
    assert riwayat_geser(sk) == []


def test_tenggat_perkara_yang_sudah_berakhir_tidak_disentuh(persona):
    ditutup = terbuka(persona, nama="Siti Aminah")
    ditutup.sengketa = L.sengketa_cabut(
        sengketa_id=ditutup.id,
        oleh=persona.pemohon,
        tanggal_surat=TERIMA,
        alasan="Informasi sudah diberikan",
        tanggal=TERIMA,
    )
    assert ditutup.sengketa.status == StatusSengketa.DICABUT
    kode = ("penyelesaian", "mulai_penyelesaian")
    sebelum = {k: tenggat(ditutup, k) for k in kode}
    assert sebelum["penyelesaian"].terpenuhi_pada == TERIMA  # the withdrawal ended it
    assert not sebelum["mulai_penyelesaian"].aktif  # never held: no longer applies
    buka = terbuka(persona)

    _libur, bergeser = simpan(persona.admin, komisi=persona.komisi, tanggal=date(2026, 9, 9))

    for k in kode:
        sesudah = tenggat(ditutup, k)
        assert (sesudah.tanggal, sesudah.aktif, sesudah.diubah_pada) == (
            sebelum[k].tanggal,
            sebelum[k].aktif,
            sebelum[k].diubah_pada,
        )
    assert ditutup.id not in bergeser
    assert riwayat_geser(ditutup) == []
    assert tenggat(buka, "penyelesaian").tanggal == SELESAI_BARU


def test_tenggat_pelaksanaan_putusan_mediasi_ikut_bergeser(persona):
    """A case settled by mediation is terminal, but its `pelaksanaan` deadline still runs:
    kalender.md wants every open deadline recomputed when a holiday is added."""
    sk = persona.skenario().terima(TERIMA).registrasi(TERIMA)
    sk.tetapkan_majelis(sk.hk(TERIMA, 2)).pemeriksaan_awal(sk.hk(TERIMA, 8))
    sk.mulai_mediasi(sk.hk(TERIMA, 8)).mediasi_berhasil(sk.hk(TERIMA, 12))
    assert sk.segarkan().sengketa.status == StatusSengketa.SELESAI_MEDIASI
    lama = tenggat(sk, "pelaksanaan")
    assert lama.aktif and lama.terpenuhi_pada is None
    kal = Kalender.untuk(persona.komisi)
    hari = kal.tambah(lama.mulai, 5)  # a working day inside the 14 HK

    _libur, bergeser = simpan(persona.admin, komisi=persona.komisi, tanggal=hari)

    baru = tenggat(sk, "pelaksanaan")
    assert baru.tanggal == kal.tambah(lama.tanggal, 1)
    assert sk.id in bergeser
    assert riwayat_geser(sk)[0].parameter["tenggat"][0]["kode"] == "pelaksanaan"


def test_penutupan_kantor_satu_komisi_hanya_menggeser_perkaranya(persona, pusat, kaltim):
    kasus_kaltim = terbuka(persona)
    orang_pusat = Persona(pusat, kaltim)
    kasus_pusat = orang_pusat.skenario().terima(TERIMA).registrasi(TERIMA)
    assert tenggat(kasus_pusat, "penyelesaian").tanggal == SELESAI_LAMA

    simpan(persona.admin, komisi=kaltim)

    assert tenggat(kasus_kaltim, "penyelesaian").tanggal == SELESAI_BARU
    assert tenggat(kasus_pusat, "penyelesaian").tanggal == SELESAI_LAMA
    assert riwayat_geser(kasus_pusat) == []
    assert Kalender.untuk(pusat).adalah_hari_kerja(LIBUR)

    # A national day decided by the operator moves both.
    _libur, bergeser = simpan(
        superuser(),
        komisi=None,
        tanggal=date(2026, 10, 8),
        jenis="libur_nasional",
        dasar="Keputusan Presiden Nomor 9 Tahun 2026",
    )
    assert set(bergeser) == {kasus_kaltim.id, kasus_pusat.id}
    assert tenggat(kasus_kaltim, "penyelesaian").tanggal == date(2027, 1, 25)
    assert tenggat(kasus_pusat, "penyelesaian").tanggal == SELESAI_BARU


def test_libur_terkonfirmasi_wajib_dasar_hukum(persona):
    sk = terbuka(persona)
    for dasar in ("", "   "):
        with pytest.raises(ParameterTidakValid) as galat:
            simpan(persona.admin, komisi=persona.komisi, dasar=dasar)
        assert "dasar" in galat.value.galat
    assert not HariLibur.objects.filter(tanggal=LIBUR).exists()
    assert tenggat(sk, "penyelesaian").tanggal == SELESAI_LAMA
    # An unconfirmed draft (estimate before the decree) may lack it, and already counts.
    libur, _ = simpan(persona.admin, komisi=persona.komisi, dasar="", dikonfirmasi=False)
    assert not libur.dikonfirmasi
    assert tenggat(sk, "penyelesaian").tanggal == SELESAI_BARU


def test_hanya_admin_komisi_yang_mengubah_kalender(persona, pusat):
    sk = terbuka(persona)
    admin_pusat = pengguna_dengan_peran(pusat, "admin")
    for orang in (persona.panitera, persona.ketua, persona.pemohon, admin_pusat):
        with pytest.raises(TidakBerwenang):
            simpan(orang, komisi=persona.komisi)
    # A national day is beyond one commission's admin.
    with pytest.raises(TidakBerwenang):
        simpan(persona.admin, komisi=None, jenis="libur_nasional")
    assert not HariLibur.objects.filter(tanggal=LIBUR).exists()
    assert tenggat(sk, "penyelesaian").tanggal == SELESAI_LAMA

    libur, _ = simpan(persona.admin, komisi=persona.komisi)
    with pytest.raises(TidakBerwenang):
        hari_libur_hapus(oleh=persona.panitera, libur_id=libur.pk)
    assert HariLibur.objects.filter(pk=libur.pk).exists()


def test_libur_nasional_boleh_oleh_superuser(persona):
    sk = terbuka(persona)
    operator = superuser()
    libur, _bergeser = simpan(
        operator,
        komisi=None,
        jenis="libur_nasional",
        dasar="Keputusan Presiden Nomor 9 Tahun 2026",
    )
    assert libur.komisi is None
    assert tenggat(sk, "penyelesaian").tanggal == SELESAI_BARU
    assert riwayat_geser(sk)[0].oleh == operator
    assert hari_libur_hapus(oleh=operator, libur_id=libur.pk)[sk.id][0].baru == SELESAI_LAMA
