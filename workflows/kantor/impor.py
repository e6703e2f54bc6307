"""The register import wizard: upload -> mapping -> dry run -> confirm -> result.

The uploaded file is kept between the steps under a random name in MEDIA_ROOT/impor/
(never served by a URL of the app), named in the session; it is deleted when the import
has run or is cancelled, when another file is uploaded, and after a day at the latest.
Each step re-reads it, so a confirmation executes the dry run the user saw with the data
of that moment (a row imported meanwhile is reported as already imported). The import
itself runs as a background task (workflows/impor/tugas.py); the result page waits for it.

Admins and registrars of the commission prepare an import; a registrar runs it (the
registry keeps the register book).
"""

import secrets
import time
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from sengketa.models import KomisiInformasi
from sengketa.peran import Peran

from ..impor.baca import BerkasTidakTerbaca, Tabel, baca_berkas
from ..impor.jalankan import DIBUAT, DILEWATI, GAGAL, boleh_menjalankan
from ..impor.kolom import MEDAN, deteksi
from ..impor.rencana import BUAT, SUDAH_ADA, TOLAK, susun_rencana
from ..impor.tugas import TUGAS, baca_hasil, berkas_hasil, berkas_unggahan, folder_impor
from . import selectors as sel
from .views import StafMixin

SESI = "impor_register"
MAKS_UKURAN = 10 * 1024 * 1024
UMUR_BERKAS = 24 * 3600
EKSTENSI = (".xlsx", ".xlsm", ".csv", ".txt")
LABEL_KEADAAN = {
    BUAT: gettext_lazy("Will be created"),
    TOLAK: gettext_lazy("Rejected"),
    SUDAH_ADA: gettext_lazy("Already imported"),
    DIBUAT: gettext_lazy("Created"),
    GAGAL: gettext_lazy("Failed"),
    DILEWATI: gettext_lazy("Skipped"),
}


def bersihkan_lama() -> None:
    batas = time.time() - UMUR_BERKAS
    for berkas in folder_impor().glob("*"):
        if berkas.is_file() and berkas.stat().st_mtime < batas:
            berkas.unlink(missing_ok=True)


def _berkas(sesi: dict) -> Path:
    return berkas_unggahan(sesi["token"], sesi["ekstensi"])


