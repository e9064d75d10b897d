from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterchangeConfig(AppConfig):
    name = "counterpart.interchange"
    verbose_name = _("Interchange: spreadsheets, IATI and open data")

    def ready(self) -> None:
        from counterpart.interchange import receivers  # noqa: F401  (connects them)
