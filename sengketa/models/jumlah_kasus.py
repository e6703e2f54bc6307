from django.db import models
from django.utils.translation import gettext_lazy as _


class JumlahKasus(models.Model):
    """How many cases each commission holds: what the API's case list reports as `count`
    when it lists every case a staff member sees (sengketa.selectors.jumlah_terlihat).

    Counting a commission's rows reads an index entry per case (4 ms at 100,000 cases,
    40 ms at 1,000,000, on every page of the list); this is one row per commission.

    Written only by database triggers on the cases (migration 0009_jumlah_kasus), on every
    path that adds, removes or moves a case: the services, the admin, bulk loads, COPY.
    PostgreSQL only: on SQLite the table stays empty and the list counts its rows.
    tests/test_jumlah_kasus.py checks that it follows."""

    # No constraint: a commission is never deleted while it has cases (PROTECT on Sengketa).
    komisi = models.OneToOneField(
        "sengketa.KomisiInformasi",
        models.DO_NOTHING,
        primary_key=True,
        db_constraint=False,
        related_name="+",
        verbose_name=_("commission"),
    )
    jumlah = models.BigIntegerField(_("number of cases"))

    class Meta:
        verbose_name = _("number of cases")
        verbose_name_plural = _("numbers of cases")
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.komisi_id}: {self.jumlah}"
