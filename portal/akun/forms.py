"""Forms of the portal accounts. Every refusal says what to do, in the user's language."""

import re

from django import forms
from django.contrib.auth import authenticate, get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from sengketa.models import JenisPemohon

from ..models import ProfilPihak
from .layanan import akun_belum_terverifikasi, email_terpakai, normalkan_email

User = get_user_model()

# Indonesian mobile numbers: 08xx / 628xx / +628xx, 9 to 12 digits after the country code
# (e.g. 0812-3456-7890 is +6281234567890). Spaces, dots, dashes and brackets are ignored.
_BUKAN_ANGKA = re.compile(r"[\s.\-()]")
_SELULER = re.compile(r"^8\d{8,11}$")

PESAN_EMAIL_TERDAFTAR = _(
    "This e-mail address is already registered. Log in, reset your password if you forgot it,"
    " or ask for a new verification link if you never received it."
)
PESAN_BELUM_TERVERIFIKASI = _(
    "This account is not active yet: open the link we sent to your e-mail address to confirm it."
)


def normalkan_whatsapp(nilai: str) -> str:
    """'0812-3456 7890' -> '+6281234567890'; ValidationError when it is no Indonesian mobile."""
    angka = _BUKAN_ANGKA.sub("", nilai or "")
    if not angka:
        return ""
    for awalan in ("+62", "62", "0"):
        if angka.startswith(awalan):
            angka = angka[len(awalan) :]
            break
    if not _SELULER.match(angka):
        raise ValidationError(
            _("Enter an Indonesian mobile number, e.g. 0812 3456 7890 or +62 812 3456 7890."),
            code="whatsapp",
        )
    return f"+62{angka}"


class IdentitasMixin:
    """Checks shared by registration and the profile."""

    def clean_nomor_identitas(self):
        nomor = self.cleaned_data.get("nomor_identitas", "").strip()
        jenis = self.data.get(self.add_prefix("jenis"))
        if jenis == JenisPemohon.PERORANGAN and not re.fullmatch(r"\d{16}", nomor):
            raise ValidationError(
                _("For an individual, enter the 16-digit NIK of the identity card (KTP)."),
                code="nik",
            )
        return nomor


BANTUAN_IDENTITAS = _(
    "Individual: the 16-digit NIK of your KTP. Legal entity: the number of its deed or of the"
    " ministry's decree. Group of persons: the NIK of the person who represents the group."
)
BANTUAN_JENIS = _(
    "Officers of a public body (PPID) register as individuals; the registry then links the"
    " account to their public body."
)


class DaftarForm(IdentitasMixin, forms.ModelForm):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=150,
        help_text=_("You log in with this address; we send a link to it to confirm it is yours."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_(
            "At least 8 characters, not only digits, not a common password and not like your"
            " name or e-mail address."
        ),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    class Meta:
        model = ProfilPihak
        fields = ["jenis", "nama", "nomor_identitas", "alamat", "telepon"]
        widgets = {
            "jenis": forms.RadioSelect,
            "alamat": forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
            "nama": forms.TextInput(attrs={"autocomplete": "name"}),
            "telepon": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        }
        help_texts = {"nomor_identitas": BANTUAN_IDENTITAS, "jenis": BANTUAN_JENIS}

    field_order = ["email", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for nama in ("nomor_identitas", "alamat"):
            self.fields[nama].required = True
        self.fields["jenis"].choices = [c for c in self.fields["jenis"].choices if c[0]]

    def clean_email(self):
        email = normalkan_email(self.cleaned_data["email"])
        if email_terpakai(email):
            raise ValidationError(PESAN_EMAIL_TERDAFTAR, code="email_terdaftar")
        return email

    def clean(self):
        data = super().clean()
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords differ."))
        elif p1:
            # Checked against an unsaved user, so "not like your name or e-mail" works.
            calon = User(
                username=data.get("email", ""),
                email=data.get("email", ""),
                first_name=data.get("nama", "")[:150],
            )
            try:
                password_validation.validate_password(p1, calon)
            except ValidationError as galat:
                self.add_error("password1", galat)
        return data

    def data_profil(self) -> dict:
        return {f: self.cleaned_data[f] for f in self.Meta.fields}


class MasukForm(AuthenticationForm):
    """Log in with the e-mail address. An account whose address is not verified yet is told
    so (with a way to get a new link), but only to someone who knows its password."""

    username = forms.EmailField(
        label=_("E-mail address"),
        max_length=150,
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "The e-mail address or the password is wrong. Check them and try again."
        ),
    }

    def clean_username(self):
        return normalkan_email(self.cleaned_data["username"])

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username and password:
            username = _nama_pengguna_dari_email(username)
            self.user_cache = authenticate(self.request, username=username, password=password)
            if self.user_cache is None:
                raise self._galat_gagal(username, password)
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data

    def _galat_gagal(self, username: str, password: str) -> ValidationError:
        if getattr(self.request, "axes_locked_out", False):
            return self.get_invalid_login_error()
        calon = akun_belum_terverifikasi(username)
        if calon is not None and calon.check_password(password):
            tautan = reverse("portal:akun_kirim_ulang")
            return ValidationError(
                format_html(
                    '{} <a href="{}">{}</a>',
                    PESAN_BELUM_TERVERIFIKASI,
                    tautan,
                    _("Send me a new link."),
                ),
                code="belum_terverifikasi",
            )
        return self.get_invalid_login_error()


class KirimUlangForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=150,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_email(self):
        return normalkan_email(self.cleaned_data["email"])


class ProfilForm(IdentitasMixin, forms.ModelForm):
    class Meta:
        model = ProfilPihak
        fields = [
            "jenis",
            "nama",
            "nomor_identitas",
            "alamat",
            "telepon",
            "whatsapp",
            "notifikasi_email",
            "notifikasi_whatsapp",
        ]
        widgets = {
            "jenis": forms.RadioSelect,
            "alamat": forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
            "telepon": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "whatsapp": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        }
        help_texts = {
            "nomor_identitas": BANTUAN_IDENTITAS,
            "whatsapp": _("An Indonesian mobile number, e.g. 0812 3456 7890."),
            "notifikasi_email": _(
                "Summonses, hearing reminders and news of the rulings of your cases."
            ),
            "notifikasi_whatsapp": _(
                "WhatsApp messages are not sent yet: your choice is recorded for when the"
                " channel opens."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for nama in ("nama", "nomor_identitas", "alamat"):
            self.fields[nama].required = True
        self.fields["jenis"].choices = [c for c in self.fields["jenis"].choices if c[0]]

    def clean_whatsapp(self):
        return normalkan_whatsapp(self.cleaned_data.get("whatsapp", ""))

    def clean(self):
        data = super().clean()
        if (
            data.get("notifikasi_whatsapp")
            and not data.get("whatsapp")
            and "whatsapp" not in self.errors
        ):
            self.add_error("whatsapp", _("Enter a WhatsApp number to be notified on WhatsApp."))
        return data


def _nama_pengguna_dari_email(email: str) -> str:
    """Portal accounts use their e-mail as username; an account made by the registry or the
    demo data may have another username but the same e-mail: the party still logs in with its
    e-mail. Only an unambiguous match is used."""
    cocok = list(
        get_user_model().objects.filter(email__iexact=email).values_list("username", flat=True)[:2]
    )
    return cocok[0] if len(cocok) == 1 else email
