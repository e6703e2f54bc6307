"""Two-factor authentication of staff (issue 8), with django-otp.

A staff member sets it up on `kantor:dua_faktor`: an authenticator app (TOTP, RFC 6238) reads
the QR code or the secret typed by hand, the first code it shows confirms it, and ten single-use
backup codes are shown once. From then on the back-office login (`kantor:masuk`) asks, after
the password, for a code (`kantor:masuk_kode`); the person is logged in only when the code is
right. Wrong codes count as failed log-ins for django-axes, like wrong passwords, so guessing
codes locks the account out too. Turning it off takes the password and a code.

`DuaFaktorMiddleware` keeps the rule whatever the way in (the admin's own login form, the
portal's, a session opened before the factor was set up on another browser): a user with a
second factor who has not passed it in this session is logged out of the back office, the admin
and the session API and sent to the back-office login. With STAFF_2FA_REQUIRED=1 staff without
one are sent to the set-up page first.
"""

import base64
import functools
import time
from urllib.parse import urlencode

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, logout, user_login_failed
from django.contrib.auth import login as auth_login
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import mark_safe
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from sengketa.kueri_terkompilasi import KueriTerkompilasi

from . import selectors as sel
from .views import StafMixin

# Session keys of a login waiting for its second step.
SESI_PENGGUNA = "_dua_faktor_pengguna"
SESI_BACKEND = "_dua_faktor_backend"
SESI_WAKTU = "_dua_faktor_waktu"
SESI_LANJUT = "_dua_faktor_lanjut"
# The password step is valid this long; then the password must be typed again.
BATAS_DETIK = 5 * 60
JUMLAH_KODE_CADANGAN = 10
NAMA_APLIKASI = "Aplikasi autentikator"
NAMA_CADANGAN = "Kode cadangan"


# -- the rules ---------------------------------------------------------------------------


def perangkat(pengguna) -> TOTPDevice | None:
    """The confirmed authenticator app of this user, if any."""
    if not pengguna.is_authenticated:
        return None
    return TOTPDevice.objects.filter(user=pengguna, confirmed=True).first()


def punya_dua_faktor(pengguna) -> bool:
    """One query: the authenticator app is what turns the second step on."""
    return pengguna.is_authenticated and bool(_app_terpasang(pengguna.pk))


# Every request under /kantor/, /admin/ and /api/ asks it: compiled once per process
# (sengketa.kueri_terkompilasi).
_app_terpasang = KueriTerkompilasi(
    TOTPDevice,
    lambda pk: TOTPDevice.objects.filter(user=pk, confirmed=True).order_by().values_list("pk")[:1],
)


def _bersihkan(kode: str) -> str:
    return "".join((kode or "").split()).replace("-", "").lower()


def cocokkan(pengguna, kode: str):
    """The device (app or backup codes) that accepts `kode`, else None. A used backup code is
    deleted; an app code is accepted once (django-otp keeps the last time step); repeated
    failures slow a device down (django-otp's throttling) on top of django-axes."""
    kode = _bersihkan(kode)
    if not kode or len(kode) > 16:
        return None
    with transaction.atomic():
        daftar = [
            *TOTPDevice.objects.filter(user=pengguna, confirmed=True).select_for_update(),
            *StaticDevice.objects.filter(user=pengguna, confirmed=True).select_for_update(),
        ]
        for d in daftar:
            if d.verify_token(kode):
                return d
    return None


def kode_cadangan_baru(pengguna) -> list[str]:
    """Ten new backup codes, replacing the old ones (shown once, stored as django-otp does)."""
    cadangan, _dibuat = StaticDevice.objects.get_or_create(
        user=pengguna, name=NAMA_CADANGAN, defaults={"confirmed": True}
    )
    cadangan.token_set.all().delete()
    kode = [StaticToken.random_token() for _i in range(JUMLAH_KODE_CADANGAN)]
    StaticToken.objects.bulk_create(StaticToken(device=cadangan, token=k) for k in kode)
    return kode


def catat_gagal(request, pengguna) -> None:
    """A wrong code counts like a wrong password (django-axes listens to this signal); when
    the limit is reached axes flags the request and its middleware shows the lockout page."""
    user_login_failed.send(
        sender=__name__, credentials={"username": pengguna.get_username()}, request=request
    )


def _terkunci(request, pengguna) -> bool:
    if not getattr(settings, "AXES_ENABLED", False):
        return False
    from axes.handlers.proxy import AxesProxyHandler

    return not AxesProxyHandler.is_allowed(request, {"username": pengguna.get_username()})


def qr_svg(url: str) -> str:
    """The otpauth:// URL as an inline SVG (no inline style: fine under the CSP)."""
    return segno.make(url, error="m").svg_inline(
        scale=4, dark="#000", light="#fff", svgclass="qr", title=_("QR code for the app")
    )


