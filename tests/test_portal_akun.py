"""Portal accounts (issue 6): registration with e-mail verification, log-in, password reset,
the profile with its notification choices, and django-axes on every login."""

import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.forms.forms import NON_FIELD_ERRORS
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from django_q.conf import Conf
from rest_framework.test import APIClient

from portal.akun.forms import ProfilForm, normalkan_whatsapp
from portal.models import ProfilPihak
from sengketa.waktu import hari_ini
from tests.factories import PenggunaFactory
from tests.kasus import kasus
from workflows.layanan.sidang import sidang_jadwalkan
from workflows.models import Notifikasi

pytestmark = pytest.mark.django_db
User = get_user_model()

DAFTAR = reverse("portal:akun_daftar")
MASUK = reverse("portal:akun_masuk")
KIRIM_ULANG = reverse("portal:akun_kirim_ulang")
PROFIL = reverse("portal:akun_profil")
RESET = reverse("portal:akun_reset")
SANDI = "Sengketa-Informasi-2024!"
TOKEN = "/api/v1/auth/token/"

DATA = {
    "email": "Siti.Aminah@Contoh.ID",
    "password1": SANDI,
    "password2": SANDI,
    "jenis": "perorangan",
    "nama": "Siti Aminah",
    "nomor_identitas": "6472015505900002",
    "alamat": "Jl. Pahlawan No. 7, Samarinda",
    "telepon": "",
}


@pytest.fixture(autouse=True)
def _cache_bersih():
    """Resend throttling and the API's throttle live in the cache, shared between tests."""
    cache.clear()
    yield
    cache.clear()


def daftar(client, **ubah):
    return client.post(DAFTAR, {**DATA, **ubah})


def tautan_verifikasi(pesan) -> str:
    return re.search(r"https?://[^/\s]+(/akun/verifikasi/[^/\s]+/)", pesan.body).group(1)


def akun_aktif(email="warga@contoh.id", **profil) -> User:
    """A registered and verified party account (what registration + the link produce)."""
    client = Client()
    daftar(client, email=email)
    client.get(tautan_verifikasi(mail.outbox[-1]))
    pengguna = User.objects.get(username=email)
    if profil:
        ProfilPihak.objects.filter(pengguna=pengguna).update(**profil)
    return pengguna


def masuk(client, username, password=SANDI, **extra):
    return client.post(MASUK, {"username": username, "password": password}, **extra)


# -- registration and verification ---------------------------------------------------


def test_daftar_membuat_akun_nonaktif_dan_mengirim_tautan(client):
    r = daftar(client)
    assert r.status_code == 200
    assert "portal/akun/daftar_selesai.html" in [t.name for t in r.templates]
    pengguna = User.objects.get()
    # The e-mail address is the login, in lower case.
    assert pengguna.username == pengguna.email == "siti.aminah@contoh.id"
    assert not pengguna.is_active and pengguna.check_password(SANDI)
    assert list(pengguna.groups.values_list("name", flat=True)) == ["pihak"]
    profil = pengguna.profil_pihak
    assert (profil.jenis, profil.nama, profil.nomor_identitas) == (
        "perorangan",
        "Siti Aminah",
        "6472015505900002",
    )
    assert profil.email_terverifikasi_pada is None
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["siti.aminah@contoh.id"]
    assert tautan_verifikasi(mail.outbox[0])


def test_tautan_verifikasi_mengaktifkan_lalu_bisa_masuk(client):
    daftar(client)
    tautan = tautan_verifikasi(mail.outbox[0])
    r = client.get(tautan)
    assert r.status_code == 302 and r["Location"] == MASUK
    pengguna = User.objects.get()
    assert pengguna.is_active and pengguna.profil_pihak.email_terverifikasi_pada is not None
    # Opening it again is harmless.
    assert client.get(tautan)["Location"] == MASUK
    # Log in with the address in any case.
    r = masuk(client, "SITI.aminah@contoh.id")
    assert r.status_code == 302 and r["Location"] == reverse("portal:perkara_saya")
    assert client.session["_auth_user_id"] == str(pengguna.pk)


