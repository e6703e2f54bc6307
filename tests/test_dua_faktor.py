"""Two-factor authentication of staff (issue 8, workflows/kantor/dua_faktor.py): set-up with
an authenticator app, the code after the password, backup codes, django-axes counting wrong
codes, the admin behind the same login, turning it off. The codes are computed here exactly
as an authenticator app does (RFC 6238, django_otp.oath) at a clock the test controls."""

import re
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp import models as totp_models
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

HALAMAN = reverse("kantor:dua_faktor")
MASUK = reverse("kantor:masuk")
KODE = reverse("kantor:masuk_kode")
TUGAS = reverse("kantor:tugas")
SANDI = "rahasia-uji-123"  # tests.factories.PenggunaFactory


@pytest.fixture
def jam(monkeypatch):
    """The clock django-otp reads when it checks a code; `maju` moves it one step on."""
    waktu = SimpleNamespace(t=1_800_000_000.0)
    monkeypatch.setattr(totp_models, "time", SimpleNamespace(time=lambda: waktu.t))

    def maju(detik: float = 30):
        waktu.t += detik

    waktu.maju = maju
    return waktu


@pytest.fixture(autouse=True)
def _tanpa_jeda(settings):
    """django-otp's own slow-down after a wrong code (seconds of real time) is not under test
    here; django-axes' lockout is."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def kode_app(pengguna, jam, *, confirmed=True) -> str:
    d = TOTPDevice.objects.get(user=pengguna, confirmed=confirmed)
    totp = TOTP(d.bin_key, d.step, d.t0, d.digits, d.drift)
    totp.time = jam.t
    return f"{totp.token():0{d.digits}d}"


def aktifkan(client, pengguna, jam) -> list[str]:
    """Through the page, as a person does; returns the backup codes shown."""
    client.force_login(pengguna)
    assert client.get(HALAMAN).status_code == 200
    r = client.post(HALAMAN, {"aksi": "aktifkan", "kode": kode_app(pengguna, jam, confirmed=False)})
    assert r.status_code == 200
    kode = re.findall(r"<li><code>([a-z0-9]+)</code></li>", r.content.decode())
    client.logout()
    jam.maju()
    return kode


def masuk_sandi(client, pengguna, sandi=SANDI, **data):
    return client.post(MASUK, {"username": pengguna.username, "password": sandi, **data})


def sudah_masuk(client) -> bool:
    return client.get(TUGAS).status_code == 200


# -- set-up --------------------------------------------------------------------------------


def test_staf_mengaktifkan_dengan_qr_dan_kode_pertama(client, persona, jam):
    pengguna = persona.panitera
    client.force_login(pengguna)
    html = client.get(HALAMAN).content.decode()
    assert 'data-dua-faktor="belum"' in html
    assert re.search(r"<svg[^>]*class=\"qr\"", html) and "<path" in html
    d = TOTPDevice.objects.get(user=pengguna, confirmed=False)
    rahasia = re.search(r"data-rahasia>([A-Z2-7 ]+)<", html).group(1).replace(" ", "")
    import base64

    assert base64.b32decode(rahasia + "=" * (-len(rahasia) % 8)) == d.bin_key
    # A reload keeps the same secret (the app was perhaps already scanned).
    assert rahasia in client.get(HALAMAN).content.decode().replace(" ", "")

    salah = client.post(HALAMAN, {"aksi": "aktifkan", "kode": "000000"})
    assert salah.status_code == 400 and "galat-medan" in salah.content.decode()
    assert not TOTPDevice.objects.filter(user=pengguna, confirmed=True).exists()

    r = client.post(HALAMAN, {"aksi": "aktifkan", "kode": kode_app(pengguna, jam, confirmed=False)})
    assert r.status_code == 200
    cadangan = re.findall(r"<li><code>([a-z0-9]+)</code></li>", r.content.decode())
    assert len(cadangan) == 10 and len(set(cadangan)) == 10
    assert TOTPDevice.objects.filter(user=pengguna, confirmed=True).count() == 1
    assert StaticDevice.objects.get(user=pengguna).token_set.count() == 10
    # This session proved the factor: the back office stays open.
    assert sudah_masuk(client)
    assert 'data-dua-faktor="aktif"' in client.get(HALAMAN).content.decode()


def test_tautan_menu_hanya_untuk_staf(client, persona):
    client.force_login(persona.panitera)
    assert f'href="{HALAMAN}"' in client.get(TUGAS).content.decode()
    client.force_login(persona.pemohon)
    assert client.get(HALAMAN).status_code == 403


# -- the login -----------------------------------------------------------------------------


def test_masuk_meminta_kode_setelah_sandi(client, persona, jam):
    pengguna = persona.panitera
    aktifkan(client, pengguna, jam)
    r = masuk_sandi(client, pengguna)
    assert r.status_code == 302 and r["Location"] == KODE
    assert not sudah_masuk(client)  # the password alone opens nothing
    assert client.get(KODE).status_code == 200

    salah = client.post(KODE, {"kode": "123456"})
    assert salah.status_code == 400
    assert "Kode salah" in salah.content.decode() or "galat-medan" in salah.content.decode()
    assert not sudah_masuk(client)

    r = client.post(KODE, {"kode": kode_app(pengguna, jam)})
    assert r.status_code == 302 and r["Location"] == TUGAS
    assert sudah_masuk(client)


def test_masuk_tanpa_dua_faktor_tetap_satu_langkah(client, persona):
    r = masuk_sandi(client, persona.panitera)
    assert r.status_code == 302 and r["Location"] == TUGAS
    assert sudah_masuk(client)


def test_kode_yang_sama_tidak_bisa_dipakai_dua_kali(client, persona, jam):
    pengguna = persona.panitera
    aktifkan(client, pengguna, jam)
    kode = kode_app(pengguna, jam)
    masuk_sandi(client, pengguna)
    assert client.post(KODE, {"kode": kode}).status_code == 302
    client.logout()
    masuk_sandi(client, pengguna)
    assert client.post(KODE, {"kode": kode}).status_code == 400  # replayed


def test_kode_cadangan_sekali_pakai(client, persona, jam):
    pengguna = persona.panitera
    cadangan = aktifkan(client, pengguna, jam)
    masuk_sandi(client, pengguna)
    r = client.post(KODE, {"kode": cadangan[0].upper()}, follow=True)
    assert r.status_code == 200 and sudah_masuk(client)
    assert StaticDevice.objects.get(user=pengguna).token_set.count() == 9
    client.logout()
    masuk_sandi(client, pengguna)
    assert client.post(KODE, {"kode": cadangan[0]}).status_code == 400


def test_langkah_kode_kedaluwarsa(client, persona, jam, monkeypatch):
    pengguna = persona.panitera
    aktifkan(client, pengguna, jam)
    masuk_sandi(client, pengguna)
    from workflows.kantor import dua_faktor

    sesi = client.session
    sesi[dua_faktor.SESI_WAKTU] -= dua_faktor.BATAS_DETIK + 1
    sesi.save()
    r = client.post(KODE, {"kode": kode_app(pengguna, jam)})
    assert r.status_code == 302 and r["Location"] == MASUK
    assert not sudah_masuk(client)


def test_kode_salah_dihitung_axes_sampai_terkunci(client, persona, jam, settings):
    pengguna = persona.panitera
    aktifkan(client, pengguna, jam)
    masuk_sandi(client, pengguna)
    for _i in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(KODE, {"kode": "000000"}).status_code == 400
    terkunci = client.post(KODE, {"kode": "000000"})
    assert terkunci.status_code == 429
    # Locked: neither the right code nor the password helps until the cool-off ends.
    masuk_sandi(client, pengguna)
    assert client.post(KODE, {"kode": kode_app(pengguna, jam)}).status_code != 302
    assert masuk_sandi(client, pengguna).status_code == 429
    assert not sudah_masuk(client)


def test_sesi_tanpa_faktor_kedua_dikeluarkan(client, persona, jam):
    """A session opened another way (before set-up elsewhere, the admin's or the portal's
    login form) does not reach the back office, the admin or the API without the code."""
    pengguna = persona.panitera
    aktifkan(client, pengguna, jam)
    client.force_login(pengguna)
    r = client.get(TUGAS)
    assert r.status_code == 302 and r["Location"].startswith(MASUK)
    assert "next=" in r["Location"]
    client.force_login(pengguna)
    r = client.get(reverse("api:sengketa-list"))
    assert r.status_code == 401 and "detail" in r.json()


def test_admin_lewat_login_kantor_dan_butuh_kode(client, persona, jam):
    pengguna = persona.admin
    pengguna.is_staff = pengguna.is_superuser = True
    pengguna.save()
    r = client.get("/admin/login/?next=/admin/")
    assert r.status_code == 302 and r["Location"].startswith(MASUK)
    aktifkan(client, pengguna, jam)
    r = client.post(
        f"{MASUK}?next=/admin/",
        {"username": pengguna.username, "password": SANDI, "next": "/admin/"},
    )
    assert r["Location"] == KODE
    r = client.post(KODE, {"kode": kode_app(pengguna, jam)})
    assert r.status_code == 302 and r["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_admin_menolak_staf_belum_terverifikasi(rf, persona, jam, client):
    from django.contrib import admin

    pengguna = persona.admin
    pengguna.is_staff = pengguna.is_superuser = True
    pengguna.save()
    request = rf.get("/admin/")
    request.user = pengguna
    pengguna.is_verified = lambda: False
    assert admin.site.has_permission(request)  # no second factor yet: as before
    aktifkan(client, pengguna, jam)
    assert not admin.site.has_permission(request)
    pengguna.is_verified = lambda: True
    assert admin.site.has_permission(request)


# -- backup codes and turning it off -------------------------------------------------------


def test_kode_cadangan_baru_butuh_kode(client, persona, jam):
    pengguna = persona.panitera
    lama = aktifkan(client, pengguna, jam)
    masuk_sandi(client, pengguna)
    client.post(KODE, {"kode": kode_app(pengguna, jam)})
    jam.maju()
    assert client.post(HALAMAN, {"aksi": "cadangan", "cadangan-kode": "000000"}).status_code == 400
    r = client.post(HALAMAN, {"aksi": "cadangan", "cadangan-kode": kode_app(pengguna, jam)})
    baru = re.findall(r"<li><code>([a-z0-9]+)</code></li>", r.content.decode())
    assert len(baru) == 10 and not set(baru) & set(lama)
    tersimpan = set(
        StaticDevice.objects.get(user=pengguna).token_set.values_list("token", flat=True)
    )
    assert tersimpan == set(baru)


def test_menonaktifkan_butuh_sandi_dan_kode(client, persona, jam):
    pengguna = persona.panitera
    aktifkan(client, pengguna, jam)
    masuk_sandi(client, pengguna)
    client.post(KODE, {"kode": kode_app(pengguna, jam)})
    jam.maju()
    salah_sandi = {"aksi": "nonaktifkan", "nonaktif-password": "keliru", "nonaktif-kode": ""}
    salah_sandi["nonaktif-kode"] = kode_app(pengguna, jam)
    assert client.post(HALAMAN, salah_sandi).status_code == 400
    salah_kode = {"aksi": "nonaktifkan", "nonaktif-password": SANDI, "nonaktif-kode": "000000"}
    assert client.post(HALAMAN, salah_kode).status_code == 400
    assert TOTPDevice.objects.filter(user=pengguna, confirmed=True).exists()
    jam.maju()
    benar = {"aksi": "nonaktifkan", "nonaktif-password": SANDI}
    benar["nonaktif-kode"] = kode_app(pengguna, jam)
    assert client.post(HALAMAN, benar).status_code == 302
    assert not TOTPDevice.objects.filter(user=pengguna).exists()
    assert not StaticDevice.objects.filter(user=pengguna).exists()
    client.logout()
    assert masuk_sandi(client, pengguna)["Location"] == TUGAS  # one step again


def test_wajib_mengarahkan_staf_ke_pengaturan(client, persona, settings):
    settings.DUA_FAKTOR_WAJIB = True
    client.force_login(persona.panitera)
    r = client.get(TUGAS)
    assert r.status_code == 302 and r["Location"] == HALAMAN
    assert client.get(HALAMAN).status_code == 200


def test_token_api_butuh_kode_untuk_akun_dua_faktor(client, persona, jam):
    url = reverse("api:token")
    tanpa = persona.pp
    r = client.post(url, {"username": tanpa.username, "password": SANDI}, "application/json")
    assert r.status_code == 200 and r.json()["token"]

    pengguna = persona.panitera
    aktifkan(client, pengguna, jam)
    body = {"username": pengguna.username, "password": SANDI}
    r = client.post(url, body, "application/json")
    assert r.status_code == 400 and "otp" in r.json()["errors"]
    r = client.post(url, {**body, "otp": "000000"}, "application/json")
    assert r.status_code == 400 and "otp" in r.json()["errors"]
    r = client.post(url, {**body, "otp": kode_app(pengguna, jam)}, "application/json")
    assert r.status_code == 200 and r.json()["token"]
