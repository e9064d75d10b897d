"""Compliance rules: the office sets the thresholds per round, donor and years."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.audit.services import audit_record, tracked_update
from counterpart.audit.snapshot import snapshot
from counterpart.core.arguments import UNSET, given
from counterpart.core.service import service
from counterpart.funding.models import ComplianceRule

RULE_FIELDS = {"threshold_ppm", "first_year", "last_year", "notes"}


def _check_rule(rule: ComplianceRule) -> None:
    if not 0 < rule.threshold_ppm <= 1_000_000:
        raise ValidationError({"threshold_ppm": _("A threshold is above 0 % and at most 100 %.")})
    rule.check_years(
        ComplianceRule.objects.filter(round=rule.round, donor=rule.donor, kind=rule.kind)
    )


@service
def compliance_rule_create(
    *,
    actor,
    round,
    kind: str,
    threshold_ppm: int,
    first_year: int,
    donor=None,
    last_year: int | None = None,
    notes: str = "",
) -> ComplianceRule:
    permissions.require(permissions.can_manage_programme(actor))
    rule = ComplianceRule(
        round=round,
        donor=donor,
        kind=kind,
        threshold_ppm=threshold_ppm,
        first_year=first_year,
        last_year=last_year,
        notes=notes,
    )
    rule.full_clean()
    _check_rule(rule)
    rule.save()
    audit_record(actor=actor, event_type="compliance_rule.created", obj=rule, after=snapshot(rule))
    return rule


@service
def compliance_rule_update(
    *,
    actor,
    rule: ComplianceRule,
    expected_version: int,
    threshold_ppm: int = UNSET,
    first_year: int = UNSET,
    last_year: int | None = UNSET,
    notes: str = UNSET,
) -> ComplianceRule:
    """The office moves a line, or the years it holds for."""
    permissions.require(permissions.can_manage_programme(actor))
    changes = given(
        threshold_ppm=threshold_ppm, first_year=first_year, last_year=last_year, notes=notes
    )
    return tracked_update(
        actor=actor,
        instance=rule,
        expected_version=expected_version,
        changes=changes,
        allowed=RULE_FIELDS,
        event_type="compliance_rule.updated",
        validate=_check_rule,
    )