def test_masuk_sebelum_verifikasi_dijelaskan_hanya_bagi_pemilik_sandi(client):
    daftar(client)
    r = masuk(client, "siti.aminah@contoh.id")
    assert r.status_code == 200 and "_auth_user_id" not in client.session
    form = r.context["form"]
    assert form.has_error(NON_FIELD_ERRORS, code="belum_terverifikasi")
    assert f'<a href="{KIRIM_ULANG}">' in r.content.decode()  # a link, not escaped text
    # A wrong password learns nothing about the account.
    r = masuk(client, "siti.aminah@contoh.id", "salah-sekali-123")
    assert r.context["form"].has_error(NON_FIELD_ERRORS, code="invalid_login")
    assert not r.context["form"].has_error(NON_FIELD_ERRORS, code="belum_terverifikasi")


def test_tautan_kedaluwarsa_atau_dirusak_ditolak(client, settings):
    daftar(client)
    tautan = tautan_verifikasi(mail.outbox[0])
    r = client.get(tautan[:-2] + "x/")
    assert r.status_code == 400 and not r.context["kedaluwarsa"]
    settings.PORTAL_VERIFIKASI_JAM = 0
    r = client.get(tautan)
    assert r.status_code == 400 and r.context["kedaluwarsa"]
    assert KIRIM_ULANG in r.content.decode()
    assert not User.objects.get().is_active


def test_email_ganda_ditolak_tanpa_peduli_huruf_besar(client):
    daftar(client)
    r = daftar(client, email="  siti.AMINAH@contoh.id ")
    assert r.status_code == 200
    assert r.context["form"].has_error("email", code="email_terdaftar")
    # Also against a staff account's address.
    PenggunaFactory(username="staf1", email="Staf1@Komisi.go.id")
    r = daftar(client, email="staf1@komisi.go.id")
    assert r.context["form"].has_error("email", code="email_terdaftar")
    assert User.objects.filter(username__iexact="siti.aminah@contoh.id").count() == 1


@pytest.mark.parametrize(
    ("sandi", "kode"),
    [
        ("password123", "password_too_common"),
        ("qwertyuiop", "password_too_common"),
        ("83920174619", "password_entirely_numeric"),
        ("pendek1", "password_too_short"),
        ("siti.aminah", "password_too_similar"),
    ],
)
def test_kata_sandi_lemah_ditolak(client, sandi, kode):
    r = daftar(client, password1=sandi, password2=sandi)
    assert r.context["form"].has_error("password1", code=kode)
    assert not User.objects.exists() and mail.outbox == []


def test_kata_sandi_harus_sama_dan_nik_perorangan_16_angka(client):
    r = daftar(client, password2=SANDI + "x", nomor_identitas="12345")
    form = r.context["form"]
    assert form.has_error("password2") and form.has_error("nomor_identitas", code="nik")
    # A legal entity gives the number of its deed, any shape.
    r = daftar(client, jenis="badan_hukum", nama="Yayasan Contoh", nomor_identitas="AHU-12.AH")
    assert r.status_code == 200 and User.objects.get().profil_pihak.jenis == "badan_hukum"


def test_kirim_ulang_tanpa_membocorkan_keberadaan_akun(client):
    daftar(client)
    cache.clear()  # registration started the one-minute pause
    r = client.post(KIRIM_ULANG, {"email": "Siti.Aminah@contoh.id"})
    assert r.status_code == 302 and len(mail.outbox) == 2
    baru = tautan_verifikasi(mail.outbox[1])
    # Again at once: same answer, no second mail (one per minute).
    r2 = client.post(KIRIM_ULANG, {"email": "siti.aminah@contoh.id"})
    assert r2.status_code == 302 and len(mail.outbox) == 2
    # An unknown address gets the same answer and no mail.
    r3 = client.post(KIRIM_ULANG, {"email": "tidak.ada@contoh.id"})
    assert r3.status_code == 302 and len(mail.outbox) == 2
    assert client.get(baru)["Location"] == MASUK
    assert User.objects.get().is_active


