"""Hearings, summonses and attendance (siklus-sengketa.md §4)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JenisSidang(models.TextChoices):
    PEMERIKSAAN_AWAL = "pemeriksaan_awal", _("Preliminary examination")
    MEDIASI = "mediasi", _("Mediation")
    PEMBUKTIAN = "pembuktian", _("Evidence")
    PEMERIKSAAN_SETEMPAT = "pemeriksaan_setempat", _("Site visit")
    KESIMPULAN = "kesimpulan", _("Conclusions")
    PEMBACAAN_PUTUSAN_SELA = "pembacaan_putusan_sela", _("Reading of the interlocutory ruling")
    PEMBACAAN_PUTUSAN = "pembacaan_putusan", _("Reading of the ruling")
    PEMBACAAN_PUTUSAN_MEDIASI = "pembacaan_putusan_mediasi", _("Reading of the mediation ruling")


# Hearings of the adjudication itself: one must be finished before the examination closes.
SIDANG_AJUDIKASI = (
    JenisSidang.PEMBUKTIAN,
    JenisSidang.PEMERIKSAAN_SETEMPAT,
    JenisSidang.KESIMPULAN,
)


class StatusSidang(models.TextChoices):
    DIJADWALKAN = "dijadwalkan", _("Scheduled")
    DITUNDA = "ditunda", _("Adjourned")
    SELESAI = "selesai", _("Finished")
    BATAL = "batal", _("Cancelled")


class Sidang(models.Model):
    sengketa = models.ForeignKey(
        "sengketa.Sengketa", models.CASCADE, related_name="sidang", verbose_name=_("dispute")
    )
    jenis = models.CharField(_("type"), max_length=30, choices=JenisSidang.choices)
    agenda = models.CharField(_("agenda"), max_length=300, blank=True)
    mulai = models.DateTimeField(_("starts at"))
    selesai_rencana = models.DateTimeField(_("planned end"))
    ruang = models.CharField(
        _("room"), max_length=120, blank=True, help_text=_("Used to detect room clashes.")
    )
    tempat = models.CharField(_("place"), max_length=300, blank=True)
    daring = models.BooleanField(_("online"), default=False)
    tautan = models.URLField(_("online link"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=StatusSidang.choices, default=StatusSidang.DIJADWALKAN
    )
    alasan_tunda = models.TextField(_("reason for adjournment"), blank=True)
    sidang_berikutnya = models.OneToOneField(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="sidang_sebelumnya",
        verbose_name=_("next hearing"),
    )
    ringkasan = models.TextField(_("minutes summary"), blank=True)
    dibuat_pada = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("hearing")
        verbose_name_plural = _("hearings")
        ordering = ["mulai", "id"]
        indexes = [models.Index(fields=["mulai"]), models.Index(fields=["sengketa", "status"])]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.mulai:%Y-%m-%d %H:%M}"


class PeranPanggilan(models.TextChoices):
    PEMOHON = "pemohon", _("Applicant")
    TERMOHON = "termohon", _("Respondent")
    KUASA_PEMOHON = "kuasa_pemohon", _("Applicant's representative")
    KUASA_TERMOHON = "kuasa_termohon", _("Respondent's representative")


class MetodePanggilan(models.TextChoices):
    POS = "pos", _("Post")
    KURIR = "kurir", _("Courier")
    EMAIL = "email", _("E-mail")
    WHATSAPP = "whatsapp", _("WhatsApp")
    LANGSUNG = "langsung", _("By hand")


class Panggilan(models.Model):
    """One summons letter to one party or representative for one hearing."""

    sidang = models.ForeignKey(
        Sidang, models.CASCADE, related_name="panggilan", verbose_name=_("hearing")
    )
    pihak = models.ForeignKey(
        "sengketa.Pihak", models.PROTECT, related_name="panggilan", verbose_name=_("party")
    )
    kuasa = models.ForeignKey(
        "sengketa.Kuasa",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="panggilan",
        verbose_name=_("representative"),
    )
    peran = models.CharField(_("addressed as"), max_length=20, choices=PeranPanggilan.choices)
    nomor = models.CharField(_("letter number"), max_length=120)
    panggilan_ke = models.PositiveSmallIntegerField(_("summons no."), default=1)
    metode = models.CharField(
        _("sent by"), max_length=10, choices=MetodePanggilan.choices, blank=True
    )
    tanggal_dikirim = models.DateField(_("sent on"), null=True, blank=True)
    tanggal_diterima = models.DateField(_("received on"), null=True, blank=True)

    class Meta:
        verbose_name = _("summons")
        verbose_name_plural = _("summonses")
        ordering = ["sidang", "id"]

    def __str__(self) -> str:
        return self.nomor


class StatusKehadiran(models.TextChoices):
    HADIR = "hadir", _("Present")
    DIWAKILI = "diwakili", _("Represented")
    TIDAK_HADIR_DENGAN_ALASAN = "tidak_hadir_dengan_alasan", _("Absent with a valid reason")
    TIDAK_HADIR_TANPA_ALASAN = "tidak_hadir_tanpa_alasan", _("Absent without a valid reason")


class Kehadiran(models.Model):
    sidang = models.ForeignKey(
        Sidang, models.CASCADE, related_name="kehadiran", verbose_name=_("hearing")
    )
    pihak = models.ForeignKey(
        "sengketa.Pihak", models.PROTECT, related_name="kehadiran", verbose_name=_("party")
    )
    status = models.CharField(_("attendance"), max_length=30, choices=StatusKehadiran.choices)
    keterangan = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["sidang", "pihak"], name="kehadiran_sekali_per_pihak")
        ]

    def __str__(self) -> str:
        return f"{self.pihak}: {self.get_status_display()}"
