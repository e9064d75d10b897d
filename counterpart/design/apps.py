from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DesignConfig(AppConfig):
    name = "counterpart.design"
    verbose_name = _("Pairing design")
