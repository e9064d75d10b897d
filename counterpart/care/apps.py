from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CareConfig(AppConfig):
    name = "counterpart.care"
    verbose_name = _("Remote care: tele-consultations and referrals")
