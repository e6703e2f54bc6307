"""The redaction review of the ruling directory (dokumen.md "Publication"): the queue of
decisions not yet published, the review page (masks, the Pasal 17 confirmation, a preview,
publish) and the withdrawal of a publication. Registry staff (panitera) and administrators
of the commission only; the rules and the services are in dokumen.aturan_publikasi and
dokumen.publikasi."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from dokumen import aturan_publikasi as aturan
from dokumen.models import Dokumen, Publikasi
from dokumen.publikasi import (
    publikasi_pratinjau,
    publikasi_tarik,
    publikasi_terbitkan,
    samaran_usulan,
)
from sengketa.galat import KesalahanProsedur, ParameterTidakValid
from sengketa.izin import komisi_pengguna

from . import selectors as sel
from .views import PER_HALAMAN, StafMixin, judul, waktu_lokal

BARIS_TAMBAHAN = 3  # blank rows for a witness's name or an excepted passage


class SamaranForm(forms.Form):
    # The table's column headers label the inputs visually; aria-label names them for screen
    # readers, row by row.
    asli = forms.CharField(
        label=gettext_lazy("Text in the document"),
        max_length=500,
        required=False,
        widget=forms.TextInput(attrs={"aria-label": gettext_lazy("Text in the document")}),
    )
    samaran = forms.CharField(
        label=gettext_lazy("Replace with"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"aria-label": gettext_lazy("Replace with")}),
    )
    keterangan = forms.CharField(widget=forms.HiddenInput, max_length=100, required=False)

    def clean(self):
        data = super().clean()
        asli, samaran = (data.get("asli") or "").strip(), (data.get("samaran") or "").strip()
        if samaran and not asli:
            self.add_error("asli", _("Enter the text that this mask replaces."))
        elif asli and len(asli) < 2:
            self.add_error("asli", _("Enter at least two characters."))
        return data


SamaranFormSet = forms.formset_factory(SamaranForm, extra=0, max_num=60, validate_max=True)


class KonfirmasiForm(forms.Form):
    tanpa_informasi_dikecualikan = forms.BooleanField(
        label=gettext_lazy(
            "I confirm that this rendition includes no information excepted under Law 14 of "
            "2008 Article 17 (UU 14/2008 Pasal 17)."
        ),
        required=False,
    )


class TarikForm(forms.Form):
    alasan = forms.CharField(
        label=gettext_lazy("Reason for withdrawing the publication"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class PeninjauMixin(StafMixin):
    """Panitera or admin of at least one commission; the rest of the staff get 403."""

    @staticmethod
    def komisi_peninjau(pengguna) -> frozenset[int]:
        return frozenset(k for k in komisi_pengguna(pengguna) if aturan.boleh_meninjau(pengguna, k))

    @classmethod
    def boleh_akses(cls, pengguna) -> bool:
        """The back-office menu asks this (workflows.kantor.menu); dispatch applies it."""
        return bool(cls.komisi_peninjau(pengguna))

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and sel.adalah_staf(request.user):
            self.komisi_ids = self.komisi_peninjau(request.user)
            if not self.komisi_ids:
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def belum_terbit(self):
        """Publishable documents of the user's commissions without a live publication."""
        aktif = Publikasi.objects.filter(dokumen=OuterRef("pk"), ditarik_pada__isnull=True)
        return aturan.dokumen_layak(self.komisi_ids).exclude(Exists(aktif))


class PublikasiView(PeninjauMixin, TemplateView):
    template_name = "kantor/publikasi.html"

    def get_context_data(self, **kwargs):
        antrean = Paginator(
            self.belum_terbit().select_related("sengketa__komisi").order_by("-diterbitkan_pada"),
            PER_HALAMAN,
        ).get_page(self.request.GET.get("hal_antrean"))
        terbit = Paginator(
            Publikasi.objects.filter(komisi_id__in=self.komisi_ids)
            .select_related("komisi", "ditinjau_oleh", "ditarik_oleh")
            .order_by("-diterbitkan_pada", "-pk"),
            PER_HALAMAN,
        ).get_page(self.request.GET.get("hal_terbit"))
        return super().get_context_data(
            antrean=antrean,
            baris_antrean=[
                {
                    "dok": d,
                    "judul": judul(d.sengketa),
                    "terbit": waktu_lokal(d.sengketa.komisi, d.diterbitkan_pada),
                }
                for d in antrean
            ],
            terbit=terbit,
            baris_terbit=[
                {
                    "pub": p,
                    "terbit": waktu_lokal(p.komisi, p.diterbitkan_pada),
                    "ditarik": waktu_lokal(p.komisi, p.ditarik_pada) if p.ditarik_pada else "",
                }
                for p in terbit
            ],
            **kwargs,
        )


