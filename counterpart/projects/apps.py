from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "counterpart.projects"
    verbose_name = _("Projects and results")

    def ready(self) -> None:
        from counterpart.projects.reviewed import register_reviewed

        register_reviewed()
