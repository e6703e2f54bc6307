from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SengketaConfig(AppConfig):
    name = "sengketa"
    verbose_name = _("Information disputes")
