"""The statistics dashboard of the back office and the annual report's page.

Staff of a commission see its tables (statistik.md) for any range of days, each with its
chart, and download any table (or all) as XLSX; the registry, the chair and the admins
request the annual report, which is made in the background (dokumen.laporan) while the
page shows its progress. Figures come from sengketa.statistik; nothing is computed here.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from dokumen import laporan
from dokumen.models import Dokumen, StatusDokumen
from dokumen.render.laporan_tahunan import xlsx_tabel
from sengketa import izin
from sengketa.galat import ParameterTidakValid
from sengketa.models import KomisiInformasi
from sengketa.statistik import Periode
from sengketa.waktu import hari_ini

from . import selectors as sel
from .forms import InputTanggal
from .views import StafMixin, waktu_lokal

MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MIME = {"pdf": "application/pdf", "xlsx": MIME_XLSX}
MAKS_HARI = 366 * 10  # a dashboard range of at most ten years


class PeriodeForm(forms.Form):
    komisi = forms.TypedChoiceField(label=gettext_lazy("Commission"), coerce=int)
    mulai = forms.DateField(label=gettext_lazy("From"), widget=InputTanggal())
    selesai = forms.DateField(label=gettext_lazy("To"), widget=InputTanggal())

    def __init__(self, *args, daftar_komisi, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["komisi"].choices = [(k.pk, k.nama) for k in daftar_komisi]

    def clean(self):
        data = super().clean()
        mulai, selesai = data.get("mulai"), data.get("selesai")
        if mulai and selesai:
            if selesai < mulai:
                self.add_error("selesai", _("The end of the period cannot be before its start."))
            elif (selesai - mulai).days > MAKS_HARI:
                self.add_error("selesai", _("Choose a period of at most ten years."))
        return data


class KomisiStafMixin(StafMixin):
    """The commissions the user works for; `komisi` in the query picks one of them. Asking
    for another commission is refused, not silently replaced."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and sel.adalah_staf(request.user):
            ids = izin.komisi_pengguna(request.user)
            self.daftar_komisi = list(KomisiInformasi.objects.filter(pk__in=ids).order_by("nama"))
            pilih = request.POST.get("komisi") or request.GET.get("komisi")
            if pilih:
                self.komisi = next((k for k in self.daftar_komisi if str(k.pk) == pilih), None)
                if self.komisi is None:
                    raise PermissionDenied
            else:
                self.komisi = self.daftar_komisi[0]
        return super().dispatch(request, *args, **kwargs)

    def periode_baku(self) -> Periode:
        return Periode.tahun(hari_ini(self.komisi).year)

    def baca_periode(self, request) -> tuple[PeriodeForm, Periode | None]:
        baku = self.periode_baku()
        data = {
            "komisi": self.komisi.pk,
            "mulai": request.GET.get("mulai") or baku.mulai,
            "selesai": request.GET.get("selesai") or baku.selesai,
        }
        form = PeriodeForm(data, daftar_komisi=self.daftar_komisi)
        if not form.is_valid():
            return form, None
        return form, Periode(form.cleaned_data["mulai"], form.cleaned_data["selesai"])

    def kueri(self, periode: Periode) -> str:
        return urlencode(
            {"komisi": self.komisi.pk, "mulai": periode.mulai, "selesai": periode.selesai}
        )


class StatistikView(KomisiStafMixin, View):
    def get(self, request):
        form, periode = self.baca_periode(request)
        tahun = hari_ini(self.komisi).year
        konteks = {
            "form": form,
            "komisi": self.komisi,
            "periode": periode,
            "pintasan": [
                (_("This year"), Periode.tahun(tahun)),
                (_("Last year"), Periode.tahun(tahun - 1)),
            ],
            "laporan": self.konteks_laporan(periode),
        }
        if periode is None:
            return render(request, "kantor/statistik.html", konteks, status=400)
        daftar = laporan.tabel_statistik(self.komisi, periode)
        konteks |= {"tabel": laporan.tampilan(daftar), "kueri": self.kueri(periode)}
        return render(request, "kantor/statistik.html", konteks)

    def konteks_laporan(self, periode: Periode | None) -> dict:
        """The annual report card: the year of the period shown, else last year."""
        tahun = periode.mulai.year if periode else hari_ini(self.komisi).year - 1
        return {
            "tahun": tahun,
            "keadaan": laporan.laporan_keadaan(self.komisi, tahun),
            "boleh_minta": laporan.boleh_minta_laporan(self.request.user, self.komisi),
            "pilihan_tahun": range(hari_ini(self.komisi).year, laporan.TAHUN_PERTAMA - 1, -1),
        }


