from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "counterpart.search"
    verbose_name = _("Search")

    def ready(self):
        from counterpart.search import receivers

        receivers.connect()
