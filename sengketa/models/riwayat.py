"""The append-only history of a case: every transition and every action, with who and when."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RiwayatQuerySet(models.QuerySet):
    def update(self, **kwargs):  # pragma: no cover - guard
        raise TypeError("RiwayatStatus is append-only")

    def delete(self):  # pragma: no cover - guard
        raise TypeError("RiwayatStatus is append-only")


class RiwayatStatus(models.Model):
    """One step. Status transitions have dari != ke (or a self-loop); actions have dari == ke."""

    sengketa = models.ForeignKey(
        "sengketa.Sengketa", models.CASCADE, related_name="riwayat", verbose_name=_("dispute")
    )
    transisi = models.CharField(_("transition or action"), max_length=40)
    ubah_status = models.BooleanField(_("is a status transition"), default=True)
    dari = models.CharField(_("from"), max_length=30, blank=True)
    ke = models.CharField(_("to"), max_length=30)
    tanggal = models.DateField(_("effective date"))
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
        help_text=_("Empty when the system (the daily sweep) acted."),
    )
    atas_nama = models.CharField(_("on behalf of"), max_length=250, blank=True)
    dicatat_pada = models.DateTimeField(_("recorded at"), auto_now_add=True)
    parameter = models.JSONField(_("parameters"), default=dict, blank=True)
    # Values of the case's fields before this step, so `koreksi` can restore them exactly.
    nilai_lama = models.JSONField(_("previous values"), default=dict, blank=True)
    dikoreksi = models.BooleanField(_("undone by a correction"), default=False)

    objects = RiwayatQuerySet.as_manager()

    class Meta:
        verbose_name = _("history entry")
        verbose_name_plural = _("history")
        ordering = ["sengketa", "id"]
        indexes = [models.Index(fields=["sengketa", "ubah_status", "id"])]

    def __str__(self) -> str:
        return f"{self.transisi}: {self.dari} → {self.ke}"

    def save(self, *args, **kwargs):
        # Append-only: the one field ever changed after insert is the `dikoreksi` mark.
        if self.pk and set(kwargs.get("update_fields") or ()) != {"dikoreksi"}:
            raise TypeError("RiwayatStatus is append-only")
        super().save(*args, **kwargs)
