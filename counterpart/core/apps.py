from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "counterpart.core"
    verbose_name = _("Core")

    def ready(self):
        # Each app's kinds of message stored as data (core/said.py), known to every process.
        autodiscover_modules("phrases")
