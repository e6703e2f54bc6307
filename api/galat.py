"""HTTP shape of every error of the API (design/api-v1.md, "Authentication and errors").

The services raise the typed errors of `sengketa.galat`; this module only translates them:
400 `{"detail", "errors": {field: [messages]}}`, 401, 403, 404, 409 `{"detail", "status",
"transisi"}` (plus `alasan` for unmet preconditions), 429 `{"detail"}` with `Retry-After`
(too many requests, or a login locked out by django-axes). Bad input never becomes a 500.
"""

import functools
import math
from collections.abc import Mapping

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_lockout_response
from django.core.exceptions import ObjectDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Max, QuerySet, Window
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, serializers, status
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import JSONParser
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView, exception_handler

from sengketa.galat import (
    KesalahanProsedur,
    KonflikBersamaan,
    ParameterTidakValid,
    PrasyaratTidakTerpenuhi,
    TidakBerwenang,
    TransisiTidakDiizinkan,
)
from sengketa.models import Sengketa

from .batas import pesan_tunggu

MEDAN_UMUM = api_settings.NON_FIELD_ERRORS_KEY


def ratakan(detail, awalan: str = "") -> dict[str, list[str]]:
    """DRF's nested error detail as {"pemohon.nama": ["..."], "anggota.1": ["..."]}."""
    hasil: dict[str, list[str]] = {}
    if isinstance(detail, Mapping):
        for kunci, isi in detail.items():
            nama = str(kunci) if not awalan else f"{awalan}.{kunci}"
            if kunci == MEDAN_UMUM and awalan:
                nama = awalan
            for k, v in ratakan(isi, nama).items():
                hasil.setdefault(k, []).extend(v)
    elif isinstance(detail, list | tuple):
        if all(not isinstance(x, Mapping | list | tuple) for x in detail):
            hasil[awalan or MEDAN_UMUM] = [str(x) for x in detail]
        else:
            for i, isi in enumerate(detail):
                if isi:
                    for k, v in ratakan(isi, f"{awalan}.{i}" if awalan else str(i)).items():
                        hasil.setdefault(k, []).extend(v)
    else:
        hasil[awalan or MEDAN_UMUM] = [str(detail)]
    return hasil


def _respons_400(galat: dict[str, list]) -> Response:
    errors = {medan: [str(p) for p in pesan] for medan, pesan in galat.items()}
    # The summary is built from the (already translated) field messages: no new wording.
    detail = "; ".join(f"{medan}: {' '.join(pesan)}" for medan, pesan in errors.items())
    return Response({"detail": detail, "errors": errors}, status=status.HTTP_400_BAD_REQUEST)


def _status_terkini(view) -> str:
    sengketa_id = getattr(view, "sengketa_id_galat", None)
    if sengketa_id is None:
        return ""
    return Sengketa.objects.filter(pk=sengketa_id).values_list("status", flat=True).first() or ""


def _respons_409(exc: KesalahanProsedur, view) -> Response:
    body = {
        "detail": str(exc),
        "status": getattr(exc, "status", "") or _status_terkini(view),
        "transisi": getattr(exc, "transisi", "") or getattr(view, "nama_transisi", ""),
    }
    if isinstance(exc, PrasyaratTidakTerpenuhi):
        body["alasan"] = [{"kode": kode, "pesan": str(pesan)} for kode, pesan in exc.alasan]
    return Response(body, status=status.HTTP_409_CONFLICT)


def respons_429(tunggu: float | None) -> Response:
    """Too many requests: when to come back, in words and in `Retry-After` (seconds)."""
    detik = max(1, math.ceil(tunggu or 0))
    respons = Response({"detail": pesan_tunggu(detik)}, status=status.HTTP_429_TOO_MANY_REQUESTS)
    respons["Retry-After"] = str(detik)
    return respons


