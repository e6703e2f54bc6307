"""`koreksi`: undo exactly one transition (siklus-sengketa.md §3).

The case returns to the state before its last transition and the fields that transition
changed get their previous values back (recorded in its history row). What the transition
created is kept but switched off: appointments end, court records are marked cancelled, a
register number is struck out and never issued again. Documents it issued are marked
`dibatalkan` by the document module, which receives the announcement.
"""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sengketa.galat import PrasyaratTidakTerpenuhi
from sengketa.models import (
    NomorDicoret,
    Penugasan,
    PeranPenugasan,
    RiwayatStatus,
    Sengketa,
)

from . import validasi as v
from .dasar import Langkah, pulihkan_nilai

PERAN_MAJELIS = (
    PeranPenugasan.KETUA_MAJELIS,
    PeranPenugasan.ANGGOTA_MAJELIS,
    PeranPenugasan.PANITERA_PENGGANTI,
)
PERAN_MEDIASI = (PeranPenugasan.MEDIATOR, PeranPenugasan.MEDIATOR_PEMBANTU)


def transisi_terakhir(sengketa: Sengketa) -> RiwayatStatus | None:
    """The last status transition still in force (corrections and the intake are not undone)."""
    return (
        sengketa.riwayat.filter(ubah_status=True, dikoreksi=False)
        .exclude(transisi__in=("koreksi", "terima"))
        .order_by("-id")
        .first()
    )


def _akhiri_penugasan(s: Sengketa, peran, tanggal: date, alasan: str) -> None:
    Penugasan.objects.filter(sengketa=s, peran__in=peran, aktif=True).update(
        aktif=False, tanggal_selesai=tanggal, alasan_selesai=alasan
    )


def _batalkan_terakhir(queryset) -> None:
    terakhir = queryset.filter(dibatalkan=False).order_by("-id").first()
    if terakhir:
        terakhir.dibatalkan = True
        terakhir.save(update_fields=["dibatalkan"])


def _tarik_pelimpahan(s: Sengketa, riwayat: RiwayatStatus, alasan: str) -> None:
    """Each commission decides on its own cases: a transfer is undone only after the
    receiving commission has withdrawn (or declined) the case it received, so no copy is
    left running with nothing pointing at it."""
    salinan = Sengketa.objects.filter(pk=riwayat.parameter.get("sengketa_baru")).first()
    if salinan is None or salinan.status in ("dicabut", "tidak_diregistrasi"):
        return
    raise PrasyaratTidakTerpenuhi(
        [
            (
                "pelimpahan_masih_berjalan",
                _(
                    "The receiving commission must first withdraw the transferred case"
                    " (%(komisi)s, application #%(id)s)."
                )
                % {"komisi": salinan.komisi.kode, "id": salinan.pk},
            )
        ],
        transisi="koreksi",
        status=s.status,
    )


def _urungkan_baris(s: Sengketa, riwayat: RiwayatStatus, tanggal: date, alasan: str) -> None:
    """Switch off the rows the undone transition created."""
    if riwayat.transisi == "tetapkan_majelis":
        _akhiri_penugasan(s, PERAN_MAJELIS, tanggal, alasan)
    elif riwayat.transisi == "mulai_mediasi":
        _akhiri_penugasan(s, PERAN_MEDIASI, tanggal, alasan)
    elif riwayat.transisi == "catat_keberatan":
        _batalkan_terakhir(s.keberatan_pengadilan)
    elif riwayat.transisi == "catat_putusan_pengadilan":
        _batalkan_terakhir(s.putusan_pengadilan)
    elif riwayat.transisi == "bacakan_putusan":
        # The copies were of the undone ruling: their receipts (and windows) go with it.
        s.penerimaan_salinan.filter(dibatalkan=False).update(dibatalkan=True)
    elif riwayat.transisi == "limpahkan":
        _tarik_pelimpahan(s, riwayat, alasan)
    elif riwayat.transisi == "registrasi":
        NomorDicoret.objects.create(
            komisi=s.komisi, sengketa=s, nomor=s.nomor_register, tanggal=tanggal, alasan=alasan
        )


@transaction.atomic
def sengketa_koreksi(
    *, sengketa_id: int, oleh, alasan: str, tanggal: date | None = None, atas_nama: str = ""
) -> Sengketa:
    langkah = Langkah.mulai(
        sengketa_id=sengketa_id, nama="koreksi", oleh=oleh, tanggal=tanggal, atas_nama=atas_nama
    )
    s = langkah.sengketa
    alasan = v.teks("alasan", alasan, maks=1000)
    riwayat = transisi_terakhir(s)
    if riwayat is None:
        langkah.tolak_jika([("tidak_ada_transisi", _("There is no transition to undo."))])
    _urungkan_baris(s, riwayat, langkah.tanggal, alasan)
    s.koreksi(kembali_ke=riwayat.dari, nilai_lama=pulihkan_nilai(riwayat.nilai_lama))
    riwayat.dikoreksi = True
    riwayat.save(update_fields=["dikoreksi"])
    sebelumnya = transisi_terakhir(s)
    hasil = langkah.selesai(
        parameter={"alasan": alasan, "mengurungkan": riwayat.transisi, "riwayat": riwayat.pk},
        data={"riwayat_diurungkan": riwayat.pk},
    )
    # The previous step's date is again the floor for the next effective date.
    hasil.tanggal_efektif_terakhir = sebelumnya.tanggal if sebelumnya else s.tanggal_diterima
    hasil.save(update_fields=["tanggal_efektif_terakhir"])
    return hasil
