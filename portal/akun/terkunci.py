"""django-axes hooks (config/settings.py names them): how a login attempt is counted and what
someone locked out sees. One lockout rule for the portal, the back office and the API token."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def nama_pengguna(request, credentials=None) -> str:
    """The username axes counts failures for. Portal log-ins are e-mail addresses, case-blind,
    so "Budi@Contoh.id" and "budi@contoh.id" are one account and share one counter."""
    nama = (credentials or {}).get("username")
    if nama is None and request is not None:
        data = getattr(request, "data", None) or getattr(request, "POST", {})
        nama = data.get("username")
    return str(nama or "").strip().lower()


def menit_tunggu() -> int:
    jeda = settings.AXES_COOLOFF_TIME
    return int(jeda.total_seconds() // 60) if hasattr(jeda, "total_seconds") else int(jeda) * 60


def respons_terkunci(request, original_response=None, credentials=None):
    """429 with a page that says why and for how long; JSON in the API's error shape."""
    pesan = _(
        "Too many failed log-in attempts for this account from your connection. Logging in is"
        " locked for %(menit)d minutes; wait, or reset your password."
    ) % {"menit": menit_tunggu()}
    if request.path_info.startswith("/api/"):
        return JsonResponse({"detail": pesan}, status=429)
    kantor = request.path_info.startswith("/kantor/")
    konteks = {
        "pesan": pesan,
        "menit": menit_tunggu(),
        "dasar": "kantor/base.html" if kantor else "portal/base.html",
        "kantor": kantor,
    }
    return render(request, "portal/akun/terkunci.html", konteks, status=429)
