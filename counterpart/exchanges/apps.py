from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangesConfig(AppConfig):
    name = "counterpart.exchanges"
    verbose_name = _("People to people: exchanges and pen pals")

    def ready(self) -> None:
        from counterpart.exchanges.reviewed import register_reviewed

        register_reviewed()