class StatistikXlsxView(KomisiStafMixin, View):
    """One table (or `semua`: all of them, one sheet each) as a workbook."""

    def get(self, request, kode: str):
        form, periode = self.baca_periode(request)
        if periode is None:
            return HttpResponse(" ".join(e for es in form.errors.values() for e in es), status=400)
        daftar = laporan.tabel_statistik(self.komisi, periode)
        if kode != "semua":
            daftar = tuple(t for t in daftar if t.kode == kode)
            if not daftar:
                raise Http404
        subjudul = (self.komisi.nama, _("Period: %(periode)s") % {"periode": periode.label})
        isi = xlsx_tabel(daftar, subjudul)
        nama = f"statistik-{self.komisi.kode}-{kode}-{periode.mulai}-{periode.selesai}.xlsx"
        respons = HttpResponse(isi, content_type=MIME_XLSX)
        respons["Content-Disposition"] = f'attachment; filename="{nama}"'
        respons["Cache-Control"] = "no-store"
        return respons


class LaporanTahunanView(KomisiStafMixin, View):
    """GET: the report of a year with its progress. POST: request it (or its next version)."""

    template_name = "kantor/statistik_laporan.html"

    def tahun(self, request):
        baku = hari_ini(self.komisi).year - 1
        return request.POST.get("tahun") or request.GET.get("tahun") or baku

    def get(self, request):
        try:
            tahun = laporan.periksa_tahun(self.komisi, self.tahun(request))
        except ParameterTidakValid as galat:
            konteks = {"komisi": self.komisi, "daftar_komisi": self.daftar_komisi, "galat": galat}
            return render(request, self.template_name, konteks, status=400)
        return render(request, self.template_name, self.konteks(tahun))

    def konteks(self, tahun: int) -> dict:
        keadaan = laporan.laporan_keadaan(self.komisi, tahun)
        return {
            "komisi": self.komisi,
            "daftar_komisi": self.daftar_komisi,
            "tahun": tahun,
            "keadaan": keadaan,
            "dokumen": [
                {
                    "dok": d,
                    "persen": laporan.kemajuan(d),
                    "dibuat": waktu_lokal(self.komisi, d.dibuat_pada),
                }
                for d in keadaan.dokumen
            ],
            "terbit": keadaan.terbit,
            "boleh_minta": laporan.boleh_minta_laporan(self.request.user, self.komisi),
            "url_status": reverse("kantor:laporan_tahunan_status")
            + "?"
            + urlencode({"komisi": self.komisi.pk, "tahun": tahun}),
        }

    def saat(self, dok) -> str:
        return waktu_lokal(self.komisi, dok.diterbitkan_pada or dok.dibuat_pada)

    def post(self, request):
        if not laporan.boleh_minta_laporan(request.user, self.komisi):
            raise PermissionDenied
        try:
            tahun = laporan.periksa_tahun(self.komisi, self.tahun(request))
        except ParameterTidakValid as galat:
            konteks = {"komisi": self.komisi, "daftar_komisi": self.daftar_komisi, "galat": galat}
            return render(request, self.template_name, konteks, status=400)
        if laporan.laporan_keadaan(self.komisi, tahun).berjalan:
            messages.info(request, _("This report is already being prepared."))
        else:
            messages.success(request, _("The report is being prepared."))
        laporan.laporan_minta(komisi=self.komisi, tahun=tahun, oleh=request.user)
        url = reverse("kantor:laporan_tahunan")
        return redirect(f"{url}?{urlencode({'komisi': self.komisi.pk, 'tahun': tahun})}")


class LaporanStatusView(KomisiStafMixin, View):
    """The progress as JSON, for the page to poll."""

    def get(self, request):
        try:
            tahun = laporan.periksa_tahun(self.komisi, request.GET.get("tahun"))
        except ParameterTidakValid as galat:
            return JsonResponse({"galat": str(galat)}, status=400)
        respons = JsonResponse(laporan.laporan_keadaan(self.komisi, tahun).sebagai_json())
        respons["Cache-Control"] = "no-store"
        return respons


class LaporanUnduhView(StafMixin, View):
    """An issued report file, for the staff of its commission."""

    def get(self, request, pk: int):
        dok = get_object_or_404(Dokumen, pk=pk, jenis=laporan.JENIS)
        if dok.komisi_id not in izin.komisi_pengguna(request.user):
            raise Http404
        if dok.status not in (StatusDokumen.SIAP, StatusDokumen.DIGANTIKAN) or not dok.berkas:
            raise Http404
        respons = FileResponse(
            dok.berkas.open("rb"),
            as_attachment=True,
            filename=dok.nama_berkas,
            content_type=MIME.get(dok.format, "application/octet-stream"),
        )
        respons["X-Content-Type-Options"] = "nosniff"
        respons["Cache-Control"] = "no-store"
        return respons
