from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TalentConfig(AppConfig):
    name = "counterpart.talent"
    verbose_name = _("Talent: posts, professionals and placements")

    def ready(self) -> None:
        from counterpart.talent.reviewed import register_reviewed

        register_reviewed()
