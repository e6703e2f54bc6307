"""Actions on the case page's document list: take the signed paper of a decision or minutes
back as the issued version of record (dokumen.md: "an uploaded signed PDF becomes the issued
version of record"), and queue a failed rendering again from the case itself ("a failure is
visible on the case page with a retry button").

Who may: the registry of the case's commission or the PP of the case (the spec's
"panitera"); the rules and the work are in dokumen.layanan, this module only speaks HTTP."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from dokumen.layanan import (
    TERTANDA_MAKS,
    boleh_unggah_tertanda,
    dokumen_coba_lagi,
    dokumen_unggah_tertanda,
)
from dokumen.models import JENIS_TERTANDA, Dokumen, StatusDokumen
from portal.unggahan import UnggahanDitolak
from sengketa.galat import KesalahanProsedur
from sengketa.selectors import sengketa_terlihat

from .views import StafMixin, judul, waktu_lokal


class TertandaForm(forms.Form):
    berkas = forms.FileField(
        label=gettext_lazy("Signed document (PDF)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["berkas"].help_text = _(
            "The paper as signed, scanned to one PDF, or the signed PDF itself; at most "
            "%(batas)s. Its pages are kept as they are; a verification code and QR are added "
            "in the right margin of each page."
        ) % {"batas": filesizeformat(TERTANDA_MAKS)}


def _dokumen_kasus(pengguna, pk: int) -> Dokumen:
    """A document of a case this staff member sees, else 404 (nothing leaks)."""
    dok = (
        Dokumen.objects.select_related("sengketa__komisi", "pihak", "diterbitkan_oleh")
        .filter(pk=pk, sengketa__in=sengketa_terlihat(pengguna))
        .first()
    )
    if dok is None:
        raise Http404
    return dok


def _ke_kasus(dok: Dokumen):
    return redirect(reverse("kantor:sengketa", args=[dok.sengketa_id]) + "#dokumen")


class DokumenTertandaView(StafMixin, View):
    template_name = "kantor/dokumen_tertanda.html"

    def dokumen(self, request, pk: int) -> Dokumen:
        dok = _dokumen_kasus(request.user, pk)
        if dok.jenis not in JENIS_TERTANDA:
            raise Http404
        return dok

    def tampil(self, request, dok, form, *, galat=None, status=200):
        s = dok.sengketa
        return render(
            request,
            self.template_name,
            {
                "dok": dok,
                "sengketa": s,
                "judul": judul(s),
                "terbit": waktu_lokal(s.komisi, dok.diterbitkan_pada)
                if dok.diterbitkan_pada
                else "",
                "form": form,
                "boleh": boleh_unggah_tertanda(request.user, s),
                "galat": galat,
                "alasan_galat": getattr(galat, "alasan", None),
            },
            status=status,
        )

    def get(self, request, pk: int):
        dok = self.dokumen(request, pk)
        if not boleh_unggah_tertanda(request.user, dok.sengketa):
            return self.tampil(request, dok, None, status=403)
        return self.tampil(request, dok, TertandaForm())

    def post(self, request, pk: int):
        dok = self.dokumen(request, pk)
        if not boleh_unggah_tertanda(request.user, dok.sengketa):
            return self.tampil(request, dok, None, status=403)
        form = TertandaForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.tampil(request, dok, form, status=400)
        try:
            baru = dokumen_unggah_tertanda(
                dokumen_id=dok.pk, berkas=form.cleaned_data["berkas"], oleh=request.user
            )
        except UnggahanDitolak as exc:
            form.add_error("berkas", exc.pesan)
            return self.tampil(request, dok, form, status=400)
        except KesalahanProsedur as exc:
            status = 403 if exc.kode == "tidak_berwenang" else 409
            return self.tampil(request, dok, form, galat=exc, status=status)
        messages.success(
            request,
            _(
                "The signed copy is now version %(versi)s of record, with the verification "
                "code %(kode)s on every page."
            )
            % {"versi": baru.versi, "kode": baru.kode_verifikasi},
        )
        return _ke_kasus(dok)


class DokumenCobaLagiView(StafMixin, View):
    """The retry button of a failed document on the case page: same row, queued again."""

    def post(self, request, pk: int):
        dok = _dokumen_kasus(request.user, pk)
        if not boleh_unggah_tertanda(request.user, dok.sengketa):
            messages.error(
                request,
                _("Only the registry of the commission or the PP of this case retries a document."),
            )
        elif dok.status == StatusDokumen.GAGAL:
            dokumen_coba_lagi(dok.pk)
            messages.success(request, _("The document was queued again."))
        return _ke_kasus(dok)
