"""Writes for results: results, indicators and their periods' targets and actuals."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.audit.services import audit_record, tracked_update
from counterpart.audit.snapshot import snapshot
from counterpart.core.rules import dates_in_order
from counterpart.core.service import service
from counterpart.projects.choices import Measure
from counterpart.projects.models import Indicator, IndicatorPeriod, Project, Result
from counterpart.projects.services.projects import require_runs
from counterpart.reporting import services as reporting


@service
def result_create(
    *, actor, project: Project, kind: str, title_en: str, title_zh: str = ""
) -> Result:
    require_runs(actor, project)
    result = Result(project=project, kind=kind, title_en=title_en, title_zh=title_zh)
    result.full_clean()
    result.save()
    audit_record(actor=actor, event_type="result.created", obj=result, after=snapshot(result))
    return result


@service
def indicator_create(
    *,
    actor,
    result: Result,
    title_en: str,
    title_zh: str = "",
    standard: str = "",
    measure: str = Measure.UNIT,
    ascending: bool = True,
    baseline_year: int | None = None,
    baseline_value: Decimal | None = None,
) -> Indicator:
    require_runs(actor, result.project)
    indicator = Indicator(
        result=result,
        title_en=title_en,
        title_zh=title_zh,
        standard=standard,
        measure=measure,
        ascending=ascending,
        baseline_year=baseline_year,
        baseline_value=baseline_value,
    )
    indicator.full_clean()
    if measure == Measure.PERCENTAGE and baseline_value is not None and baseline_value > 100:
        raise ValidationError({"baseline_value": _("A percentage is at most 100.")})
    indicator.save()
    audit_record(
        actor=actor, event_type="indicator.created", obj=indicator, after=snapshot(indicator)
    )
    return indicator


def _check_value(indicator: Indicator, field: str, value: Decimal | None) -> None:
    if value is None:
        return
    if value < 0:
        raise ValidationError({field: _("A value cannot be below zero.")})
    if indicator.measure == Measure.PERCENTAGE and value > 100:
        raise ValidationError({field: _("A percentage is at most 100.")})


@service
def indicator_period_record(
    *,
    actor,
    indicator: Indicator,
    period_start: datetime.date,
    period_end: datetime.date,
    target: Decimal | None = None,
    actual: Decimal | None = None,
    expected_version: int | None = None,
    historical: str = "",
) -> IndicatorPeriod:
    """Set a period's target (the project's runners) or actual (they, or the recipient team of
    the project's place). A period already there is changed only by one who read it: with its
    `expected_version` (house rule 8), and its before goes into the audit. With a reason in
    `historical` the office enters a new period as approved history (an imported file's),
    into a closed period too."""
    project = indicator.result.project
    runs = permissions.can_act_for_donor(actor, project.pairing.donor)
    reports = permissions.serves_region(actor, project.region)
    permissions.require(runs or (reports and target is None))
    if historical:
        permissions.require(permissions.can_manage_programme(actor))
    errors = dates_in_order(period_start, period_end, end_field="period_end")
    if errors:
        raise ValidationError(errors)
    _check_value(indicator, "target", target)
    _check_value(indicator, "actual", actual)
    if not historical:
        _period_open_or_error(actor, project, period_end)
    period = (
        IndicatorPeriod.objects.select_for_update()
        .filter(indicator=indicator, period_start=period_start)
        .first()
    )
    if period is not None:
        if historical:
            raise ValidationError({"period_start": _("History adds periods; it changes none.")})
        if expected_version is None:
            raise ValidationError(
                {
                    "version": _(
                        "This period was recorded already (%(target)s target, %(actual)s "
                        "actual). To change it, send the version you read."
                    )
                    % {
                        "target": "—" if period.target is None else period.target,
                        "actual": "—" if period.actual is None else period.actual,
                    }
                },
                code="conflict",
            )
        _period_open_or_error(actor, project, period.period_end)
        reporting.review_before_edit(actor=actor, record=period)
        changes = {"period_end": period_end}
        if target is not None:
            changes["target"] = target
        if actual is not None:
            changes["actual"] = actual
        return tracked_update(
            actor=actor,
            instance=period,
            expected_version=expected_version,
            changes=changes,
            allowed={"period_end", "target", "actual"},
            event_type="indicator_period.updated",
        )
    period = IndicatorPeriod(
        indicator=indicator,
        period_start=period_start,
        period_end=period_end,
        target=target,
        actual=actual,
    )
    period.full_clean()
    period.save()
    audit_record(
        actor=actor,
        event_type="indicator_period.recorded",
        obj=period,
        after=snapshot(period),
        reason=historical,
    )
    if not historical:
        reporting.review_open(actor=actor, record=period)
    return period


def _period_open_or_error(actor, project, period_end: datetime.date) -> None:
    """Refuse figures for a period whose entry has closed (unless reopened for the project's
    donor, its place, or the reporting team)."""
    reporting.record_period_open_or_error(
        actor=actor,
        pairing=project.pairing,
        on=period_end,
        region=project.region,
        field="period_end",
    )
