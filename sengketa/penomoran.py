"""Register, ruling and letter numbers (siklus-sengketa.md §6).

Gap-free and safe under concurrent registrations: the counter row of (commission, series,
year) is locked with SELECT ... FOR UPDATE inside the caller's transaction, so two
registrations queue on it and a rolled-back registration gives its number back. On SQLite
the IMMEDIATE transaction mode serialises writers, which gives the same guarantee.
"""

import functools
import re
import string
from datetime import date

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .galat import tidak_valid
from .models import NomorDicoret, Penghitung, Sengketa, SeriNomor

BULAN_ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

# What {seri} stands for in a commission's letter template (template_nomor_surat): the kind
# of letter. Summonses and the registry's other letters share the letter counter; penetapan
# have their own (SeriNomor.PENETAPAN), so each kind reads as its own series on paper.
SERI_PANGGILAN = "PANG"
SERI_SURAT = "SRT"
SERI_PENETAPAN = "PEN"
# Penetapan of a commission whose letter template has no {seri}: that template was written
# for summonses (KIP Kaltim's reads .../PANG/...), and a decree must not carry that mark.
TEMPLATE_PENETAPAN_BAWAAN = "{seq:03}/PEN/{kode}/{bulan_romawi}/{tahun}"


def format_nomor(
    template: str, *, seq: int, tanggal: date, kode: str, jalur: str = "", seri: str = ""
) -> str:
    return template.format(
        seq=seq,
        bulan=tanggal.month,
        bulan_romawi=BULAN_ROMAWI[tanggal.month - 1],
        tahun=tanggal.year,
        kode=kode,
        jalur=jalur,
        seri=seri,
    )


def template_nomor(komisi, seri: str) -> str:
    """The one place that says which of the commission's templates numbers a series."""
    if seri == SeriNomor.REGISTER:
        return komisi.template_nomor_register
    if seri == SeriNomor.PENETAPAN:
        surat = komisi.template_nomor_surat
        return surat if "{seri" in surat else TEMPLATE_PENETAPAN_BAWAAN
    return komisi.template_nomor_surat


def urutan_berikutnya(komisi, seri: str, tahun: int) -> int:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("numbers are issued inside the transaction that uses them")
    # Create the counter if this is the year's first number; ignore_conflicts makes the race
    # between two first registrations harmless (both then lock the same row).
    Penghitung.objects.bulk_create(
        [Penghitung(komisi=komisi, seri=seri, tahun=tahun)], ignore_conflicts=True
    )
    penghitung = Penghitung.objects.select_for_update().get(komisi=komisi, seri=seri, tahun=tahun)
    penghitung.terakhir += 1
    penghitung.save(update_fields=["terakhir"])
    return penghitung.terakhir


def nomor_register_baru(komisi, tanggal: date) -> tuple[int, str]:
    seq = urutan_berikutnya(komisi, SeriNomor.REGISTER, tanggal.year)
    return seq, format_nomor(
        template_nomor(komisi, SeriNomor.REGISTER), seq=seq, tanggal=tanggal, kode=komisi.kode
    )


# What each token of a template looks like in a written number (urutan_dari_nomor).
_POLA_TOKEN = {
    "seq": r"(?P<seq>\d+)",
    "bulan": r"\d{1,2}",
    "bulan_romawi": r"[IVXLC]+",
    "tahun": r"\d{4}",
    "kode": r".+?",
    "jalur": r"[A-Z-]*",
    "seri": r"[A-Za-z-]*",
}


@functools.lru_cache(maxsize=64)
def _pola_template(template: str) -> re.Pattern | None:
    """The regular expression of numbers written with `template` (None without {seq})."""
    pola, seq_terlihat = "", False
    for teks, nama, _spec, _konv in string.Formatter().parse(template):
        pola += re.escape(teks)
        if nama is None:
            continue
        if nama == "seq" and seq_terlihat:
            pola += r"\d+"
            continue
        seq_terlihat = seq_terlihat or nama == "seq"
        pola += _POLA_TOKEN.get(nama, r".*?")
    return re.compile(pola, flags=re.IGNORECASE) if seq_terlihat else None


