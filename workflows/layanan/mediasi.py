"""Mediation outcomes (Perki 1/2013 Pasal 38-44; UU 14/2008 Pasal 39)."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sengketa.models import SebabMediasiGagal, Sengketa

from . import validasi as v
from .dasar import mulai_langkah


@transaction.atomic
def sengketa_perpanjang_mediasi(
    *,
    sengketa_id: int,
    oleh,
    hari: int,
    persetujuan_para_pihak: bool,
    tanggal: date | None = None,
    atas_nama: str = "",
) -> Sengketa:
    """Perki 41: the mediation period may be extended once, by agreement, by at most 7 HK."""
    langkah = mulai_langkah("perpanjang_mediasi", sengketa_id, oleh, tanggal, atas_nama)
    s = langkah.sengketa
    hari = v.bilangan("hari", hari, minimum=1, maksimum=s.komisi.hk_perpanjangan_mediasi_maks)
    alasan = []
    if s.mediasi_diperpanjang_hk:
        alasan.append(("sudah_diperpanjang", _("Mediation has already been extended once.")))
    if not v.benar_salah("persetujuan_para_pihak", persetujuan_para_pihak):
        alasan.append(("tanpa_persetujuan_para_pihak", _("Both parties must agree.")))
    langkah.tolak_jika(alasan)
    s.perpanjang_mediasi(hari=hari)
    return langkah.selesai(parameter={"hari": hari, "persetujuan_para_pihak": True})


@transaction.atomic
def sengketa_mediasi_berhasil(
    *,
    sengketa_id: int,
    oleh,
    kesepakatan: list[str],
    jangka_waktu_pelaksanaan: int,
    tanggal: date | None = None,
    atas_nama: str = "",
) -> Sengketa:
    langkah = mulai_langkah("mediasi_berhasil", sengketa_id, oleh, tanggal, atas_nama)
    kesepakatan = v.daftar_teks("kesepakatan", kesepakatan)
    jangka = v.bilangan(
        "jangka_waktu_pelaksanaan", jangka_waktu_pelaksanaan, minimum=1, maksimum=365
    )
    langkah.sengketa.mediasi_berhasil(
        kesepakatan=kesepakatan, jangka_waktu=jangka, tanggal=langkah.tanggal
    )
    return langkah.selesai(
        parameter={"kesepakatan": kesepakatan, "jangka_waktu_pelaksanaan": jangka}
    )


@transaction.atomic
def sengketa_mediasi_gagal(
    *,
    sengketa_id: int,
    oleh,
    sebab: str,
    kesepakatan_sebagian: str = "",
    tanggal: date | None = None,
    atas_nama: str = "",
) -> Sengketa:
    """The dispute goes on to adjudication (the part agreed, if any, is recorded)."""
    langkah = mulai_langkah("mediasi_gagal", sengketa_id, oleh, tanggal, atas_nama)
    sebab = v.pilihan("sebab", sebab, SebabMediasiGagal)
    sebagian = v.teks("kesepakatan_sebagian", kesepakatan_sebagian, wajib=False)
    langkah.sengketa.mediasi_gagal(
        sebab=sebab, kesepakatan_sebagian=sebagian, tanggal=langkah.tanggal
    )
    return langkah.selesai(parameter={"sebab": sebab, "kesepakatan_sebagian": sebagian})
