"""Issued documents (dokumen.md): one row per rendition (PDF or DOCX) of one version.

An issued document is history: once `siap` its file and hash never change and the row is
never deleted. Re-issuing creates `versi + 1` and marks the previous one `digantikan`; a
correction (`koreksi`) marks what the undone step issued `dibatalkan`.
"""

import base64
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class JenisDokumen(models.TextChoices):
    TANDA_TERIMA = "tanda_terima", _("Application receipt")
    PEMBERITAHUAN_KEKURANGAN = "pemberitahuan_kekurangan", _("Notice of an incomplete file")
    PEMBERITAHUAN_TIDAK_DIREGISTRASI = (
        "pemberitahuan_tidak_diregistrasi",
        _("Notice of non-registration"),
    )
    AKTA_REGISTRASI = "akta_registrasi", _("Registration deed")
    SALINAN_PERMOHONAN = "salinan_permohonan", _("Copy of the application to the respondent")
    PENETAPAN_MAJELIS = "penetapan_majelis", _("Appointment of the panel")
    PENETAPAN_MEDIATOR = "penetapan_mediator", _("Appointment of the mediator")
    PANGGILAN = "panggilan", _("Summons")
    BERITA_ACARA = "berita_acara", _("Hearing minutes")
    KESEPAKATAN_MEDIASI = "kesepakatan_mediasi", _("Mediation agreement")
    PUTUSAN_MEDIASI = "putusan_mediasi", _("Mediation ruling")
    PERNYATAAN_MEDIASI_GAGAL = "pernyataan_mediasi_gagal", _("Statement of failed mediation")
    PUTUSAN_SELA = "putusan_sela", _("Interlocutory ruling")
    PUTUSAN = "putusan", _("Ruling")
    SALINAN_PUTUSAN = "salinan_putusan", _("Copy of the ruling")
    PENETAPAN_PENCABUTAN = "penetapan_pencabutan", _("Withdrawal decree")
    AKTA_PEMBATALAN_REGISTRASI = "akta_pembatalan_registrasi", _("Deed striking out the register")
    PENETAPAN_GUGUR = "penetapan_gugur", _("Lapse decree")
    PENETAPAN_PELIMPAHAN = "penetapan_pelimpahan", _("Transfer decree")
    BUKU_REGISTER = "buku_register", _("Register book")
    LAPORAN_TAHUNAN = "laporan_tahunan", _("Annual report")


class StatusDokumen(models.TextChoices):
    MENUNGGU = "menunggu", _("Pending")
    SIAP = "siap", _("Issued")
    GAGAL = "gagal", _("Failed")
    DIGANTIKAN = "digantikan", _("Superseded")
    DIBATALKAN = "dibatalkan", _("Cancelled")


