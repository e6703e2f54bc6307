"""Holiday administration of a commission (role admin): its holidays and suspension windows
of a year, and before any change a preview of the open deadlines it would move.

The preview runs the very service inside a transaction that is rolled back, so it lists
exactly what the confirmation will move; nothing is saved until the confirm button."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from sengketa.galat import KesalahanProsedur, ParameterTidakValid
from sengketa.kalender import format_tanggal, kalender_reset
from sengketa.models import HariLibur, KomisiInformasi, Penangguhan, Sengketa
from sengketa.peran import Peran
from sengketa.waktu import hari_ini

from ..layanan.kalender import hari_libur_hapus, hari_libur_simpan, penangguhan_simpan
from . import selectors as sel
from .forms import tampilkan_galat
from .formulir import LiburForm, PenangguhanForm
from .views import LABEL_TENGGAT, StafMixin, judul

PRATINJAU, SIMPAN = "pratinjau", "simpan"


def pratinjau(jalankan) -> dict:
    """Run a calendar service and roll it back: {case id: [moved deadlines]}."""
    try:
        with transaction.atomic():
            hasil = jalankan()
            transaction.set_rollback(True)
    finally:
        kalender_reset()  # the calendars cached during the run saw the rolled-back rows
    return hasil


def gabung(*hasil: dict) -> dict:
    """Moves of two successive services (remove the old day, add the new one) as one."""
    geser: dict[int, dict] = {}
    for satu in hasil:
        for sid, daftar in satu.items():
            for b in daftar:
                kunci = (b.kode, b.pihak_id, b.sidang_id)
                lama = geser.setdefault(sid, {}).get(kunci)
                geser[sid][kunci] = b if lama is None else type(b)(*kunci, lama.lama, b.baru)
    return {
        sid: [b for b in per.values() if b.lama != b.baru]
        for sid, per in geser.items()
        if any(b.lama != b.baru for b in per.values())
    }


def baris_geser(hasil: dict) -> list[dict]:
    kasus = Sengketa.objects.in_bulk(list(hasil))
    return [
        {
            "sengketa": kasus[sid],
            "judul": judul(kasus[sid]),
            "tenggat": LABEL_TENGGAT.get(b.kode, b.kode),
            "lama": format_tanggal(b.lama),
            "baru": format_tanggal(b.baru),
        }
        for sid in sorted(hasil)
        for b in hasil[sid]
    ]


class AdminKomisiMixin(StafMixin):
    """The admins of a commission; `?komisi=` picks one when the user administers several."""

    @classmethod
    def boleh_akses(cls, pengguna) -> bool:
        """An admin of at least one commission (the menu asks this; dispatch applies it)."""
        return bool(sel.komisi_dengan_peran(pengguna, Peran.ADMIN))

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and sel.adalah_staf(request.user):
            if not self.boleh_akses(request.user):
                raise PermissionDenied
            ids = sel.komisi_dengan_peran(request.user, Peran.ADMIN)
            self.daftar_komisi = list(KomisiInformasi.objects.filter(pk__in=ids).order_by("nama"))
            pilih = request.POST.get("komisi") or request.GET.get("komisi")
            self.komisi = next(
                (k for k in self.daftar_komisi if str(k.pk) == pilih), self.daftar_komisi[0]
            )
        return super().dispatch(request, *args, **kwargs)

    def url_daftar(self, tahun=None) -> str:
        url = f"{reverse('kantor:libur')}?komisi={self.komisi.pk}"
        return f"{url}&tahun={tahun}" if tahun else url

    def tampil(self, request, template, konteks, status=200):
        konteks = {"komisi": self.komisi, "daftar_komisi": self.daftar_komisi, **konteks}
        return render(request, template, konteks, status=status)

    def lakukan(self, request, form, langkah, jalankan, *, judul_aksi, kembali, tahun, slot="form"):
        """Preview (rolled back) or save (for real) one calendar change."""
        try:
            if langkah == SIMPAN:
                with transaction.atomic():
                    hasil = jalankan()
            else:
                hasil = pratinjau(jalankan)
        except ParameterTidakValid as galat:
            if form is not None:
                tampilkan_galat(form, galat.galat)
            return self.halaman_daftar(request, tahun, galat=galat, status=400, **{slot: form})
        except KesalahanProsedur as galat:
            status = 403 if galat.kode == "tidak_berwenang" else 409
            return self.halaman_daftar(request, tahun, galat=galat, status=status, **{slot: form})
        baris = baris_geser(hasil)
        if langkah == SIMPAN:
            messages.success(
                request,
                _("Saved. %(n)d deadline(s) moved in %(k)d case(s).")
                % {"n": len(baris), "k": len(hasil)},
            )
            return redirect(self.url_daftar(tahun))
        return self.tampil(
            request,
            "kantor/libur_pratinjau.html",
            {"judul_aksi": judul_aksi, "form": form, "baris": baris, "kembali": kembali},
        )

    def halaman_daftar(
        self, request, tahun, *, form=None, form_tangguh=None, galat=None, status=200
    ):
        libur = HariLibur.objects.filter(
            Q(komisi__isnull=True) | Q(komisi=self.komisi), tanggal__year=tahun
        ).order_by("tanggal", "pk")
        tangguh = Penangguhan.objects.filter(
            komisi=self.komisi, mulai__year__lte=tahun, selesai__year__gte=tahun
        ).order_by("mulai", "pk")
        return self.tampil(
            request,
            "kantor/libur.html",
            {
                "tahun": tahun,
                "tahun_sebelum": tahun - 1,
                "tahun_sesudah": tahun + 1,
                "libur": [
                    {
                        "obj": h,
                        "tanggal": format_tanggal(h.tanggal),
                        "nasional": h.komisi_id is None,
                    }
                    for h in libur
                ],
                "penangguhan": [
                    {
                        "obj": p,
                        "mulai": format_tanggal(p.mulai),
                        "selesai": format_tanggal(p.selesai),
                    }
                    for p in tangguh
                ],
                "form": form or LiburForm(prefix="libur"),
                "form_tangguh": form_tangguh or PenangguhanForm(prefix="tangguh"),
                "galat": galat,
                "alasan_galat": getattr(galat, "alasan", None),
            },
            status=status,
        )


def _tahun(nilai, bawaan: int) -> int:
    try:
        tahun = int(nilai)
    except (TypeError, ValueError):
        return bawaan
    return tahun if 1900 < tahun < 2200 else bawaan


class LiburView(AdminKomisiMixin, View):
    """GET: the year's holidays and suspensions. POST: add a holiday (preview, then save)."""

    def get(self, request):
        return self.halaman_daftar(request, _tahun(request.GET.get("tahun"), self.tahun_ini()))

    def tahun_ini(self) -> int:
        return hari_ini(self.komisi).year

    def post(self, request):
        form = LiburForm(request.POST, prefix="libur")
        if not form.is_valid():
            return self.halaman_daftar(request, self.tahun_ini(), form=form, status=400)
        d = form.cleaned_data
        return self.lakukan(
            request,
            form,
            request.POST.get("langkah"),
            lambda: hari_libur_simpan(oleh=request.user, komisi=self.komisi, **d)[1],
            judul_aksi=_("Add the holiday %(tanggal)s: %(ket)s")
            % {"tanggal": format_tanggal(d["tanggal"]), "ket": d["keterangan"]},
            kembali=self.url_daftar(d["tanggal"].year),
            tahun=d["tanggal"].year,
        )


