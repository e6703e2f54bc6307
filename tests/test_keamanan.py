"""Production security settings (issue 8): `check --deploy` clean, the headers and cookies a
browser really gets, no-store on private pages and downloads, the idle timeout, and no inline
script or style in our templates (the Content-Security-Policy allows none)."""

import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from config.keamanan import KeamananMiddleware, kebijakan_csp
from tests.kasus import kasus

ROOT = Path(settings.BASE_DIR)
KUNCI = "uji-" + "k" * 60  # long and varied enough for check --deploy (W009)


def env_produksi(tmp_path, **lain) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SECURE_", "SESSION_"))}
    env.pop("DEBUG", None)
    env.update(
        DEBUG="0",
        SECRET_KEY=KUNCI + "-abcdefghijklmnopqrstuvwxyz0123456789",
        ALLOWED_HOSTS="sengketa.example.go.id",
        DATABASE_URL=f"sqlite:///{tmp_path / 'cek.sqlite3'}",
        VAR_DIR=str(tmp_path / "var"),
        DJANGO_SETTINGS_MODULE="config.settings",
    )
    env.update(lain)
    return env


def manage(env, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def nilai_setelan(env, *nama) -> dict:
    isi = ", ".join(f"{n!r}: getattr(s, {n!r}, None)" for n in nama)
    kode = f"from django.conf import settings as s; import json; print(json.dumps({{{isi}}}))"
    hasil = manage(env, "shell", "-c", kode)
    assert hasil.returncode == 0, hasil.stderr
    import json

    return json.loads(hasil.stdout.strip().splitlines()[-1])


# -- settings in a production environment ------------------------------------------------


def test_check_deploy_bersih_dengan_setelan_produksi(tmp_path):
    hasil = manage(env_produksi(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert "no issues" in hasil.stdout + hasil.stderr
    assert "WARNINGS" not in hasil.stdout + hasil.stderr


def test_check_deploy_memperingatkan_jika_https_dimatikan(tmp_path):
    """The same command does complain when production is misconfigured (the test can fail)."""
    env = env_produksi(tmp_path, SECURE_SSL_REDIRECT="0", SECURE_COOKIES="0")
    hasil = manage(env, "check", "--deploy", "--fail-level", "WARNING")
    keluaran = hasil.stdout + hasil.stderr
    assert hasil.returncode != 0
    assert "security.W008" in keluaran and "security.W012" in keluaran


def test_setelan_produksi_dan_pengembangan(tmp_path):
    nama = (
        "SESSION_COOKIE_NAME",
        "CSRF_COOKIE_NAME",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SESSION_COOKIE_AGE",
        "SESSION_SAVE_EVERY_REQUEST",
        "X_FRAME_OPTIONS",
    )
    produksi = nilai_setelan(env_produksi(tmp_path), *nama)
    assert produksi["SESSION_COOKIE_NAME"] == "__Host-sessionid"
    assert produksi["CSRF_COOKIE_NAME"] == "__Host-csrftoken"
    assert produksi["SESSION_COOKIE_SECURE"] and produksi["CSRF_COOKIE_SECURE"]
    assert produksi["SECURE_SSL_REDIRECT"] is True
    assert produksi["SECURE_HSTS_SECONDS"] >= 31536000
    assert produksi["SESSION_COOKIE_AGE"] == 30 * 60 and produksi["SESSION_SAVE_EVERY_REQUEST"]
    assert produksi["X_FRAME_OPTIONS"] == "DENY"
    # The idle timeout is the operator's to choose.
    lain = nilai_setelan(env_produksi(tmp_path, SESSION_IDLE_MINUTES="15"), "SESSION_COOKIE_AGE")
    assert lain["SESSION_COOKIE_AGE"] == 15 * 60
    # Development over plain http (python dev.py run) keeps working: no redirect, no Secure.
    env_dev = {**env_produksi(tmp_path)}
    env_dev.pop("DEBUG")
    dev = nilai_setelan(env_dev, *nama)
    assert dev["SECURE_SSL_REDIRECT"] is False and dev["SESSION_COOKIE_SECURE"] is False
    assert dev["SESSION_COOKIE_NAME"] == "sessionid" and dev["SECURE_HSTS_SECONDS"] == 0


# -- real responses under the production values ------------------------------------------


@pytest.fixture
def produksi(settings):
    """This process's settings as config/settings.py computes them with DEBUG=0."""
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    settings.SESSION_COOKIE_NAME = "__Host-sessionid"
    settings.CSRF_COOKIE_NAME = "__Host-csrftoken"
    settings.CONTENT_SECURITY_POLICY = kebijakan_csp()
    return settings


def arahan_csp(respons) -> dict[str, list[str]]:
    kepala = respons["Content-Security-Policy"]
    return {b.split()[0]: b.split()[1:] for b in (x.strip() for x in kepala.split(";")) if b}


def test_http_dialihkan_ke_https(client, produksi, db):
    r = client.get(reverse("kantor:masuk"))
    assert r.status_code == 301 and r["Location"].startswith("https://")


def test_header_keamanan_pada_halaman_nyata(client, produksi, persona):
    client.force_login(persona.panitera)
    for url in (reverse("kantor:tugas"), reverse("portal:beranda"), reverse("kantor:masuk")):
        r = client.get(url, secure=True, follow=False)
        assert r.status_code in (200, 302), url
        assert r["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
        assert r["X-Content-Type-Options"] == "nosniff"
        assert r["X-Frame-Options"] == "DENY"
        assert r["Referrer-Policy"] == "same-origin"
        assert r["Cross-Origin-Opener-Policy"] == "same-origin"
        csp = arahan_csp(r)
        assert csp["default-src"] == ["'self'"] and csp["script-src"] == ["'self'"]
        assert csp["style-src"] == ["'self'"] and csp["frame-ancestors"] == ["'none'"]
        assert csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'none'"]


def test_csp_admin_hanya_melonggarkan_gaya_bukan_skrip(client, produksi, admin_user):
    client.force_login(admin_user)
    r = client.get("/admin/", secure=True)
    assert r.status_code == 200
    csp = arahan_csp(r)
    assert "'unsafe-inline'" in csp["style-src"]
    assert csp["script-src"] == ["'self'"]


def test_dokumentasi_api_tanpa_skrip_sebaris(client, produksi, db):
    """Swagger UI runs under the CSP: its start-up script is a separate request."""
    r = client.get(reverse("api:docs"), secure=True)
    assert r.status_code == 200
    html = r.content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), html
    skrip = re.search(r'<script src="([^"]*script[^"]*)"', html).group(1).replace("&amp;", "&")
    r2 = client.get(skrip, secure=True)
    assert r2.status_code == 200 and "SwaggerUIBundle" in r2.content.decode()


def test_cookie_sesi_dan_csrf_berawalan_host(client, produksi, persona):
    r = client.get(reverse("kantor:masuk"), secure=True)
    csrf = r.cookies["__Host-csrftoken"]
    assert csrf["secure"] and csrf["path"] == "/" and not csrf["domain"]
    r = client.post(
        reverse("kantor:masuk"),
        {"username": persona.panitera.username, "password": "rahasia-uji-123"},
        secure=True,
    )
    assert r.status_code == 302
    sesi = r.cookies["__Host-sessionid"]
    assert sesi["secure"] and sesi["httponly"] and sesi["path"] == "/" and not sesi["domain"]
    assert sesi["samesite"] == "Lax"
    assert int(sesi["max-age"]) == settings.SESSION_COOKIE_AGE
    assert "sessionid" not in r.cookies  # only the prefixed name
    assert client.get(reverse("kantor:tugas"), secure=True).status_code == 200


# -- no-store ----------------------------------------------------------------------------


def test_middleware_tanpa_simpan_untuk_unduhan_dan_halaman_pribadi(rf: RequestFactory):
    def jalankan(path, respons, **meta):
        request = rf.get(path, **meta)
        return KeamananMiddleware(lambda r: respons)(request)

    unduhan = HttpResponse(b"%PDF", content_type="application/pdf")
    unduhan["Content-Disposition"] = 'attachment; filename="x.pdf"'
    unduhan["Cache-Control"] = "public, max-age=600"
    assert jalankan("/putusan/1/unduh/", unduhan)["Cache-Control"] == "private, no-store"
    assert "no-store" in jalankan("/kantor/tugas/", HttpResponse("x"))["Cache-Control"]
    assert "no-store" in jalankan("/api/v1/sengketa/", HttpResponse("x"))["Cache-Control"]
    cookie = {"HTTP_COOKIE": f"{settings.SESSION_COOKIE_NAME}=abc"}
    assert "no-store" in jalankan("/perkara/", HttpResponse("x"), **cookie)["Cache-Control"]
    # An anonymous visitor's public page stays cacheable.
    assert not jalankan("/jadwal/", HttpResponse("x")).has_header("Cache-Control")
    # A view's own stricter header is kept as it is.
    sendiri = HttpResponse("x")
    sendiri["Cache-Control"] = "no-store"
    assert jalankan("/api/v1/dokumen/1/unduh/", sendiri)["Cache-Control"] == "no-store"


@pytest.fixture
def dokumen_siap(bangun, persona):
    from dokumen.models import Dokumen, StatusDokumen

    sk = bangun("teregistrasi").sengketa
    dok = Dokumen.objects.filter(sengketa=sk, status=StatusDokumen.SIAP, format="pdf").first()
    assert dok is not None
    return sk, dok


def test_halaman_kasus_dan_semua_unduhan_no_store(client, persona, dokumen_siap):
    from portal.models import DraftPermohonan, Lampiran

    sk, dok = dokumen_siap
    client.force_login(persona.panitera)
    urls = [
        reverse("kantor:tugas"),
        reverse("kantor:sengketa", args=[sk.pk]),
        reverse("dokumen:unduh", args=[dok.pk]),
        reverse("api:dokumen-unduh", args=[dok.pk]),
        reverse("api:sengketa-detail", args=[sk.pk]),
    ]
    for url in urls:
        r = client.get(url)
        assert r.status_code == 200, url
        assert "no-store" in r["Cache-Control"], url

    # The party's own pages: "Perkara saya" and its own attachment.
    pemohon = persona.pemohon
    draft = DraftPermohonan.objects.create(pengguna=pemohon, komisi=persona.komisi)
    lp = Lampiran(
        draft=draft,
        jenis="identitas",
        nama_asli="ktp.pdf",
        tipe_konten="application/pdf",
        ukuran=4,
        sha256="a" * 64,
    )
    lp.berkas.save("ktp.pdf", ContentFile(b"%PDF"), save=True)
    client.force_login(pemohon)
    for url in (reverse("portal:perkara_saya"), reverse("portal:pengajuan_lampiran", args=[lp.pk])):
        r = client.get(url)
        assert r.status_code == 200, url
        assert "no-store" in r["Cache-Control"], url


# -- idle timeout ------------------------------------------------------------------------


def test_sesi_berakhir_setelah_menganggur_dan_diperpanjang_oleh_aktivitas(client, persona):
    client.force_login(persona.panitera)
    kunci = client.session.session_key
    assert client.get(reverse("kantor:tugas")).status_code == 200
    sesi = Session.objects.get(session_key=kunci)
    sisa = (sesi.expire_date - timezone.now()).total_seconds()
    assert settings.SESSION_COOKIE_AGE - 60 < sisa <= settings.SESSION_COOKIE_AGE

    # Activity renews it: put the expiry close, make a request, it moves forward again.
    Session.objects.filter(pk=kunci).update(expire_date=timezone.now() + timedelta(seconds=30))
    assert client.get(reverse("kantor:tugas")).status_code == 200
    sesi.refresh_from_db()
    assert (sesi.expire_date - timezone.now()).total_seconds() > settings.SESSION_COOKIE_AGE - 60

    # Idle past the limit: the next request asks for the login again.
    Session.objects.filter(pk=kunci).update(expire_date=timezone.now() - timedelta(seconds=1))
    r = client.get(reverse("kantor:tugas"))
    assert r.status_code == 302 and r["Location"].startswith(reverse("kantor:masuk"))


# -- nothing inline in our templates -----------------------------------------------------

SEBARIS = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"<style[\s>]", re.I), "<style> block"),
    (re.compile(r"\sstyle\s*=", re.I), "style= attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "on…= event handler"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


def templat_proyek() -> list[Path]:
    """The templates of pages (e-mails are not under the site's CSP: left out)."""
    berkas = list((ROOT / "templates").rglob("*.html"))
    for app in ("sengketa", "dokumen", "workflows", "api", "portal"):
        berkas += list((ROOT / app).glob("templates/**/*.html"))
    return sorted(p for p in berkas if "email" not in p.relative_to(ROOT).parts)


def test_templat_tanpa_skrip_atau_gaya_sebaris():
    daftar = templat_proyek()
    assert len(daftar) > 20
    temuan = [
        f"{p.relative_to(ROOT)}:{isi[: m.start()].count(chr(10)) + 1}: {nama}"
        for p in daftar
        for isi in [p.read_text()]
        for pola, nama in SEBARIS
        for m in pola.finditer(isi)
    ]
    assert not temuan, "\n".join(temuan)


# -- the policy in a real browser ----------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"


def _tanpa_peramban() -> str:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "butuh playwright"
    return "" if os.access(CHROMIUM, os.X_OK) else f"butuh {CHROMIUM} (apt-get install chromium)"


@pytest.mark.skipif(bool(_tanpa_peramban()), reason=_tanpa_peramban() or "-")
@pytest.mark.django_db(transaction=True)
def test_tidak_ada_pelanggaran_csp_di_peramban(live_server, persona, monkeypatch):
    """Chromium reports every script or style the policy blocks on the console: none on the
    public pages, the API docs (Swagger UI) and the back office; an injected inline script is
    blocked (the check can fail)."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    sk = kasus(persona, "teregistrasi").sengketa
    publik = ["/", "/jadwal/", "/putusan/", "/verifikasi/", "/akun/masuk/", "/kantor/masuk/"]
    kantor = ["/kantor/tugas/", "/kantor/tenggat/", "/kantor/jadwal/", "/kantor/statistik/",
              "/kantor/dua-faktor/", f"/kantor/sengketa/{sk.pk}/"]  # fmt: skip
    pesan = []
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            hal = b.new_page()
            hal.on("console", lambda m: pesan.append(f"{hal.url}: {m.text}"))
            for url in publik:
                hal.goto(live_server.url + url)
            hal.goto(live_server.url + "/api/docs/")
            hal.wait_for_selector(".swagger-ui .opblock", timeout=15000)  # its script ran
            hal.goto(live_server.url + "/kantor/masuk/")
            hal.fill("#id_username", persona.panitera.username)
            hal.fill("#id_password", "rahasia-uji-123")
            hal.click("button[type=submit]")
            hal.wait_for_url("**/kantor/tugas/")
            for url in kantor:
                assert hal.goto(live_server.url + url).status == 200, url
            csp = [p for p in pesan if "Content Security Policy" in p]
            assert csp == [], "\n".join(csp)
            hal.evaluate(
                "() => { const s = document.createElement('script');"
                " s.textContent = 'window.sebaris = 1'; document.body.appendChild(s); }"
            )
            assert hal.evaluate("() => window.sebaris") is None
        finally:
            b.close()
    assert any("Content Security Policy" in p for p in pesan)