class FormatDokumen(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "DOCX"
    XLSX = "xlsx", "XLSX"  # the annual report's tables


# dokumen.md: the decisions and minutes the majelis or registry sign on paper; the signed PDF
# uploaded back becomes the issued version of record (dokumen.layanan.dokumen_unggah_tertanda).
JENIS_TERTANDA = frozenset(
    {
        JenisDokumen.PUTUSAN,
        JenisDokumen.PUTUSAN_SELA,
        JenisDokumen.PUTUSAN_MEDIASI,
        JenisDokumen.KESEPAKATAN_MEDIASI,
        JenisDokumen.PENETAPAN_MAJELIS,
        JenisDokumen.PENETAPAN_MEDIATOR,
        JenisDokumen.PENETAPAN_PENCABUTAN,
        JenisDokumen.PENETAPAN_GUGUR,
        JenisDokumen.PENETAPAN_PELIMPAHAN,
        JenisDokumen.BERITA_ACARA,
    }
)

# Statuses that have a file of record (what verification and downloads can show).
STATUS_TERBIT = (StatusDokumen.SIAP, StatusDokumen.DIGANTIKAN, StatusDokumen.DIBATALKAN)
# Statuses the task may still render.
STATUS_BELUM_TERBIT = (StatusDokumen.MENUNGGU, StatusDokumen.GAGAL)


def kode_verifikasi_baru() -> str:
    """10 base32 characters (50 random bits): short enough to type from paper."""
    return base64.b32encode(secrets.token_bytes(10)).decode()[:10]


def lokasi_berkas(dokumen: "Dokumen", nama: str) -> str:
    tahun = (dokumen.diterbitkan_pada or dokumen.dibuat_pada).year
    return f"dokumen/{dokumen.komisi.kode}/{tahun}/{nama}"


class DokumenSudahTerbit(Exception):
    """An issued document's file or hash was about to change."""


class Dokumen(models.Model):
    komisi = models.ForeignKey(
        "sengketa.KomisiInformasi",
        models.PROTECT,
        related_name="dokumen",
        verbose_name=_("commission"),
    )
    sengketa = models.ForeignKey(
        "sengketa.Sengketa",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="dokumen",
        verbose_name=_("dispute"),
        help_text=_("Empty for a document of the commission itself (the annual report)."),
    )
    sidang = models.ForeignKey(
        "sengketa.Sidang",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="dokumen",
        verbose_name=_("hearing"),
    )
    panggilan = models.ForeignKey(
        "sengketa.Panggilan",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="dokumen",
        verbose_name=_("summons"),
    )
    pihak = models.ForeignKey(
        "sengketa.Pihak",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="dokumen",
        verbose_name=_("addressee"),
        help_text=_("Set when the document is addressed to one party only."),
    )
    jenis = models.CharField(_("type"), max_length=40, choices=JenisDokumen.choices)
    nomor = models.CharField(_("number"), max_length=120, blank=True)
    versi = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(
        _("status"), max_length=12, choices=StatusDokumen.choices, default=StatusDokumen.MENUNGGU
    )
    format = models.CharField(_("format"), max_length=4, choices=FormatDokumen.choices)
    berkas = models.FileField(_("file"), upload_to=lokasi_berkas, blank=True, max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True, db_index=True)
    kode_verifikasi = models.CharField(
        _("verification code"), max_length=16, unique=True, default=kode_verifikasi_baru
    )
    diterbitkan_pada = models.DateTimeField(_("issued at"), null=True, blank=True)
    diterbitkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    riwayat = models.ForeignKey(
        "sengketa.RiwayatStatus",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="dokumen",
        verbose_name=_("issuing step"),
    )
    # "<sengketa>:<jenis>:<subject>:<versi>:<format>": a retried task or a repeated
    # announcement finds the row instead of making a second document.
    kunci = models.CharField(_("idempotency key"), max_length=200, unique=True)
    galat = models.TextField(_("last error"), blank=True)
    percobaan = models.PositiveSmallIntegerField(_("attempts"), default=0)
    dibuat_pada = models.DateTimeField(_("created at"), auto_now_add=True)
    # The file is the signed paper uploaded back (stamped with this version's code), not a
    # rendering: who uploaded it and when are `diterbitkan_oleh` and `diterbitkan_pada`.
    tertanda = models.BooleanField(_("signed copy uploaded"), default=False)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["sengketa", "id"]
        indexes = [
            models.Index(fields=["sengketa", "jenis"]),
            models.Index(fields=["status"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.nomor} v{self.versi} ({self.format})"

    def save(self, *args, **kwargs):
        lama = getattr(self, "_tersimpan", None)
        if lama and lama["status"] in STATUS_TERBIT:
            berkas_lama = getattr(lama["berkas"], "name", lama["berkas"]) or ""
            if self.berkas.name != berkas_lama or self.sha256 != lama["sha256"]:
                raise DokumenSudahTerbit(self.kunci)
        super().save(*args, **kwargs)
        self._tersimpan = {"status": self.status, "berkas": self.berkas.name, "sha256": self.sha256}

    def delete(self, *args, **kwargs):
        if self.status in STATUS_TERBIT:
            raise DokumenSudahTerbit(self.kunci)
        return super().delete(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        obj = super().from_db(db, field_names, values)
        # What was stored, so that save() can refuse to rewrite an issued file.
        obj._tersimpan = {k: obj.__dict__.get(k) for k in ("status", "berkas", "sha256")}
        return obj

    @property
    def terbit(self) -> bool:
        return self.status in STATUS_TERBIT

    @property
    def boleh_tertanda(self) -> bool:
        """A signed copy of this issued document may be uploaded as the version of record."""
        return self.jenis in JENIS_TERTANDA and self.status == StatusDokumen.SIAP

    @property
    def nama_berkas(self) -> str:
        """A safe download name: ASCII letters, digits, dashes only."""
        dasar = f"{self.jenis}-{self.nomor or self.kode_verifikasi}-v{self.versi}"
        aman = "".join(c if c.isascii() and c.isalnum() else "-" for c in dasar)
        return f"{'-'.join(filter(None, aman.split('-')))}.{self.format}"


def kunci_dokumen(sengketa_id: int, jenis: str, subjek: str, versi: int, fmt: str) -> str:
    return f"{sengketa_id}:{jenis}:{subjek}:{versi}:{fmt}"


# --- publication in the ruling directory (dokumen.md "Publication") ---


class HasilPublikasi(models.TextChoices):
    """How the published decision ended the case: the directory's "outcome" filter."""

    DIKABULKAN_SELURUHNYA = "dikabulkan_seluruhnya", _("Granted in full")
    DIKABULKAN_SEBAGIAN = "dikabulkan_sebagian", _("Granted in part")
    DITOLAK = "ditolak", _("Rejected")
    MEDIASI = "mediasi", _("Settled by mediation")
    TIDAK_DITERIMA = "tidak_diterima", _("Inadmissible")
    DICABUT = "dicabut", _("Withdrawn")
    GUGUR = "gugur", _("Lapsed")
    DILIMPAHKAN = "dilimpahkan", _("Transferred")


def lokasi_publikasi(publikasi: "Publikasi", nama: str) -> str:
    tahun = publikasi.diterbitkan_pada.year
    return f"publikasi/{publikasi.komisi.kode}/{tahun}/{nama}"


class PublikasiSudahTerbit(Exception):
    """A published rendition's file or hash was about to change, or it was to be deleted."""


class Publikasi(models.Model):
    """The redacted rendition of one issued decision, published in the public directory.

    A separate file with its own hash and verification code, rendered again from the
    document's context with the masking map applied (never an edited PDF). Published once
    and never changed; a withdrawal keeps the row (history) and only takes it off the
    directory. At most one publication of a document is live at a time."""

    dokumen = models.ForeignKey(
        Dokumen, models.PROTECT, related_name="publikasi", verbose_name=_("source document")
    )
    # Copied from the source for the directory's search (the public never joins the case).
    komisi = models.ForeignKey(
        "sengketa.KomisiInformasi",
        models.PROTECT,
        related_name="publikasi",
        verbose_name=_("commission"),
    )
    sengketa = models.ForeignKey(
        "sengketa.Sengketa", models.PROTECT, related_name="publikasi", verbose_name=_("dispute")
    )
    jenis = models.CharField(_("type"), max_length=40, choices=JenisDokumen.choices)
    nomor = models.CharField(_("number"), max_length=120, blank=True)
    nomor_register = models.CharField(_("register number"), max_length=120, blank=True)
    termohon = models.CharField(_("respondent"), max_length=250)
    tanggal_putusan = models.DateField(_("decision date"))
    hasil = models.CharField(_("outcome"), max_length=25, choices=HasilPublikasi.choices)

    berkas = models.FileField(_("file"), upload_to=lokasi_publikasi, max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    kode_verifikasi = models.CharField(
        _("verification code"), max_length=16, unique=True, default=kode_verifikasi_baru
    )
    # [{"asli": ..., "samaran": ..., "keterangan": ...}]: back office only, never shown
    # on a public page (it holds the very names it hides).
    samaran = models.JSONField(_("masking map"), default=list, blank=True)
    tanpa_informasi_dikecualikan = models.BooleanField(
        _("confirmed that no excepted information is included"), default=False
    )
    ditinjau_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    diterbitkan_pada = models.DateTimeField(_("published at"))
    ditarik_pada = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    ditarik_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("withdrawn by"),
    )
    alasan_penarikan = models.TextField(_("reason for withdrawal"), blank=True)

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-tanggal_putusan", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["dokumen"],
                condition=models.Q(ditarik_pada__isnull=True),
                name="publikasi_satu_aktif_per_dokumen",
            ),
            # UU 14/2008 Pasal 17: nothing is published without the reviewer's confirmation.
            models.CheckConstraint(
                condition=models.Q(tanpa_informasi_dikecualikan=True),
                name="publikasi_dikonfirmasi",
            ),
        ]
        indexes = [models.Index(fields=["komisi", "tanggal_putusan"])]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.nomor or self.nomor_register}"

    def save(self, *args, **kwargs):
        lama = getattr(self, "_tersimpan", None)
        berkas_lama = getattr(lama["berkas"], "name", lama["berkas"]) if lama else None
        if lama and (self.berkas.name != berkas_lama or self.sha256 != lama["sha256"]):
            raise PublikasiSudahTerbit(self.kode_verifikasi)
        super().save(*args, **kwargs)
        self._tersimpan = {"berkas": self.berkas.name, "sha256": self.sha256}

    def delete(self, *args, **kwargs):
        raise PublikasiSudahTerbit(self.kode_verifikasi)

    @classmethod
    def from_db(cls, db, field_names, values):
        obj = super().from_db(db, field_names, values)
        obj._tersimpan = {k: obj.__dict__.get(k) for k in ("berkas", "sha256")}
        return obj

    @property
    def aktif(self) -> bool:
        return self.ditarik_pada is None

    @property
    def nama_berkas(self) -> str:
        dasar = f"{self.jenis}-{self.nomor or self.nomor_register or self.kode_verifikasi}-publik"
        aman = "".join(c if c.isascii() and c.isalnum() else "-" for c in dasar)
        return f"{'-'.join(filter(None, aman.split('-')))}.pdf"
