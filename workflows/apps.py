from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    name = "workflows"
    verbose_name = _("Workflows")

    def ready(self):
        from .kait import daftarkan
        from .notifikasi import terima_peristiwa
        from .penerbitan import daftarkan_penerbitan

        daftarkan_penerbitan()
        daftarkan(terima_peristiwa)
