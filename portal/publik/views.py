"""The public pages (no login): hearing calendar and its iCal feed, ruling directory, case
tracker. Views only translate HTTP; what may be shown is decided in selectors.py."""

from dataclasses import dataclass
from datetime import timedelta

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.dateparse import parse_date
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from dokumen.selectors import publikasi_aktif
from sengketa.models import KomisiInformasi
from workflows.tembolok_jadwal import tembolok_jadwal

from . import selectors as sel
from .forms import CariPutusanForm, LacakForm
from .ical import kalender_ical

PER_HALAMAN = 20
PER_HALAMAN_MINGGU = 100  # a week of a busy commission is paged too


def _halaman(request, daftar):
    return Paginator(daftar, PER_HALAMAN).get_page(request.GET.get("halaman"))


def _tanggal(teks: str | None):
    try:
        return parse_date(teks or "")
    except ValueError:
        return None


def _nomor_halaman(teks: str) -> int:
    """A page number as the paginator would read it (1 when absent or not a number)."""
    return int(teks) if teks.isascii() and teks.isdigit() and len(teks) < 7 else 1


def _query_tanpa_halaman(request) -> str:
    return urlencode([(k, v) for k, v in request.GET.items() if k != "halaman" and v])


@dataclass(frozen=True)
class SaringJadwal:
    """What the calendar page shows, read from the querystring: the cache key of its
    rendering (so that nonsense spellings of the same request share one entry)."""

    kode: str  # commission code, "" for all
    minggu: bool  # the week view, else the paged list
    teks_minggu: str  # the Monday of the week asked for ("" this week; as typed if not a date)
    halaman: int  # the list's page, 1 when absent or not a number

    @classmethod
    def dari(cls, request) -> "SaringJadwal":
        minggu = "minggu" in request.GET or request.GET.get("tampilan") == "minggu"
        teks_minggu = request.GET.get("minggu", "")[:20] if minggu else ""
        pusat = _tanggal(teks_minggu)
        return cls(
            kode=request.GET.get("komisi", "")[:50],
            minggu=minggu,
            # Any day of a week asks for that week: one key per week.
            teks_minggu=sel.awal_minggu(pusat).isoformat() if pusat else teks_minggu,
            halaman=_nomor_halaman(request.GET.get("halaman", "")),
        )


@require_GET
def jadwal(request):
    """The public hearing calendar: a page of upcoming hearings or one week. The part below
    the page's header is the same for every visitor, so it is rendered once per filter and
    page, language and generation, and kept briefly (workflows.tembolok_jadwal)."""
    saring = SaringJadwal.dari(request)
    isi, _galat = tembolok_jadwal(
        ("halaman", saring.kode, saring.minggu, saring.teks_minggu, saring.halaman),
        lambda: _isi_jadwal(saring),
        simpan_jika=lambda hasil: not hasil[1],  # a page showing an input error is not kept
    )
    return render(request, "portal/publik/jadwal.html", {"isi": isi})


def _isi_jadwal(saring: SaringJadwal) -> tuple[str, bool]:
    """(the HTML, whether it shows an input error). Rendered without the request: nothing of
    the visitor (account, session) can reach the cached part; render_to_string's output is
    already marked safe."""
    daftar_komisi = list(KomisiInformasi.objects.order_by("nama"))
    komisi = next((k for k in daftar_komisi if k.kode == saring.kode), None)
    galat = []
    if saring.kode and komisi is None:
        galat.append(_("There is no commission with the code %(kode)s.") % {"kode": saring.kode})
    konteks = {
        "daftar_komisi": daftar_komisi,
        "komisi": komisi,
        "tampilan": "minggu" if saring.minggu else "daftar",
        "galat": galat,
    }
    dasar = {"komisi": komisi.kode} if komisi else {}
    if saring.minggu:
        konteks.update(_minggu(saring, komisi, daftar_komisi, dasar, galat))
    else:
        qs = sel.sidang_mendatang(komisi=komisi, daftar_komisi=daftar_komisi)
        konteks["halaman"] = _halaman_sidang(qs, saring.halaman, PER_HALAMAN)
        konteks["hari_ke_depan"] = sel.HARI_KE_DEPAN
        konteks["query"] = urlencode(dasar)
    return render_to_string("portal/publik/_jadwal_isi.html", konteks), bool(galat)


def _halaman_sidang(qs, nomor: int, per_halaman: int):
    """The database counts and slices; only the page's hearings become public rows."""
    halaman = Paginator(qs, per_halaman).get_page(nomor)
    halaman.object_list = sel.baris_publik(halaman.object_list)
    return halaman


def _minggu(saring: SaringJadwal, komisi, daftar_komisi, dasar: dict, galat: list) -> dict:
    pusat = _tanggal(saring.teks_minggu)
    if saring.teks_minggu and pusat is None:
        galat.append(_("The week must be given as a date, e.g. 2024-03-18."))
    awal = sel.awal_minggu(pusat or sel.hari_ini_publik(komisi))
    qs = sel.sidang_minggu(komisi=komisi, daftar_komisi=daftar_komisi, awal=awal)
    halaman = _halaman_sidang(qs, saring.halaman, PER_HALAMAN_MINGGU)
    return {
        "hari": sel.hari_minggu(komisi=komisi, awal=awal, baris=halaman.object_list),
        "halaman": halaman,
        "query": urlencode({**dasar, "minggu": awal.isoformat()}),
        "jumlah": halaman.paginator.count,
        "awal": awal,
        "akhir": awal + timedelta(days=6),
        "q_sebelum": urlencode({**dasar, "minggu": (awal - timedelta(days=7)).isoformat()}),
        "q_sesudah": urlencode({**dasar, "minggu": (awal + timedelta(days=7)).isoformat()}),
        "q_ini": urlencode({**dasar, "tampilan": "minggu"}),
    }


@require_GET
def jadwal_ical(request, kode: str):
    host = request.get_host()  # in the events' UIDs
    isi = tembolok_jadwal(("ical", kode, host), lambda: _ical(kode, host))
    respons = HttpResponse(isi, content_type="text/calendar; charset=utf-8")
    respons["Content-Disposition"] = f'inline; filename="jadwal-sidang-{kode}.ics"'
    return respons


def _ical(kode: str, host: str) -> bytes:
    komisi = get_object_or_404(KomisiInformasi, kode=kode)  # a 404 is not cached
    return kalender_ical(komisi, sel.sidang_ical(komisi), host=host)


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
