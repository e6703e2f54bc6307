"""Portal accounts: self-registration, e-mail verification and the profile (issue 6).

The e-mail address is the login (`username` = the address in lower case). An account stays
inactive until its owner opens the signed link sent to that address; the link names the
account and the address, so it dies when either changes, and it expires
(`PORTAL_VERIFIKASI_JAM`)."""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from sengketa.peran import Peran

from ..models import ProfilPihak

log = logging.getLogger(__name__)
User = get_user_model()

GARAM_VERIFIKASI = "portal.akun.verifikasi"


class EmailSudahTerdaftar(Exception):
    """Another account already uses this address (compared without case)."""


def normalkan_email(email: str) -> str:
    return (email or "").strip().lower()


def email_terpakai(email: str) -> bool:
    """Taken as a login or as the address of any account, staff included: a reset link must
    never be able to reach two accounts."""
    email = normalkan_email(email)
    return User.objects.filter(Q(username__iexact=email) | Q(email__iexact=email)).exists()


@transaction.atomic
def akun_daftar(*, email: str, password: str, profil: dict) -> User:
    """An inactive party account with its profile, in the role group `pihak`."""
    email = normalkan_email(email)
    if email_terpakai(email):
        raise EmailSudahTerdaftar(email)
    nama = profil["nama"]
    try:
        with transaction.atomic():
            pengguna = User.objects.create_user(
                username=email,
                email=email,
                password=password,
                first_name=nama[:150],
                is_active=False,  # until the owner opens the link sent to the address
            )
    except IntegrityError as galat:  # two registrations of one address at the same moment
        raise EmailSudahTerdaftar(email) from galat
    pengguna.groups.add(Group.objects.get_or_create(name=Peran.PIHAK)[0])
    ProfilPihak.objects.create(pengguna=pengguna, **profil)
    return pengguna


def token_verifikasi(pengguna) -> str:
    return signing.dumps({"u": pengguna.pk, "e": pengguna.email}, salt=GARAM_VERIFIKASI)


def kirim_verifikasi(request, pengguna) -> bool:
    """Send the link; False (and logged) when the mail server refused it."""
    tautan = request.build_absolute_uri(
        reverse("portal:akun_verifikasi", args=[token_verifikasi(pengguna)])
    )
    konteks = {"pengguna": pengguna, "tautan": tautan, "jam": settings.PORTAL_VERIFIKASI_JAM}
    subjek = render_to_string("portal/akun/email_verifikasi_subjek.txt", konteks).strip()
    isi = render_to_string("portal/akun/email_verifikasi.txt", konteks)
    try:
        send_mail(subjek, isi, settings.DEFAULT_FROM_EMAIL, [pengguna.email])
    except Exception:  # SMTP down: the account exists, the owner can ask for a new link
        log.exception("Tautan verifikasi gagal dikirim ke akun %s", pengguna.pk)
        return False
    return True


def akun_belum_terverifikasi(email: str):
    """The inactive, never verified account of this address, or None."""
    return (
        User.objects.filter(
            username=normalkan_email(email),
            is_active=False,
            profil_pihak__email_terverifikasi_pada__isnull=True,
        )
        .select_related("profil_pihak")
        .first()
    )


@dataclass(frozen=True)
class HasilVerifikasi:
    kode: str  # "berhasil", "sudah", "kedaluwarsa", "tidak_sah"
    pengguna: object = None


@transaction.atomic
def akun_verifikasi(token: str) -> HasilVerifikasi:
    batas = settings.PORTAL_VERIFIKASI_JAM * 3600
    try:
        data = signing.loads(token, salt=GARAM_VERIFIKASI, max_age=batas)
    except signing.SignatureExpired:
        return HasilVerifikasi("kedaluwarsa")
    except signing.BadSignature:
        return HasilVerifikasi("tidak_sah")
    pengguna = (
        User.objects.select_for_update().filter(pk=data.get("u"), email=data.get("e")).first()
    )
    profil = ProfilPihak.objects.filter(pengguna=pengguna).first() if pengguna else None
    if profil is None:
        return HasilVerifikasi("tidak_sah")
    if profil.email_terverifikasi_pada:
        return HasilVerifikasi("sudah", pengguna)
    profil.email_terverifikasi_pada = timezone.now()
    profil.save(update_fields=["email_terverifikasi_pada"])
    pengguna.is_active = True
    pengguna.save(update_fields=["is_active"])
    return HasilVerifikasi("berhasil", pengguna)


@transaction.atomic
def profil_simpan(pengguna, form) -> ProfilPihak:
    """The profile form saved; the account's display name follows the profile's name."""
    profil = form.save(commit=False)
    profil.pengguna = pengguna
    profil.save()
    if pengguna.first_name != profil.nama[:150]:
        pengguna.first_name = profil.nama[:150]
        pengguna.save(update_fields=["first_name"])
    return profil
