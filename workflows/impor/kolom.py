"""Which spreadsheet column holds which field: detected from the header names commissions
use ("No. Register", "Tanggal Register", "Pemohon", "Status", "Putusan", ...), then shown
to the user, who may change it before the dry run."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from sengketa.register import KOLOM

from .nilai import normal


@dataclass(frozen=True)
class Medan:
    kunci: str
    label: object  # lazy translation, for the mapping form
    wajib: bool = False
    sinonim: tuple[str, ...] = ()


# The header of the register export comes first in each list (sengketa.register.KOLOM).
MEDAN = (
    Medan("nomor_register", _("Register number"), False, (
        "nomor register", "no register", "no reg", "nomor registrasi", "no registrasi",
        "nomor perkara", "no perkara", "register", "register number",
    )),
    Medan("tanggal_diterima", _("Date received"), True, (
        "tanggal diterima", "tgl diterima", "tanggal masuk", "tgl masuk", "tanggal terima",
        "tanggal pengajuan", "tanggal permohonan sengketa", "diterima", "date received",
    )),
    Medan("tanggal_registrasi", _("Registration date"), False, (
        "tanggal registrasi", "tanggal register", "tgl register", "tgl registrasi", "tgl reg",
        "tanggal reg", "registration date",
    )),
    Medan("jenis_pemohon", _("Applicant type"), False, (
        "jenis pemohon", "kategori pemohon", "tipe pemohon", "applicant type",
    )),
    Medan("pemohon", _("Applicant"), True, (
        "pemohon", "nama pemohon", "pemohon informasi", "applicant",
    )),
    Medan("kuasa", _("Applicant's representative"), False, (
        "kuasa pemohon", "kuasa", "kuasa hukum", "kuasa hukum pemohon", "representative",
    )),
    Medan("termohon", _("Respondent"), True, (
        "termohon", "nama termohon", "badan publik", "termohon badan publik", "respondent",
    )),
    Medan("informasi", _("Requested information"), True, (
        "informasi yang diminta", "informasi diminta", "informasi yang dimohon", "pokok permohonan",
        "objek sengketa", "informasi", "requested information",
    )),
    Medan("alasan", _("Reasons (Article 35(1))"), True, (
        "alasan keberatan", "alasan", "alasan permohonan", "alasan pengajuan", "pasal 35",
        "reasons",
    )),
    Medan("majelis", _("Panel"), False, (
        "majelis komisioner", "majelis", "susunan majelis", "panel",
    )),
    Medan("panitera_pengganti", _("Substitute registrar (PP)"), False, (
        "panitera pengganti", "pp", "substitute registrar",
    )),
    Medan("mediator", _("Mediator"), False, ("mediator", "mediator komisioner")),
    Medan("sidang", _("Hearings"), False, (
        "sidang", "tanggal sidang", "jadwal sidang", "hearings",
    )),
    Medan("tahapan", _("Stage"), True, (
        "tahapan", "status", "tahap", "status perkara", "tahapan perkara", "stage",
    )),
    Medan("jalur", _("Path"), False, ("jalur", "jalur penyelesaian", "path")),
    Medan("hasil", _("Outcome"), False, (
        "hasil", "putusan", "amar", "amar putusan", "hasil penyelesaian", "outcome",
    )),
    Medan("tanggal_selesai", _("Date of the ruling or final act"), False, (
        "tanggal putusan penyelesaian", "tanggal putusan", "tgl putusan", "tanggal penyelesaian",
        "tanggal selesai", "date of the final act",
    )),
    Medan("penerimaan_salinan", _("Copy receipts"), False, (
        "penerimaan salinan putusan", "penerimaan salinan", "salinan putusan diterima",
        "copy receipts",
    )),
    Medan("keberatan", _("Court objection"), False, (
        "keberatan ke pengadilan", "keberatan pengadilan", "keberatan di pengadilan",
        "upaya hukum", "court objection",
    )),
    Medan("tanggal_inkracht", _("Final and binding since"), False, (
        "tanggal berkekuatan hukum tetap", "tanggal inkracht", "inkracht", "tanggal bht", "bht",
    )),
    Medan("dicoret", _("Struck out"), False, ("dicoret", "coret", "struck out")),
    Medan("tanggal_permohonan_informasi", _("Date of the information request"), False, (
        "tanggal permohonan informasi", "tgl permohonan informasi",
        "tanggal permintaan informasi",
    )),
    Medan("tanggal_keberatan", _("Date of the objection (keberatan)"), False, (
        "tanggal keberatan", "tgl keberatan", "tanggal pengajuan keberatan",
    )),
)  # fmt: skip
MEDAN_PER_KUNCI = {m.kunci: m for m in MEDAN}
MEDAN_WAJIB = tuple(m.kunci for m in MEDAN if m.wajib)

# Every field of the register export can be read back, with the export's own header.
_JUDUL_EKSPOR = {k.kunci: k.judul for k in KOLOM}
assert set(MEDAN_PER_KUNCI) == set(_JUDUL_EKSPOR) - {"no"}


def _nama_dikenal(medan: Medan) -> list[str]:
    return [
        normal(_JUDUL_EKSPOR[medan.kunci]),
        normal(str(medan.label)),
        *map(normal, medan.sinonim),
    ]


def deteksi(judul: list[str]) -> dict[str, int]:
    """{field: column index} from the header names. An exact (normalised) name wins; each
    column serves one field; fields are tried in the order of their most specific names,
    so "Tanggal Keberatan" goes to tanggal_keberatan and not to keberatan."""
    kolom = {normal(j): i for i, j in reversed(list(enumerate(judul))) if normal(j)}
    hasil: dict[str, int] = {}
    terpakai: set[int] = set()
    calon = sorted(
        ((nama, m.kunci) for m in MEDAN for nama in _nama_dikenal(m)),
        key=lambda x: -len(x[0]),
    )
    for nama, kunci in calon:
        if kunci in hasil or nama not in kolom or kolom[nama] in terpakai:
            continue
        hasil[kunci] = kolom[nama]
        terpakai.add(kolom[nama])
    return hasil


def skor_judul(baris: list) -> int:
    """How many cells of a row are known header names (to find the header row)."""
    dikenal = {n for m in MEDAN for n in _nama_dikenal(m)}
    return sum(1 for sel in baris if normal(sel) in dikenal)


def kolom_hilang(pemetaan: dict[str, int | None]) -> list[str]:
    return [k for k in MEDAN_WAJIB if pemetaan.get(k) is None]
