"""Employment reports and sales in donor markets go through review: registered with reporting
when the app is ready."""

from django.urls import reverse

from counterpart.accounts import permissions
from counterpart.core.said import month, said
from counterpart.enterprise.models import EmploymentReport, ProductSale
from counterpart.enterprise.phrases import EMPLOYMENT, SALE
from counterpart.reporting.registry import Scope, register


def _report_scope(report: EmploymentReport) -> Scope:
    support = report.support
    return Scope(
        round=support.pairing.round,
        donor=support.pairing.donor,
        region=support.company.region,
        title=said(
            EMPLOYMENT, company=support.company, start=report.period_start, end=report.period_end
        ),
        link=reverse("enterprise:support", args=[support.pk]),
    )


def _sale_scope(sale: ProductSale) -> Scope:
    return Scope(
        round=sale.pairing.round,
        donor=sale.pairing.donor,
        region=sale.company.region if sale.company_id else sale.pairing.recipient,
        title=said(
            SALE, product=sale.product, market=sale.market_region, month=month(sale.period_end)
        ),
        link=reverse("enterprise:home"),
    )


def register_reviewed() -> None:
    register(
        EmploymentReport,
        scope=_report_scope,
        may_edit=lambda actor, report: permissions.may_report_for(
            actor, report.support.pairing, report.support.company
        ),
    )
    register(
        ProductSale,
        scope=_sale_scope,
        may_edit=lambda actor, sale: permissions.may_report_for(actor, sale.pairing, sale.company),
    )