class UnggahForm(forms.Form):
    berkas = forms.FileField(
        label=gettext_lazy("Register file (XLSX or CSV)"),
        help_text=gettext_lazy("The first sheet is read; its header row names the columns."),
    )

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        if Path(berkas.name).suffix.lower() not in EKSTENSI:
            raise forms.ValidationError(_("Upload an XLSX or CSV file."))
        if berkas.size > MAKS_UKURAN:
            raise forms.ValidationError(
                _("The file is larger than %(n)d MB.") % {"n": MAKS_UKURAN // (1024 * 1024)}
            )
        return berkas


class PemetaanForm(forms.Form):
    """One choice of column per field; the required fields must have one."""

    buat_badan_publik = forms.BooleanField(
        label=gettext_lazy("Create the public bodies the commission does not know yet"),
        help_text=gettext_lazy(
            "Otherwise rows with an unknown respondent are rejected. New bodies get the"
            " category 'other'; correct it afterwards for the statistics."
        ),
        required=False,
    )

    def __init__(self, *args, judul: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        pilihan = [("", "—")] + [(str(i), j or f"#{i + 1}") for i, j in enumerate(judul)]
        for m in MEDAN:
            self.fields[f"kolom_{m.kunci}"] = forms.ChoiceField(
                label=m.label, choices=pilihan, required=m.wajib
            )

    def clean(self):
        data = super().clean()
        dipakai: dict[str, str] = {}
        for m in MEDAN:
            nilai = data.get(f"kolom_{m.kunci}")
            if not nilai:
                continue
            if nilai in dipakai:
                self.add_error(
                    f"kolom_{m.kunci}",
                    _("This column is already used for %(medan)s.") % {"medan": dipakai[nilai]},
                )
            dipakai[nilai] = str(m.label)
        return data

    def pemetaan(self) -> dict[str, int | None]:
        d = self.cleaned_data
        return {
            m.kunci: int(d[f"kolom_{m.kunci}"]) if d.get(f"kolom_{m.kunci}") else None
            for m in MEDAN
        }


class ImporMixin(StafMixin):
    """Admins and registrars of a commission; `?komisi=` picks one among several."""

    @staticmethod
    def komisi_boleh(pengguna) -> frozenset[int]:
        return sel.komisi_dengan_peran(pengguna, Peran.ADMIN) | sel.komisi_dengan_peran(
            pengguna, Peran.PANITERA
        )

    @classmethod
    def boleh_akses(cls, pengguna) -> bool:
        """The rule of the back-office menu (workflows/kantor/menu.py) and of dispatch."""
        return bool(cls.komisi_boleh(pengguna))

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and sel.adalah_staf(request.user):
            ids = self.komisi_boleh(request.user)
            if not ids:
                raise PermissionDenied
            self.daftar_komisi = list(KomisiInformasi.objects.filter(pk__in=ids).order_by("nama"))
            self.sesi = request.session.get(SESI)
            pilih = request.POST.get("komisi") or request.GET.get("komisi")
            if self.sesi and not pilih:
                pilih = str(self.sesi["komisi"])
            self.komisi = next(
                (k for k in self.daftar_komisi if str(k.pk) == pilih), self.daftar_komisi[0]
            )
            if self.sesi and self.sesi["komisi"] not in ids:
                self.lupakan(request)
        return super().dispatch(request, *args, **kwargs)

    def tampil(self, request, template, konteks, status=200):
        konteks = {
            "komisi": self.komisi,
            "daftar_komisi": self.daftar_komisi,
            "sesi": self.sesi,
            **konteks,
        }
        return render(request, template, konteks, status=status)

    def lupakan(self, request) -> None:
        if self.sesi and not self.sesi.get("berjalan"):
            _berkas(self.sesi).unlink(missing_ok=True)  # a running task deletes it itself
        if self.sesi:
            berkas_hasil(self.sesi["token"]).unlink(missing_ok=True)
        request.session.pop(SESI, None)
        self.sesi = None

    def tabel(self, request) -> Tabel | None:
        """The uploaded file read again; None (with a message) when it is gone."""
        if not self.sesi or self.sesi["komisi"] != self.komisi.pk:
            return None
        if self.sesi.get("berjalan"):
            return None
        try:
            return baca_berkas(_berkas(self.sesi).read_bytes(), self.sesi["nama"])
        except (OSError, BerkasTidakTerbaca):
            messages.warning(
                request, _("The uploaded file is no longer available; upload it again.")
            )
            self.lupakan(request)
            return None

    def ke_awal(self):
        if self.sesi and self.sesi.get("berjalan"):
            return redirect(reverse("kantor:impor_hasil"))
        return redirect(f"{reverse('kantor:impor')}?komisi={self.komisi.pk}")


class ImporView(ImporMixin, View):
    """Step 1: upload."""

    def get(self, request):
        return self.tampil(request, "kantor/impor.html", {"form": UnggahForm()})

    def post(self, request):
        form = UnggahForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.tampil(request, "kantor/impor.html", {"form": form}, status=400)
        berkas = form.cleaned_data["berkas"]
        isi = berkas.read()
        try:
            tabel = baca_berkas(isi, berkas.name)
        except BerkasTidakTerbaca as galat:
            form.add_error("berkas", str(galat))
            return self.tampil(request, "kantor/impor.html", {"form": form}, status=400)
        self.lupakan(request)
        bersihkan_lama()
        sesi = {
            "token": secrets.token_hex(16),
            "ekstensi": Path(berkas.name).suffix.lower(),
            "nama": Path(berkas.name).name[:200],
            "komisi": self.komisi.pk,
            "pemetaan": deteksi(tabel.judul),
            "buat_badan_publik": False,
        }
        _berkas(sesi).write_bytes(isi)
        request.session[SESI] = sesi
        return redirect(reverse("kantor:impor_pemetaan"))


class ImporPemetaanView(ImporMixin, View):
    """Step 2: the detected mapping, changeable."""

    def form(self, tabel, data=None):
        awal = {f"kolom_{k}": str(i) for k, i in self.sesi["pemetaan"].items() if i is not None}
        awal["buat_badan_publik"] = self.sesi.get("buat_badan_publik", False)
        return PemetaanForm(data, judul=tabel.judul, initial=awal)

    def konteks(self, tabel, form) -> dict:
        contoh = [b for _n, b in tabel.baris[:3]]
        return {
            "form": form,
            "jumlah_baris": len(tabel.baris),
            "judul": tabel.judul,
            "contoh": contoh,
        }

    def get(self, request):
        tabel = self.tabel(request)
        if tabel is None:
            return self.ke_awal()
        form = self.form(tabel)
        return self.tampil(request, "kantor/impor_pemetaan.html", self.konteks(tabel, form))

    def post(self, request):
        tabel = self.tabel(request)
        if tabel is None:
            return self.ke_awal()
        form = self.form(tabel, request.POST)
        if not form.is_valid():
            return self.tampil(
                request, "kantor/impor_pemetaan.html", self.konteks(tabel, form), status=400
            )
        self.sesi.update(
            pemetaan=form.pemetaan(), buat_badan_publik=form.cleaned_data["buat_badan_publik"]
        )
        request.session[SESI] = self.sesi
        return redirect(reverse("kantor:impor_pratinjau"))


class ImporPratinjauView(ImporMixin, View):
    """Step 3: the dry run. Nothing is written."""

    def get(self, request):
        tabel = self.tabel(request)
        if tabel is None:
            return self.ke_awal()
        rencana = susun_rencana(
            tabel,
            self.sesi["pemetaan"],
            self.komisi,
            oleh=request.user,
            buat_badan_publik=self.sesi["buat_badan_publik"],
        )
        return self.tampil(
            request,
            "kantor/impor_pratinjau.html",
            {
                "rencana": rencana,
                "baris": [(b, LABEL_KEADAAN[b.keadaan]) for b in rencana.baris],
                "kolom_hilang": [str(m.label) for m in MEDAN if m.kunci in rencana.kolom_hilang],
                "dibuat": rencana.jumlah(BUAT),
                "ditolak": rencana.jumlah(TOLAK),
                "sudah_ada": rencana.jumlah(SUDAH_ADA),
                "boleh_jalankan": boleh_menjalankan(request.user, self.komisi),
            },
        )


class ImporJalankanView(ImporMixin, View):
    """Step 4: confirm -> the import is queued; the result page waits for it."""

    def post(self, request):
        tabel = self.tabel(request)
        if tabel is None:
            return self.ke_awal()
        if not boleh_menjalankan(request.user, self.komisi):
            raise PermissionDenied
        from django_q.tasks import async_task

        sesi = self.sesi
        sesi["berjalan"] = True
        request.session[SESI] = sesi
        async_task(
            TUGAS,
            sesi["token"],
            sesi["ekstensi"],
            sesi["nama"],
            self.komisi.pk,
            request.user.pk,
            sesi["pemetaan"],
            sesi["buat_badan_publik"],
            group="impor_register",
            # Read at call time so tests can switch it (as dokumen.layanan does).
            sync=bool(settings.Q_CLUSTER.get("sync", False)),
        )
        return redirect(reverse("kantor:impor_hasil"))


class ImporHasilView(ImporMixin, View):
    """Step 5: the result, once the task has written it (the page reloads until then)."""

    def get(self, request):
        if not self.sesi or not self.sesi.get("berjalan"):
            return redirect(f"{reverse('kantor:impor')}?komisi={self.komisi.pk}")
        selesai = baca_hasil(self.sesi["token"])
        if selesai is None:
            return self.tampil(request, "kantor/impor_hasil.html", {"berjalan": True})
        nama, galat, hasil = selesai
        self.lupakan(request)
        return self.tampil(
            request,
            "kantor/impor_hasil.html",
            {
                "nama_berkas": nama,
                "galat": galat,
                "hasil": hasil,
                "baris": [(b, LABEL_KEADAAN[b.keadaan]) for b in hasil.baris],
                "dibuat": hasil.jumlah(DIBUAT),
                "gagal": hasil.jumlah(GAGAL),
                "dilewati": hasil.jumlah(DILEWATI),
            },
        )


class ImporBatalView(ImporMixin, View):
    def post(self, request):
        self.lupakan(request)
        messages.info(request, _("The import was cancelled and the uploaded file deleted."))
        return self.ke_awal()
