"""Back-office pages where the registry links portal accounts to cases (issue 6): a kuasa's
account to the party it represents, a PPID officer's account to its public body. The rules
and the writes are the services of `workflows.layanan.akun_pihak`; these pages only show the
forms and call them."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from sengketa import izin
from sengketa.galat import KesalahanProsedur, ParameterTidakValid
from sengketa.models import BadanPublik, Kuasa, Pihak, Sengketa
from sengketa.selectors import sengketa_terlihat

from ..layanan.akun_pihak import kuasa_nonaktifkan, kuasa_tautkan, petugas_lepas, petugas_tautkan
from .forms import InputTanggal, tampilkan_galat
from .views import LABEL_TINDAKAN, StafMixin, judul

# The case page names these history rows (views.LABEL_TINDAKAN is the registry of labels).
LABEL_TINDAKAN.setdefault("tautkan_kuasa", gettext_lazy("Representative's account linked"))
LABEL_TINDAKAN.setdefault("nonaktifkan_kuasa", gettext_lazy("Representative's account deactivated"))


# -- forms ------------------------------------------------------------------------------


class KuasaForm(forms.Form):
    pihak = forms.TypedChoiceField(label=gettext_lazy("Represented party"), coerce=int)
    email = forms.EmailField(
        label=gettext_lazy("E-mail address of the portal account"),
        help_text=gettext_lazy("The representative registers in the portal first."),
    )
    nama = forms.CharField(
        label=gettext_lazy("Name of the representative"),
        max_length=250,
        required=False,
        help_text=gettext_lazy("Leave empty to use the name of the account."),
    )
    nomor_surat_kuasa = forms.CharField(
        label=gettext_lazy("Power of attorney number"), max_length=120
    )
    tanggal_surat_kuasa = forms.DateField(
        label=gettext_lazy("Power of attorney date"), widget=InputTanggal()
    )
    diperiksa = forms.BooleanField(
        label=gettext_lazy(
            "I have checked the power of attorney: it is signed by the party and names this"
            " representative."
        )
    )

    def __init__(self, *args, sengketa: Sengketa, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pihak"].choices = [
            (p.pk, f"{p.get_peran_display()}: {p.nama}") for p in sengketa.pihak.all()
        ]


class PetugasForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail address of the portal account"))
    diperiksa = forms.BooleanField(
        label=gettext_lazy(
            "I have checked that this person is an officer (PPID or legal staff) of this public"
            " body, e.g. from the letter of appointment."
        )
    )


# -- views ------------------------------------------------------------------------------


def _sengketa(pengguna, pk: int) -> Sengketa:
    qs = sengketa_terlihat(pengguna).select_related("komisi")
    sengketa = get_object_or_404(
        qs.prefetch_related(
            Prefetch(
                "pihak",
                queryset=Pihak.objects.select_related("badan_publik").prefetch_related(
                    Prefetch("kuasa", queryset=Kuasa.objects.select_related("pengguna"))
                ),
            )
        ),
        pk=pk,
    )
    if not izin.boleh_kelola_akun_pihak(pengguna, sengketa.komisi_id):
        raise PermissionDenied
    return sengketa


class KuasaView(StafMixin, View):
    """The case's parties with their representatives, and the form to link one."""

    def get(self, request, pk: int):
        sengketa = _sengketa(request.user, pk)
        return self._tampil(request, sengketa, KuasaForm(sengketa=sengketa))

    def post(self, request, pk: int):
        sengketa = _sengketa(request.user, pk)
        form = KuasaForm(request.POST, sengketa=sengketa)
        if not form.is_valid():
            return self._tampil(request, sengketa, form, status=400)
        d = form.cleaned_data
        try:
            kuasa_tautkan(
                sengketa_id=sengketa.pk, oleh=request.user, pihak_id=d["pihak"],
                email=d["email"], nama=d["nama"], nomor_surat_kuasa=d["nomor_surat_kuasa"],
                tanggal_surat_kuasa=d["tanggal_surat_kuasa"],
            )  # fmt: skip
        except ParameterTidakValid as galat:
            tampilkan_galat(form, galat.galat)
            return self._tampil(request, sengketa, form, status=400)
        except KesalahanProsedur as galat:
            form.add_error(None, str(galat))
            return self._tampil(request, sengketa, form, status=409)
        messages.success(
            request,
            _("%(email)s is linked as a representative and now sees the case in the portal.")
            % {"email": d["email"]},
        )
        return redirect("kantor:akun_pihak_kuasa", pk=sengketa.pk)

    def _tampil(self, request, sengketa, form, status=200):
        konteks = {"sengketa": sengketa, "judul": judul(sengketa), "form": form}
        return render(request, "kantor/akun_pihak_kuasa.html", konteks, status=status)


class KuasaNonaktifView(StafMixin, View):
    def post(self, request, pk: int):
        kuasa = get_object_or_404(Kuasa.objects.select_related("pihak"), pk=pk)
        sengketa = _sengketa(request.user, kuasa.pihak.sengketa_id)
        kuasa_nonaktifkan(kuasa_id=kuasa.pk, oleh=request.user)
        messages.success(
            request, _("%(nama)s no longer represents the party.") % {"nama": kuasa.nama}
        )
        return redirect("kantor:akun_pihak_kuasa", pk=sengketa.pk)


class PetugasView(StafMixin, View):
    """The officers of one public body with a portal account: link one, unlink one."""

    def _badan(self, request, pk: int) -> BadanPublik:
        badan = get_object_or_404(
            BadanPublik.objects.filter(komisi_id__in=izin.komisi_pengguna(request.user))
            .select_related("komisi")
            .prefetch_related("petugas__profil_pihak"),
            pk=pk,
        )
        if not izin.boleh_kelola_akun_pihak(request.user, badan.komisi_id):
            raise PermissionDenied
        return badan

    def get(self, request, pk: int):
        return self._tampil(request, self._badan(request, pk), PetugasForm())

    def post(self, request, pk: int):
        badan = self._badan(request, pk)
        if "lepas" in request.POST:
            return self._lepas(request, badan)
        form = PetugasForm(request.POST)
        if not form.is_valid():
            return self._tampil(request, badan, form, status=400)
        try:
            pengguna = petugas_tautkan(
                badan_publik_id=badan.pk, oleh=request.user, email=form.cleaned_data["email"]
            )
        except ParameterTidakValid as galat:
            tampilkan_galat(form, galat.galat)
            return self._tampil(request, badan, form, status=400)
        messages.success(
            request,
            _("%(email)s now follows the cases against %(badan)s in the portal.")
            % {"email": pengguna.email, "badan": badan.nama},
        )
        return redirect("kantor:akun_pihak_petugas", pk=badan.pk)

    def _lepas(self, request, badan):
        try:
            pengguna_id = int(request.POST["lepas"])
        except ValueError:
            return redirect("kantor:akun_pihak_petugas", pk=badan.pk)
        petugas_lepas(badan_publik_id=badan.pk, oleh=request.user, pengguna_id=pengguna_id)
        messages.success(request, _("The officer's account is unlinked from the public body."))
        return redirect("kantor:akun_pihak_petugas", pk=badan.pk)

    def _tampil(self, request, badan, form, status=200):
        konteks = {"badan": badan, "petugas": list(badan.petugas.all()), "form": form}
        return render(request, "kantor/akun_pihak_petugas.html", konteks, status=status)
