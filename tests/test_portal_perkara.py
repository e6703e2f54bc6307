"""'Perkara saya' (issue 6): a party sees its own cases in plain words, its next hearing and
deadlines, downloads only its own documents, and the applicant withdraws with confirmation.
The registry links a kuasa's and a PPID officer's accounts from the back office."""

import dataclasses

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from dokumen.models import Dokumen
from portal.models import ProfilPihak
from portal.perkara import status as kata
from portal.perkara.ringkasan import TENGGAT_PEMOHON
from sengketa import izin
from sengketa.aturan import LABEL_BUTIR
from sengketa.galat import TidakBerwenang
from sengketa.kalender import format_tanggal
from sengketa.models import KodeTenggat, Kuasa, RiwayatStatus, Sengketa, Tenggat
from sengketa.models import StatusSengketa as S
from sengketa.waktu import hari_ini, zona
from tests.factories import PenggunaFactory, pengguna_dengan_peran
from tests.kasus import PEMBANGUN, kasus
from workflows.layanan import sengketa_registrasi
from workflows.layanan.akun_pihak import (
    kuasa_nonaktifkan,
    kuasa_tautkan,
    petugas_lepas,
    petugas_tautkan,
)
from workflows.layanan.sidang import sidang_jadwalkan
from workflows.skenario import Skenario

pytestmark = pytest.mark.django_db

DAFTAR = reverse("portal:perkara_saya")


def detail(pk: int) -> str:
    return reverse("portal:perkara_detail", args=[pk])


def cabut(pk: int) -> str:
    return reverse("portal:perkara_cabut", args=[pk])


def unduh(pk: int) -> str:
    return reverse("dokumen:unduh", args=[pk])


def kasus_milik(persona, pemohon, status):
    """A case in `status` whose applicant's portal account is `pemohon`."""
    sk = Skenario(persona.komisi, dataclasses.replace(persona.aktor, pemohon=pemohon))
    sk = PEMBANGUN[status](sk)
    return sk.segarkan()


def akun_portal(email: str):
    """A confirmed party account, as registration and its e-mail link leave it."""
    pengguna = pengguna_dengan_peran(None, "pihak", username=email)
    pengguna.email = email
    pengguna.save(update_fields=["email"])
    ProfilPihak.objects.create(
        pengguna=pengguna, nama=f"Pemilik {email}", email_terverifikasi_pada=timezone.now()
    )
    return pengguna


def halaman(client, pengguna, url):
    client.force_login(pengguna)
    return client.get(url)


def jadwalkan_mendatang(sk, **kw):
    hari = sk.hk(hari_ini(sk.komisi), 6)
    return sidang_jadwalkan(
        sengketa_id=sk.id, oleh=sk.aktor.pp, jenis="pemeriksaan_awal", mulai=sk.pukul(hari, 10),
        ruang="Ruang Sidang 2", tempat="Kantor KI Kaltim", agenda="Pemeriksaan legal standing",
        **kw,
    ).sidang  # fmt: skip


# -- the list: own cases only, in plain words ---------------------------------------------


def test_perkara_saya_hanya_perkara_sendiri(client, persona):
    milik = kasus(persona, S.DITERIMA).sengketa
    orang_lain = kasus_milik(persona, persona.pihak_lain, S.DITERIMA).sengketa
    isi = halaman(client, persona.pemohon, DAFTAR).content.decode()
    assert f'href="{detail(milik.pk)}"' in isi
    assert f'href="{detail(orang_lain.pk)}"' not in isi
    assert halaman(client, persona.pemohon, detail(orang_lain.pk)).status_code == 404
    assert halaman(client, persona.pihak_lain, detail(orang_lain.pk)).status_code == 200


def test_tamu_diarahkan_ke_login_portal(client, persona):
    s = kasus(persona, S.DITERIMA).sengketa
    for url in (DAFTAR, detail(s.pk), cabut(s.pk)):
        r = client.get(url)
        assert r.status_code == 302 and r["Location"].startswith(reverse("portal:akun_masuk"))


