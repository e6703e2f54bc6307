from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    name = "workflows"
    verbose_name = _("Workflows")

    def ready(self):
        from .kait import daftarkan
        from .notifikasi import terima_peristiwa
        from .penerbitan import daftarkan_penerbitan
        from .tembolok_jadwal import terima_peristiwa as jadwal_publik_berubah

        daftarkan_penerbitan()
        daftarkan(terima_peristiwa)
        daftarkan(jadwal_publik_berubah)
