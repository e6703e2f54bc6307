"""The parties of one case: the applicant, the public body, and their representatives."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PeranPihak(models.TextChoices):
    PEMOHON = "pemohon", _("Applicant")
    TERMOHON = "termohon", _("Respondent")


class JenisPemohon(models.TextChoices):
    """UU 14/2008 Pasal 1 angka 12: who may request public information."""

    PERORANGAN = "perorangan", _("Individual")
    BADAN_HUKUM = "badan_hukum", _("Legal entity")
    KELOMPOK_ORANG = "kelompok_orang", _("Group of persons")
    BADAN_PUBLIK = "badan_publik", _("Public body")


class Pihak(models.Model):
    """A party to one case, as the case file names it (identity is frozen per case)."""

    sengketa = models.ForeignKey(
        "sengketa.Sengketa", models.CASCADE, related_name="pihak", verbose_name=_("dispute")
    )
    peran = models.CharField(_("role"), max_length=10, choices=PeranPihak.choices)
    jenis = models.CharField(_("type"), max_length=20, choices=JenisPemohon.choices)
    nama = models.CharField(_("name"), max_length=250)
    nomor_identitas = models.CharField(_("identity number"), max_length=60, blank=True)
    alamat = models.TextField(_("address"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    telepon = models.CharField(_("telephone"), max_length=60, blank=True)
    badan_publik = models.ForeignKey(
        "sengketa.BadanPublik",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="sebagai_pihak",
        verbose_name=_("public body"),
    )
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="sebagai_pihak",
        verbose_name=_("portal account"),
    )

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["sengketa", "peran"]
        constraints = [
            # One applicant and one respondent per case: a joint filing is one kelompok_orang.
            models.UniqueConstraint(fields=["sengketa", "peran"], name="pihak_satu_per_peran"),
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.get_peran_display()})"


class Kuasa(models.Model):
    """A representative acting under a power of attorney (surat kuasa)."""

    pihak = models.ForeignKey(
        Pihak, models.CASCADE, related_name="kuasa", verbose_name=_("represented party")
    )
    nama = models.CharField(_("name"), max_length=250)
    nomor_surat_kuasa = models.CharField(_("power of attorney number"), max_length=120, blank=True)
    tanggal_surat_kuasa = models.DateField(_("power of attorney date"), null=True, blank=True)
    alamat = models.TextField(_("address"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    telepon = models.CharField(_("telephone"), max_length=60, blank=True)
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="sebagai_kuasa",
        verbose_name=_("portal account"),
    )
    aktif = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")
        ordering = ["pihak", "nama"]

    def __str__(self) -> str:
        return self.nama
