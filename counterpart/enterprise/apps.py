from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnterpriseConfig(AppConfig):
    name = "counterpart.enterprise"
    verbose_name = _("Enterprise and markets")

    def ready(self) -> None:
        from counterpart.enterprise.reviewed import register_reviewed

        register_reviewed()
