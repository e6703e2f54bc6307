"""Input fields of the API: types only (the services check the rules), with messages taken
from the project's Indonesian catalogue, and serializers that refuse unknown fields."""

from collections.abc import Mapping

from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

# DRF's own wording for these is English even in its Indonesian catalogue.
PESAN_TEKS = {
    "invalid": _("Enter text."),
    "surrogate": _("The text contains characters that are not valid Unicode."),
}
PESAN_TANGGAL = {"invalid": _("Enter a valid date (YYYY-MM-DD).")}
PESAN_BOOL = {"invalid": _("Enter true or false.")}
PESAN_BILANGAN = {
    "invalid": _("Enter a whole number."),
    "max_string_length": _("Enter a whole number."),
}
PESAN_DAFTAR = {
    "not_a_list": _("Enter a list."),
    "empty": _("Enter at least one item."),
    "min_length": _("Enter at least {min_length} items."),
    "max_length": _("Enter at most {max_length} items."),
}


class Ketat(serializers.Serializer):
    """A body with a field the contract does not know is refused, not silently ignored."""

    default_error_messages = {"invalid": _("Enter an object of named fields.")}

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            asing = sorted(str(k) for k in data if k not in self.fields)
            if asing:
                raise serializers.ValidationError({k: [_("Unknown field.")] for k in asing})
        return super().to_internal_value(data)


class Teks(serializers.CharField):
    """Text only: DRF would turn 5 or 5.0 into "5"; the contract wants a string."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        # Checked here, before DRF's validator with its English message.
        if any("\ud800" <= c <= "\udfff" for c in data):
            self.fail("surrogate")
        return super().to_internal_value(data)


def teks(*, max_length: int = 10_000, wajib: bool = True, **kw) -> serializers.CharField:
    if not wajib:
        kw.setdefault("required", False)
        kw.setdefault("allow_blank", True)
    return Teks(max_length=max_length, trim_whitespace=True, error_messages=PESAN_TEKS, **kw)


def tanggal(*, wajib: bool = True, **kw) -> serializers.DateField:
    if not wajib:
        kw.setdefault("required", False)
        kw.setdefault("allow_null", True)
    return serializers.DateField(input_formats=["iso-8601"], error_messages=PESAN_TANGGAL, **kw)


def benar(**kw) -> serializers.BooleanField:
    return serializers.BooleanField(error_messages=PESAN_BOOL, **kw)


def bilangan(*, minimum: int = -1_000_000, maksimum: int = 1_000_000, **kw):
    return serializers.IntegerField(
        min_value=minimum, max_value=maksimum, error_messages=PESAN_BILANGAN, **kw
    )


def id_baris(**kw) -> serializers.IntegerField:
    return bilangan(minimum=1, maksimum=2**62, **kw)


def daftar_teks(*, max_length: int = 2000, maks_butir: int = 100, **kw) -> serializers.ListField:
    return serializers.ListField(
        child=teks(max_length=max_length), max_length=maks_butir, error_messages=PESAN_DAFTAR, **kw
    )


@extend_schema_field({"type": "string", "format": "date-time"})
class WaktuBerzona(serializers.DateTimeField):
    """ISO 8601 with its offset ("2024-03-20T09:00:00+08:00"); a naive time is refused,
    since a hearing's time means nothing without its zone."""

    default_error_messages = {
        "naive": _("Enter a date and time with its time zone."),
        "make_aware": _("Enter a date and time with its time zone."),
        "overflow": _("The date and time is out of range."),
        "date": _("Enter a date and time, not only a date."),
    }

    def to_internal_value(self, value):
        if isinstance(value, str):
            try:
                nilai = parse_datetime(value.strip())
            except ValueError:
                nilai = None
            if nilai is not None and nilai.tzinfo is None:
                self.fail("naive")
        return super().to_internal_value(value)


@extend_schema_field(
    {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
)
class TeksAtauDaftar(serializers.Field):
    """One text, or a list of texts (the requested information: one item or several)."""

    default_error_messages = {
        "invalid": _("Enter text."),
        "surrogate": PESAN_TEKS["surrogate"],
        "null": _("Null characters are not allowed."),
    }

    def __init__(self, *, max_length: int = 2000, maks_butir: int = 100, **kw):
        self.max_length, self.maks_butir = max_length, maks_butir
        super().__init__(**kw)

    def to_internal_value(self, data):
        daftar = [data] if isinstance(data, str) else data
        if not isinstance(daftar, list) or not all(isinstance(x, str) for x in daftar):
            self.fail("invalid")
        if len(daftar) > self.maks_butir or any(len(x) > self.max_length for x in daftar):
            raise serializers.ValidationError(
                _("At most %(maks)d characters.") % {"maks": self.max_length}
            )
        if any("\ud800" <= c <= "\udfff" for x in daftar for c in x):
            self.fail("surrogate")
        if any("\x00" in x for x in daftar):
            self.fail("null")
        return [x.strip() for x in daftar]

    def to_representation(self, value):
        return value
