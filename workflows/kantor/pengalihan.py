"""Reassignment pages (issue 3): one open task of a case to a named person, with a reason
(from the case page), and every task named for a staff member who leaves to one colleague
(a confirmation page lists them first). Views translate HTTP; who may reassign, who may hold
a task and what is refused are the service's business (workflows.layanan.pengalihan)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from viewflow.workflow.models import Task

from sengketa.galat import KesalahanProsedur, ParameterTidakValid, TidakBerwenang
from sengketa.models import KomisiInformasi, Sengketa
from sengketa.peran import PERAN_STAF

from ..layanan import pengalihan as layanan
from ..layanan.validasi import pengguna as cari_pengguna
from ..models import PengalihanTugas
from ..rute import tugas_terbuka
from . import selectors as sel
from .forms import pilihan_staf, tampilkan_galat
from .views import StafMixin, _sengketa_terlihat_atau_404, judul, waktu_lokal


class PilihanBebas(forms.ChoiceField):
    """A select whose value the service checks: a name that is not on the list gets the
    service's own reason (who may hold the task) instead of a generic 'invalid choice'."""

    def valid_value(self, value) -> bool:
        return True


class PengalihanForm(forms.Form):
    tugas = forms.IntegerField(widget=forms.HiddenInput)
    # The holder the user saw ("" = the role queue): a second click finds another one.
    pemilik = forms.CharField(widget=forms.HiddenInput, required=False)
    ke = PilihanBebas(label=gettext_lazy("Reassign to"))
    alasan = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=layanan.MAKS_ALASAN,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Kept in the case's reassignment history."),
    )

    def __init__(self, *args, pilihan=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ke"].choices = [("", "---------"), *pilihan]

    def pemilik_kini(self) -> int | None:
        nilai = self.cleaned_data.get("pemilik") or ""
        return int(nilai) if nilai.isdigit() else None


def form_pengalihan(sengketa: Sengketa, tugas: Task, data=None) -> PengalihanForm:
    """The form of one open task: its possible holders (the service's rule), but not the
    person who has it now."""
    calon = sel.pemegang_sah(sengketa, tugas.flow_task.name)
    if tugas.owner_id:
        calon = calon.exclude(pk=tugas.owner_id)
    return PengalihanForm(
        data,
        prefix="alih",
        pilihan=[(u.get_username(), layanan.nama_pengguna(u)) for u in calon],
        initial={"tugas": tugas.pk, "pemilik": tugas.owner_id or ""},
    )


def pemegang_kini(tugas: Task) -> str:
    if tugas.owner_id and tugas.owner.is_active:
        return layanan.nama_pengguna(tugas.owner)
    return _("Role queue: %(pemegang)s") % {
        "pemegang": layanan.label_pemegang(tugas.flow_task.name)
    }


def riwayat_pengalihan(sengketa: Sengketa) -> list[dict]:
    """The case's reassignments, oldest first, for the case page."""
    baris = PengalihanTugas.objects.filter(sengketa=sengketa).select_related(
        "tugas", "dari", "ke", "oleh"
    )
    return [
        {
            "dicatat_pada": waktu_lokal(sengketa.komisi, p.dicatat_pada),
            "tugas": layanan.judul_tugas(p.tugas),
            "dari": layanan.nama_pengguna(p.dari) or _("Role queue"),
            "ke": layanan.nama_pengguna(p.ke),
            "oleh": layanan.nama_pengguna(p.oleh),
            "alasan": p.alasan,
            "massal": p.massal,
        }
        for p in baris.order_by("dicatat_pada", "pk")
    ]


def bagian_kasus(request, sengketa: Sengketa, form=None) -> dict:
    """What the case page's reassignment section shows (templatetags.alur_kantor)."""
    tugas = tugas_terbuka(sengketa.pk)
    boleh = bool(tugas) and layanan.boleh_mengalihkan(request.user, sengketa.komisi_id)
    return {
        "sengketa": sengketa,
        "tugas": tugas,
        "judul_tugas": layanan.judul_tugas(tugas) if tugas else "",
        "pemegang": pemegang_kini(tugas) if tugas else "",
        "boleh_alihkan": boleh,
        "form": form or (form_pengalihan(sengketa, tugas) if boleh else None),
        "riwayat": riwayat_pengalihan(sengketa),
    }


class PengalihanView(StafMixin, View):
    """GET/POST /kantor/sengketa/<id>/pengalihan/: reassign the case's open task."""

    template_name = "kantor/pengalihan.html"

    def tampil(self, request, sengketa, *, form=None, galat=None, status=200):
        konteks = bagian_kasus(request, sengketa, form)
        konteks.update(
            judul=judul(sengketa),
            galat=galat,
            galat_gagal="pengalihan" if galat else "",
            alasan_galat=getattr(galat, "alasan", None),
        )
        return render(request, self.template_name, konteks, status=status)

    def get(self, request, pk: int):
        sengketa = _sengketa_terlihat_atau_404(request.user, pk)
        try:
            layanan.pastikan_boleh(request.user, sengketa.komisi_id)
        except TidakBerwenang as galat:
            return self.tampil(request, sengketa, galat=galat, status=403)
        return self.tampil(request, sengketa)

    def post(self, request, pk: int):
        sengketa = _sengketa_terlihat_atau_404(request.user, pk)
        tugas_id = request.POST.get("alih-tugas", "")
        tugas = Task.objects.filter(
            pk=int(tugas_id) if tugas_id.isdigit() else 0,
            **{f"{sel._KE_SENGKETA}_id": sengketa.pk},
        ).first()
        if tugas is None:
            raise Http404
        form = form_pengalihan(sengketa, tugas, request.POST)
        if not form.is_valid():
            return self.tampil(request, sengketa, form=form, status=400)
        try:
            hasil = layanan.tugas_alihkan(
                tugas_id=tugas.pk,
                ke=form.cleaned_data["ke"],
                oleh=request.user,
                alasan=form.cleaned_data["alasan"],
                pemilik_kini=form.pemilik_kini(),
            )
        except ParameterTidakValid as galat:
            tampilkan_galat(form, galat.galat)
            return self.tampil(request, sengketa, form=form, status=400)
        except TidakBerwenang as galat:
            return self.tampil(request, sengketa, galat=galat, status=403)
        except KesalahanProsedur as galat:
            # Stale form: show the current holder and a fresh form, the reason on top.
            return self.tampil(request, sengketa, galat=galat, status=409)
        messages.success(
            request,
            _("The task “%(tugas)s” was reassigned to %(nama)s.")
            % {"tugas": layanan.judul_tugas(hasil.tugas), "nama": layanan.nama_pengguna(hasil.ke)},
        )
        return redirect(reverse("kantor:sengketa", args=[sengketa.pk]) + "#pengalihan")


# -- bulk: a staff member leaves ------------------------------------------------------


class PilihanBilanganBebas(PilihanBebas, forms.TypedChoiceField):
    pass


class PengalihanMassalForm(forms.Form):
    # Not checked against the list: after a move the person has left it, and a second click
    # must get the service's reason ("holds no open task any more"), not "invalid choice".
    dari = PilihanBilanganBebas(label=gettext_lazy("Tasks now with"), coerce=int)
    ke = PilihanBebas(label=gettext_lazy("Move them to"))
    alasan = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=layanan.MAKS_ALASAN,
        widget=forms.Textarea(attrs={"rows": 3}),
        initial=gettext_lazy("Leaves the commission"),
    )

    def __init__(self, *args, komisi: KomisiInformasi, **kwargs):
        super().__init__(*args, **kwargs)
        self.pemilik = sel.pemilik_tugas(komisi.pk)
        self.fields["dari"].choices = [("", "---------")] + [
            (
                u.pk,
                ngettext("%(nama)s (%(n)d open task)", "%(nama)s (%(n)d open tasks)", n)
                % {"nama": layanan.nama_pengguna(u), "n": n},
            )
            for u, n in self.pemilik
        ]
        self.fields["ke"].choices = [("", "---------"), *pilihan_staf(komisi.pk, PERAN_STAF)]

    def orang_dari(self):
        """The person whose tasks move; a deactivated account too (they left)."""
        return layanan.pengguna_mana_saja("dari", self.cleaned_data["dari"])


