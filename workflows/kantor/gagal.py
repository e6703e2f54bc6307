"""Failed background work: django-q2 task failures, notifications and documents that could
not be produced, each with a retry button (admin or registry of the commission)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from django_q.models import Failure
from django_q.tasks import async_task

from dokumen.layanan import dokumen_coba_lagi
from dokumen.models import Dokumen, StatusDokumen
from sengketa.peran import Peran

from ..models import Notifikasi, StatusNotifikasi
from . import selectors as sel
from .views import PER_HALAMAN, StafMixin, judul, waktu_lokal

TUGAS_KIRIM = "workflows.notifikasi.kirim"


class PetugasMixin(StafMixin):
    """Admins and registry staff; they see the failures of their own commissions."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and sel.adalah_staf(request.user):
            self.komisi_ids = sel.komisi_dengan_peran(
                request.user, Peran.ADMIN
            ) | sel.komisi_dengan_peran(request.user, Peran.PANITERA)
            if not self.komisi_ids:
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def notifikasi_gagal(self):
        return Notifikasi.objects.filter(
            status=StatusNotifikasi.GAGAL, sengketa__komisi_id__in=self.komisi_ids
        )

    def dokumen_gagal(self):
        return Dokumen.objects.filter(status=StatusDokumen.GAGAL, komisi_id__in=self.komisi_ids)


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
        antrean = self.halaman(Failure.objects.order_by("-stopped", "-pk"), "hal_antrean")
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
            baris_dokumen=[{"obj": d, "judul": judul(d.sengketa)} for d in dokumen],
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
        async_task(gagal.func, *(gagal.args or ()), **(gagal.kwargs or {}), group=gagal.group)
        gagal.delete()
        messages.success(request, _("The task was queued again."))
        return redirect("kantor:tugas_gagal")
