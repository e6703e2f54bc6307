"""The registry links portal accounts to cases (issue 6): a kuasa's account to the party it
represents, after checking the power of attorney; a PPID officer's account to its public
body, so the officer follows that body's cases as the respondent in "Perkara saya".

Only the registry (panitera) or the administrator of the case's commission may do it. A
link to a case is written to the case's history; nothing here imports the portal (the
account's profile is read through `profil_pihak`)."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from sengketa import izin
from sengketa.galat import KesalahanProsedur, ParameterTidakValid, TidakBerwenang, tidak_valid
from sengketa.models import BadanPublik, Kuasa, PeranPihak, Pihak, Sengketa, StatusSengketa
from sengketa.peran import Peran
from sengketa.selectors import sengketa_terlihat
from sengketa.waktu import hari_ini

from ..layanan.dasar import catat_tindakan, kunci_sengketa
from ..layanan.permohonan import sengketa_ubah_permohonan
from ..rute import kunci_proses
from .forms import InputTanggal, tampilkan_galat
from .views import LABEL_TINDAKAN, StafMixin, judul

User = get_user_model()

# The case page names these history rows (views.LABEL_TINDAKAN is the registry of labels).
LABEL_TINDAKAN.setdefault("tautkan_kuasa", gettext_lazy("Representative's account linked"))
LABEL_TINDAKAN.setdefault("nonaktifkan_kuasa", gettext_lazy("Representative's account deactivated"))


def boleh_kelola(pengguna, komisi_id: int) -> bool:
    return izin.punya_peran(pengguna, Peran.PANITERA, komisi_id) or izin.punya_peran(
        pengguna, Peran.ADMIN, komisi_id
    )


def _pastikan_boleh(pengguna, komisi_id: int) -> None:
    if not boleh_kelola(pengguna, komisi_id):
        raise TidakBerwenang(
            _("Only the registry or the administrator of the commission links portal accounts.")
        )


def akun_portal(email: str):
    """The active, confirmed portal account of this e-mail address (case-blind), or None."""
    email = (email or "").strip()
    return (
        User.objects.filter(Q(username__iexact=email) | Q(email__iexact=email), is_active=True)
        .filter(profil_pihak__email_terverifikasi_pada__isnull=False)
        .select_related("profil_pihak")
        .first()
    )


def _akun_atau_galat(email: str):
    pengguna = akun_portal(email)
    if pengguna is None:
        raise tidak_valid(
            "email",
            _(
                "No confirmed portal account uses this e-mail address. Ask the person to"
                " register in the portal and to open the confirmation link first."
            ),
        )
    return pengguna


def _bertindak_untuk_lawan(pengguna, sengketa: Sengketa, pihak: Pihak) -> bool:
    """The account already acts for the other party of this case (a conflict)."""
    badan = set(pengguna.badan_publik_ditangani.values_list("pk", flat=True))
    for lain in sengketa.pihak.all():
        if lain.pk == pihak.pk:
            continue
        if lain.pengguna_id == pengguna.pk or lain.badan_publik_id in badan:
            return True
        if any(k.aktif and k.pengguna_id == pengguna.pk for k in lain.kuasa.all()):
            return True
    return False


# -- services ---------------------------------------------------------------------------


@transaction.atomic
def kuasa_tautkan(
    *, sengketa_id: int, oleh, pihak_id: int, email: str, nomor_surat_kuasa: str,
    tanggal_surat_kuasa, nama: str = "",
) -> Kuasa:  # fmt: skip
    """Link the account as an active kuasa of the party, with its power of attorney. An
    applicant's kuasa before registration also ticks `surat_kuasa` on the checklist, which
    the registry has just checked (Perki 1/2013 Pasal 13)."""
    kunci_proses(sengketa_id)
    sengketa = kunci_sengketa(sengketa_id)
    _pastikan_boleh(oleh, sengketa.komisi_id)
    pihak = sengketa.pihak.filter(pk=pihak_id).first()
    if pihak is None:
        raise tidak_valid("pihak", _("Choose a party of this case."))
    pengguna = _akun_atau_galat(email)
    nomor = (nomor_surat_kuasa or "").strip()
    if not nomor:
        raise tidak_valid("nomor_surat_kuasa", _("Enter the number of the power of attorney."))
    hari = hari_ini(sengketa.komisi)
    if tanggal_surat_kuasa is None or tanggal_surat_kuasa > hari:
        raise tidak_valid(
            "tanggal_surat_kuasa", _("Enter the date of the power of attorney (not in the future).")
        )
    if _bertindak_untuk_lawan(pengguna, sengketa, pihak):
        raise tidak_valid("email", _("This account already acts for the other party of this case."))
    profil = pengguna.profil_pihak
    kuasa = (
        pihak.kuasa.filter(pengguna=pengguna).first()
        or pihak.kuasa.filter(pengguna__isnull=True, email__iexact=pengguna.email).first()
        or Kuasa(pihak=pihak)
    )
    kuasa.nama = (nama or "").strip() or kuasa.nama or profil.nama
    kuasa.email = kuasa.email or pengguna.email
    kuasa.alamat = kuasa.alamat or profil.alamat
    kuasa.telepon = kuasa.telepon or profil.telepon
    kuasa.nomor_surat_kuasa = nomor
    kuasa.tanggal_surat_kuasa = tanggal_surat_kuasa
    kuasa.pengguna = pengguna
    kuasa.aktif = True
    kuasa.save()
    belum_terdaftar = sengketa.status in (
        StatusSengketa.DITERIMA,
        StatusSengketa.MENUNGGU_KELENGKAPAN,
    )
    if (
        pihak.peran == PeranPihak.PEMOHON
        and belum_terdaftar
        and izin.boleh(oleh, sengketa, "ubah_permohonan")
    ):
        sengketa_ubah_permohonan(
            sengketa_id=sengketa.pk, oleh=oleh, perubahan={}, kelengkapan={"surat_kuasa": True}
        )
    catat_tindakan(
        sengketa,
        nama="tautkan_kuasa",
        oleh=oleh,
        tanggal=hari,
        parameter={
            "kuasa": kuasa.pk, "pihak": pihak.peran, "akun": pengguna.email,
            "nomor_surat_kuasa": nomor, "tanggal_surat_kuasa": tanggal_surat_kuasa.isoformat(),
        },
    )  # fmt: skip
    return kuasa


@transaction.atomic
def kuasa_nonaktifkan(*, kuasa_id: int, oleh) -> Kuasa:
    """The power of attorney ended: the account no longer sees the case."""
    kuasa = Kuasa.objects.select_related("pihak").get(pk=kuasa_id)
    kunci_proses(kuasa.pihak.sengketa_id)
    sengketa = kunci_sengketa(kuasa.pihak.sengketa_id)
    _pastikan_boleh(oleh, sengketa.komisi_id)
    if kuasa.aktif:
        kuasa.aktif = False
        kuasa.save(update_fields=["aktif"])
        catat_tindakan(
            sengketa,
            nama="nonaktifkan_kuasa",
            oleh=oleh,
            tanggal=hari_ini(sengketa.komisi),
            parameter={"kuasa": kuasa.pk, "pihak": kuasa.pihak.peran},
        )
    return kuasa


@transaction.atomic
def petugas_tautkan(*, badan_publik_id: int, oleh, email: str):
    badan = BadanPublik.objects.select_for_update().get(pk=badan_publik_id)
    _pastikan_boleh(oleh, badan.komisi_id)
    pengguna = _akun_atau_galat(email)
    badan.petugas.add(pengguna)
    return pengguna


@transaction.atomic
def petugas_lepas(*, badan_publik_id: int, oleh, pengguna_id: int) -> None:
    badan = BadanPublik.objects.select_for_update().get(pk=badan_publik_id)
    _pastikan_boleh(oleh, badan.komisi_id)
    badan.petugas.remove(pengguna_id)


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
    if not boleh_kelola(pengguna, sengketa.komisi_id):
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
        if not boleh_kelola(request.user, badan.komisi_id):
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
