"""Role codes of siklus-sengketa.md §1. Each is a Django group of the same name.

A role says what kind of work a person does; whether they may act on a given case also
depends on the commission they belong to (Keanggotaan) and on their assignment to the case
(Penugasan). The checks live in `sengketa.izin`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Peran(models.TextChoices):
    PANITERA = "panitera", _("Registrar")
    PANITERA_PENGGANTI = "panitera_pengganti", _("Substitute registrar")
    KETUA = "ketua", _("Chair of the commission")
    KOMISIONER = "komisioner", _("Commissioner")
    PIHAK = "pihak", _("Party")
    ADMIN = "admin", _("System administrator")


PERAN_STAF = (
    Peran.PANITERA,
    Peran.PANITERA_PENGGANTI,
    Peran.KETUA,
    Peran.KOMISIONER,
    Peran.ADMIN,
)


def pastikan_grup_peran() -> None:
    """Create the role groups if missing (idempotent; used by migrations-free setup and tests)."""
    from django.contrib.auth.models import Group

    for peran in Peran:
        Group.objects.get_or_create(name=peran.value)
