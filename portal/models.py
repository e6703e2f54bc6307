"""What the portal keeps of its own: party accounts' profiles, drafts of online filings and
the files attached to them. The case itself, once filed, lives in `sengketa`."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sengketa.models.pihak import JenisPemohon


class ProfilPihak(models.Model):
    """A self-registered portal user: an applicant, a kuasa or a public body's PPID officer.

    The identity here pre-fills a filing; the case freezes its own copy in `Pihak`, so a later
    change of address never rewrites a filed case."""

    pengguna = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="profil_pihak",
        verbose_name=_("account"),
    )
    jenis = models.CharField(
        _("applicant type"),
        max_length=20,
        choices=[c for c in JenisPemohon.choices if c[0] != JenisPemohon.BADAN_PUBLIK],
        default=JenisPemohon.PERORANGAN,
    )
    nama = models.CharField(_("name"), max_length=250)
    nomor_identitas = models.CharField(_("identity number"), max_length=60, blank=True)
    alamat = models.TextField(_("address"), blank=True)
    telepon = models.CharField(_("telephone"), max_length=60, blank=True)
    whatsapp = models.CharField(_("WhatsApp number"), max_length=30, blank=True)
    notifikasi_email = models.BooleanField(_("notify by e-mail"), default=True)
    notifikasi_whatsapp = models.BooleanField(_("notify by WhatsApp"), default=False)
    email_terverifikasi_pada = models.DateTimeField(_("e-mail verified at"), null=True, blank=True)
    dibuat_pada = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("party profile")
        verbose_name_plural = _("party profiles")

    def __str__(self) -> str:
        return self.nama


class DraftPermohonan(models.Model):
    """An online filing being prepared: saved and resumed until it is submitted.

    `data` holds the form's cleaned values (JSON), so a half-filled form is never lost; on
    submission the case is created by the same service as a desk filing and linked here."""

    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="draft_permohonan",
        verbose_name=_("account"),
    )
    komisi = models.ForeignKey(
        "sengketa.KomisiInformasi", models.PROTECT, related_name="+", verbose_name=_("commission")
    )
    data = models.JSONField(_("form data"), default=dict, blank=True)
    dibuat_pada = models.DateTimeField(_("created at"), auto_now_add=True)
    diubah_pada = models.DateTimeField(_("updated at"), auto_now=True)
    diajukan_pada = models.DateTimeField(_("submitted at"), null=True, blank=True)
    sengketa = models.OneToOneField(
        "sengketa.Sengketa",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="draft_portal",
        verbose_name=_("dispute"),
    )

    class Meta:
        verbose_name = _("application draft")
        verbose_name_plural = _("application drafts")
        ordering = ["-diubah_pada"]

    def __str__(self) -> str:
        return f"{self.pengguna} · {self.komisi} · {self.diubah_pada:%Y-%m-%d}"


class JenisLampiran(models.TextChoices):
    """The attachments of an application (Perki 1/2013 and the form of dokumen.md)."""

    IDENTITAS = "identitas", _("Identity document")
    BUKTI_PERMOHONAN = "bukti_permohonan", _("Proof of the information request")
    JAWABAN_PERMOHONAN = "jawaban_permohonan", _("Answer to the request")
    BUKTI_KEBERATAN = "bukti_keberatan", _("Proof of the objection (keberatan)")
    TANGGAPAN_KEBERATAN = "tanggapan_keberatan", _("Answer to the objection")
    SURAT_KUASA = "surat_kuasa", _("Power of attorney")
    AKTA_BADAN_HUKUM = "akta_badan_hukum", _("Deed of the legal entity")
    LAINNYA = "lainnya", _("Other supporting document")


def jalur_lampiran(lampiran: "Lampiran", nama: str) -> str:
    # Random-looking storage names: the original name is kept in the row, never in a URL.
    return f"lampiran/{lampiran.sha256[:2]}/{lampiran.sha256}"


class Lampiran(models.Model):
    """A file a party uploaded with an online filing. Checked by content before it is kept."""

    draft = models.ForeignKey(
        DraftPermohonan,
        models.CASCADE,
        related_name="lampiran",
        verbose_name=_("application draft"),
    )
    sengketa = models.ForeignKey(
        "sengketa.Sengketa",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="lampiran_portal",
        verbose_name=_("dispute"),
    )
    jenis = models.CharField(_("attachment type"), max_length=30, choices=JenisLampiran.choices)
    berkas = models.FileField(_("file"), upload_to=jalur_lampiran, max_length=200)
    nama_asli = models.CharField(_("original file name"), max_length=255)
    tipe_konten = models.CharField(_("content type"), max_length=100)
    ukuran = models.PositiveIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    diunggah_pada = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["draft", "jenis", "diunggah_pada"]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()}: {self.nama_asli}"
