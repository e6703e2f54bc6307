"""Non-working days of the holiday calendar (kalender.md).

The table is the source of truth: the government changes holidays mid-year (the August 2025
amendment added 18 Aug 2025 a few days ahead), so they are rows an admin edits, not code.
The calendar service (sengketa/kalender.py) reads them; weekends are never stored.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class JenisLibur(models.TextChoices):
    LIBUR_NASIONAL = "libur_nasional", _("National holiday")
    # Collective leave (SKB 3 Menteri); a commission may count it as a working day.
    CUTI_BERSAMA = "cuti_bersama", _("Collective leave")
    PENUTUPAN_KANTOR = "penutupan_kantor", _("Office closure")
    PENANGGUHAN = "penangguhan", _("Suspension of proceedings")


class HariLibur(models.Model):
    """One non-working day: national when `komisi` is empty, else for that commission only."""

    komisi = models.ForeignKey(
        "sengketa.KomisiInformasi",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="hari_libur",
        verbose_name=_("commission"),
        help_text=_("Empty for a national holiday, which applies to every commission."),
    )
    tanggal = models.DateField(_("date"))
    jenis = models.CharField(_("kind"), max_length=20, choices=JenisLibur.choices)
    keterangan = models.CharField(_("description"), max_length=250)
    # The legal basis (SKB, Keppres, circular): required once confirmed, see clean() and the
    # check constraint. Drafts pre-filled from the `holidays` package have no decree yet.
    dasar = models.CharField(_("legal basis"), max_length=300, blank=True)
    dikonfirmasi = models.BooleanField(
        _("confirmed"),
        default=True,
        help_text=_("Unconfirmed rows are estimates pre-filled before the official decree."),
    )
    dibuat_pada = models.DateTimeField(_("created at"), auto_now_add=True)
    diubah_pada = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("holiday")
        verbose_name_plural = _("holidays")
        ordering = ["tanggal"]
        constraints = [
            models.UniqueConstraint(fields=["komisi", "tanggal"], name="hari_libur_unik"),
            # NULLs are distinct in a unique index, so national days need their own constraint.
            models.UniqueConstraint(
                fields=["tanggal"],
                condition=Q(komisi__isnull=True),
                name="hari_libur_nasional_unik",
            ),
            models.CheckConstraint(
                condition=Q(dikonfirmasi=False) | ~Q(dasar=""),
                name="hari_libur_dasar_wajib",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tanggal:%Y-%m-%d} {self.keterangan}"

    def clean(self) -> None:
        super().clean()
        if self.dikonfirmasi and not self.dasar.strip():
            raise ValidationError(
                {"dasar": _("A confirmed holiday needs its legal basis.")}, code="dasar_wajib"
            )


class Penangguhan(models.Model):
    """A window in which a commission suspends its proceedings (e.g. a pandemic circular).

    Every day from `mulai` to `selesai` inclusive is a non-working day for that commission.
    """

    komisi = models.ForeignKey(
        "sengketa.KomisiInformasi",
        models.CASCADE,
        related_name="penangguhan",
        verbose_name=_("commission"),
    )
    mulai = models.DateField(_("first day"))
    selesai = models.DateField(_("last day"))
    dasar = models.CharField(_("legal basis"), max_length=300)
    keterangan = models.CharField(_("description"), max_length=250, blank=True)
    dibuat_pada = models.DateTimeField(_("created at"), auto_now_add=True)
    diubah_pada = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("suspension of proceedings")
        verbose_name_plural = _("suspensions of proceedings")
        ordering = ["mulai"]
        constraints = [
            models.CheckConstraint(
                condition=Q(selesai__gte=F("mulai")), name="penangguhan_selesai_setelah_mulai"
            )
        ]

    def __str__(self) -> str:
        return f"{self.mulai:%Y-%m-%d}–{self.selesai:%Y-%m-%d} {self.keterangan}".rstrip()

    def clean(self) -> None:
        super().clean()
        if self.mulai and self.selesai and self.selesai < self.mulai:
            raise ValidationError(
                {"selesai": _("The last day cannot be before the first day.")},
                code="selesai_sebelum_mulai",
            )