def test_keluar_hanya_dengan_post(client):
    akun_aktif()
    masuk(client, "warga@contoh.id")
    keluar = reverse("portal:akun_keluar")
    assert client.get(keluar).status_code == 405
    r = client.post(keluar)
    assert r.status_code == 302 and "_auth_user_id" not in client.session


# -- password reset ----------------------------------------------------------------------


def test_reset_kata_sandi_alur_lengkap(client):
    pengguna = akun_aktif()
    mail.outbox.clear()
    r = client.post(RESET, {"email": "Warga@Contoh.id"})
    assert r.status_code == 302 and r["Location"] == reverse("portal:akun_reset_terkirim")
    assert len(mail.outbox) == 1
    tautan = re.search(r"https?://[^/\s]+(/akun/reset/[^\s]+/)", mail.outbox[0].body).group(1)
    r = client.get(tautan)
    assert r.status_code == 302  # to the form under a token kept in the session
    baru = "Kata-Sandi-Baru-2025!"
    r = client.post(r["Location"], {"new_password1": baru, "new_password2": baru})
    assert r.status_code == 302 and r["Location"] == reverse("portal:akun_reset_selesai")
    pengguna.refresh_from_db()
    assert pengguna.check_password(baru)
    assert masuk(client, "warga@contoh.id", baru).status_code == 302
    # The link works once.
    client.post(reverse("portal:akun_keluar"))
    assert client.get(tautan).context["validlink"] is False


def test_reset_menolak_kata_sandi_umum(client):
    akun_aktif()
    mail.outbox.clear()
    client.post(RESET, {"email": "warga@contoh.id"})
    tautan = re.search(r"https?://[^/\s]+(/akun/reset/[^\s]+/)", mail.outbox[0].body).group(1)
    form_url = client.get(tautan)["Location"]
    r = client.post(form_url, {"new_password1": "password123", "new_password2": "password123"})
    assert r.status_code == 200
    assert r.context["form"].has_error("new_password2", code="password_too_common")


def test_reset_alamat_tak_dikenal_atau_belum_terverifikasi_tanpa_surat(client):
    daftar(client)  # never verified
    mail.outbox.clear()
    for email in ("tidak.ada@contoh.id", "siti.aminah@contoh.id"):
        r = client.post(RESET, {"email": email})
        assert r.status_code == 302
    assert mail.outbox == []


# -- profile and notification choices ------------------------------------------------------


