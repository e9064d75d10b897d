"""Writes for enterprise support, employment reports and product sales (house rules 1–3, 8).

A company's reports are entered by the donor team that supports it or by the recipient team of
its place. When the support belongs to a project, each report fills in the project's "jobs
created" and "of which formerly poor" indicators for its period, so jobs count in the results.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.audit.services import audit_record
from counterpart.audit.snapshot import snapshot
from counterpart.core.rules import amounts_in_range, counts_not_negative, dates_in_order
from counterpart.core.service import service
from counterpart.enterprise.models import EmploymentReport, EnterpriseSupport, ProductSale
from counterpart.funding import selectors as funding
from counterpart.funding.choices import BASE_CURRENCY
from counterpart.funding.rates import amount_in_base
from counterpart.projects import selectors as project_selectors
from counterpart.projects import services as projects
from counterpart.projects.choices import ResultKind, Standard
from counterpart.reporting import services as reporting


def _project_indicators(actor, project, company) -> dict:
    """The project's jobs indicators that the reports will fill in, found or added."""
    found = {}
    for indicator in (
        project_selectors.indicator_list(actor=actor, project=project)
        .filter(standard__in=[Standard.JOBS, Standard.JOBS_FORMERLY_POOR])
        .order_by("-id")
    ):
        found[indicator.standard] = indicator  # the first of each standard wins
    missing = [s for s in (Standard.JOBS, Standard.JOBS_FORMERLY_POOR) if s not in found]
    if missing:
        result = projects.result_create(
            actor=actor,
            project=project,
            kind=ResultKind.OUTCOME,
            title_en=f"Jobs at {company.name_en}",
            title_zh=f"{company.name_zh}就业",
        )
        for standard in missing:
            found[standard] = projects.indicator_create(
                actor=actor,
                result=result,
                standard=standard,
                title_en=str(Standard(standard).label),
            )
    return {
        "jobs_indicator": found[Standard.JOBS],
        "formerly_poor_indicator": found[Standard.JOBS_FORMERLY_POOR],
    }


@service
def support_create(
    *,
    actor,
    company,
    pairing,
    kind: str,
    started_on: datetime.date,
    description: str = "",
    project=None,
) -> EnterpriseSupport:
    permissions.require(permissions.can_act_for_donor(actor, pairing.donor))
    errors = {}
    if company.kind != "company":
        errors["company"] = _("Choose a company.")
    elif not company.region.is_within(pairing.recipient):
        errors["company"] = _("This company is not in the place the pairing assists.")
    if project is not None and project.pairing_id != pairing.pk:
        errors["project"] = _("This project belongs to another pairing.")
    if errors:
        raise ValidationError(errors)
    support = EnterpriseSupport(
        company=company,
        pairing=pairing,
        kind=kind,
        started_on=started_on,
        description=description,
        project=project,
    )
    support.full_clean()
    if project is not None:
        for field, indicator in _project_indicators(actor, project, company).items():
            setattr(support, field, indicator)
    support.save()
    audit_record(
        actor=actor, event_type="enterprise_support.created", obj=support, after=snapshot(support)
    )
    return support


@service
def employment_report(
    *,
    actor,
    support: EnterpriseSupport,
    period_start: datetime.date,
    period_end: datetime.date,
    employees: int,
    formerly_poor: int,
    wages_paid_minor: int | None = None,
    currency: str = BASE_CURRENCY,
) -> EmploymentReport:
    """A period's employment; reporting the same period again replaces it."""
    permissions.require(permissions.may_report_for(actor, support.pairing, support.company))
    errors = counts_not_negative(employees=employees, formerly_poor=formerly_poor)
    errors.update(dates_in_order(period_start, period_end, end_field="period_end"))
    if not errors and formerly_poor > employees:
        errors["formerly_poor"] = _(
            "More formerly poor employees (%(poor)s) than employees (%(all)s)."
        ) % {"poor": formerly_poor, "all": employees}
    errors.update(amounts_in_range(wages_paid_minor=wages_paid_minor))
    if not funding.currency_list().filter(code=currency).exists():
        errors["currency"] = _("Unknown currency %(code)r.") % {"code": currency}
    if errors:
        raise ValidationError(errors)
    reporting.record_period_open_or_error(
        actor=actor,
        pairing=support.pairing,
        on=period_end,
        region=support.company.region,
        field="period_end",
    )
    earlier = EmploymentReport.objects.filter(support=support, period_start=period_start).first()
    if earlier is not None:
        reporting.review_before_edit(actor=actor, record=earlier)
    report, created = EmploymentReport.objects.update_or_create(
        support=support,
        period_start=period_start,
        defaults={
            "period_end": period_end,
            "employees": employees,
            "formerly_poor": formerly_poor,
            "wages_paid_minor": wages_paid_minor,
            "currency": currency,
        },
    )
    audit_record(
        actor=actor,
        event_type="employment.reported" if created else "employment.updated",
        obj=support,
        after=snapshot(report),
    )
    if created:
        reporting.review_open(actor=actor, record=report)
    for indicator, value in (
        (support.jobs_indicator, employees),
        (support.formerly_poor_indicator, formerly_poor),
    ):
        if indicator is not None:  # the report is the source of these actuals: it overwrites
            existing = project_selectors.period_of(indicator=indicator, period_start=period_start)
            projects.indicator_period_record(
                actor=actor,
                indicator=indicator,
                period_start=period_start,
                period_end=period_end,
                actual=Decimal(value),
                expected_version=existing and existing.version,
            )
    return report


@service
def product_sale_record(
    *,
    actor,
    pairing,
    product: str,
    market_region,
    channel: str,
    period_start: datetime.date,
    period_end: datetime.date,
    volume: Decimal,
    unit: str,
    value_minor: int,
    currency: str = BASE_CURRENCY,
    company=None,
) -> ProductSale:
    """Sales of a recipient product in a donor market, kept in CNY too (house rule 3)."""
    permissions.require(permissions.may_report_for(actor, pairing, company))
    errors = amounts_in_range(value_minor=value_minor)
    if volume < 0:
        errors["volume"] = _("A volume cannot be below zero.")
    errors.update(dates_in_order(period_start, period_end, end_field="period_end"))
    if not market_region.is_within(pairing.donor.region):
        errors["market_region"] = _("The market is not in the donor's region.")
    if company is not None and not company.region.is_within(pairing.recipient):
        errors["company"] = _("This company is not in the place the pairing assists.")
    if not funding.currency_list().filter(code=currency).exists():
        errors["currency"] = _("Unknown currency %(code)r.") % {"code": currency}
    if errors:
        raise ValidationError(errors)
    sale = ProductSale(
        pairing=pairing,
        company=company,
        product=product,
        market_region=market_region,
        channel=channel,
        period_start=period_start,
        period_end=period_end,
        volume=volume,
        unit=unit,
        value_minor=value_minor,
        currency=currency,
        value_cny_minor=amount_in_base(value_minor, currency, period_end, field="period_end"),
    )
    sale.full_clean()
    reporting.record_period_open_or_error(
        actor=actor,
        pairing=pairing,
        on=period_end,
        region=company.region if company is not None else pairing.recipient,
        field="period_end",
    )
    sale.save()
    audit_record(actor=actor, event_type="product_sale.recorded", obj=sale, after=snapshot(sale))
    reporting.review_open(actor=actor, record=sale)
    return sale
