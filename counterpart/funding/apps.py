from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "counterpart.funding"
    verbose_name = _("Funding")

    def ready(self) -> None:
        from counterpart.funding import receivers  # noqa: F401  (connects them)
        from counterpart.funding.reviewed import register_reviewed

        register_reviewed()

        from counterpart.audit.chain import register_coverage
        from counterpart.funding.ledger_check import ledger_against_log

        register_coverage(ledger_against_log)
