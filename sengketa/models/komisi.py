"""The commission (tenant) and the public bodies it hears disputes against."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Tingkat(models.TextChoices):
    PUSAT = "pusat", _("Central")
    PROVINSI = "provinsi", _("Province")
    KABUPATEN_KOTA = "kabupaten_kota", _("Regency/city")


class UkuranKertas(models.TextChoices):
    A4 = "A4", "A4"
    F4 = "F4", "F4 (215 × 330 mm)"


class AwalPenyelesaian(models.TextChoices):
    """From when the 100 HK of UU 38(2) run: the law says 'sejak diterimanya permohonan'."""

    REGISTRASI = "registrasi", _("Registration date")
    DITERIMA = "diterima", _("Date received")


class SatuanWaktu(models.TextChoices):
    HARI_KERJA = "hk", _("working days")
    HARI_KALENDER = "hari", _("calendar days")


class KomisiInformasi(models.Model):
    """A commission. Every other row belongs to one; the [setting] values of the spec live here."""

    kode = models.SlugField(_("code"), max_length=30, unique=True, allow_unicode=False)
    nama = models.CharField(_("name"), max_length=200)
    nama_singkat = models.CharField(_("short name"), max_length=60, blank=True)
    tingkat = models.CharField(_("level"), max_length=20, choices=Tingkat.choices)
    zona_waktu = models.CharField(_("time zone"), max_length=40, default="Asia/Makassar")
    alamat = models.TextField(_("address"), blank=True)
    kota = models.CharField(_("city"), max_length=100, blank=True)
    telepon = models.CharField(_("telephone"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    situs_web = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logo/", blank=True)
    ukuran_kertas = models.CharField(
        _("paper size"), max_length=2, choices=UkuranKertas.choices, default=UkuranKertas.A4
    )

    # Numbering templates (spec §6). Tokens: {seq} {seq:03} {bulan} {bulan_romawi} {tahun}
    # {kode} {jalur}. An empty ruling template means rulings reuse the register number.
    template_nomor_register = models.CharField(
        _("register number template"),
        max_length=120,
        default="{seq:03}/REG-PSI/{kode}/{bulan_romawi}/{tahun}",
    )
    template_nomor_putusan = models.CharField(
        _("ruling number template"), max_length=120, blank=True
    )
    template_nomor_surat = models.CharField(
        _("letter number template"),
        max_length=120,
        default="{seq:03}/PANG/{kode}/{bulan_romawi}/{tahun}",
    )

    # [setting] values of siklus-sengketa.md and kalender.md, with the spec's defaults.
    cuti_bersama_libur = models.BooleanField(_("collective leave is a day off"), default=True)
    hk_pengajuan = models.PositiveSmallIntegerField(_("filing window (WD)"), default=14)
    hk_tanggapan_atasan = models.PositiveSmallIntegerField(
        _("time for the superior's answer (WD)"), default=30
    )
    hk_kelengkapan = models.PositiveSmallIntegerField(_("completion period (WD)"), default=7)
    hk_mulai_penyelesaian = models.PositiveSmallIntegerField(
        _("start of settlement (WD)"), default=14
    )
    hk_penyelesaian = models.PositiveSmallIntegerField(_("settlement period (WD)"), default=100)
    awal_penyelesaian = models.CharField(
        _("settlement period starts at"),
        max_length=20,
        choices=AwalPenyelesaian.choices,
        default=AwalPenyelesaian.REGISTRASI,
    )
    jumlah_majelis_minimal = models.PositiveSmallIntegerField(_("minimum panel size"), default=3)
    hk_mediasi = models.PositiveSmallIntegerField(_("mediation period (WD)"), default=14)
    hk_perpanjangan_mediasi_maks = models.PositiveSmallIntegerField(
        _("maximum mediation extension (WD)"), default=7
    )
    hk_panggilan_patut = models.PositiveSmallIntegerField(_("summons lead time (WD)"), default=3)
    hk_salinan = models.PositiveSmallIntegerField(_("time to serve copies (WD)"), default=3)
    panjang_keberatan = models.PositiveSmallIntegerField(_("objection window"), default=14)
    satuan_keberatan = models.CharField(
        _("objection window unit"),
        max_length=4,
        choices=SatuanWaktu.choices,
        default=SatuanWaktu.HARI_KERJA,
    )
    geser_ke_hari_kerja = models.BooleanField(
        _("a calendar-day deadline ending on a day off moves to the next working day"),
        default=True,
    )
    hk_mendekati = models.PositiveSmallIntegerField(
        _("deadline is 'approaching' within (WD)"), default=10
    )

    class Meta:
        verbose_name = _("information commission")
        verbose_name_plural = _("information commissions")
        ordering = ["kode"]

    def __str__(self) -> str:
        return self.nama


class Keanggotaan(models.Model):
    """A user works for a commission. Roles are Django groups; this says where they apply."""

    komisi = models.ForeignKey(
        KomisiInformasi, models.CASCADE, related_name="keanggotaan", verbose_name=_("commission")
    )
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="keanggotaan_komisi",
        verbose_name=_("user"),
    )
    jabatan = models.CharField(_("position"), max_length=120, blank=True)
    nip = models.CharField(_("employee number"), max_length=40, blank=True)
    telepon = models.CharField(_("telephone"), max_length=60, blank=True)
    aktif = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("commission membership")
        verbose_name_plural = _("commission memberships")
        constraints = [
            models.UniqueConstraint(fields=["komisi", "pengguna"], name="keanggotaan_unik")
        ]

    def __str__(self) -> str:
        return f"{self.pengguna} @ {self.komisi.kode}"


class KategoriBadanPublik(models.TextChoices):
    """Respondent categories of statistik.md table 5."""

    KEMENTERIAN_LEMBAGA = "kementerian_lembaga", _("Ministry / state agency")
    PEMERINTAH_PROVINSI = "pemerintah_provinsi", _("Provincial government")
    PEMERINTAH_KABUPATEN_KOTA = "pemerintah_kabupaten_kota", _("Regency/city government")
    PERANGKAT_DAERAH = "perangkat_daerah", _("Regional agency")
    DESA_KELURAHAN = "desa_kelurahan", _("Village")
    SEKOLAH_PERGURUAN_TINGGI = "sekolah_perguruan_tinggi", _("School / university")
    BUMN_BUMD = "bumn_bumd", _("State/regional enterprise")
    PARTAI_POLITIK = "partai_politik", _("Political party")
    ORGANISASI_NON_PEMERINTAH = "organisasi_non_pemerintah", _("Non-governmental organisation")
    LAINNYA = "lainnya", _("Other")


class BadanPublik(models.Model):
    komisi = models.ForeignKey(
        KomisiInformasi, models.PROTECT, related_name="badan_publik", verbose_name=_("commission")
    )
    nama = models.CharField(_("name"), max_length=250)
    kategori = models.CharField(_("category"), max_length=40, choices=KategoriBadanPublik.choices)
    alamat = models.TextField(_("address"), blank=True)
    kota = models.CharField(_("city"), max_length=100, blank=True)
    ppid_nama = models.CharField(_("PPID officer"), max_length=200, blank=True)
    ppid_email = models.EmailField(_("PPID e-mail"), blank=True)
    ppid_telepon = models.CharField(_("PPID telephone"), max_length=60, blank=True)
    petugas = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="badan_publik_ditangani",
        verbose_name=_("officers with a portal account"),
        help_text=_("PPID or legal staff who follow this body's cases; linked by the registry."),
    )
    aktif = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("public body")
        verbose_name_plural = _("public bodies")
        ordering = ["nama"]
        constraints = [
            models.UniqueConstraint(fields=["komisi", "nama"], name="badan_publik_nama_unik")
        ]

    def __str__(self) -> str:
        return self.nama
