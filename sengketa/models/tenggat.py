"""Deadlines of a case as rows, so lists and dashboards can query them (spec §5)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class KodeTenggat(models.TextChoices):
    PENGAJUAN = "pengajuan", _("Filing window")
    KELENGKAPAN = "kelengkapan", _("Completion of the file")
    MULAI_PENYELESAIAN = "mulai_penyelesaian", _("Start of settlement")
    PENYELESAIAN = "penyelesaian", _("Settlement (100 WD)")
    MEDIASI = "mediasi", _("Mediation")
    PANGGILAN = "panggilan", _("Summons served in time")
    SALINAN = "salinan", _("Copies of the ruling")
    KEBERATAN = "keberatan", _("Objection window")
    PELAKSANAAN = "pelaksanaan", _("Performance")


class StatusTenggat(models.TextChoices):
    AMAN = "aman", _("On track")
    MENDEKATI = "mendekati", _("Approaching")
    HARI_INI = "hari_ini", _("Due today")
    TERLEWAT = "terlewat", _("Overdue")
    TERPENUHI = "terpenuhi", _("Met")


class TenggatQuerySet(models.QuerySet):
    def terbuka(self):
        """Still running: the case needs it and it was not met yet (see `berjalan`)."""
        return self.filter(aktif=True, terpenuhi_pada__isnull=True)


def berjalan(aktif: bool, terpenuhi_pada) -> bool:
    """`TenggatQuerySet.terbuka` for one deadline in memory: the same rule, both sides."""
    return aktif and terpenuhi_pada is None


class Tenggat(models.Model):
    sengketa = models.ForeignKey(
        "sengketa.Sengketa", models.CASCADE, related_name="tenggat", verbose_name=_("dispute")
    )
    kode = models.CharField(_("code"), max_length=20, choices=KodeTenggat.choices)
    # Deadlines that exist once per party or per hearing name it; "" / null otherwise.
    pihak = models.ForeignKey(
        "sengketa.Pihak",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("party"),
    )
    sidang = models.ForeignKey(
        "sengketa.Sidang",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("hearing"),
    )
    mulai = models.DateField(_("counted from"))
    panjang = models.SmallIntegerField(_("length"))
    satuan = models.CharField(_("unit"), max_length=4, default="hk")
    tanggal = models.DateField(_("due date"))
    dasar = models.CharField(_("legal basis"), max_length=200)
    terpenuhi_pada = models.DateField(_("met on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=StatusTenggat.choices, default=StatusTenggat.AMAN
    )
    aktif = models.BooleanField(
        _("applies"), default=True, help_text=_("False once the case no longer needs it.")
    )
    diubah_pada = models.DateTimeField(_("updated at"), auto_now=True)

    objects = TenggatQuerySet.as_manager()

    class Meta:
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        ordering = ["tanggal", "id"]
        constraints = [
            # One row per (case, code), or per party / per hearing where the code has them.
            models.UniqueConstraint(
                fields=["sengketa", "kode"],
                condition=models.Q(pihak__isnull=True, sidang__isnull=True),
                name="tenggat_unik_per_kasus",
            ),
            models.UniqueConstraint(
                fields=["sengketa", "kode", "pihak"],
                condition=models.Q(pihak__isnull=False),
                name="tenggat_unik_per_pihak",
            ),
            models.UniqueConstraint(
                fields=["sengketa", "kode", "sidang"],
                condition=models.Q(sidang__isnull=False),
                name="tenggat_unik_per_sidang",
            ),
        ]
        indexes = [
            models.Index(fields=["aktif", "tanggal"]),
            # The running deadlines by light: the deadline dashboard's filter "cases whose
            # nearest deadline is overdue / approaching / due today" (workflows.kantor.
            # selectors.keadaan_tenggat_terdekat) reads the (case, date) pairs of one light.
            models.Index(
                fields=["status", "sengketa", "tanggal"],
                condition=models.Q(aktif=True, terpenuhi_pada__isnull=True),
                name="tenggat_berjalan_per_status",
            ),
            # The deadline dashboard's count of cases past the 100 WD of UU 14/2008 Pasal
            # 38(2) (workflows.kantor.selectors.jumlah_lewat_penyelesaian): the few rows it
            # counts, without reading every deadline of the commission.
            models.Index(
                fields=["sengketa"],
                condition=models.Q(
                    kode=KodeTenggat.PENYELESAIAN,
                    status=StatusTenggat.TERLEWAT,
                    aktif=True,
                    terpenuhi_pada__isnull=True,
                ),
                name="tenggat_lewat_penyelesaian",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kode_display()}: {self.tanggal}"
