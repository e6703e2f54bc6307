from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DokumenConfig(AppConfig):
    name = "dokumen"
    verbose_name = _("Documents")