def urutan_dari_nomor(template: str, nomor: str) -> int | None:
    """The sequence of a number written with `template`, or else its first run of digits:
    how a number from a paper register (an import) keeps its place in the series."""
    pola = _pola_template(template)
    cocok = pola.fullmatch(nomor.strip()) if pola else None
    if cocok is None:
        cocok = re.search(r"(?P<seq>\d+)", nomor)
    return int(cocok.group("seq")) if cocok else None


def nomor_register_lama(komisi, nomor: str, tanggal: date) -> tuple[int, str]:
    """An existing register number entered with a historical case (register import): kept
    exactly as written, never issued twice, and the counter of its year moves past it so
    that numbers issued later do not collide with it."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("numbers are issued inside the transaction that uses them")
    seq = urutan_dari_nomor(template_nomor(komisi, SeriNomor.REGISTER), nomor)
    if seq is None:
        raise tidak_valid("nomor_register", _("The register number has no sequence number."))
    dipakai = Sengketa.objects.filter(komisi=komisi, nomor_register=nomor).exists()
    if dipakai or NomorDicoret.objects.filter(komisi=komisi, nomor=nomor).exists():
        raise tidak_valid(
            "nomor_register", _("The register number %(nomor)s is already used.") % {"nomor": nomor}
        )
    Penghitung.objects.bulk_create(
        [Penghitung(komisi=komisi, seri=SeriNomor.REGISTER, tahun=tanggal.year)],
        ignore_conflicts=True,
    )
    penghitung = Penghitung.objects.select_for_update().get(
        komisi=komisi, seri=SeriNomor.REGISTER, tahun=tanggal.year
    )
    if penghitung.terakhir < seq:
        penghitung.terakhir = seq
        penghitung.save(update_fields=["terakhir"])
    return seq, nomor


def nomor_putusan(sengketa) -> str:
    """KI Pusat numbers rulings with the register's seq and month plus the path (M, A, M-A);
    commissions without a ruling template (KIP Kaltim) reuse the register number."""
    komisi = sengketa.komisi
    if not komisi.template_nomor_putusan:
        return sengketa.nomor_register
    return format_nomor(
        komisi.template_nomor_putusan,
        seq=sengketa.nomor_urut_register,
        tanggal=sengketa.tanggal_registrasi,
        kode=komisi.kode,
        jalur=sengketa.jalur or "A",
    )


def nomor_surat_baru(komisi, tanggal: date, *, seri: str = SERI_PANGGILAN) -> str:
    """A letter's number: a summons (the default) or, with `seri=SERI_SURAT`, another letter
    of the registry (notices, the copy of the application)."""
    seq = urutan_berikutnya(komisi, SeriNomor.SURAT, tanggal.year)
    return format_nomor(
        template_nomor(komisi, SeriNomor.SURAT),
        seq=seq,
        tanggal=tanggal,
        kode=komisi.kode,
        seri=seri,
    )


def nomor_penetapan_baru(komisi, tanggal: date) -> str:
    """A penetapan's number, in the decrees' own series (siklus-sengketa.md §6)."""
    seq = urutan_berikutnya(komisi, SeriNomor.PENETAPAN, tanggal.year)
    return format_nomor(
        template_nomor(komisi, SeriNomor.PENETAPAN),
        seq=seq,
        tanggal=tanggal,
        kode=komisi.kode,
        seri=SERI_PENETAPAN,
    )


def nomor_tanda_terima(sengketa) -> str:
    """The receipt's number: the application's own id, known before any registration."""
    return f"TT-{sengketa.pk:05d}/{sengketa.komisi.kode}/{sengketa.tanggal_diterima.year}"
