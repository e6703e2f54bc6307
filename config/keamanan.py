"""Security headers and fault handling shared by every page (issue 8), in one place.

- Content-Security-Policy (django-csp): `kebijakan_csp()` is the policy of config/settings.py.
  Our own pages need nothing inline (scripts and styles are static files); only the
  third-party pages under /admin/ and /api/ (Django's admin, DRF's browsable API, Swagger UI)
  carry inline style blocks and attributes, so there style-src also allows 'unsafe-inline'.
  Scripts are never inline anywhere.
- Cache-Control: a page for a signed-in person, a back-office or API page, and every download
  must never be kept by a browser's or a proxy's cache (a shared computer at a public body,
  the back button after logging out): `private, no-store`.
- A lost database connection (the server restarted, a failover, the network) is not a bug of
  the page: the person gets a 503 in Indonesian (HTML, or the API's JSON error shape) instead
  of a 500, the transaction was rolled back by PostgreSQL, and the broken connection is closed
  so that the next request reconnects.
"""

import logging
import sys

from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.conf import settings
from django.db import connections
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views import defaults

log = logging.getLogger(__name__)

# Paths whose every response is private: the back office, the admin, the API.
AWALAN_PRIBADI = ("/kantor/", "/admin/", "/api/")
# Third-party pages with inline style blocks/attributes we cannot move to a file.
AWALAN_GAYA_SEBARIS = ("/admin/", "/api/")
GALAT_BASIS_DATA = (OperationalError, InterfaceError)
COBA_LAGI_DETIK = 30


def kebijakan_csp(*, laporan: str = "") -> dict:
    """The Content-Security-Policy of the whole site (django-csp 4 settings dict)."""
    arahan = {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # data: for the small images inside third-party CSS (Swagger UI, the admin).
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
    if laporan:
        arahan["report-uri"] = [laporan]
    return {"DIRECTIVES": arahan}


def _harus_tanpa_simpan(request, response) -> bool:
    if response.has_header("Content-Disposition"):  # every download, public or not
        return True
    if request.path_info.startswith(AWALAN_PRIBADI):
        return True
    # Somebody signed in (or holding a session): the page may show their cases.
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return True
    # A response that sets a cookie (login, CSRF token) is for this browser only.
    return bool(response.cookies)


def tanpa_simpan(response) -> None:
    if "no-store" not in response.get("Cache-Control", ""):
        response["Cache-Control"] = "private, no-store"
    if response.has_header("Expires"):
        del response["Expires"]


def _tutup_koneksi_rusak() -> None:
    """Close the connections that failed, so the next request opens a fresh one (Django's own
    `close_old_connections` does the same at the end of a request; tests skip that signal)."""
    for koneksi in connections.all(initialized_only=True):
        if koneksi.in_atomic_block:
            continue
        try:
            koneksi.close_if_unusable_or_obsolete()
        except Exception:  # a dead connection may fail even to close: forget it
            koneksi.connection = None


def respons_gangguan(request) -> HttpResponse:
    """503 for a request that failed because the database could not be reached."""
    pesan = _(
        "The service is temporarily unavailable: the database cannot be reached. Nothing from "
        "this request was saved. Please try again in a few minutes."
    )
    if request.path_info.startswith("/api/"):
        respons = JsonResponse({"detail": pesan}, status=503)
    else:
        # No request context: the context processors would query the database again.
        # A GET can simply be repeated; a form is sent again from the previous page.
        ulangi = request.get_full_path() if request.method in ("GET", "HEAD") else ""
        html = render_to_string("503.html", {"pesan": pesan, "ulangi": ulangi})
        respons = HttpResponse(html, status=503)
    respons["Retry-After"] = str(COBA_LAGI_DETIK)
    tanpa_simpan(respons)
    return respons


class KeamananMiddleware:
    """After the authentication middleware, before the clickjacking and axes middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if _harus_tanpa_simpan(request, response):
            tanpa_simpan(response)
        if request.path_info.startswith(AWALAN_GAYA_SEBARIS):
            response._csp_update = {"style-src": [UNSAFE_INLINE]}
        if settings.DEBUG and response.status_code in (404, 500):
            # Django's technical error pages (DEBUG only) are all inline styles and scripts.
            response._csp_exempt = True
        return response

    def process_exception(self, request, exception):
        if not isinstance(exception, GALAT_BASIS_DATA):
            return None
        log.warning("basis data tidak dapat dihubungi (%s %s): %s", request.method,
                    request.path, exception)  # fmt: skip
        _tutup_koneksi_rusak()
        return respons_gangguan(request)


def galat_server(request, *args, **kwargs):
    """handler500: a database outage outside a view (e.g. while saving the session) is a 503
    too; anything else is Django's plain 500 page."""
    galat = sys.exc_info()[1]
    if isinstance(galat, GALAT_BASIS_DATA):
        _tutup_koneksi_rusak()
        return respons_gangguan(request)
    return defaults.server_error(request, *args, **kwargs)
