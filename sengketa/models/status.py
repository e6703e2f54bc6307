"""State codes of siklus-sengketa.md §2 and the vocabularies of §3."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StatusSengketa(models.TextChoices):
    DITERIMA = "diterima", _("Received")
    MENUNGGU_KELENGKAPAN = "menunggu_kelengkapan", _("Awaiting completion")
    TIDAK_DIREGISTRASI = "tidak_diregistrasi", _("Not registered")
    TEREGISTRASI = "teregistrasi", _("Registered")
    PEMERIKSAAN_AWAL = "pemeriksaan_awal", _("Preliminary examination")
    MEDIASI = "mediasi", _("Mediation")
    AJUDIKASI = "ajudikasi", _("Adjudication")
    MUSYAWARAH = "musyawarah", _("Panel deliberation")
    DIPUTUS = "diputus", _("Decided")
    KEBERATAN_PENGADILAN = "keberatan_pengadilan", _("Objection in court")
    BERKEKUATAN_HUKUM_TETAP = "berkekuatan_hukum_tetap", _("Final and binding")
    SELESAI_MEDIASI = "selesai_mediasi", _("Settled by mediation")
    TIDAK_DITERIMA = "tidak_diterima", _("Inadmissible")
    DILIMPAHKAN = "dilimpahkan", _("Transferred")
    DICABUT = "dicabut", _("Withdrawn")
    GUGUR = "gugur", _("Lapsed")


S = StatusSengketa

STATUS_AKHIR = frozenset(
    {
        S.TIDAK_DIREGISTRASI,
        S.BERKEKUATAN_HUKUM_TETAP,
        S.SELESAI_MEDIASI,
        S.TIDAK_DITERIMA,
        S.DILIMPAHKAN,
        S.DICABUT,
        S.GUGUR,
    }
)
STATUS_AWAL = S.DITERIMA

# Where the examination runs: a withdrawal from here on needs the majelis (spec: cabut).
STATUS_PEMERIKSAAN = (S.PEMERIKSAAN_AWAL, S.MEDIASI, S.AJUDIKASI, S.MUSYAWARAH)
STATUS_BOLEH_CABUT = (S.DITERIMA, S.MENUNGGU_KELENGKAPAN, S.TEREGISTRASI, *STATUS_PEMERIKSAAN)


class Saluran(models.TextChoices):
    LANGSUNG = "langsung", _("In person")
    POS = "pos", _("Post")
    EMAIL = "email", _("E-mail")
    DARING = "daring", _("Online")


class Alasan(models.TextChoices):
    """UU 14/2008 Pasal 35 ayat (1): the grounds of a keberatan."""

    A = "a", _("a. refusal on the grounds of exempted information (Article 17)")
    B = "b", _("b. periodic information not provided (Article 9)")
    C = "c", _("c. request not answered")
    D = "d", _("d. request answered not as requested")
    E = "e", _("e. request not fulfilled")
    F = "f", _("f. unreasonable fee")
    G = "g", _("g. information delivered late")


class Amar(models.TextChoices):
    DIKABULKAN_SELURUHNYA = "dikabulkan_seluruhnya", _("Granted in full")
    DIKABULKAN_SEBAGIAN = "dikabulkan_sebagian", _("Granted in part")
    DITOLAK = "ditolak", _("Rejected")


class DasarPutusanSela(models.TextChoices):
    TIDAK_BERWENANG = "tidak_berwenang", _("Commission lacks competence")
    LEGAL_STANDING_PEMOHON = "legal_standing_pemohon", _("Applicant lacks standing")
    LEGAL_STANDING_TERMOHON = "legal_standing_termohon", _("Respondent is not a public body")
    DALUWARSA = "daluwarsa", _("Filed out of time")
    PREMATUR = "prematur", _("Filed prematurely")
    ITIKAD_TIDAK_BAIK = "itikad_tidak_baik", _("Bad faith")


class SebabMediasiGagal(models.TextChoices):
    TIDAK_SEPAKAT = "tidak_sepakat", _("No agreement")
    PIHAK_MENARIK_DIRI = "pihak_menarik_diri", _("A party withdrew")
    WAKTU_HABIS = "waktu_habis", _("Time ran out")
    TERMOHON_TIDAK_HADIR = "termohon_tidak_hadir", _("Respondent absent")


class Jalur(models.TextChoices):
    """The path of a case, used in KI Pusat's ruling numbers (…/KIP-PS-M-A/2013)."""

    AJUDIKASI = "A", _("Adjudication")
    MEDIASI = "M", _("Mediation")
    MEDIASI_AJUDIKASI = "M-A", _("Mediation, then adjudication")


class JenisPengadilan(models.TextChoices):
    PTUN = "PTUN", _("Administrative court (PTUN)")
    PN = "PN", _("District court (PN)")
    MA = "MA", _("Supreme Court (cassation)")
