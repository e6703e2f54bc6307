"""Failed background work: django-q2 task failures, notifications and documents that could
not be produced, each with a retry button.

A staff member (admin or registry of a commission) sees and retries only the failures of
their commissions' work; a superuser sees everything. django-q2 knows nothing of
commissions, so the commission of a failed queue task is derived from what the task works
on: its function and first argument name a row (a document, a notification) or a commission
code (the daily sweep), and that row says whose it is (`PEMILIK_TUGAS`). A failure whose
function is not listed there, or whose row is gone, belongs to no commission: only a
superuser sees it. A new kind of background task adds its line to `PEMILIK_TUGAS`.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from django_q.models import Failure
from django_q.tasks import async_task

from dokumen.layanan import dokumen_coba_lagi
from dokumen.models import Dokumen, StatusDokumen
from sengketa.models import KomisiInformasi
from sengketa.peran import Peran

from ..models import Notifikasi, StatusNotifikasi
from . import selectors as sel
from .views import PER_HALAMAN, judul, waktu_lokal

TUGAS_KIRIM = "workflows.notifikasi.kirim"


def _komisi_dokumen(ids: Iterable) -> dict:
    return dict(Dokumen.objects.filter(pk__in=ids).values_list("pk", "komisi_id"))


def _komisi_notifikasi(ids: Iterable) -> dict:
    return dict(Notifikasi.objects.filter(pk__in=ids).values_list("pk", "sengketa__komisi_id"))


def _komisi_kode(kode: Iterable) -> dict:
    return dict(KomisiInformasi.objects.filter(kode__in=kode).values_list("kode", "pk"))


# func of the task -> (name of its first parameter, {value: commission id} for many values).
PEMILIK_TUGAS: dict[str, tuple[str, Callable[[Iterable], dict]]] = {
    "dokumen.tugas.buat_dokumen": ("dokumen_id", _komisi_dokumen),
    TUGAS_KIRIM: ("notifikasi_id", _komisi_notifikasi),
    "workflows.sapuan.sapu_harian": ("kode_komisi", _komisi_kode),
}


def _argumen_pertama(gagal: Failure, nama: str):
    if gagal.args:
        return gagal.args[0]
    return (gagal.kwargs or {}).get(nama)


def komisi_kegagalan(daftar: Iterable[Failure]) -> dict[str, int | None]:
    """{failure id: commission id or None}, in one query per kind of task."""
    per_func: dict[str, list[tuple[str, object]]] = defaultdict(list)
    hasil: dict[str, int | None] = {}
    for gagal in daftar:
        hasil[gagal.pk] = None
        if gagal.func in PEMILIK_TUGAS:
            nilai = _argumen_pertama(gagal, PEMILIK_TUGAS[gagal.func][0])
            if isinstance(nilai, int | str) and not isinstance(nilai, bool):
                per_func[gagal.func].append((gagal.pk, nilai))
    for func, pasangan in per_func.items():
        pemilik = PEMILIK_TUGAS[func][1]({nilai for _pk, nilai in pasangan})
        for pk, nilai in pasangan:
            hasil[pk] = pemilik.get(nilai)
    return hasil


def komisi_petugas(pengguna) -> frozenset[int]:
    """The commissions whose failures this staff member handles: admin or registry."""
    if not sel.adalah_staf(pengguna):
        return frozenset()
    return sel.komisi_dengan_peran(pengguna, Peran.ADMIN) | sel.komisi_dengan_peran(
        pengguna, Peran.PANITERA
    )


class PetugasMixin(LoginRequiredMixin):
    """Admins and registry staff see the failures of their own commissions; a superuser sees
    all (also those of no commission). Everyone else gets 403."""

    login_url = reverse_lazy("kantor:masuk")

    @staticmethod
    def boleh_akses(pengguna) -> bool:
        """The rule of these pages, for the views and for the menu (menu.py)."""
        if not (pengguna.is_authenticated and pengguna.is_active):
            return False
        return pengguna.is_superuser or bool(komisi_petugas(pengguna))

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            if not self.boleh_akses(request.user):
                raise PermissionDenied
            self.semua = request.user.is_superuser
            self.komisi_ids = komisi_petugas(request.user)
        return super().dispatch(request, *args, **kwargs)

    def notifikasi_gagal(self):
        qs = Notifikasi.objects.filter(status=StatusNotifikasi.GAGAL)
        return qs if self.semua else qs.filter(sengketa__komisi_id__in=self.komisi_ids)

    def dokumen_gagal(self):
        qs = Dokumen.objects.filter(status=StatusDokumen.GAGAL)
        return qs if self.semua else qs.filter(komisi_id__in=self.komisi_ids)

    def antrean_gagal(self):
        """Failed queue tasks of the user's commissions. The arguments are pickled, so the
        commission is found in Python over the failures (few: a retry deletes its row)."""
        qs = Failure.objects.order_by("-stopped", "-pk")
        if self.semua:
            return qs
        daftar = Failure.objects.only("id", "func", "args", "kwargs")
        milik = komisi_kegagalan(daftar)
        return qs.filter(pk__in=[pk for pk, k in milik.items() if k in self.komisi_ids])


class TugasGagalView(PetugasMixin, TemplateView):
    template_name = "kantor/tugas_gagal.html"

    def halaman(self, qs, nama):
        return Paginator(qs, PER_HALAMAN).get_page(self.request.GET.get(nama))

    def get_context_data(self, **kwargs):
        notifikasi = self.halaman(
            self.notifikasi_gagal()
            .select_related("sengketa__komisi")
            .order_by("-dibuat_pada", "-pk"),
            "hal_notifikasi",
        )
        dokumen = self.halaman(
            self.dokumen_gagal().select_related("sengketa__komisi").order_by("-pk"), "hal_dokumen"
        )
        antrean = self.halaman(self.antrean_gagal(), "hal_antrean")
        return super().get_context_data(
            notifikasi=notifikasi,
            baris_notifikasi=[
                {
                    "obj": n,
                    "judul": judul(n.sengketa),
                    "dibuat": waktu_lokal(n.sengketa.komisi, n.dibuat_pada),
                }
                for n in notifikasi
            ],
            dokumen=dokumen,
            baris_dokumen=[
                # The annual report belongs to the commission, not to a case.
                {"obj": d, "judul": judul(d.sengketa) if d.sengketa_id else str(d)}
                for d in dokumen
            ],
            antrean=antrean,
            **kwargs,
        )


class CobaLagiNotifikasiView(PetugasMixin, View):
    def post(self, request, pk: int):
        n = get_object_or_404(self.notifikasi_gagal(), pk=pk)
        # The task sends anything not yet sent, and never twice (workflows.notifikasi.kirim).
        async_task(TUGAS_KIRIM, n.pk, group="notifikasi")
        messages.success(request, _("The notification was queued again."))
        return redirect("kantor:tugas_gagal")


class CobaLagiDokumenView(PetugasMixin, View):
    def post(self, request, pk: int):
        d = get_object_or_404(self.dokumen_gagal(), pk=pk)
        dokumen_coba_lagi(d.pk)
        messages.success(request, _("The document was queued again."))
        return redirect("kantor:tugas_gagal")


class CobaLagiAntreanView(PetugasMixin, View):
    """Re-enqueue a failed django-q2 task with its own arguments; the failure row goes."""

    def post(self, request, pk: str):
        gagal = get_object_or_404(Failure, pk=pk)
        if not self.semua and komisi_kegagalan([gagal])[gagal.pk] not in self.komisi_ids:
            raise Http404  # another commission's work, or no commission's: not theirs to see
        async_task(gagal.func, *(gagal.args or ()), **(gagal.kwargs or {}), group=gagal.group)
        gagal.delete()
        messages.success(request, _("The task was queued again."))
        return redirect("kantor:tugas_gagal")
