"""HTTP shape of every error of the API (design/api-v1.md, "Authentication and errors").

The services raise the typed errors of `sengketa.galat`; this module only translates them:
400 `{"detail", "errors": {field: [messages]}}`, 401, 403, 404, 409 `{"detail", "status",
"transisi"}` (plus `alasan` for unmet preconditions). Bad input never becomes a 500.
"""

from collections.abc import Mapping

from django.core.exceptions import ObjectDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
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


def tangani_galat(exc, context):
    view = context.get("view")
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
    if isinstance(exc, exceptions.ParseError):
        return _respons_400({MEDAN_UMUM: [exc.detail]})
    if isinstance(exc, ObjectDoesNotExist):
        exc = Http404()
    return exception_handler(exc, context)


class GalatApi:
    """Mixin for every API view: token first (so that a missing login is a 401 with
    `WWW-Authenticate: Token`), session second, and the error mapping above."""

    authentication_classes = [TokenAuthentication, SessionAuthentication]

    def get_exception_handler(self):
        return tangani_galat


class ApiView(GalatApi, APIView):
    pass
