"""A round's reporting rules and approval chain: the office's to set."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.accounts.choices import Role
from counterpart.audit.services import audit_record
from counterpart.audit.snapshot import snapshot
from counterpart.core.arguments import UNSET, given
from counterpart.core.models import check_version
from counterpart.core.service import service
from counterpart.places.choices import RegionLevel
from counterpart.reporting import selectors
from counterpart.reporting.choices import APPROVING_ROLES, PeriodLength, ReviewMode
from counterpart.reporting.models import ApprovalLevel

MAX_LEVELS = 6
MAX_CLOSE_DAYS = 366


@service
def reporting_rules_set(
    *,
    actor,
    round,
    expected_version: int | None = None,
    review_mode: str = UNSET,
    period_length: str = UNSET,
    closes_after_days: int | None = UNSET,
    freeze_before: datetime.date | None = UNSET,
    levels: list[tuple[str, str]] = UNSET,
):
    """Set what is given of a round's rules. `levels` is the approval chain in order, each a
    (role, kind of place) pair, e.g. [("recipient_team", "prefecture"), ("programme_office", "")].
    Reviews under way keep the levels they passed; they wait at the new chain's next level."""
    permissions.require(permissions.can_manage_programme(actor))
    rules = selectors.rules_of(round)
    if rules.pk is not None and expected_version is not None:
        check_version(rules, expected_version)
    before = {**snapshot(rules), "levels": _levels_of(round)}
    changes = given(
        review_mode=review_mode,
        period_length=period_length,
        closes_after_days=closes_after_days,
        freeze_before=freeze_before,
    )
    for field, value in changes.items():
        setattr(rules, field, value)
    errors = {}
    if rules.review_mode not in ReviewMode.values:
        errors["review_mode"] = _("Choose off, new records or all edits.")
    if rules.period_length not in PeriodLength.values:
        errors["period_length"] = _("Choose quarters or years.")
    if rules.closes_after_days is not None and not 0 <= rules.closes_after_days <= MAX_CLOSE_DAYS:
        errors["closes_after_days"] = _("Between 0 and %(most)s days.") % {"most": MAX_CLOSE_DAYS}
    if rules.freeze_before is not None and not round.starts_on <= rules.freeze_before:
        errors["freeze_before"] = _("A freeze date falls on or after the round's start.")
    chain = _levels_of(round) if levels is UNSET else list(levels)
    errors.update(_check_chain(chain, rules.review_mode))
    if errors:
        raise ValidationError(errors)
    rules.full_clean()
    if rules.pk is not None:
        rules.version += 1
    rules.save()
    if levels is not UNSET:
        ApprovalLevel.objects.filter(round=round).delete()
        ApprovalLevel.objects.bulk_create(
            ApprovalLevel(round=round, position=n, role=role, region_level=region_level or "")
            for n, (role, region_level) in enumerate(chain, start=1)
        )
    audit_record(
        actor=actor,
        event_type="reporting.rules_set",
        obj=rules,
        before=before,
        after={**snapshot(rules), "levels": chain},
    )
    return rules


def _levels_of(round) -> list[tuple[str, str]]:
    return [(level.role, level.region_level) for level in selectors.chain_of(round)]


def _check_chain(chain: list[tuple[str, str]], mode: str) -> dict[str, str]:
    roles = {value for value, _label in APPROVING_ROLES}
    if mode != ReviewMode.OFF and not chain:
        return {"levels": _("A review needs at least one approval level.")}
    if len(chain) > MAX_LEVELS:
        return {"levels": _("At most %(most)s levels.") % {"most": MAX_LEVELS}}
    for n, (role, region_level) in enumerate(chain, start=1):
        if role not in roles:
            return {"levels": _("Level %(n)s: choose who approves.") % {"n": n}}
        if region_level and region_level not in RegionLevel.values:
            return {"levels": _("Level %(n)s: choose a kind of place.") % {"n": n}}
        if region_level and role != Role.RECIPIENT_TEAM:
            return {
                "levels": _("Level %(n)s: only recipient teams approve by kind of place.")
                % {"n": n}
            }
    if len(set(chain)) != len(chain):
        return {"levels": _("The same level appears twice.")}
    return {}
