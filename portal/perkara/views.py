"""'Perkara saya': the party's own cases, their documents and the withdrawal request.

Every page looks the case up among the account's own cases: another party's case is a 404,
never a 403, so nothing tells whether it exists."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from sengketa.galat import KesalahanProsedur, ParameterTidakValid
from sengketa.models import StatusSengketa
from sengketa.waktu import hari_ini, tanggal_lokal
from workflows.layanan import sengketa_cabut

from ..akun.views import PortalLoginMixin
from .forms import CabutForm
from .ringkasan import boleh_cabut, cabut_lewat_majelis, ringkas, tgl
from .selectors import dokumen_saya, perkara_saya


def _perkara(request, pk: int):
    return get_object_or_404(perkara_saya(request.user), pk=pk)


class DaftarView(PortalLoginMixin, View):
    def get(self, request):
        daftar = [ringkas(request.user, s) for s in perkara_saya(request.user)]
        return render(request, "portal/perkara/daftar.html", {"daftar": daftar})


def _berkas(sengketa, dokumen) -> list[dict]:
    """PDF and DOCX of one document version as one line with two links."""
    baris: dict[tuple, dict] = {}
    for d in dokumen:
        kunci = (d.jenis, d.nomor, d.pihak_id, d.versi)
        terbit = d.diterbitkan_pada
        b = baris.setdefault(
            kunci,
            {
                "jenis": d.get_jenis_display(),
                "nomor": d.nomor,
                "tanggal": tgl(tanggal_lokal(sengketa.komisi, terbit)) if terbit else "",
                "format": [],
            },
        )
        b["format"].append(d)
    return list(baris.values())


class DetailView(PortalLoginMixin, View):
    def get(self, request, pk: int):
        sengketa = _perkara(request, pk)
        konteks = {
            "r": ringkas(request.user, sengketa),
            "dokumen": _berkas(sengketa, dokumen_saya(request.user, sengketa)),
            "boleh_cabut": boleh_cabut(request.user, sengketa),
            "cabut_lewat_majelis": cabut_lewat_majelis(request.user, sengketa),
        }
        return render(request, "portal/perkara/detail.html", konteks)


class CabutView(PortalLoginMixin, View):
    """GET: the consequences and the confirmation form. POST: the `cabut` service, once."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.sengketa = _perkara(request, kwargs["pk"])
        if self.sengketa.status == StatusSengketa.DICABUT:
            # A second click, or a reload, after the withdrawal went through.
            messages.info(request, _("This case has already been withdrawn."))
            return redirect("portal:perkara_detail", pk=self.sengketa.pk)
        if not boleh_cabut(request.user, self.sengketa):
            messages.error(request, _("You cannot withdraw this case online at this stage."))
            return redirect("portal:perkara_detail", pk=self.sengketa.pk)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk: int):
        return self._tampil(request, CabutForm(initial={"status": self.sengketa.status}))

    def post(self, request, pk: int):
        form = CabutForm(request.POST)
        if not form.is_valid():
            return self._tampil(request, form, status=400)
        if form.cleaned_data["status"] != self.sengketa.status:
            messages.warning(
                request, _("The case has moved on meanwhile: read the consequences again.")
            )
            return self._tampil(request, CabutForm(initial={"status": self.sengketa.status}))
        try:
            with transaction.atomic():
                sengketa_cabut(
                    sengketa_id=self.sengketa.pk,
                    oleh=request.user,
                    tanggal_surat=hari_ini(self.sengketa.komisi),
                    alasan=form.cleaned_data["alasan"],
                    atas_nama=self._atas_nama(),
                )
        except ParameterTidakValid as galat:
            for medan, pesan in galat.galat.items():
                form.add_error(medan if medan == "alasan" else None, pesan)
            return self._tampil(request, form, status=400)
        except KesalahanProsedur as galat:
            # The service locks the case: of two simultaneous submits the second finds it
            # withdrawn already and lands here, with nothing fired twice.
            self.sengketa.refresh_from_db(fields=["status"])
            if self.sengketa.status == StatusSengketa.DICABUT:
                messages.info(request, _("This case has already been withdrawn."))
            else:
                messages.error(request, str(galat))
            return redirect("portal:perkara_detail", pk=pk)
        messages.success(
            request,
            _(
                "Your application has been withdrawn. The withdrawal decree will appear among"
                " the documents of the case."
            ),
        )
        return redirect("portal:perkara_detail", pk=pk)

    def _atas_nama(self) -> str:
        """A kuasa withdraws on the applicant's behalf: the history names the applicant."""
        pemohon = self.sengketa.pemohon
        if pemohon and pemohon.pengguna_id != self.request.user.pk:
            return pemohon.nama
        return ""

    def _tampil(self, request, form, status=200):
        konteks = {"r": ringkas(request.user, self.sengketa), "form": form}
        return render(request, "portal/perkara/cabut.html", konteks, status=status)
