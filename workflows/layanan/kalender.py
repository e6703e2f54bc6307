"""Changing the holiday calendar moves running deadlines: recompute them and record which."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sengketa.galat import TidakBerwenang, tidak_valid
from sengketa.izin import punya_peran
from sengketa.kalender import Kalender, kalender_reset
from sengketa.models import HariLibur, JenisLibur, KomisiInformasi, Penangguhan, Sengketa, Tenggat
from sengketa.peran import Peran
from sengketa.waktu import hari_ini

from . import validasi as v
from .dasar import catat_tindakan
from .tenggat import tenggat_sinkron


def _boleh_atur(oleh, komisi: KomisiInformasi | None) -> None:
    """An admin edits its commission's days; national days need an admin of every commission
    concerned, which in practice is the operator (superuser)."""
    if oleh is None:
        return
    if komisi is None and oleh.is_superuser:
        return
    if komisi is not None and punya_peran(oleh, Peran.ADMIN, komisi.pk):
        return
    raise TidakBerwenang(_("Only the system administrator may change the holiday calendar."))


def _kasus_terdampak(komisi: KomisiInformasi | None):
    """Cases with a deadline still running; a closed case may still have its performance
    period (`pelaksanaan`) open."""
    terbuka = Tenggat.objects.terbuka().values("sengketa_id")
    kasus = Sengketa.objects.filter(pk__in=terbuka).select_related("komisi")
    return kasus.filter(komisi=komisi) if komisi else kasus


def hitung_ulang_tenggat(komisi: KomisiInformasi | None, *, oleh, alasan: str) -> dict[int, list]:
    """Recompute the deadlines of every open case the change applies to; history per case
    that had a deadline move. Returns {case id: [moved deadlines]}."""
    kalender_reset()
    hasil = {}
    kal_cache: dict[int, Kalender] = {}
    for s in _kasus_terdampak(komisi):
        kal = kal_cache.setdefault(s.komisi_id, Kalender.untuk(s.komisi))
        bergeser = tenggat_sinkron(s, kal)
        if bergeser:
            hasil[s.pk] = bergeser
            catat_tindakan(
                s,
                nama="tenggat_bergeser",
                oleh=oleh,
                tanggal=hari_ini(s.komisi),
                parameter={"alasan": alasan, "tenggat": [b.as_dict() for b in bergeser]},
            )
    return hasil


@transaction.atomic
def hari_libur_simpan(
    *,
    oleh,
    tanggal: date,
    jenis: str,
    keterangan: str,
    dasar: str,
    komisi: KomisiInformasi | None = None,
    dikonfirmasi: bool = True,
) -> tuple[HariLibur, dict]:
    """Add or change a non-working day (legal basis required) and move the deadlines."""
    _boleh_atur(oleh, komisi)
    tanggal = v.tanggal("tanggal", tanggal)
    jenis = v.pilihan("jenis", jenis, JenisLibur)
    dasar = v.teks("dasar", dasar, wajib=dikonfirmasi, maks=300)
    libur, _dibuat = HariLibur.objects.update_or_create(
        komisi=komisi,
        tanggal=tanggal,
        defaults={
            "jenis": jenis,
            "keterangan": v.teks("keterangan", keterangan, maks=250),
            "dasar": dasar,
            "dikonfirmasi": dikonfirmasi,
        },
    )
    alasan = str(_("Holiday %(tanggal)s: %(ket)s") % {"tanggal": tanggal, "ket": keterangan})
    return libur, hitung_ulang_tenggat(komisi, oleh=oleh, alasan=alasan)


@transaction.atomic
def hari_libur_hapus(*, oleh, libur_id: int) -> dict:
    libur = HariLibur.objects.select_related("komisi").filter(pk=libur_id).first()
    if libur is None:
        raise tidak_valid("libur", _("Unknown holiday."))
    _boleh_atur(oleh, libur.komisi)
    komisi, alasan = (
        libur.komisi,
        str(_("Holiday removed: %(tanggal)s") % {"tanggal": libur.tanggal}),
    )
    libur.delete()
    return hitung_ulang_tenggat(komisi, oleh=oleh, alasan=alasan)


@transaction.atomic
def penangguhan_simpan(
    *, oleh, komisi: KomisiInformasi, mulai: date, selesai: date, dasar: str, keterangan: str = ""
) -> tuple[Penangguhan, dict]:
    """A window in which the commission suspends its proceedings (e.g. a pandemic circular):
    every day of it stops the clocks of the commission's running cases."""
    _boleh_atur(oleh, komisi)
    mulai, selesai = v.tanggal("mulai", mulai), v.tanggal("selesai", selesai)
    if selesai < mulai:
        raise tidak_valid("selesai", _("The end cannot be before the start."))
    penangguhan = Penangguhan.objects.create(
        komisi=komisi, mulai=mulai, selesai=selesai, dasar=v.teks("dasar", dasar, maks=300),
        keterangan=v.teks("keterangan", keterangan, wajib=False, maks=250),
    )  # fmt: skip
    alasan = str(
        _("Proceedings suspended %(mulai)s - %(selesai)s") % {"mulai": mulai, "selesai": selesai}
    )
    return penangguhan, hitung_ulang_tenggat(komisi, oleh=oleh, alasan=alasan)
