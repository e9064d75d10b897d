from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "counterpart.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from counterpart.accounts import receivers  # noqa: F401  (connects them)


class OfficeAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin, with the office-only site of `admin_site`."""

    default = False  # named in INSTALLED_APPS in place of django.contrib.admin
    default_site = "counterpart.accounts.admin_site.OfficeAdminSite"