def detik_terkunci(request) -> int | None:
    """Seconds until django-axes lets this username + address try again: its newest counted
    failure plus AXES_COOLOFF_TIME (the latest the lock can last), or the whole cool-off when
    the failures are not in the database. None: the lock does not expire by itself."""
    jeda = get_cool_off(request)
    if not jeda:
        return None
    percobaan = AxesDatabaseHandler().filter_user_attempts(
        request, getattr(request, "axes_credentials", None)
    )
    waktu = [qs.aggregate(t=Max("attempt_time"))["t"] for qs in percobaan]
    terakhir = max(filter(None, waktu), default=None)
    sisa = (terakhir + jeda - timezone.now()) if terakhir else jeda
    return max(1, math.ceil(sisa.total_seconds()))


def respons_terkunci(request):
    """A login refused because django-axes locked this username + address out (the token
    view): 429, not a 400 "wrong password", so that a client waits instead of retrying. The
    words are the one lockout answer (AXES_LOCKOUT_CALLABLE, `{"detail"}` under /api/)."""
    respons = get_lockout_response(request, None, getattr(request, "axes_credentials", None))
    detik = detik_terkunci(request)
    if detik is not None:
        respons["Retry-After"] = str(detik)
    return respons


def _jenis(view) -> str:
    """The media types this view reads ("application/json")."""
    return ", ".join(p.media_type for p in getattr(view, "parser_classes", [JSONParser]))


def tangani_galat(exc, context):
    view = context.get("view")
    if isinstance(exc, exceptions.Throttled):
        return respons_429(exc.wait)
    if isinstance(exc, exceptions.ValidationError) and getattr(
        context.get("request"), "axes_locked_out", False
    ):
        # django-axes flags the request whose login it refused or has just locked out.
        return respons_terkunci(context["request"])
    if isinstance(exc, exceptions.AuthenticationFailed):
        # DRF's token messages are not in Indonesian; one message covers them all.
        exc.detail = exceptions.ErrorDetail(
            str(_("The token is not valid, or its user is no longer active.")),
            code=getattr(exc.detail, "code", "authentication_failed"),
        )
    if isinstance(exc, exceptions.MethodNotAllowed):
        pesan = _("Method %(method)s is not allowed here.") % {"method": context["request"].method}
        return Response({"detail": pesan}, status=status.HTTP_405_METHOD_NOT_ALLOWED)
    if isinstance(exc, ParameterTidakValid):
        return _respons_400(exc.galat)
    if isinstance(exc, TidakBerwenang):
        return Response({"detail": str(exc)}, status=status.HTTP_403_FORBIDDEN)
    if isinstance(exc, TransisiTidakDiizinkan | PrasyaratTidakTerpenuhi | KonflikBersamaan):
        return _respons_409(exc, view)
    if isinstance(exc, KesalahanProsedur):
        return _respons_400({MEDAN_UMUM: [exc.pesan]})
    if isinstance(exc, DjangoValidationError):
        galat = exc.message_dict if hasattr(exc, "error_dict") else {MEDAN_UMUM: exc.messages}
        return _respons_400(galat)
    if isinstance(exc, exceptions.ValidationError):
        return _respons_400(ratakan(exc.detail))
    if isinstance(exc, exceptions.UnsupportedMediaType):
        # Bad input like any other (the contract's 400), saying what to send instead.
        pesan = _("Send the request body as %(media_type)s.") % {"media_type": _jenis(view)}
        return _respons_400({MEDAN_UMUM: [pesan]})
    if isinstance(exc, exceptions.ParseError):
        # DRF's detail is the parser's English (and Python's) wording.
        pesan = _("The request body cannot be read: it is not valid %(media_type)s.") % {
            "media_type": _jenis(view)
        }
        return _respons_400({MEDAN_UMUM: [pesan]})
    if isinstance(exc, ObjectDoesNotExist):
        exc = Http404()
    return exception_handler(exc, context)


# -- the shapes above, for the OpenAPI schema ------------------------------------------


