"""Task views of the flow. The work itself is done on the back-office case page
(workflows.kantor), which offers the transitions its holder may fire, each through its
service; the task page names the task and points there."""

from django.http import Http404
from django.views.generic import TemplateView

from sengketa.selectors import sengketa_terlihat, transisi_tersedia


class TugasSengketaView(TemplateView):
    template_name = "workflows/tugas.html"

    def get_context_data(self, **kwargs):
        from .kantor.forms import LABEL_TRANSISI

        konteks = super().get_context_data(**kwargs)
        activation = self.request.activation
        sengketa = activation.process.sengketa
        if not sengketa_terlihat(self.request.user).filter(pk=sengketa.pk).exists():
            raise Http404
        konteks.update(
            sengketa=sengketa,
            transisi=[
                LABEL_TRANSISI.get(nama, nama)
                for nama in transisi_tersedia(sengketa, self.request.user)
            ],
            tugas=activation.task,
        )
        return konteks
