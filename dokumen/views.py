"""Public verification (no login) and the authorising download."""

from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from api.batas import LINGKUP_VERIFIKASI, LINGKUP_VERIFIKASI_BERKAS, batasi_halaman

from .models import Dokumen
from .selectors import boleh_unduh, normalkan_kode, verifikasi_berkas, verifikasi_kode

MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
UNGGAH_MAKS = 25 * 1024 * 1024


def _cek_unggahan(request, kode: str | None = None):
    """(checked?, result) for an uploaded file compared byte for byte."""
    berkas = request.FILES.get("berkas")
    if request.method != "POST" or berkas is None or berkas.size > UNGGAH_MAKS:
        return request.method == "POST", None
    return True, verifikasi_berkas(berkas, kode=kode)


@never_cache
@require_http_methods(["GET", "POST"])
@batasi_halaman(LINGKUP_VERIFIKASI)  # the API's limits, shared counters
@batasi_halaman(LINGKUP_VERIFIKASI_BERKAS, metode=("POST",))
def verifikasi(request, kode: str):
    hasil = verifikasi_kode(kode)
    diperiksa, cocok = _cek_unggahan(request, kode) if hasil else (False, None)
    return render(
        request,
        "dokumen/verifikasi.html",
        {"kode": normalkan_kode(kode), "hasil": hasil, "diperiksa": diperiksa, "cocok": cocok},
        status=200 if hasil else 404,
    )


@never_cache
@require_http_methods(["GET", "POST"])
@batasi_halaman(LINGKUP_VERIFIKASI_BERKAS, metode=("POST",))
def verifikasi_unggah(request):
    # The form "type the code printed on the page" sends ?kode=...: the code's own page.
    kode = normalkan_kode(request.GET.get("kode", ""))
    if request.method == "GET" and kode.isalnum():
        return redirect("dokumen:verifikasi", kode=kode)
    diperiksa, cocok = _cek_unggahan(request)
    return render(
        request,
        "dokumen/verifikasi.html",
        {"kode": "", "hasil": cocok, "diperiksa": diperiksa, "cocok": cocok},
    )


@require_GET
def unduh(request, pk: int):
    # One answer for "does not exist" and "not yours": nothing leaks about other cases.
    dok = Dokumen.objects.select_related("sengketa", "pihak__badan_publik").filter(pk=pk).first()
    return respons_unduhan(request.user, dok)


def respons_unduhan(pengguna, dok: Dokumen | None) -> FileResponse:
    """The file for someone allowed to have it, else 404 (for the web page and the API)."""
    if dok is None or not boleh_unduh(pengguna, dok):
        raise Http404
    respons = FileResponse(
        dok.berkas.open("rb"),
        as_attachment=True,
        filename=dok.nama_berkas,
        content_type=MIME[dok.format],
    )
    respons["X-Content-Type-Options"] = "nosniff"
    respons["Cache-Control"] = "no-store"
    return respons