def rahasia_base32(perangkat_totp: TOTPDevice) -> str:
    """The secret as authenticator apps want it typed: base32, in groups of four."""
    teks = base64.b32encode(perangkat_totp.bin_key).decode().rstrip("=")
    return " ".join(teks[i : i + 4] for i in range(0, len(teks), 4))


# -- the login's second step -------------------------------------------------------------


def tunda_masuk(request, pengguna, lanjut: str) -> None:
    """The password was right: remember who, for a few minutes, until the code is given."""
    request.session[SESI_PENGGUNA] = pengguna.pk
    request.session[SESI_BACKEND] = getattr(pengguna, "backend", "")
    request.session[SESI_WAKTU] = int(time.time())
    request.session[SESI_LANJUT] = lanjut


def _lupakan(request) -> None:
    for kunci in (SESI_PENGGUNA, SESI_BACKEND, SESI_WAKTU, SESI_LANJUT):
        request.session.pop(kunci, None)


def _pengguna_tertunda(request):
    pk = request.session.get(SESI_PENGGUNA)
    waktu = request.session.get(SESI_WAKTU, 0)
    if pk is None or time.time() - waktu > BATAS_DETIK:
        return None
    return get_user_model().objects.filter(pk=pk, is_active=True).first()


class KodeForm(forms.Form):
    kode = forms.CharField(
        label=gettext_lazy("Verification code"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class MasukKodeView(View):
    """GET/POST /kantor/masuk/kode/: the code after the password."""

    template_name = "kantor/dua_faktor_masuk.html"

    def _kembali(self, request):
        _lupakan(request)
        messages.info(request, _("Please log in again."))
        return redirect("kantor:masuk")

    def get(self, request):
        if _pengguna_tertunda(request) is None:
            return self._kembali(request)
        return render(request, self.template_name, {"form": KodeForm()})

    def post(self, request):
        pengguna = _pengguna_tertunda(request)
        if pengguna is None:
            return self._kembali(request)
        if _terkunci(request, pengguna):
            from axes.helpers import get_lockout_response

            _lupakan(request)
            return get_lockout_response(request, None, {"username": pengguna.get_username()})
        form = KodeForm(request.POST)
        d = cocokkan(pengguna, form.cleaned_data["kode"]) if form.is_valid() else None
        if d is None:
            catat_gagal(request, pengguna)
            if form.is_valid():
                form.add_error("kode", _("The code is wrong or has expired. Try the next code."))
            return render(request, self.template_name, {"form": form}, status=400)
        lanjut = request.session.get(SESI_LANJUT) or reverse("kantor:tugas")
        backend = request.session.get(SESI_BACKEND) or settings.AUTHENTICATION_BACKENDS[-1]
        _lupakan(request)
        auth_login(request, pengguna, backend=backend)
        otp_login(request, d)
        if isinstance(d, StaticDevice):
            sisa = d.token_set.count()
            messages.warning(
                request,
                _("You used a backup code; %(sisa)d left. Make new ones on the two-factor page.")
                % {"sisa": sisa},
            )
        if not url_has_allowed_host_and_scheme(
            lanjut, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            lanjut = reverse("kantor:tugas")
        return redirect(lanjut)


# -- the set-up page ---------------------------------------------------------------------


class NonaktifForm(KodeForm):
    password = forms.CharField(
        label=gettext_lazy("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class DuaFaktorView(StafMixin, View):
    """GET/POST /kantor/dua-faktor/: set up, new backup codes, turn off."""

    template_name = "kantor/dua_faktor.html"

    @staticmethod
    def boleh_akses(pengguna) -> bool:
        """Every staff member manages their own second factor (the menu asks this too)."""
        return sel.adalah_staf(pengguna)

    def _baru(self, pengguna) -> TOTPDevice:
        """The unconfirmed app of a set-up in progress (kept across reloads of the page)."""
        d = TOTPDevice.objects.filter(user=pengguna, confirmed=False).order_by("-pk").first()
        return d or TOTPDevice.objects.create(user=pengguna, name=NAMA_APLIKASI, confirmed=False)

    def _halaman(self, request, *, status=200, **konteks):
        pengguna = request.user
        aktif = perangkat(pengguna)
        if aktif is None:
            baru = self._baru(pengguna)
            konteks.setdefault("form_aktifkan", KodeForm())
            konteks.update(qr=mark_safe(qr_svg(baru.config_url)), rahasia=rahasia_base32(baru))
        else:
            cadangan = StaticDevice.objects.filter(user=pengguna, confirmed=True).first()
            konteks.setdefault("form_cadangan", KodeForm(prefix="cadangan"))
            konteks.setdefault("form_nonaktif", NonaktifForm(prefix="nonaktif"))
            konteks.update(sisa_cadangan=cadangan.token_set.count() if cadangan else 0)
        konteks.update(aktif=aktif is not None, wajib=settings.DUA_FAKTOR_WAJIB)
        return render(request, self.template_name, konteks, status=status)

    def get(self, request):
        return self._halaman(request)

    def post(self, request):
        aksi = request.POST.get("aksi")
        if aksi == "aktifkan":
            return self._aktifkan(request)
        if aksi == "cadangan":
            return self._cadangan(request)
        if aksi == "nonaktifkan":
            return self._nonaktifkan(request)
        return redirect("kantor:dua_faktor")

    def _aktifkan(self, request):
        pengguna = request.user
        form = KodeForm(request.POST)
        if perangkat(pengguna) is not None:
            return redirect("kantor:dua_faktor")
        with transaction.atomic():
            baru = (
                TOTPDevice.objects.select_for_update()
                .filter(user=pengguna, confirmed=False)
                .order_by("-pk")
                .first()
            )
            benar = (
                form.is_valid()
                and baru is not None
                and baru.verify_token(_bersihkan(form.cleaned_data["kode"]))
            )
            if benar:
                baru.confirmed = True
                baru.save(update_fields=["confirmed"])
                TOTPDevice.objects.filter(user=pengguna, confirmed=False).delete()
                kode = kode_cadangan_baru(pengguna)
        if not benar:
            if form.is_valid():
                form.add_error("kode", _("The code is wrong or has expired. Try the next code."))
            return self._halaman(request, form_aktifkan=form, status=400)
        otp_login(request, baru)  # this session has just proven the factor
        messages.success(request, _("Two-factor authentication is on."))
        return self._halaman(request, kode_cadangan=kode)

    def _cadangan(self, request):
        form = KodeForm(request.POST, prefix="cadangan")
        if not (form.is_valid() and cocokkan(request.user, form.cleaned_data["kode"])):
            if form.is_valid():
                form.add_error("kode", _("The code is wrong or has expired. Try the next code."))
            return self._halaman(request, form_cadangan=form, status=400)
        kode = kode_cadangan_baru(request.user)
        messages.success(request, _("New backup codes were made; the old ones no longer work."))
        return self._halaman(request, kode_cadangan=kode)

    def _nonaktifkan(self, request):
        pengguna = request.user
        form = NonaktifForm(request.POST, prefix="nonaktif")
        if form.is_valid():
            if not pengguna.check_password(form.cleaned_data["password"]):
                form.add_error("password", _("The password is wrong."))
            elif not cocokkan(pengguna, form.cleaned_data["kode"]):
                form.add_error("kode", _("The code is wrong or has expired. Try the next code."))
        if not form.is_valid():
            return self._halaman(request, form_nonaktif=form, status=400)
        with transaction.atomic():
            TOTPDevice.objects.filter(user=pengguna).delete()
            StaticDevice.objects.filter(user=pengguna).delete()
        messages.success(request, _("Two-factor authentication is off."))
        return redirect("kantor:dua_faktor")


# -- the rule on every request -----------------------------------------------------------

AWALAN_DIJAGA = ("/kantor/", "/admin/", "/api/")


def _bebas(path: str) -> bool:
    """The login steps and the logout stay reachable."""
    return path in _jalur_bebas()


@functools.cache
def _jalur_bebas() -> frozenset[str]:
    return frozenset(reverse(n) for n in ("kantor:masuk", "kantor:masuk_kode", "kantor:keluar"))


class DuaFaktorMiddleware:
    """After django_otp's OTPMiddleware (request.user.is_verified())."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self._periksa(request) or self.get_response(request)

    def _periksa(self, request):
        path = request.path_info
        if not path.startswith(AWALAN_DIJAGA) or _bebas(path):
            return None
        pengguna = request.user
        if not pengguna.is_authenticated or pengguna.is_verified():
            return None
        if punya_dua_faktor(pengguna):
            logout(request)
            if path.startswith("/api/"):
                pesan = _("This account uses two-factor authentication: log in again.")
                return JsonResponse({"detail": pesan}, status=401)
            messages.info(request, _("Log in with your password and your verification code."))
            return redirect(f"{reverse('kantor:masuk')}?{urlencode({'next': path})}")
        wajib = settings.DUA_FAKTOR_WAJIB and path.startswith("/kantor/")
        if wajib and path != reverse("kantor:dua_faktor") and sel.adalah_staf(pengguna):
            messages.info(request, _("Set up two-factor authentication to continue."))
            return redirect("kantor:dua_faktor")
        return None


def lindungi_admin(site) -> None:
    """Django's admin: log in through the back office (with its second step), and a staff
    member with a second factor must have passed it (belt and braces with the middleware)."""
    asli = site.has_permission

    def has_permission(request):
        pengguna = request.user
        lolos = getattr(pengguna, "is_verified", lambda: False)()
        return asli(request) and (lolos or not punya_dua_faktor(pengguna))

    def login(request, extra_context=None):
        lanjut = request.GET.get("next") or reverse("admin:index")
        return redirect(f"{reverse('kantor:masuk')}?{urlencode({'next': lanjut})}")

    site.has_permission = has_permission
    site.login = login
