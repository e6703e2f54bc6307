"""The register book page: a year or a date range, the first rows on screen, and the whole
book as XLSX or PDF. Staff of the commission only (any staff role: the register is the
commission's own record); a user of several commissions picks one with `?komisi=`."""

from urllib.parse import urlencode

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from dokumen.konteks import kop_surat
from dokumen.render.buku_register import pdf_buku_register, xlsx_buku_register
from sengketa import izin
from sengketa.models import KomisiInformasi
from sengketa.register import buku_register
from sengketa.waktu import hari_ini

from .forms import InputTanggal
from .views import StafMixin

PRATINJAU = 20
MAKS_TAHUN_RENTANG = 10
JENIS_BERKAS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


class PeriodeForm(forms.Form):
    """A year, or a date range (which wins when given)."""

    tahun = forms.IntegerField(
        label=gettext_lazy("Year"), required=False, min_value=1990, max_value=2200
    )
    mulai = forms.DateField(label=gettext_lazy("From"), required=False, widget=InputTanggal())
    sampai = forms.DateField(label=gettext_lazy("To"), required=False, widget=InputTanggal())

    def clean(self):
        data = super().clean()
        mulai, sampai = data.get("mulai"), data.get("sampai")
        if mulai or sampai:
            if not (mulai and sampai):
                raise forms.ValidationError(_("Give both dates of the range, or only a year."))
            if sampai < mulai:
                raise forms.ValidationError(_("The end of the range is before its start."))
            if sampai.year - mulai.year > MAKS_TAHUN_RENTANG:
                raise forms.ValidationError(
                    _("A range covers at most %(n)d years.") % {"n": MAKS_TAHUN_RENTANG}
                )
        elif not data.get("tahun"):
            raise forms.ValidationError(_("Choose a year or a date range."))
        return data

    def periode(self) -> dict:
        d = self.cleaned_data
        if d.get("mulai"):
            return {"mulai": d["mulai"], "sampai": d["sampai"]}
        return {"tahun": d["tahun"]}


def komisi_staf(pengguna) -> list[KomisiInformasi]:
    """The commissions whose staff this user is (StafMixin already checked the role)."""
    return list(KomisiInformasi.objects.filter(pk__in=izin.komisi_pengguna(pengguna)))


def pilih_komisi(request, daftar: list[KomisiInformasi]) -> KomisiInformasi:
    """The commission of `?komisi=` (one of the user's own, else 403), or the first one."""
    pilih = request.POST.get("komisi") or request.GET.get("komisi")
    if not pilih:
        return daftar[0]
    komisi = next((k for k in daftar if str(k.pk) == pilih), None)
    if komisi is None:
        raise PermissionDenied
    return komisi


def nama_berkas(komisi, periode: str, fmt: str) -> str:
    return f"buku-register-{slugify(komisi.kode)}-{slugify(periode)}.{fmt}"


class RegisterView(StafMixin, View):
    def get(self, request):
        daftar = komisi_staf(request.user)
        komisi = pilih_komisi(request, daftar)
        ada_isian = any(k in request.GET for k in ("tahun", "mulai", "sampai"))
        form = PeriodeForm(request.GET if ada_isian else {"tahun": hari_ini(komisi).year})
        konteks = {"form": form, "komisi": komisi, "daftar_komisi": daftar}
        if not form.is_valid():
            return render(request, "kantor/register.html", konteks, status=400)
        buku = buku_register(komisi, **form.periode())
        fmt = request.GET.get("unduh")
        if fmt in JENIS_BERKAS:
            return self.unduh(komisi, buku, fmt)
        konteks.update(
            buku=buku,
            baris=buku.baris[:PRATINJAU],
            sisa=max(0, len(buku.baris) - PRATINJAU),
            query=urlencode(
                {"komisi": komisi.pk, **{k: str(v) for k, v in form.periode().items()}}
            ),
        )
        return render(request, "kantor/register.html", konteks)

    def unduh(self, komisi, buku, fmt: str) -> HttpResponse:
        if fmt == "xlsx":
            isi = xlsx_buku_register(buku)
        else:
            isi = pdf_buku_register(buku, kop_surat(komisi), dicetak=hari_ini(komisi))
        respons = HttpResponse(isi, content_type=JENIS_BERKAS[fmt])
        respons["Content-Disposition"] = (
            f'attachment; filename="{nama_berkas(komisi, buku.periode, fmt)}"'
        )
        return respons