def test_belum_teregistrasi_dengan_tanggal_terima_dan_status_kata_biasa(client, persona):
    sk = kasus(persona, S.MENUNGGU_KELENGKAPAN)
    r = halaman(client, persona.pemohon, DAFTAR)
    isi = r.content.decode()
    assert format_tanggal(sk.sengketa.tanggal_diterima) in isi
    assert escape(kata.judul(S.MENUNGGU_KELENGKAPAN)) in isi
    # What is missing and by when, told to the applicant.
    batas = format_tanggal(Tenggat.objects.get(sengketa=sk.sengketa, kode="kelengkapan").tanggal)
    ringkasan = r.context["daftar"][0]
    assert not ringkasan.terdaftar and ringkasan.pemohon
    assert batas in ringkasan.status_penjelasan
    assert str(LABEL_BUTIR["bukti_keberatan"]) in ringkasan.status_penjelasan
    assert escape(ringkasan.status_penjelasan) in isi
    assert ringkasan.lawan == sk.sengketa.termohon.nama
    # The respondent's officer is told the applicant must complete the file, not the date.
    ppid = akun_portal("ppid@dinas.go.id")
    sk.sengketa.termohon.badan_publik.petugas.add(ppid)
    lain = halaman(client, ppid, DAFTAR).context["daftar"][0]
    assert lain.status_penjelasan == str(kata.KELENGKAPAN_TERMOHON)
    assert not lain.tenggat


@pytest.mark.parametrize("status", [s.value for s in S])
def test_setiap_status_punya_kata_biasa(status):
    assert status in kata.JUDUL
    assert kata.penjelasan(status, pemohon=True, kekurangan="x", batas="y")
    assert kata.penjelasan(status, pemohon=False)


def test_sidang_berikutnya_dengan_zona_waktu_dan_tenggat(client, persona):
    sk = kasus(persona, S.PEMERIKSAAN_AWAL)
    sidang = jadwalkan_mendatang(sk)
    r = halaman(client, persona.pemohon, detail(sk.id))
    isi = r.content.decode()
    lokal = sidang.mulai.astimezone(zona(sk.komisi.zona_waktu))
    assert format_tanggal(lokal.date()) in isi
    assert "10.00 WITA" in isi
    assert "Ruang Sidang 2, Kantor KI Kaltim" in isi
    assert "Pemeriksaan legal standing" in isi
    assert sk.sengketa.nomor_register in isi
    # The settlement deadline (100 WD) concerns the parties; the registry's own do not.
    penyelesaian = Tenggat.objects.get(sengketa=sk.sengketa, kode="penyelesaian")
    tenggat = [(t.label, t.tanggal) for t in r.context["r"].tenggat]
    label = str(TENGGAT_PEMOHON[KodeTenggat.PENYELESAIAN])
    assert (label, format_tanggal(penyelesaian.tanggal)) in tenggat
    assert len(tenggat) == 1  # not mulai_penyelesaian nor panggilan: the registry's


def test_tenggat_keberatan_hanya_milik_pihak_sendiri(client, persona, bangun):
    sk = bangun(S.DIPUTUS)
    sk.salinan_diterima(sk.hk(sk.sengketa.tanggal_putusan, 2))
    s = sk.segarkan().sengketa
    keberatan = Tenggat.objects.filter(sengketa=s, kode="keberatan", aktif=True)
    assert keberatan.count() == 2  # one window per party
    milik = keberatan.get(pihak=s.pemohon)
    r = halaman(client, persona.pemohon, detail(s.pk))
    label = str(TENGGAT_PEMOHON[KodeTenggat.KEBERATAN])
    tenggat = [(t.label, t.tanggal) for t in r.context["r"].tenggat]
    assert [t for t in tenggat if t[0] == label] == [(label, format_tanggal(milik.tanggal))]


def test_daftar_tanpa_n_plus_1(client, persona):
    kasus(persona, S.PEMERIKSAAN_AWAL)
    client.force_login(persona.pemohon)
    client.get(DAFTAR)
    with CaptureQueriesContext(connection) as satu:
        assert client.get(DAFTAR).status_code == 200
    for status in (S.DITERIMA, S.MENUNGGU_KELENGKAPAN, S.MEDIASI):
        kasus(persona, status)
    with CaptureQueriesContext(connection) as empat:
        r = client.get(DAFTAR)
    assert len(r.context["daftar"]) == 4
    assert len(empat) == len(satu)


# -- documents -----------------------------------------------------------------------------