class GalatSerializer(serializers.Serializer):
    """401, 403, 404, 429."""

    detail = serializers.CharField()


class Galat400Serializer(GalatSerializer):
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text='{"field": ["message"]}; nested fields as "pemohon.nama", "anggota.1"',
    )


class AlasanGalatSerializer(serializers.Serializer):
    kode = serializers.CharField()
    pesan = serializers.CharField()


class Galat409Serializer(GalatSerializer):
    status = serializers.CharField(help_text="the case's current state code")
    transisi = serializers.CharField(help_text="what was asked")
    alasan = AlasanGalatSerializer(
        many=True, required=False, help_text="the preconditions not met, when that is the cause"
    )


class JsonAman(JSONRenderer):
    """JSON out, even when a lone UTF-16 surrogate sent by a client comes back in an error
    (an unknown field's name): then the text is escaped (\\udXXX) instead of failing to
    encode, which would be a 500."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        try:
            return super().render(data, accepted_media_type, renderer_context)
        except UnicodeEncodeError:
            self.ensure_ascii = True
            return super().render(data, accepted_media_type, renderer_context)


class _CariSekali(Paginator):
    """Reads a search's page and its count in one query (`COUNT(*) OVER ()` beside the page):
    the matches of a search are found once instead of twice. At 1,000,000 cases the search
    for a common name (27,000 matches) spent the same second or two in the count and again
    in the page, each joining the matches to the cases the user may see. Same rows, same
    order and the same exact count as the plain paginator. A page beyond the last (no row),
    a DISTINCT query (the window counts before DISTINCT), a UNION (it takes no annotation)
    and orphans (the last page would change) take the plain path."""

    def page(self, number):
        try:
            nomor = int(number)
        except (TypeError, ValueError):
            nomor = 0
        qs = self.object_list
        biasa = qs.query.distinct or qs.query.combinator or self.orphans
        if nomor < 1 or "count" in self.__dict__ or biasa:
            return super().page(number)
        awal = (nomor - 1) * self.per_page
        baris = list(qs.annotate(jumlah_semua=Window(Count("*")))[awal : awal + self.per_page])
        if not baris:
            return super().page(number)
        self.__dict__["count"] = baris[0].jumlah_semua  # Paginator.count is a cached_property
        return self._get_page(baris, nomor, self)


class _JumlahDiketahui(Paginator):
    """A paginator told its count by the view (sengketa.selectors.jumlah_terlihat: the
    per-commission counters), which it would otherwise count row by row."""

    def __init__(self, object_list, per_page, *, jumlah: int, **opsi):
        super().__init__(object_list, per_page, **opsi)
        self.__dict__["count"] = jumlah  # Paginator.count is a cached_property


class Halaman(PageNumberPagination):
    invalid_page_message = _("This page does not exist.")
    # The number of rows, when the view knows it without counting them.
    jumlah: int | None = None

    def paginate_queryset(self, queryset, request, view=None):
        if self.jumlah is not None:
            self.django_paginator_class = functools.partial(_JumlahDiketahui, jumlah=self.jumlah)
        # Only a search (`q`) counts with its page: a plain list reads its page from the
        # ordering index and stops there, which a count over every row would undo.
        elif request.query_params.get("q") and isinstance(queryset, QuerySet):
            self.django_paginator_class = _CariSekali
        return super().paginate_queryset(queryset, request, view)


class GalatApi:
    """Mixin for every API view: token first (so that a missing login is a 401 with
    `WWW-Authenticate: Token`), session second, JSON bodies only (the contract's; a form
    cannot carry the nested bodies, and another media type is a 400 saying so), and the
    error mapping above."""

    authentication_classes = [TokenAuthentication, SessionAuthentication]
    parser_classes = [JSONParser]
    renderer_classes = [JsonAman, BrowsableAPIRenderer]

    def get_exception_handler(self):
        return tangani_galat


class ApiView(GalatApi, APIView):
    pass
