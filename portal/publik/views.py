"""The public pages (no login): hearing calendar and its iCal feed, ruling directory, case
tracker. Views only translate HTTP; what may be shown is decided in selectors.py."""

from datetime import timedelta

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.dateparse import parse_date
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from dokumen.selectors import publikasi_aktif
from sengketa.models import KomisiInformasi

from . import selectors as sel
from .forms import CariPutusanForm, LacakForm
from .ical import kalender_ical

PER_HALAMAN = 20


def _halaman(request, daftar):
    return Paginator(daftar, PER_HALAMAN).get_page(request.GET.get("halaman"))


def _tanggal(teks: str | None):
    try:
        return parse_date(teks or "")
    except ValueError:
        return None


def _query_tanpa_halaman(request) -> str:
    return urlencode([(k, v) for k, v in request.GET.items() if k != "halaman" and v])


@require_GET
def jadwal(request):
    daftar_komisi = list(KomisiInformasi.objects.order_by("nama"))
    kode = request.GET.get("komisi", "")
    komisi = next((k for k in daftar_komisi if k.kode == kode), None)
    galat = []
    if kode and komisi is None:
        galat.append(_("There is no commission with the code %(kode)s.") % {"kode": kode})
    minggu = "minggu" in request.GET or request.GET.get("tampilan") == "minggu"
    tampilan = "minggu" if minggu else ""
    konteks = {
        "daftar_komisi": daftar_komisi,
        "komisi": komisi,
        "tampilan": tampilan or "daftar",
        "galat": galat,
    }
    if tampilan:
        konteks.update(_minggu(request, komisi, galat))
    else:
        konteks["halaman"] = _halaman(request, sel.sidang_mendatang(komisi=komisi))
        konteks["hari_ke_depan"] = sel.HARI_KE_DEPAN
        konteks["query"] = _query_tanpa_halaman(request)
    return render(request, "portal/publik/jadwal.html", konteks)


def _minggu(request, komisi, galat: list) -> dict:
    teks = request.GET.get("minggu", "")
    pusat = _tanggal(teks)
    if teks and pusat is None:
        galat.append(_("The week must be given as a date, e.g. 2024-03-18."))
    awal = sel.awal_minggu(pusat or sel.hari_ini_publik(komisi))
    hari = sel.minggu(komisi=komisi, awal=awal)
    dasar = {"komisi": komisi.kode} if komisi else {}
    return {
        "hari": hari,
        "jumlah": sum(len(h.sidang) for h in hari),
        "awal": awal,
        "akhir": awal + timedelta(days=6),
        "q_sebelum": urlencode({**dasar, "minggu": (awal - timedelta(days=7)).isoformat()}),
        "q_sesudah": urlencode({**dasar, "minggu": (awal + timedelta(days=7)).isoformat()}),
        "q_ini": urlencode({**dasar, "tampilan": "minggu"}),
    }


@require_GET
def jadwal_ical(request, kode: str):
    komisi = get_object_or_404(KomisiInformasi, kode=kode)
    isi = kalender_ical(komisi, sel.sidang_ical(komisi), host=request.get_host())
    respons = HttpResponse(isi, content_type="text/calendar; charset=utf-8")
    respons["Content-Disposition"] = f'inline; filename="jadwal-sidang-{komisi.kode}.ics"'
    return respons


@require_GET
def putusan(request):
    form = CariPutusanForm(request.GET or None)
    saring = form.cleaned_data if form.is_bound and form.is_valid() else {}
    kode = saring.get("komisi")
    hasil = sel.cari_putusan(
        komisi=KomisiInformasi.objects.filter(kode=kode).first() if kode else None,
        nomor=(saring.get("nomor") or "").strip(),
        termohon=(saring.get("termohon") or "").strip(),
        tahun=saring.get("tahun"),
        hasil=saring.get("hasil") or "",
        jenis=saring.get("jenis") or "",
    )
    return render(
        request,
        "portal/publik/putusan.html",
        {
            "form": form,
            "halaman": _halaman(request, hasil),
            "query": _query_tanpa_halaman(request),
        },
    )


@require_GET
def putusan_detail(request, pk: int):
    pub = get_object_or_404(publikasi_aktif(), pk=pk)
    return render(request, "portal/publik/putusan_detail.html", {"pub": pub})


@require_GET
def putusan_unduh(request, pk: int):
    """The published rendition, and only it: the gate is publikasi_aktif()."""
    pub = publikasi_aktif().filter(pk=pk).first()
    if pub is None or not pub.berkas:
        raise Http404
    respons = FileResponse(
        pub.berkas.open("rb"),
        as_attachment=True,
        filename=pub.nama_berkas,
        content_type="application/pdf",
    )
    respons["X-Content-Type-Options"] = "nosniff"
    return respons


@require_GET
def lacak(request):
    data = request.GET.copy() if request.GET.get("nomor") else None
    if data is not None and not data.get("komisi"):
        # One commission on the system: it needs no choosing.
        satu = list(KomisiInformasi.objects.values_list("kode", flat=True)[:2])
        if len(satu) == 1:
            data["komisi"] = satu[0]
    form = LacakForm(data)
    hasil, dicari = None, False
    if form.is_bound and form.is_valid():
        dicari = True
        komisi = KomisiInformasi.objects.get(kode=form.cleaned_data["komisi"])
        hasil = sel.lacak(komisi=komisi, nomor_register=form.cleaned_data["nomor"])
    return render(
        request,
        "portal/publik/lacak.html",
        {"form": form, "hasil": hasil, "dicari": dicari},
        status=404 if dicari and hasil is None else 200,
    )