def test_dokumen_hanya_milik_sendiri(client, persona, bangun):
    sk = bangun(S.PEMERIKSAAN_AWAL)
    s = sk.sengketa
    panggilan_pemohon = Dokumen.objects.filter(sengketa=s, jenis="panggilan", pihak=s.pemohon)
    panggilan_termohon = Dokumen.objects.filter(sengketa=s, jenis="panggilan", pihak=s.termohon)
    penetapan = Dokumen.objects.filter(sengketa=s, jenis="penetapan_majelis")
    assert panggilan_pemohon and panggilan_termohon and penetapan
    isi = halaman(client, persona.pemohon, detail(s.pk)).content.decode()
    for d in [*panggilan_pemohon, *penetapan]:
        assert f'href="{unduh(d.pk)}"' in isi
        assert client.get(unduh(d.pk)).status_code == 200
    for d in panggilan_termohon:
        assert f'href="{unduh(d.pk)}"' not in isi
        assert client.get(unduh(d.pk)).status_code == 404
    # The respondent's PPID officer: its own summonses and the decrees, never the applicant's.
    ppid = akun_portal("ppid@dinas.go.id")
    s.termohon.badan_publik.petugas.add(ppid)
    r = halaman(client, ppid, detail(s.pk))
    isi = r.content.decode()
    assert not r.context["r"].pemohon
    for d in [*panggilan_termohon, *penetapan]:
        assert f'href="{unduh(d.pk)}"' in isi
    for d in panggilan_pemohon:
        assert f'href="{unduh(d.pk)}"' not in isi


# -- withdrawal ------------------------------------------------------------------------------


def data_cabut(status="diterima", **ubah):
    return {"alasan": "Informasi sudah diberikan", "paham": "on", "status": status, **ubah}


def test_cabut_dengan_konfirmasi_sekali_saja(client, persona):
    s = kasus(persona, S.DITERIMA).sengketa
    isi = halaman(client, persona.pemohon, detail(s.pk)).content.decode()
    assert f'href="{cabut(s.pk)}"' in isi
    r = client.get(cabut(s.pk))
    assert r.status_code == 200 and 'name="paham"' in r.content.decode()
    # Without ticking the box nothing happens.
    r = client.post(cabut(s.pk), data_cabut(paham=""))
    assert r.status_code == 400 and r.context["form"].has_error("paham")
    assert Sengketa.objects.get(pk=s.pk).status == S.DITERIMA
    r = client.post(cabut(s.pk), data_cabut())
    assert r.status_code == 302 and r["Location"] == detail(s.pk)
    s.refresh_from_db()
    assert s.status == S.DICABUT and s.alasan_pencabutan == "Informasi sudah diberikan"
    # A second submit (double click, reload) fires nothing.
    r = client.post(cabut(s.pk), data_cabut())
    assert r.status_code == 302
    riwayat = RiwayatStatus.objects.filter(sengketa=s, transisi="cabut")
    assert riwayat.count() == 1 and riwayat.get().oleh == persona.pemohon


def test_cabut_setelah_registrasi_mencoret_nomor(client, persona):
    s = kasus(persona, S.TEREGISTRASI).sengketa
    r = halaman(client, persona.pemohon, cabut(s.pk))
    assert s.nomor_register in r.content.decode()
    client.post(cabut(s.pk), data_cabut(status="teregistrasi"))
    s.refresh_from_db()
    assert s.status == S.DICABUT and s.nomor_register_dicoret


def test_kuasa_pemohon_mencabut_atas_nama_pemohon(client, persona):
    s = kasus(persona, S.DITERIMA).sengketa
    advokat = akun_portal("advokat@contoh.id")
    Kuasa.objects.create(pihak=s.pemohon, nama="Advokat", pengguna=advokat)
    halaman(client, advokat, cabut(s.pk))
    assert client.post(cabut(s.pk), data_cabut()).status_code == 302
    r = RiwayatStatus.objects.get(sengketa=s, transisi="cabut")
    assert r.oleh == advokat and r.atas_nama == s.pemohon.nama


def test_status_berubah_sebelum_konfirmasi_tidak_mencabut(client, persona):
    sk = kasus(persona, S.DITERIMA)
    client.force_login(persona.pemohon)
    sk.registrasi(sk.sengketa.tanggal_diterima)  # the registry acted meanwhile
    r = client.post(cabut(sk.id), data_cabut(status="diterima"))
    assert r.status_code == 200 and r.context["form"].initial["status"] == S.TEREGISTRASI
    assert Sengketa.objects.get(pk=sk.id).status == S.TEREGISTRASI


