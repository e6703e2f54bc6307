"""Who works on a case: majelis, PP, mediators; conflicts of interest and recusal."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PeranPenugasan(models.TextChoices):
    KETUA_MAJELIS = "ketua_majelis", _("Presiding commissioner")
    ANGGOTA_MAJELIS = "anggota_majelis", _("Panel member")
    PANITERA_PENGGANTI = "panitera_pengganti", _("Substitute registrar (PP)")
    MEDIATOR = "mediator", _("Mediator")
    MEDIATOR_PEMBANTU = "mediator_pembantu", _("Assistant mediator")


class PenugasanQuerySet(models.QuerySet):
    def aktif(self):
        return self.filter(aktif=True)


class Penugasan(models.Model):
    """An appointment to a case. Replaced appointments stay, inactive, for the record."""

    sengketa = models.ForeignKey(
        "sengketa.Sengketa", models.CASCADE, related_name="penugasan", verbose_name=_("dispute")
    )
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="penugasan_sengketa",
        verbose_name=_("user"),
    )
    peran = models.CharField(_("role"), max_length=20, choices=PeranPenugasan.choices)
    aktif = models.BooleanField(_("active"), default=True)
    tanggal_mulai = models.DateField(_("from"))
    tanggal_selesai = models.DateField(_("until"), null=True, blank=True)
    alasan_selesai = models.CharField(_("why it ended"), max_length=300, blank=True)

    objects = PenugasanQuerySet.as_manager()

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["sengketa", "peran", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["sengketa", "pengguna", "peran"],
                condition=models.Q(aktif=True),
                name="penugasan_aktif_unik",
            )
        ]
        indexes = [
            models.Index(fields=["pengguna", "aktif"]),
            # A person's active appointments of one kind, read alone (the back-office queue's
            # rule, workflows.kantor.selectors): a PP holds thousands, a commissioner's kinds
            # are separate lookups that find none of them.
            models.Index(
                fields=["pengguna", "peran", "sengketa"],
                condition=models.Q(aktif=True),
                name="penugasan_aktif_per_peran",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_peran_display()}: {self.pengguna}"


class KonflikKepentingan(models.Model):
    """A declaration that a person has a conflict of interest in a case (Perki 1/2013 Pasal 20)."""

    sengketa = models.ForeignKey(
        "sengketa.Sengketa",
        models.CASCADE,
        related_name="konflik_kepentingan",
        verbose_name=_("dispute"),
    )
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("user")
    )
    uraian = models.TextField(_("description"))
    dinyatakan_pada = models.DateField(_("declared on"))
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")

    def __str__(self) -> str:
        return f"{self.pengguna}: {self.uraian[:60]}"


class KeputusanPenggantian(models.TextChoices):
    MENUNGGU = "menunggu", _("Pending")
    DIKABULKAN = "dikabulkan", _("Granted")
    DITOLAK = "ditolak", _("Rejected")


class PermohonanPenggantian(models.Model):
    """A party's request to replace a commissioner or mediator (Perki 1/2013 Pasal 20-22)."""

    sengketa = models.ForeignKey(
        "sengketa.Sengketa",
        models.CASCADE,
        related_name="permohonan_penggantian",
        verbose_name=_("dispute"),
    )
    pemohon_penggantian = models.ForeignKey(
        "sengketa.Pihak", models.PROTECT, related_name="+", verbose_name=_("requesting party")
    )
    penugasan = models.ForeignKey(
        Penugasan, models.PROTECT, related_name="+", verbose_name=_("assignment concerned")
    )
    alasan = models.TextField(_("reason"))
    tanggal_permohonan = models.DateField(_("date of request"))
    keputusan = models.CharField(
        _("decision"),
        max_length=12,
        choices=KeputusanPenggantian.choices,
        default=KeputusanPenggantian.MENUNGGU,
    )
    tanggal_keputusan = models.DateField(_("date of decision"), null=True, blank=True)
    pertimbangan = models.TextField(_("considerations"), blank=True)
    pengganti = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("replacement"),
    )

    class Meta:
        verbose_name = _("recusal request")
        verbose_name_plural = _("recusal requests")

    def __str__(self) -> str:
        return f"{self.penugasan}: {self.get_keputusan_display()}"
