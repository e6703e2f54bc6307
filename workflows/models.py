"""The viewflow process of a case. viewflow routes work; the legal status stays on
`Sengketa.status` and is never copied here (design/architecture.md: one truth)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from viewflow.workflow.models import Process


class ProsesSengketa(Process):
    """One run of the flow for a case. A case has one open process at a time; a correction
    out of a terminal status starts a new one (the finished one stays as history)."""

    sengketa = models.ForeignKey(
        "sengketa.Sengketa",
        models.CASCADE,
        related_name="proses",
        verbose_name=_("dispute"),
    )

    class Meta:
        verbose_name = _("case process")
        verbose_name_plural = _("case processes")

    def __str__(self) -> str:
        return str(self.sengketa)


class SaluranNotifikasi(models.TextChoices):
    EMAIL = "email", _("E-mail")
    WHATSAPP = "whatsapp", _("WhatsApp")


class StatusNotifikasi(models.TextChoices):
    MENUNGGU = "menunggu", _("Waiting")
    TERKIRIM = "terkirim", _("Sent")
    GAGAL = "gagal", _("Failed")


class Notifikasi(models.Model):
    """One message to one person through one channel: the record of who was told what, when,
    and whether it went out. `kunci` makes a retried task never send twice."""

    sengketa = models.ForeignKey(
        "sengketa.Sengketa",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="notifikasi",
        verbose_name=_("dispute"),
    )
    jenis = models.CharField(_("kind"), max_length=40)
    saluran = models.CharField(_("channel"), max_length=10, choices=SaluranNotifikasi.choices)
    penerima = models.CharField(_("recipient"), max_length=250)
    alamat = models.CharField(_("address"), max_length=250)
    subjek = models.CharField(_("subject"), max_length=250)
    isi = models.TextField(_("text"))
    isi_html = models.TextField(_("HTML text"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=StatusNotifikasi.choices,
        default=StatusNotifikasi.MENUNGGU,
    )
    galat = models.TextField(_("error"), blank=True)
    kunci = models.CharField(_("idempotency key"), max_length=200, unique=True)
    dibuat_pada = models.DateTimeField(_("created at"), auto_now_add=True)
    dikirim_pada = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-dibuat_pada", "-id"]

    def __str__(self) -> str:
        return f"{self.jenis} → {self.penerima}"


class PengalihanTugas(models.Model):
    """One reassignment of an open task of a case (issue 3): whose it was, whose it is now,
    who decided and why. Rows are never changed or removed: they are the record of who was
    expected to do the work, next to the case's own history."""

    tugas = models.ForeignKey(
        "viewflow.Task", models.CASCADE, related_name="pengalihan", verbose_name=_("task")
    )
    sengketa = models.ForeignKey(
        "sengketa.Sengketa",
        models.CASCADE,
        related_name="pengalihan_tugas",
        verbose_name=_("dispute"),
    )
    dari = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("from"),
        help_text=_("Empty: the task was in the role queue."),
    )
    ke = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("to")
    )
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("by")
    )
    alasan = models.TextField(_("reason"))
    massal = models.BooleanField(
        _("bulk"), default=False, help_text=_("Part of moving all tasks of a person who left.")
    )
    dicatat_pada = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("task reassignment")
        verbose_name_plural = _("task reassignments")
        ordering = ["-dicatat_pada", "-id"]
        indexes = [models.Index(fields=["sengketa", "dicatat_pada"])]

    def __str__(self) -> str:
        return f"{self.tugas_id}: {self.dari_id or '-'} → {self.ke_id}"