class LiburUbahView(AdminKomisiMixin, View):
    """Change one of the commission's own holidays (a national one is the operator's)."""

    def ambil(self, pk):
        return get_object_or_404(HariLibur, pk=pk, komisi=self.komisi)

    def get(self, request, pk: int):
        libur = self.ambil(pk)
        form = LiburForm(
            prefix="libur",
            initial={
                "tanggal": libur.tanggal,
                "jenis": libur.jenis,
                "keterangan": libur.keterangan,
                "dasar": libur.dasar,
            },
        )
        return self.tampil(request, "kantor/libur_ubah.html", {"libur": libur, "form": form})

    def post(self, request, pk: int):
        libur = self.ambil(pk)
        form = LiburForm(request.POST, prefix="libur")
        if not form.is_valid():
            return self.tampil(
                request, "kantor/libur_ubah.html", {"libur": libur, "form": form}, status=400
            )
        d = form.cleaned_data

        def jalankan():
            if d["tanggal"] == libur.tanggal:
                return hari_libur_simpan(oleh=request.user, komisi=self.komisi, **d)[1]
            # Another date: the old day becomes a working day again, the new one is added.
            dihapus = hari_libur_hapus(oleh=request.user, libur_id=libur.pk)
            return gabung(dihapus, hari_libur_simpan(oleh=request.user, komisi=self.komisi, **d)[1])

        return self.lakukan(
            request,
            form,
            request.POST.get("langkah"),
            jalankan,
            judul_aksi=_("Change the holiday %(tanggal)s: %(ket)s")
            % {"tanggal": format_tanggal(libur.tanggal), "ket": libur.keterangan},
            kembali=reverse("kantor:libur_ubah", args=[pk]) + f"?komisi={self.komisi.pk}",
            tahun=d["tanggal"].year,
        )


class LiburHapusView(LiburUbahView):
    def get(self, request, pk: int):
        return redirect(self.url_daftar(self.ambil(pk).tanggal.year))

    def post(self, request, pk: int):
        libur = self.ambil(pk)
        return self.lakukan(
            request,
            None,
            request.POST.get("langkah"),
            lambda: hari_libur_hapus(oleh=request.user, libur_id=libur.pk),
            judul_aksi=_("Remove the holiday %(tanggal)s: %(ket)s")
            % {"tanggal": format_tanggal(libur.tanggal), "ket": libur.keterangan},
            kembali=self.url_daftar(libur.tanggal.year),
            tahun=libur.tanggal.year,
        )


class PenangguhanView(AdminKomisiMixin, View):
    def post(self, request):
        form = PenangguhanForm(request.POST, prefix="tangguh")
        tahun = hari_ini(self.komisi).year
        if not form.is_valid():
            return self.halaman_daftar(request, tahun, form_tangguh=form, status=400)
        d = form.cleaned_data
        return self.lakukan(
            request,
            form,
            request.POST.get("langkah"),
            lambda: penangguhan_simpan(oleh=request.user, komisi=self.komisi, **d)[1],
            judul_aksi=_("Suspend proceedings from %(mulai)s to %(selesai)s")
            % {"mulai": format_tanggal(d["mulai"]), "selesai": format_tanggal(d["selesai"])},
            kembali=self.url_daftar(d["mulai"].year),
            tahun=d["mulai"].year,
            slot="form_tangguh",
        )