def test_termohon_tidak_bisa_mencabut(client, persona):
    s = kasus(persona, S.DITERIMA).sengketa
    ppid = akun_portal("ppid@dinas.go.id")
    s.termohon.badan_publik.petugas.add(ppid)
    isi = halaman(client, ppid, detail(s.pk)).content.decode()
    assert f'href="{cabut(s.pk)}"' not in isi
    for r in (client.get(cabut(s.pk)), client.post(cabut(s.pk), data_cabut())):
        assert r.status_code == 302 and r["Location"] == detail(s.pk)
    assert Sengketa.objects.get(pk=s.pk).status == S.DITERIMA


@pytest.mark.parametrize("status", [S.PEMERIKSAAN_AWAL, S.MEDIASI, S.DIPUTUS, S.TIDAK_DIREGISTRASI])
def test_pemohon_tidak_bisa_mencabut_sendiri_setelah_pemeriksaan_mulai(client, persona, status):
    s = kasus(persona, status).sengketa
    r = halaman(client, persona.pemohon, detail(s.pk))
    assert not r.context["boleh_cabut"]
    assert f'href="{cabut(s.pk)}"' not in r.content.decode()
    # Under examination the page says the panel decides a withdrawal.
    assert r.context["cabut_lewat_majelis"] is (status in (S.PEMERIKSAAN_AWAL, S.MEDIASI))
    r = client.post(cabut(s.pk), data_cabut(status=status))
    assert r.status_code == 302
    assert Sengketa.objects.get(pk=s.pk).status == status


# -- the registry links accounts -----------------------------------------------------------


def tautkan_kuasa(client, panitera, s, email, pihak=None):
    client.force_login(panitera)
    return client.post(
        reverse("kantor:akun_pihak_kuasa", args=[s.pk]),
        {
            "pihak": (pihak or s.pemohon).pk, "email": email, "nama": "",
            "nomor_surat_kuasa": "SK-07/III/2024", "tanggal_surat_kuasa": "2024-03-01",
            "diperiksa": "on",
        },
    )  # fmt: skip


def test_panitera_menautkan_kuasa_setelah_memeriksa_surat_kuasa(client, persona):
    s = kasus(persona, S.DITERIMA).sengketa
    advokat = akun_portal("advokat@contoh.id")
    r = tautkan_kuasa(client, persona.panitera, s, "ADVOKAT@contoh.id")
    assert r.status_code == 302
    kuasa = Kuasa.objects.get(pihak=s.pemohon, pengguna=advokat)
    assert kuasa.aktif and kuasa.nomor_surat_kuasa == "SK-07/III/2024"
    assert kuasa.nama == advokat.profil_pihak.nama
    riwayat = RiwayatStatus.objects.get(sengketa=s, transisi="tautkan_kuasa")
    assert riwayat.oleh == persona.panitera and riwayat.parameter["akun"] == "advokat@contoh.id"
    # The registry checked the power of attorney: the checklist says so, registration works.
    s.refresh_from_db()
    assert s.kelengkapan["surat_kuasa"] is True
    sengketa_registrasi(sengketa_id=s.pk, oleh=persona.panitera, tanggal=s.tanggal_diterima)
    # The kuasa now sees the case and may withdraw it for the applicant.
    r = halaman(client, advokat, detail(s.pk))
    assert r.status_code == 200 and r.context["boleh_cabut"]
    # Deactivated: the case disappears from its portal.
    client.force_login(persona.panitera)
    client.post(reverse("kantor:akun_pihak_kuasa_nonaktif", args=[kuasa.pk]))
    assert halaman(client, advokat, detail(s.pk)).status_code == 404


def test_tautan_kuasa_ditolak_tanpa_akun_terverifikasi_atau_untuk_lawan(client, persona):
    s = kasus(persona, S.DITERIMA).sengketa
    belum = PenggunaFactory(username="belum@contoh.id", email="belum@contoh.id", is_active=False)
    ProfilPihak.objects.create(pengguna=belum, nama="Belum")
    r = tautkan_kuasa(client, persona.panitera, s, "belum@contoh.id")
    assert r.status_code == 400 and r.context["form"].has_error("email")
    # The applicant's own account cannot become the respondent's kuasa.
    ProfilPihak.objects.create(
        pengguna=persona.pemohon, nama="Budi", email_terverifikasi_pada=timezone.now()
    )
    r = tautkan_kuasa(client, persona.panitera, s, persona.pemohon.email, pihak=s.termohon)
    assert r.status_code == 400 and r.context["form"].has_error("email")
    assert not Kuasa.objects.filter(pihak__sengketa=s).exists()