def _awal(dok: Dokumen) -> list[dict]:
    return [
        {"asli": s.asli, "samaran": s.samaran, "keterangan": s.keterangan}
        for s in samaran_usulan(dok)
    ]


class PublikasiTinjauView(PeninjauMixin, View):
    """GET: the suggested masks. POST `langkah=pratinjau`: the preview PDF; `langkah=
    terbitkan`: publish (the Pasal 17 confirmation is required)."""

    template_name = "kantor/publikasi_tinjau.html"

    def dokumen(self, pk: int) -> Dokumen:
        # One answer for "not yours", "not publishable" and "already published": 404.
        return get_object_or_404(
            self.belum_terbit().select_related("sengketa__komisi", "komisi"), pk=pk
        )

    def tampil(self, request, dok, formset, konfirmasi, *, galat=None, status=200):
        s = dok.sengketa
        return render(
            request,
            self.template_name,
            {
                "dok": dok,
                "judul": judul(s),
                "termohon": s.termohon.nama if s.termohon else "",
                "formset": formset,
                "konfirmasi": konfirmasi,
                "galat": galat,
                "alasan_galat": getattr(galat, "alasan", None),
            },
            status=status,
        )

    def get(self, request, pk: int):
        dok = self.dokumen(pk)
        awal = _awal(dok)
        formset = SamaranFormSet(initial=awal + [{}] * BARIS_TAMBAHAN, prefix="samaran")
        return self.tampil(request, dok, formset, KonfirmasiForm())

    def post(self, request, pk: int):
        dok = self.dokumen(pk)
        formset = SamaranFormSet(request.POST, prefix="samaran")
        konfirmasi = KonfirmasiForm(request.POST)
        if not (formset.is_valid() and konfirmasi.is_valid()):
            return self.tampil(request, dok, formset, konfirmasi, status=400)
        samaran = [f.cleaned_data for f in formset if (f.cleaned_data.get("asli") or "").strip()]
        try:
            if request.POST.get("langkah") == "pratinjau":
                return self.pratinjau(request, dok, samaran)
            pub = publikasi_terbitkan(
                dokumen_id=dok.pk,
                oleh=request.user,
                samaran=samaran,
                tanpa_informasi_dikecualikan=konfirmasi.cleaned_data[
                    "tanpa_informasi_dikecualikan"
                ],
            )
        except ParameterTidakValid as exc:
            for medan, pesan in exc.galat.items():
                for p in pesan:
                    konfirmasi.add_error(medan if medan in konfirmasi.fields else None, str(p))
            return self.tampil(request, dok, formset, konfirmasi, status=400)
        except KesalahanProsedur as exc:
            return self.tampil(request, dok, formset, konfirmasi, galat=exc, status=409)
        messages.success(
            request,
            _("Published. Verification code of the published rendition: %(kode)s.")
            % {"kode": pub.kode_verifikasi},
        )
        return redirect("kantor:publikasi")

    def pratinjau(self, request, dok, samaran) -> HttpResponse:
        isi = publikasi_pratinjau(dokumen_id=dok.pk, oleh=request.user, samaran=samaran)
        respons = HttpResponse(isi, content_type="application/pdf")
        respons["Content-Disposition"] = f'attachment; filename="pratinjau-{dok.nama_berkas}"'
        respons["Cache-Control"] = "no-store"
        return respons


class PublikasiTarikView(PeninjauMixin, View):
    template_name = "kantor/publikasi_tarik.html"

    def publikasi(self, pk: int) -> Publikasi:
        pub = (
            Publikasi.objects.filter(komisi_id__in=self.komisi_ids, ditarik_pada__isnull=True)
            .select_related("komisi")
            .filter(pk=pk)
            .first()
        )
        if pub is None:
            raise Http404
        return pub

    def tampil(self, request, pub, form, *, galat=None, status=200):
        return render(
            request, self.template_name, {"pub": pub, "form": form, "galat": galat}, status=status
        )

    def get(self, request, pk: int):
        return self.tampil(request, self.publikasi(pk), TarikForm())

    def post(self, request, pk: int):
        pub = self.publikasi(pk)
        form = TarikForm(request.POST)
        if not form.is_valid():
            return self.tampil(request, pub, form, status=400)
        try:
            publikasi_tarik(
                publikasi_id=pub.pk, oleh=request.user, alasan=form.cleaned_data["alasan"]
            )
        except KesalahanProsedur as exc:
            return self.tampil(request, pub, form, galat=exc, status=409)
        messages.success(request, _("The publication was withdrawn from the ruling directory."))
        return redirect("kantor:publikasi")