class PengalihanMassalView(StafMixin, View):
    """GET/POST /kantor/pengalihan/: every open task named for one person, to another."""

    @staticmethod
    def boleh_akses(pengguna) -> bool:
        """The rule of this page, for the view and for the menu (menu.py)."""
        return bool(layanan.komisi_pengalih(pengguna))

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and sel.adalah_staf(request.user):
            if not self.boleh_akses(request.user):
                raise PermissionDenied
            ids = layanan.komisi_pengalih(request.user)
            self.daftar_komisi = list(KomisiInformasi.objects.filter(pk__in=ids).order_by("nama"))
            pilih = request.POST.get("komisi") or request.GET.get("komisi")
            self.komisi = next(
                (k for k in self.daftar_komisi if str(k.pk) == pilih), self.daftar_komisi[0]
            )
        return super().dispatch(request, *args, **kwargs)

    def tampil(self, request, template, konteks, status=200):
        konteks = {"komisi": self.komisi, "daftar_komisi": self.daftar_komisi, **konteks}
        return render(request, template, konteks, status=status)

    def halaman_form(self, request, form, *, galat=None, status=200):
        return self.tampil(
            request,
            "kantor/pengalihan_massal.html",
            {"form": form, "galat": galat, "alasan_galat": getattr(galat, "alasan", None)},
            status=status,
        )

    def pratinjau(self, request, form, *, galat=None, status=200):
        try:
            dari = form.orang_dari()
            ke = cari_pengguna("ke", form.cleaned_data["ke"])
        except ParameterTidakValid as g:
            tampilkan_galat(form, g.galat)
            return self.halaman_form(request, form, status=400)
        tugas = list(sel.tugas_milik(dari, self.komisi.pk).select_related("owner").order_by("pk"))
        kasus = Sengketa.objects.select_related("komisi").in_bulk([t.sengketa_id for t in tugas])
        baris = [
            {
                "tugas": t,
                "sengketa": kasus[t.sengketa_id],
                "judul": judul(kasus[t.sengketa_id]),
                "judul_tugas": layanan.judul_tugas(t),
                "tidak_sah": layanan.alasan_tidak_sah(ke, kasus[t.sengketa_id], t),
            }
            for t in tugas
        ]
        return self.tampil(
            request,
            "kantor/pengalihan_massal_pratinjau.html",
            {
                "form": form,
                "dari": layanan.nama_pengguna(dari),
                "ke": layanan.nama_pengguna(ke),
                "baris": baris,
                "bisa_simpan": bool(baris) and not any(b["tidak_sah"] for b in baris),
                "galat": galat,
                "alasan_galat": getattr(galat, "alasan", None),
            },
            status=status,
        )

    def get(self, request):
        return self.halaman_form(request, PengalihanMassalForm(komisi=self.komisi))

    def post(self, request):
        form = PengalihanMassalForm(request.POST, komisi=self.komisi)
        if not form.is_valid():
            return self.halaman_form(request, form, status=400)
        if request.POST.get("langkah") != "simpan":
            return self.pratinjau(request, form)
        d = form.cleaned_data
        try:
            hasil = layanan.tugas_alihkan_massal(
                komisi_id=self.komisi.pk,
                dari=form.orang_dari(),
                ke=d["ke"],
                oleh=request.user,
                alasan=d["alasan"],
                tugas_ids=[int(i) for i in request.POST.getlist("tugas") if i.isdigit()],
            )
        except ParameterTidakValid as galat:
            tampilkan_galat(form, galat.galat)
            return self.halaman_form(request, form, status=400)
        except TidakBerwenang as galat:
            return self.halaman_form(request, form, galat=galat, status=403)
        except KesalahanProsedur as galat:
            # The list changed, or someone cannot take a task: show the list as it is now.
            return self.pratinjau(request, form, galat=galat, status=409)
        messages.success(
            request,
            ngettext(
                "%(n)d task moved from %(dari)s to %(ke)s.",
                "%(n)d tasks moved from %(dari)s to %(ke)s.",
                len(hasil),
            )
            % {
                "n": len(hasil),
                "dari": layanan.nama_pengguna(form.orang_dari()),
                "ke": layanan.nama_pengguna(hasil[0].ke),
            },
        )
        return redirect(reverse("kantor:pengalihan_massal") + f"?komisi={self.komisi.pk}")
