"""Portal account pages: register, verify the e-mail address, log in and out, reset the
password, and the profile with the notification preferences. Rules live in `layanan`."""

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.cache import cache
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView

from ..models import ProfilPihak
from . import layanan
from .forms import PESAN_EMAIL_TERDAFTAR, DaftarForm, KirimUlangForm, MasukForm, ProfilForm

# One new verification link per account per minute: resending is no way to flood a mailbox.
JEDA_KIRIM_ULANG = 60

LOGIN_PORTAL = reverse_lazy("portal:akun_masuk")


class PortalLoginMixin(LoginRequiredMixin):
    """Portal pages send a stranger to the portal's login, not to the back office's."""

    login_url = LOGIN_PORTAL


@method_decorator(sensitive_post_parameters("password1", "password2"), name="dispatch")
class DaftarView(FormView):
    template_name = "portal/akun/daftar.html"
    form_class = DaftarForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect("portal:perkara_saya")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            pengguna = layanan.akun_daftar(
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
                profil=form.data_profil(),
            )
        except layanan.EmailSudahTerdaftar:  # registered by a parallel request meanwhile
            form.add_error("email", PESAN_EMAIL_TERDAFTAR)
            return self.form_invalid(form)
        terkirim = layanan.kirim_verifikasi(self.request, pengguna)
        cache.set(_kunci_jeda(pengguna), 1, JEDA_KIRIM_ULANG)
        return render(
            self.request,
            "portal/akun/daftar_selesai.html",
            {"email": pengguna.email, "terkirim": terkirim, "jam": _jam()},
        )


def _jam() -> int:
    return settings.PORTAL_VERIFIKASI_JAM


def _kunci_jeda(pengguna) -> str:
    return f"portal:akun:kirim-ulang:{pengguna.pk}"


@never_cache
def verifikasi(request, token: str):
    hasil = layanan.akun_verifikasi(token)
    if hasil.kode in ("berhasil", "sudah"):
        if hasil.kode == "berhasil":
            pesan = _("Your e-mail address is confirmed and your account is active. Log in.")
        else:
            pesan = _("This account was already confirmed. Log in.")
        messages.success(request, pesan)
        return redirect("portal:akun_masuk")
    return render(
        request,
        "portal/akun/verifikasi_gagal.html",
        {"kedaluwarsa": hasil.kode == "kedaluwarsa", "jam": _jam(), "form": KirimUlangForm()},
        status=400,
    )


class KirimUlangView(FormView):
    """The same answer whether or not the address has an account: nothing to enumerate."""

    template_name = "portal/akun/kirim_ulang.html"
    form_class = KirimUlangForm

    def form_valid(self, form):
        pengguna = layanan.akun_belum_terverifikasi(form.cleaned_data["email"])
        if pengguna is not None and cache.add(_kunci_jeda(pengguna), 1, JEDA_KIRIM_ULANG):
            layanan.kirim_verifikasi(self.request, pengguna)
        messages.info(
            self.request,
            _(
                "If %(email)s belongs to an account that is not confirmed yet, a new link is on"
                " its way. Check the spam folder too."
            )
            % {"email": form.cleaned_data["email"]},
        )
        return redirect("portal:akun_masuk")


class MasukView(auth_views.LoginView):
    template_name = "portal/akun/masuk.html"
    form_class = MasukForm
    redirect_authenticated_user = True
    next_page = reverse_lazy("portal:perkara_saya")


class KeluarView(auth_views.LogoutView):
    next_page = reverse_lazy("portal:beranda")


class ResetView(auth_views.PasswordResetView):
    template_name = "portal/akun/reset.html"
    email_template_name = "portal/akun/email_reset.txt"
    subject_template_name = "portal/akun/email_reset_subjek.txt"
    success_url = reverse_lazy("portal:akun_reset_terkirim")


class ResetTerkirimView(auth_views.PasswordResetDoneView):
    template_name = "portal/akun/reset_terkirim.html"


class ResetKonfirmasiView(auth_views.PasswordResetConfirmView):
    template_name = "portal/akun/reset_konfirmasi.html"
    success_url = reverse_lazy("portal:akun_reset_selesai")

    def form_valid(self, form):
        respons = super().form_valid(form)
        # Whoever proved they own the mailbox is no longer locked out by earlier failures.
        axes_reset(username=self.user.get_username())
        return respons


class ResetSelesaiView(auth_views.PasswordResetCompleteView):
    template_name = "portal/akun/reset_selesai.html"


class GantiSandiView(PortalLoginMixin, auth_views.PasswordChangeView):
    template_name = "portal/akun/ganti_sandi.html"
    success_url = reverse_lazy("portal:akun_profil")

    def form_valid(self, form):
        messages.success(self.request, _("Your password has been changed."))
        return super().form_valid(form)


class ProfilView(PortalLoginMixin, View):
    template_name = "portal/akun/profil.html"

    def _profil(self, request) -> ProfilPihak:
        profil = ProfilPihak.objects.filter(pengguna=request.user).first()
        if profil is None:  # a staff account that never registered in the portal
            nama = request.user.get_full_name() or request.user.get_username()
            profil = ProfilPihak(pengguna=request.user, nama=nama)
        return profil

    def get(self, request):
        return self._tampil(request, ProfilForm(instance=self._profil(request)))

    def post(self, request):
        form = ProfilForm(request.POST, instance=self._profil(request))
        if not form.is_valid():
            return self._tampil(request, form, status=400)
        layanan.profil_simpan(request.user, form)
        messages.success(request, _("Your profile and notification choices are saved."))
        return redirect("portal:akun_profil")

    def _tampil(self, request, form, status=200):
        return render(request, self.template_name, {"form": form}, status=status)
