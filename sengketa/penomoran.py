"""Register, ruling and letter numbers (siklus-sengketa.md §6).

Gap-free and safe under concurrent registrations: the counter row of (commission, series,
year) is locked with SELECT ... FOR UPDATE inside the caller's transaction, so two
registrations queue on it and a rolled-back registration gives its number back. On SQLite
the IMMEDIATE transaction mode serialises writers, which gives the same guarantee.
"""

from datetime import date

from django.db import transaction

from .models import Penghitung, SeriNomor

BULAN_ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def format_nomor(template: str, *, seq: int, tanggal: date, kode: str, jalur: str = "") -> str:
    return template.format(
        seq=seq,
        bulan=tanggal.month,
        bulan_romawi=BULAN_ROMAWI[tanggal.month - 1],
        tahun=tanggal.year,
        kode=kode,
        jalur=jalur,
    )


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
        komisi.template_nomor_register, seq=seq, tanggal=tanggal, kode=komisi.kode
    )


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


def nomor_surat_baru(komisi, tanggal: date) -> str:
    seq = urutan_berikutnya(komisi, SeriNomor.SURAT, tanggal.year)
    return format_nomor(komisi.template_nomor_surat, seq=seq, tanggal=tanggal, kode=komisi.kode)
