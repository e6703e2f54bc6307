"""After the ruling: copies received by each party, court objections and court rulings."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .status import JenisPengadilan


class PenerimaanSalinan(models.Model):
    """When a party received its copy of the ruling: its objection window starts then (UU 48)."""

    sengketa = models.ForeignKey(
        "sengketa.Sengketa",
        models.CASCADE,
        related_name="penerimaan_salinan",
        verbose_name=_("dispute"),
    )
    pihak = models.ForeignKey(
        "sengketa.Pihak", models.PROTECT, related_name="+", verbose_name=_("party")
    )
    tanggal_diterima = models.DateField(_("date received"))
    # A correction of the ruling voids the receipts of its copies (kept for the record).
    dibatalkan = models.BooleanField(_("cancelled by a correction"), default=False)

    class Meta:
        verbose_name = _("receipt of the ruling copy")
        verbose_name_plural = _("receipts of the ruling copy")
        constraints = [
            models.UniqueConstraint(
                fields=["sengketa", "pihak"],
                condition=models.Q(dibatalkan=False),
                name="salinan_sekali_per_pihak",
            )
        ]

    def __str__(self) -> str:
        return f"{self.pihak}: {self.tanggal_diterima}"


class KeberatanPengadilan(models.Model):
    """An objection filed in court against the ruling (UU 14/2008 Pasal 47-48)."""

    sengketa = models.ForeignKey(
        "sengketa.Sengketa",
        models.CASCADE,
        related_name="keberatan_pengadilan",
        verbose_name=_("dispute"),
    )
    pihak = models.ForeignKey(
        "sengketa.Pihak", models.PROTECT, related_name="+", verbose_name=_("objecting party")
    )
    jenis_pengadilan = models.CharField(
        _("court type"), max_length=4, choices=JenisPengadilan.choices
    )
    pengadilan = models.CharField(_("court"), max_length=200)
    nomor_perkara = models.CharField(_("court case number"), max_length=120)
    tanggal = models.DateField(_("filing date"))
    terlambat = models.BooleanField(
        _("late"),
        default=False,
        help_text=_("Filed after the objection window; recorded anyway, the court decides."),
    )
    dibatalkan = models.BooleanField(_("cancelled by a correction"), default=False)

    class Meta:
        verbose_name = _("court objection")
        verbose_name_plural = _("court objections")
        ordering = ["tanggal", "id"]

    def __str__(self) -> str:
        return f"{self.pengadilan} {self.nomor_perkara}"


class PutusanPengadilan(models.Model):
    sengketa = models.ForeignKey(
        "sengketa.Sengketa",
        models.CASCADE,
        related_name="putusan_pengadilan",
        verbose_name=_("dispute"),
    )
    pengadilan = models.CharField(_("court"), max_length=200)
    nomor = models.CharField(_("ruling number"), max_length=120)
    tanggal = models.DateField(_("ruling date"))
    hasil = models.TextField(_("result"))
    final = models.BooleanField(_("final"), help_text=_("No further appeal (kasasi) possible."))
    dibatalkan = models.BooleanField(_("cancelled by a correction"), default=False)

    class Meta:
        verbose_name = _("court ruling")
        verbose_name_plural = _("court rulings")
        ordering = ["tanggal", "id"]

    def __str__(self) -> str:
        return f"{self.pengadilan} {self.nomor}"
