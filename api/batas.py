"""Rate limits (DRF throttles) of the API's unauthenticated doors: the token endpoint and the
public verification of documents, by code and by uploaded file.

The rates are `REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]` in config/settings.py, one scope
each. DRF reads them once, at import; `BatasLaju` reads them when a request comes, so that a
deployment (or a test) that changes the setting is obeyed. Counters live in the default
cache, per user when logged in, else per client address.
"""

import math
from functools import wraps
from types import SimpleNamespace

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.utils.translation import ngettext
from rest_framework.settings import api_settings
from rest_framework.throttling import ScopedRateThrottle

LINGKUP_TOKEN = "token"
LINGKUP_VERIFIKASI = "verifikasi"
LINGKUP_VERIFIKASI_BERKAS = "verifikasi_berkas"


class BatasLaju(ScopedRateThrottle):
    def get_rate(self):
        try:
            return api_settings.DEFAULT_THROTTLE_RATES[self.scope]
        except KeyError:
            raise ImproperlyConfigured(
                f"No rate in REST_FRAMEWORK['DEFAULT_THROTTLE_RATES'] for scope {self.scope!r}"
            ) from None


def tunggu_batas(request, lingkup: str) -> float | None:
    """The same limit for a plain Django view (the public verification pages share their
    counters with the API's): None when the request may go on, else the seconds to wait.
    Counts the request."""
    pembatas = BatasLaju()
    if pembatas.allow_request(request, SimpleNamespace(throttle_scope=lingkup)):
        return None
    return pembatas.wait() or 1


def batasi_halaman(lingkup: str, metode: tuple[str, ...] = ("GET", "POST")):
    """Decorator for a page view: over the limit, a 429 in words with `Retry-After`."""

    def dekorator(view):
        @wraps(view)
        def dibatasi(request, *args, **kwargs):
            tunggu = tunggu_batas(request, lingkup) if request.method in metode else None
            if tunggu is None:
                return view(request, *args, **kwargs)
            detik = max(1, math.ceil(tunggu))
            respons = HttpResponse(
                pesan_tunggu(detik), status=429, content_type="text/plain; charset=utf-8"
            )
            respons["Retry-After"] = str(detik)
            return respons

        return dibatasi

    return dekorator


def pesan_tunggu(detik: int) -> str:
    return ngettext(
        "Too many requests. Try again in %(seconds)d second.",
        "Too many requests. Try again in %(seconds)d seconds.",
        detik,
    ) % {"seconds": detik}
