from django.db import models
from django.utils.translation import gettext_lazy as _


class SeriNomor(models.TextChoices):
    REGISTER = "register", _("Register")
    SURAT = "surat", _("Letters")
    PENETAPAN = "penetapan", _("Decrees")


class Penghitung(models.Model):
    """Last number issued per commission, series and year (spec §6).

    The row is locked in the transaction that issues the number, so numbers are gap-free:
    a rolled-back registration rolls its increment back too.
    """

    komisi = models.ForeignKey(
        "sengketa.KomisiInformasi", models.CASCADE, related_name="+", verbose_name=_("commission")
    )
    seri = models.CharField(_("series"), max_length=20, choices=SeriNomor.choices)
    tahun = models.PositiveSmallIntegerField(_("year"))
    terakhir = models.PositiveIntegerField(_("last number issued"), default=0)

    class Meta:
        verbose_name = _("number counter")
        verbose_name_plural = _("number counters")
        constraints = [
            models.UniqueConstraint(fields=["komisi", "seri", "tahun"], name="penghitung_unik")
        ]

    def __str__(self) -> str:
        return f"{self.komisi_id}/{self.seri}/{self.tahun}: {self.terakhir}"


class NomorDicoret(models.Model):
    """A register number taken off its case by a correction of the registration: kept here,
    never issued again. (A withdrawn case keeps its number, marked struck out on the case.)"""

    komisi = models.ForeignKey(
        "sengketa.KomisiInformasi", models.CASCADE, related_name="+", verbose_name=_("commission")
    )
    sengketa = models.ForeignKey(
        "sengketa.Sengketa", models.CASCADE, related_name="nomor_dicoret", verbose_name=_("dispute")
    )
    nomor = models.CharField(_("number"), max_length=120)
    tanggal = models.DateField(_("date struck out"))
    alasan = models.CharField(_("reason"), max_length=300)

    class Meta:
        verbose_name = _("struck-out number")
        verbose_name_plural = _("struck-out numbers")
        constraints = [
            models.UniqueConstraint(fields=["komisi", "nomor"], name="nomor_dicoret_unik")
        ]

    def __str__(self) -> str:
        return self.nomor
