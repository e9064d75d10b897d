"""Closed periods: entry for a reporting period closes a set number of days after it ends; the
office reopens one for an organization or a place, until a day it names. A data freeze stops
ledger entries dated before it, except for the donors an exception lists."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.audit.services import audit_record
from counterpart.audit.snapshot import snapshot
from counterpart.core.rules import personal_data_in
from counterpart.core.service import service, step
from counterpart.reporting import selectors
from counterpart.reporting.models import FreezeException, PeriodReopening

MAX_OPEN_DAYS = 366  # a reopening or an exception lasts a year at most


@step
def period_open_or_error(
    *, round, on: datetime.date, organizations=(), region=None, field: str = "period_end"
) -> None:
    """Refuse, naming the period and who can reopen it, an entry dated `on` when its period has
    closed for these organizations (the record's and the actor's) and the teams of its place."""
    rules = selectors.rules_of(round)
    period = selectors.period_of(round, on)
    closes_on = period.closes_on(rules.closes_after_days)
    today = timezone.localdate()
    if closes_on is None or today <= closes_on:
        return
    if selectors.reopening_for(round, period, organizations=organizations, region=region):
        return
    raise ValidationError(
        {
            field: _(
                "The period %(period)s closed for entries on %(date)s. The programme office "
                "can reopen it for your organization."
            )
            % {"period": period.label, "date": date_format(closes_on)}
        }
    )


@step
def record_period_open_or_error(*, actor, pairing, on: datetime.date, region, field: str):
    """`period_open_or_error` for a record of a pairing entered by `actor`: a reopening for the
    pairing's donor, the record's place or one of the actor's organizations lets it in."""
    period_open_or_error(
        round=pairing.round,
        on=on,
        organizations=[pairing.donor, *permissions.organizations_in_role(actor)],
        region=region,
        field=field,
    )


@step
def freeze_or_error(*, round, value_date: datetime.date, donor, field: str = "value_date"):
    """Refuse a ledger entry dated before the round's data freeze, unless the donor holds an
    exception in force."""
    freeze = selectors.rules_of(round).freeze_before
    if freeze is None or value_date >= freeze:
        return
    today = timezone.localdate()
    excepted = FreezeException.objects.filter(
        round=round, donor__in=donor.lineage_ids(), until__gte=today
    )
    if not excepted.exists():
        raise ValidationError(
            {
                field: _(
                    "The ledger of this round is frozen before %(date)s. The programme office "
                    "can grant your organization an exception."
                )
                % {"date": date_format(freeze)}
            }
        )


@service
def period_reopen(
    *,
    actor,
    round,
    period_start: datetime.date,
    until: datetime.date,
    reason: str,
    organization=None,
    region=None,
) -> PeriodReopening:
    """Let one organization, the teams of one place, or (neither given) everyone enter data for
    the period holding `period_start` again, until `until`."""
    permissions.require(permissions.can_manage_programme(actor))
    period = selectors.period_of(round, period_start)
    today = timezone.localdate()
    errors = {**_until_errors(until, today), **personal_data_in(reason=reason)}
    if not reason.strip():
        errors["reason"] = _("Say why the period is reopened.")
    if organization is not None and region is not None:
        errors["region"] = _("Reopen for an organization or for a place, not both.")
    if errors:
        raise ValidationError(errors)
    reopening = PeriodReopening(
        round=round,
        period_start=period.start,
        organization=organization,
        region=region,
        until=until,
        reason=reason.strip(),
        opened_by=actor if getattr(actor, "pk", None) else None,
    )
    reopening.full_clean()
    reopening.save()
    audit_record(
        actor=actor,
        event_type="reporting.period_reopened",
        obj=reopening,
        after={**snapshot(reopening, exclude=("opened_at",)), "period": period.label},
        reason=reopening.reason,
    )
    return reopening


@service
def freeze_exception_grant(
    *, actor, round, donor, until: datetime.date, reason: str
) -> FreezeException:
    """Let a donor record ledger entries dated before the data freeze, until `until`."""
    permissions.require(permissions.can_manage_programme(actor))
    errors = {**_until_errors(until, timezone.localdate()), **personal_data_in(reason=reason)}
    if not reason.strip():
        errors["reason"] = _("Say why the exception is granted.")
    if errors:
        raise ValidationError(errors)
    exception = FreezeException(
        round=round,
        donor=donor,
        until=until,
        reason=reason.strip(),
        granted_by=actor if getattr(actor, "pk", None) else None,
    )
    exception.full_clean()
    exception.save()
    audit_record(
        actor=actor,
        event_type="reporting.freeze_exception",
        obj=exception,
        after=snapshot(exception, exclude=("granted_at",)),
        reason=exception.reason,
    )
    return exception


def _until_errors(until: datetime.date, today: datetime.date) -> dict[str, str]:
    if not today <= until <= today + datetime.timedelta(days=MAX_OPEN_DAYS):
        return {"until": _("From today to a year ahead.")}
    return {}
