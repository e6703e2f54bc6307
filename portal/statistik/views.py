"""The public statistics page (no login): a commission's tables of a year, with charts.

The figures are those of the statistics service, without the sections that name private
persons (dokumen.laporan.BAGIAN_PRIBADI). They are cached for a few minutes per commission,
year and language: the page is public and must not let anyone run the aggregates at will.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Min
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from dokumen import laporan
from sengketa.models import KomisiInformasi, Sengketa
from sengketa.statistik import Periode
from sengketa.waktu import hari_ini

SIMPAN_DETIK = 600


def _komisi(daftar, kode: str):
    """The commission asked for; else the deployment's default one; else the first."""
    if kode:
        return next((k for k in daftar if k.kode == kode), None)
    baku = getattr(settings, "KOMISI_DEFAULT", "")
    return next((k for k in daftar if k.kode == baku), daftar[0] if daftar else None)


def pilihan_tahun(komisi) -> list[int]:
    """From the year of the commission's first application (or this year) to this year."""
    sekarang = hari_ini(komisi).year
    awal = Sengketa.objects.filter(komisi=komisi).aggregate(m=Min("tanggal_diterima"))["m"]
    pertama = max(laporan.TAHUN_PERTAMA, min(awal.year if awal else sekarang, sekarang))
    return list(range(sekarang, pertama - 1, -1))


def tabel_publik(komisi, tahun: int) -> list[dict]:
    kunci = f"statistik:publik:{komisi.pk}:{tahun}:{get_language()}"
    hasil = cache.get(kunci)
    if hasil is None:
        daftar = laporan.tabel_statistik(komisi, Periode.tahun(tahun), publik=True)
        hasil = laporan.tampilan(daftar)
        cache.set(kunci, hasil, SIMPAN_DETIK)
    return hasil


@require_GET
def statistik(request):
    daftar_komisi = list(KomisiInformasi.objects.order_by("nama"))
    kode = request.GET.get("komisi", "")
    komisi = _komisi(daftar_komisi, kode)
    galat, status = [], 200
    if komisi is None:
        if kode:
            galat.append(_("There is no commission with the code %(kode)s.") % {"kode": kode})
        konteks = {"daftar_komisi": daftar_komisi, "galat": galat}
        return render(request, "portal/statistik.html", konteks, status=404 if kode else 200)
    tahun_tahun = pilihan_tahun(komisi)
    tahun = request.GET.get("tahun", "")
    if tahun and (not tahun.isdigit() or int(tahun) not in tahun_tahun):
        galat.append(
            _("Choose a year from %(awal)d to %(akhir)d.")
            % {"awal": tahun_tahun[-1], "akhir": tahun_tahun[0]}
        )
        status = 400
    tahun = int(tahun) if not galat and tahun else tahun_tahun[0]
    konteks = {
        "daftar_komisi": daftar_komisi,
        "komisi": komisi,
        "pilihan_tahun": tahun_tahun,
        "tahun": tahun,
        "galat": galat,
        "tabel": tabel_publik(komisi, tahun),
    }
    return render(request, "portal/statistik.html", konteks, status=status)
