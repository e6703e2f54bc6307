"""Parameter checks shared by the services: bad input becomes ParameterTidakValid (HTTP 400)
with a message per field, never an exception from deeper down."""

import datetime as dt
from datetime import date

from django.contrib.auth import get_user_model
from django.utils.dateparse import parse_date
from django.utils.translation import gettext_lazy as _

from sengketa.galat import tidak_valid

MAKS_TEKS = 10_000


def teks(medan: str, nilai, *, wajib: bool = True, maks: int = MAKS_TEKS) -> str:
    if nilai is None:
        nilai = ""
    if not isinstance(nilai, str):
        raise tidak_valid(medan, _("Enter text."))
    nilai = nilai.strip()
    if wajib and not nilai:
        raise tidak_valid(medan, _("This field is required."))
    if len(nilai) > maks:
        raise tidak_valid(medan, _("At most %(maks)d characters.") % {"maks": maks})
    return nilai


def daftar_teks(medan: str, nilai, *, maks_butir: int = 100, maks: int = 2000) -> list[str]:
    if not isinstance(nilai, list | tuple) or not nilai:
        raise tidak_valid(medan, _("Give at least one item."))
    if len(nilai) > maks_butir:
        raise tidak_valid(medan, _("At most %(maks)d items.") % {"maks": maks_butir})
    return [teks(medan, butir, maks=maks) for butir in nilai]


def pilihan(medan: str, nilai, pilihan_sah) -> str:
    sah = [p.value if hasattr(p, "value") else p for p in pilihan_sah]
    if nilai not in sah:
        raise tidak_valid(
            medan, _("Choose one of: %(pilihan)s.") % {"pilihan": ", ".join(map(str, sah))}
        )
    return nilai


def benar_salah(medan: str, nilai) -> bool:
    if not isinstance(nilai, bool):
        raise tidak_valid(medan, _("Enter true or false."))
    return nilai


def bilangan(medan: str, nilai, *, minimum: int, maksimum: int) -> int:
    if isinstance(nilai, bool) or not isinstance(nilai, int):
        raise tidak_valid(medan, _("Enter a whole number."))
    if not minimum <= nilai <= maksimum:
        raise tidak_valid(
            medan,
            _("Enter a number from %(min)d to %(max)d.") % {"min": minimum, "max": maksimum},
        )
    return nilai


def tanggal(medan: str, nilai, *, wajib: bool = True) -> date | None:
    if nilai in (None, ""):
        if wajib:
            raise tidak_valid(medan, _("This field is required."))
        return None
    if isinstance(nilai, str):
        try:
            nilai = parse_date(nilai)
        except ValueError:
            nilai = None
    if not isinstance(nilai, date) or isinstance(nilai, dt.datetime):
        raise tidak_valid(medan, _("Enter a valid date (YYYY-MM-DD)."))
    return nilai


def pengguna(medan: str, nilai):
    """A user given as an instance or a username."""
    User = get_user_model()
    if isinstance(nilai, User):
        return nilai
    if isinstance(nilai, str) and nilai:
        found = User.objects.filter(username=nilai, is_active=True).first()
        if found:
            return found
    raise tidak_valid(medan, _("Unknown user."))
