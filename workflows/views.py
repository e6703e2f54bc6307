"""Task views of the flow. The back office (issue 3) fills these in; for now the task page
shows the case and the transitions its holder may fire, each done through its service."""

from django.http import Http404
from django.views.generic import TemplateView

from sengketa.selectors import sengketa_terlihat, transisi_tersedia


class TugasSengketaView(TemplateView):
    template_name = "workflows/tugas.html"

    def get_context_data(self, **kwargs):
        konteks = super().get_context_data(**kwargs)
        activation = self.request.activation
        sengketa = activation.process.sengketa
        if not sengketa_terlihat(self.request.user).filter(pk=sengketa.pk).exists():
            raise Http404
        konteks.update(
            sengketa=sengketa,
            transisi=transisi_tersedia(sengketa, self.request.user),
            tugas=activation.task,
        )
        return konteks