@pytest.mark.parametrize(
    ("masukan", "hasil"),
    [
        ("0812-3456-7890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("6281234567890", "+6281234567890"),
        ("(0811) 555.123", "+62811555123"),
        ("", ""),
    ],
)
def test_nomor_whatsapp_dinormalkan(masukan, hasil):
    assert normalkan_whatsapp(masukan) == hasil


@pytest.mark.parametrize(
    "salah", ["12345", "0212345678", "+1 202 555 0100", "08123", "0812abc45678"]
)
def test_nomor_whatsapp_salah_ditolak(salah):
    with pytest.raises(ValidationError):
        normalkan_whatsapp(salah)


def test_profil_menyimpan_identitas_dan_pilihan_notifikasi(client):
    pengguna = akun_aktif()
    client.force_login(pengguna)
    r = client.get(PROFIL)
    assert r.status_code == 200
    # The page says WhatsApp is recorded for a channel that is not open yet.
    assert escape(str(ProfilForm.Meta.help_texts["notifikasi_whatsapp"])) in r.content.decode()
    data = {
        "jenis": "perorangan", "nama": "Siti A. Rahman", "nomor_identitas": "6472015505900002",
        "alamat": "Jl. Baru No. 1", "telepon": "0541 123456", "whatsapp": "0812-3456 7890",
        "notifikasi_whatsapp": "on",
    }  # fmt: skip
    r = client.post(PROFIL, data)
    assert r.status_code == 302
    profil = ProfilPihak.objects.get(pengguna=pengguna)
    assert profil.whatsapp == "+6281234567890"
    assert profil.notifikasi_whatsapp and not profil.notifikasi_email
    pengguna.refresh_from_db()
    assert pengguna.first_name == "Siti A. Rahman"


def test_profil_menolak_nomor_salah_tanpa_kehilangan_isian(client):
    client.force_login(akun_aktif())
    data = {
        "jenis": "perorangan", "nama": "Siti", "nomor_identitas": "6472015505900002",
        "alamat": "Jl. Baru No. 1", "whatsapp": "12345", "notifikasi_email": "on",
    }  # fmt: skip
    r = client.post(PROFIL, data)
    assert r.status_code == 400 and r.context["form"].has_error("whatsapp", code="whatsapp")
    assert "Jl. Baru No. 1" in r.content.decode()  # nothing typed is lost
    r = client.post(PROFIL, {**data, "whatsapp": "", "notifikasi_whatsapp": "on"})
    assert r.status_code == 400 and r.context["form"].has_error("whatsapp")
    assert ProfilPihak.objects.get().whatsapp == ""


def test_profil_perlu_masuk_lewat_portal(client):
    r = client.get(PROFIL)
    assert r.status_code == 302 and r["Location"].startswith(MASUK)


@pytest.fixture
def q_sinkron(monkeypatch):
    monkeypatch.setattr(Conf, "SYNC", True)


@pytest.mark.parametrize("mau", [True, False])
def test_pilihan_email_dihormati_notifikasi(
    persona, q_sinkron, django_capture_on_commit_callbacks, mau
):
    sk = kasus(persona, "pemeriksaan_awal")
    ProfilPihak.objects.create(pengguna=persona.pemohon, nama="Budi", notifikasi_email=mau)
    hari = sk.hk(hari_ini(sk.komisi), 6)
    with django_capture_on_commit_callbacks(execute=True):
        sidang_jadwalkan(
            sengketa_id=sk.id, oleh=sk.aktor.pp, jenis="pemeriksaan_awal", mulai=sk.pukul(hari),
            ruang="Ruang Sidang Utama", tempat="Kantor KIP Kalimantan Timur",
        )  # fmt: skip
    ke_pemohon = Notifikasi.objects.filter(alamat="budi@example.org")
    assert ke_pemohon.exists() is mau
    assert [m.to for m in mail.outbox] == ([["budi@example.org"]] if mau else [])


# -- django-axes ---------------------------------------------------------------------------


def test_axes_mengunci_login_portal_per_nama_dan_alamat(client):
    akun_aktif()
    for i in range(5):
        # Any case of the address counts for the same account.
        r = masuk(client, "WARGA@contoh.id" if i % 2 else "warga@contoh.id", "salah-123-abc")
    assert r.status_code == 429
    assert "portal/akun/terkunci.html" in [t.name for t in r.templates]
    assert "portal/base.html" in [t.name for t in r.templates]
    # Locked: even the right password is refused, for 30 minutes.
    r = masuk(client, "warga@contoh.id")
    assert r.status_code == 429 and "_auth_user_id" not in client.session
    # The same account from another address is not locked (username + address pair).
    r = masuk(client, "warga@contoh.id", REMOTE_ADDR="10.1.2.3")
    assert r.status_code == 302


def test_axes_login_berhasil_mereset_hitungan(client):
    akun_aktif()
    for _ in range(4):
        assert masuk(client, "warga@contoh.id", "salah-123-abc").status_code == 200
    assert masuk(client, "warga@contoh.id").status_code == 302
    client.post(reverse("portal:akun_keluar"))
    for _ in range(4):
        assert masuk(client, "warga@contoh.id", "salah-123-abc").status_code == 200
    assert masuk(client, "warga@contoh.id").status_code == 302


def test_reset_kata_sandi_membuka_kunci(client):
    akun_aktif()
    for _ in range(5):
        masuk(client, "warga@contoh.id", "salah-123-abc")
    assert masuk(client, "warga@contoh.id").status_code == 429
    mail.outbox.clear()
    client.post(RESET, {"email": "warga@contoh.id"})
    tautan = re.search(r"https?://[^/\s]+(/akun/reset/[^\s]+/)", mail.outbox[0].body).group(1)
    baru = "Kata-Sandi-Baru-2025!"
    client.post(client.get(tautan)["Location"], {"new_password1": baru, "new_password2": baru})
    assert not AccessAttempt.objects.filter(username="warga@contoh.id").exists()
    assert masuk(client, "warga@contoh.id", baru).status_code == 302


def test_axes_mengunci_kantor_masuk(client, persona):
    url = reverse("kantor:masuk")
    data = {"username": persona.panitera.username, "password": "salah"}
    kode = [client.post(url, data).status_code for _ in range(5)]
    assert kode == [200, 200, 200, 200, 429]
    r = client.post(url, {**data, "password": "rahasia-uji-123"})
    assert r.status_code == 429 and "_auth_user_id" not in client.session
    assert "kantor/base.html" in [t.name for t in r.templates]
    # Another clerk at the same desk is not affected.
    r = client.post(url, {"username": persona.pp.username, "password": "rahasia-uji-123"})
    assert r.status_code == 302


def _token_salah_sampai_terkunci(klien, persona):
    salah = {"username": persona.panitera.username, "password": "salah"}
    kode = [klien.post(TOKEN, salah, format="json").status_code for _ in range(5)]
    return kode, {**salah, "password": "rahasia-uji-123"}


def test_axes_mengunci_token_api_dengan_429_dan_retry_after(persona, settings):
    klien = APIClient()
    kode, benar = _token_salah_sampai_terkunci(klien, persona)
    # The fifth failure locks, as on the log-in pages; the earlier ones are "wrong password".
    assert kode == [400, 400, 400, 400, 429]
    r = klien.post(TOKEN, benar, format="json")
    assert r.status_code == 429 and "token" not in r.json()
    # The API's error shape, in Indonesian, and when to come back: a try during the lockout
    # starts the cool-off again (axes' default), so the whole AXES_COOLOFF_TIME is left.
    assert list(r.json()) == ["detail"]
    assert "dikunci selama 30 menit" in r.json()["detail"]
    assert r["Retry-After"] == str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    assert AccessAttempt.objects.filter(username=persona.panitera.username).exists()
    # The same right password from another address still gets its token.
    assert klien.post(TOKEN, benar, format="json", REMOTE_ADDR="10.9.8.7").status_code == 200


def test_retry_after_token_api_memberi_sisa_waktu_kunci(persona, settings):
    # Here a try during the lockout does not restart it: 10 of the 30 minutes have passed.
    settings.AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
    klien = APIClient()
    kode, benar = _token_salah_sampai_terkunci(klien, persona)
    assert kode[-1] == 429
    terakhir = AccessAttempt.objects.get(username=persona.panitera.username).attempt_time
    AccessAttempt.objects.update(attempt_time=terakhir - timedelta(minutes=10))
    r = klien.post(TOKEN, benar, format="json")
    assert r.status_code == 429
    assert 20 * 60 - 5 <= int(r["Retry-After"]) <= 20 * 60


def test_akun_dari_kepaniteraan_masuk_portal_dengan_emailnya(client):
    # The demo applicant and accounts made by the registry have a username that is not their
    # e-mail; the party still logs in to the portal with the e-mail it knows.
    pengguna = PenggunaFactory(username="pemohon", email="budi@warga.example")
    PenggunaFactory(username="lain", email="lain@warga.example")
    r = client.post(MASUK, {"username": "Budi@Warga.example", "password": "rahasia-uji-123"})
    assert r.status_code == 302
    assert client.session["_auth_user_id"] == str(pengguna.pk)