def test_hanya_panitera_atau_admin_komisi_itu(client, persona):
    s = kasus(persona, S.DITERIMA).sengketa
    akun_portal("advokat@contoh.id")
    url = reverse("kantor:akun_pihak_kuasa", args=[s.pk])
    assert halaman(client, persona.komisioner[0], url).status_code == 403
    assert halaman(client, persona.panitera_lain, url).status_code == 404
    assert halaman(client, persona.pemohon, url).status_code == 403  # a party: no back office
    assert halaman(client, persona.admin, url).status_code == 200
    assert tautkan_kuasa(client, persona.komisioner[0], s, "advokat@contoh.id").status_code == 403
    assert not Kuasa.objects.exists()


def test_layanan_akun_pihak_sendiri_menolak_selain_panitera_atau_admin_komisi_itu(persona):
    # The services check it themselves: a command or another entry point cannot skip the page.
    s = kasus(persona, S.DITERIMA).sengketa
    akun_portal("advokat@contoh.id")
    ppid = akun_portal("ppid@kaltimprov.go.id")
    badan = s.termohon.badan_publik
    kuasa_baru = {
        "sengketa_id": s.pk, "pihak_id": s.pemohon.pk, "email": "advokat@contoh.id",
        "nomor_surat_kuasa": "SK-07/III/2024", "tanggal_surat_kuasa": s.tanggal_diterima,
    }  # fmt: skip
    for orang in (persona.komisioner[0], persona.panitera_lain, persona.pemohon):
        assert not izin.boleh_kelola_akun_pihak(orang, s.komisi_id)
        with pytest.raises(TidakBerwenang):
            kuasa_tautkan(oleh=orang, **kuasa_baru)
        with pytest.raises(TidakBerwenang):
            petugas_tautkan(badan_publik_id=badan.pk, oleh=orang, email=ppid.email)
    assert not Kuasa.objects.exists() and not badan.petugas.exists()
    kuasa = kuasa_tautkan(oleh=persona.admin, **kuasa_baru)
    petugas_tautkan(badan_publik_id=badan.pk, oleh=persona.admin, email=ppid.email)
    with pytest.raises(TidakBerwenang):
        kuasa_nonaktifkan(kuasa_id=kuasa.pk, oleh=persona.komisioner[0])
    with pytest.raises(TidakBerwenang):
        petugas_lepas(badan_publik_id=badan.pk, oleh=persona.panitera_lain, pengguna_id=ppid.pk)
    kuasa.refresh_from_db()
    assert kuasa.aktif and badan.petugas.filter(pk=ppid.pk).exists()
    assert RiwayatStatus.objects.get(sengketa=s, transisi="tautkan_kuasa").oleh == persona.admin


def test_petugas_ppid_ditautkan_ke_badan_publik(client, persona):
    s = kasus(persona, S.TEREGISTRASI).sengketa
    badan = s.termohon.badan_publik
    ppid = akun_portal("ppid@kaltimprov.go.id")
    url = reverse("kantor:akun_pihak_petugas", args=[badan.pk])
    client.force_login(persona.panitera)
    r = client.post(url, {"email": "ppid@kaltimprov.go.id", "diperiksa": "on"})
    assert r.status_code == 302 and badan.petugas.filter(pk=ppid.pk).exists()
    r = halaman(client, ppid, DAFTAR)
    assert [x.sengketa.pk for x in r.context["daftar"]] == [s.pk]
    assert not r.context["daftar"][0].pemohon
    # Unlinked: gone.
    client.force_login(persona.panitera)
    client.post(url, {"lepas": ppid.pk})
    assert not badan.petugas.exists()
    assert halaman(client, ppid, DAFTAR).context["daftar"] == []
    # Another commission's registrar cannot reach this body.
    assert halaman(client, persona.panitera_lain, url).status_code == 404


def test_halaman_kasus_kantor_menautkan_ke_akun_pihak(client, persona):
    s = kasus(persona, S.DITERIMA).sengketa
    isi = halaman(client, persona.panitera, reverse("kantor:sengketa", args=[s.pk])).content
    assert f'href="{reverse("kantor:akun_pihak_kuasa", args=[s.pk])}"' in isi.decode()
