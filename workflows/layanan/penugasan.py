"""Conflicts of interest and recusal (Perki 1/2013 Pasal 20-22)."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sengketa import aturan, izin
from sengketa.galat import PrasyaratTidakTerpenuhi, tidak_valid
from sengketa.models import (
    KeputusanPenggantian,
    KonflikKepentingan,
    Penugasan,
    PermohonanPenggantian,
    Sengketa,
    StatusSengketa,
)
from sengketa.peran import Peran

from ..rute import kunci_proses
from . import validasi as v
from .dasar import catat_tindakan, kunci_sengketa, tanggal_efektif
from .pemeriksaan import syarat_peran_staf, tugaskan


def _kunci(sengketa_id: int) -> Sengketa:
    kunci_proses(sengketa_id)
    return kunci_sengketa(sengketa_id)


@transaction.atomic
def konflik_nyatakan(
    *, sengketa_id: int, oleh, pengguna, uraian: str, tanggal: date | None = None
) -> KonflikKepentingan:
    """A person declares (or the registry records) a conflict of interest in a case; an
    appointment of that person to the case is then refused."""
    s = _kunci(sengketa_id)
    pengguna = v.pengguna("pengguna", pengguna)
    if pengguna != oleh or not izin.komisi_pengguna(oleh) & {s.komisi_id}:
        izin.pastikan_boleh(oleh, s, "nyatakan_konflik")
    tanggal = tanggal or tanggal_efektif(s, None)
    konflik = KonflikKepentingan.objects.create(
        sengketa=s,
        pengguna=pengguna,
        uraian=v.teks("uraian", uraian, maks=2000),
        dinyatakan_pada=tanggal,
        dicatat_oleh=oleh,
    )
    catat_tindakan(
        s,
        nama="nyatakan_konflik",
        oleh=oleh,
        tanggal=tanggal,
        parameter={"pengguna": pengguna.get_username(), "konflik": konflik.pk},
    )
    return konflik


@transaction.atomic
def penggantian_ajukan(
    *, sengketa_id: int, oleh, pihak, penugasan_id: int, alasan: str, tanggal: date | None = None
) -> PermohonanPenggantian:
    """A party asks to replace a commissioner or mediator, before mediation or adjudication
    starts (Perki 1/2013 Pasal 20: at least 2 HK before)."""
    s = _kunci(sengketa_id)
    izin.pastikan_boleh(oleh, s, "ajukan_penggantian")
    if s.status not in (StatusSengketa.TEREGISTRASI, StatusSengketa.PEMERIKSAAN_AWAL):
        raise PrasyaratTidakTerpenuhi(
            [
                (
                    "penggantian_terlambat",
                    _("Recusal must be asked before mediation or adjudication starts."),
                )
            ],
            transisi="ajukan_penggantian",
            status=s.status,
        )
    pemohon_ganti = next((p for p in s.pihak.all() if p.pk == getattr(pihak, "pk", pihak)), None)
    if pemohon_ganti is None:
        raise tidak_valid("pihak", _("This party is not a party to the case."))
    penugasan = Penugasan.objects.filter(pk=penugasan_id, sengketa=s, aktif=True).first()
    if penugasan is None:
        raise tidak_valid("penugasan", _("Unknown appointment in this case."))
    tanggal = tanggal_efektif(s, tanggal)
    permohonan = PermohonanPenggantian.objects.create(
        sengketa=s,
        pemohon_penggantian=pemohon_ganti,
        penugasan=penugasan,
        alasan=v.teks("alasan", alasan, maks=4000),
        tanggal_permohonan=tanggal,
    )
    catat_tindakan(
        s,
        nama="ajukan_penggantian",
        oleh=oleh,
        tanggal=tanggal,
        parameter={"permohonan": permohonan.pk, "penugasan": penugasan.pk},
    )
    return permohonan


@transaction.atomic
def penggantian_putuskan(
    *,
    permohonan_id: int,
    oleh,
    dikabulkan: bool,
    pertimbangan: str,
    pengganti=None,
    tanggal: date | None = None,
) -> PermohonanPenggantian:
    """The ketua decides; a replacement ends the old appointment and starts the new one."""
    sengketa_id = PermohonanPenggantian.objects.values_list("sengketa_id", flat=True).get(
        pk=permohonan_id
    )
    s = _kunci(sengketa_id)
    izin.pastikan_boleh(oleh, s, "putuskan_penggantian")
    permohonan = PermohonanPenggantian.objects.select_for_update().get(pk=permohonan_id)
    if permohonan.keputusan != KeputusanPenggantian.MENUNGGU:
        raise PrasyaratTidakTerpenuhi(
            [("sudah_diputus", _("This request has already been decided."))],
            transisi="putuskan_penggantian",
            status=s.status,
        )
    tanggal = tanggal_efektif(s, tanggal)
    dikabulkan = v.benar_salah("dikabulkan", dikabulkan)
    if dikabulkan and not permohonan.penugasan.aktif:
        raise PrasyaratTidakTerpenuhi(
            [("penugasan_sudah_berakhir", _("This appointment has already ended."))],
            transisi="putuskan_penggantian",
            status=s.status,
        )
    permohonan.pertimbangan = v.teks("pertimbangan", pertimbangan, maks=4000)
    permohonan.keputusan = (
        KeputusanPenggantian.DIKABULKAN if dikabulkan else KeputusanPenggantian.DITOLAK
    )
    permohonan.tanggal_keputusan = tanggal
    if dikabulkan:
        permohonan.pengganti = _ganti(s, permohonan.penugasan, pengganti, tanggal)
    permohonan.save()
    catat_tindakan(
        s,
        nama="putuskan_penggantian",
        oleh=oleh,
        tanggal=tanggal,
        parameter={
            "permohonan": permohonan.pk,
            "dikabulkan": dikabulkan,
            "pengganti": permohonan.pengganti.get_username() if permohonan.pengganti else None,
        },
    )
    return permohonan


def _ganti(s: Sengketa, lama: Penugasan, pengganti, tanggal: date):
    baru = v.pengguna("pengganti", pengganti)
    if Penugasan.objects.filter(sengketa=s, pengguna=baru, aktif=True).exists():
        raise tidak_valid("pengganti", _("The replacement already works on this case."))
    peran_staf = (Peran.PANITERA, Peran.PANITERA_PENGGANTI)
    if lama.peran != "panitera_pengganti":
        peran_staf = (Peran.KOMISIONER, Peran.KETUA)
    syarat_peran_staf(baru, peran_staf, s.komisi_id, "pengganti")
    konflik = aturan.tanpa_konflik(s, [baru])
    if konflik:
        raise PrasyaratTidakTerpenuhi(konflik, transisi="putuskan_penggantian", status=s.status)
    lama.aktif, lama.tanggal_selesai = False, tanggal
    lama.alasan_selesai = str(_("Replaced after a recusal request"))
    lama.save(update_fields=["aktif", "tanggal_selesai", "alasan_selesai"])
    tugaskan(s, baru, lama.peran, tanggal)
    return baru
