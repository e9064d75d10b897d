"""Writes for rounds, pairings, quota rules and fiscal revenue (house rules 1, 2, 5, 8)."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.audit.services import audit_record, tracked_update
from counterpart.audit.snapshot import snapshot
from counterpart.core.arguments import UNSET, given
from counterpart.core.rules import amounts_in_range, dates_in_order
from counterpart.core.service import service
from counterpart.pairings.choices import Confidence
from counterpart.pairings.models import FiscalRevenue, Pairing, PairingRound, QuotaRule
from counterpart.places.models import Organization, Region

# A year's fiscal revenue: a hundred thousand billion yuan, far above any country's.
MAX_REVENUE_MINOR = 10**17

PAIRING_FIELDS = {
    "round",
    "parent",
    "valid_from",
    "valid_to",
    "is_published",
    "source",
    "confidence",
    "notes",
}
ROUND_FIELDS = {
    "name_en",
    "name_zh",
    "name_ug",
    "starts_on",
    "ends_on",
    "description_en",
    "description_zh",
}
QUOTA_RULE_FIELDS = {"share_ppm", "first_year", "last_year", "notes"}


def _overlaps(a_from, a_to, b_from, b_to) -> bool:
    return a_from <= (b_to or datetime.date.max) and b_from <= (a_to or datetime.date.max)


def _check_pairing(pairing: Pairing) -> None:
    """Rules that span rows: dates, the round, the parent pairing, and no overlap."""
    errors: dict[str, str] = {}
    errors.update(dates_in_order(pairing.valid_from, pairing.valid_to, end_field="valid_to"))
    if pairing.valid_from < pairing.round.starts_on:
        errors["valid_from"] = _("A pairing cannot start before its round (%(date)s).") % {
            "date": date_format(pairing.round.starts_on)
        }
    parent = pairing.parent
    if parent is not None:
        if parent.pk == pairing.pk or parent.parent_id is not None:
            errors["parent"] = _("A sub-pairing must belong to a top-level pairing.")
        elif parent.donor_id == pairing.donor_id or not pairing.donor.is_within(parent.donor):
            errors["parent"] = _("The donor of a sub-pairing must be part of the parent's donor.")
        elif not pairing.recipient.is_within(parent.recipient):
            errors["parent"] = _("The recipient of a sub-pairing must lie within the parent's.")
        elif pairing.valid_from < parent.valid_from or (
            parent.valid_to and (pairing.valid_to is None or pairing.valid_to > parent.valid_to)
        ):
            errors["parent"] = _("A sub-pairing must fall within its parent's dates.")
    if not errors.get("valid_to"):
        clash = next(
            (
                other
                for other in Pairing.objects.filter(
                    donor=pairing.donor, recipient=pairing.recipient
                ).exclude(pk=pairing.pk)
                if _overlaps(other.valid_from, other.valid_to, pairing.valid_from, pairing.valid_to)
            ),
            None,
        )
        if clash is not None:
            errors["valid_from"] = _(
                "%(donor)s already assists %(recipient)s from %(start)s%(end)s; pairings of the "
                "same donor and recipient cannot overlap."
            ) % {
                "donor": pairing.donor,
                "recipient": pairing.recipient,
                "start": date_format(clash.valid_from),
                "end": _(" to %(date)s") % {"date": date_format(clash.valid_to)}
                if clash.valid_to
                else "",
            }
    for sub in pairing.sub_pairings.all() if pairing.pk else ():
        if sub.valid_from < pairing.valid_from:
            errors["valid_from"] = _("Sub-pairing %(pairing)s starts before this date.") % {
                "pairing": sub
            }
        if pairing.valid_to and (sub.valid_to is None or sub.valid_to > pairing.valid_to):
            errors["valid_to"] = _("Sub-pairing %(pairing)s runs past this date; end it first.") % {
                "pairing": sub
            }
    if errors:
        raise ValidationError(errors)


@service
def pairing_round_create(
    *,
    actor,
    year: int,
    name_en: str,
    starts_on: datetime.date,
    name_zh: str = "",
    name_ug: str = "",
    ends_on: datetime.date | None = None,
    description_en: str = "",
    description_zh: str = "",
) -> PairingRound:
    permissions.require(permissions.can_manage_programme(actor))
    pairing_round = PairingRound(
        year=year,
        name_en=name_en,
        name_zh=name_zh,
        name_ug=name_ug,
        starts_on=starts_on,
        ends_on=ends_on,
        description_en=description_en,
        description_zh=description_zh,
    )
    pairing_round.full_clean()
    errors = dates_in_order(starts_on, ends_on, end_field="ends_on")
    if errors:
        raise ValidationError(errors)
    pairing_round.save()
    audit_record(
        actor=actor, event_type="round.created", obj=pairing_round, after=snapshot(pairing_round)
    )
    return pairing_round


@service
def pairing_round_update(
    *,
    actor,
    pairing_round: PairingRound,
    expected_version: int,
    name_en: str = UNSET,
    name_zh: str = UNSET,
    name_ug: str = UNSET,
    starts_on: datetime.date = UNSET,
    ends_on: datetime.date | None = UNSET,
    description_en: str = UNSET,
    description_zh: str = UNSET,
) -> PairingRound:
    permissions.require(permissions.can_manage_programme(actor))
    changes = given(
        name_en=name_en,
        name_zh=name_zh,
        name_ug=name_ug,
        starts_on=starts_on,
        ends_on=ends_on,
        description_en=description_en,
        description_zh=description_zh,
    )

    def check(r: PairingRound) -> None:
        errors = dates_in_order(r.starts_on, r.ends_on, end_field="ends_on")
        if errors:
            raise ValidationError(errors)

    return tracked_update(
        actor=actor,
        instance=pairing_round,
        expected_version=expected_version,
        changes=changes,
        allowed=ROUND_FIELDS,
        event_type="round.updated",
        validate=check,
    )


@service
def pairing_create(
    *,
    actor,
    round: PairingRound,
    donor: Organization,
    recipient: Region,
    valid_from: datetime.date,
    valid_to: datetime.date | None = None,
    parent: Pairing | None = None,
    is_published: bool = False,
    source: str = "",
    confidence: str = Confidence.MEDIUM,
    notes: str = "",
) -> Pairing:
    permissions.require(permissions.can_manage_programme(actor))
    # Lock the donor so two concurrent creations cannot both pass the overlap check.
    Organization.objects.select_for_update().filter(pk=donor.pk).first()
    pairing = Pairing(
        round=round,
        donor=donor,
        recipient=recipient,
        parent=parent,
        valid_from=valid_from,
        valid_to=valid_to,
        is_published=is_published,
        source=source,
        confidence=confidence,
        notes=notes,
    )
    pairing.full_clean(validate_constraints=False)
    _check_pairing(pairing)
    pairing.save()
    audit_record(actor=actor, event_type="pairing.created", obj=pairing, after=snapshot(pairing))
    return pairing


@service
def pairing_update(
    *,
    actor,
    pairing: Pairing,
    expected_version: int,
    reason: str = "",
    round: PairingRound = UNSET,
    parent: Pairing | None = UNSET,
    valid_from: datetime.date = UNSET,
    valid_to: datetime.date | None = UNSET,
    is_published: bool = UNSET,
    source: str = UNSET,
    confidence: str = UNSET,
    notes: str = UNSET,
) -> Pairing:
    """Re-date, re-source, publish. Donor and recipient are fixed (there is no argument for
    them): end the pairing and create another instead."""
    permissions.require(permissions.can_manage_programme(actor))
    changes = given(
        round=round,
        parent=parent,
        valid_from=valid_from,
        valid_to=valid_to,
        is_published=is_published,
        source=source,
        confidence=confidence,
        notes=notes,
    )
    Organization.objects.select_for_update().filter(pk=pairing.donor_id).first()
    return tracked_update(
        actor=actor,
        instance=pairing,
        expected_version=expected_version,
        changes=changes,
        allowed=PAIRING_FIELDS,
        event_type="pairing.updated",
        reason=reason,
        validate=_check_pairing,
    )


@service
def pairing_end(
    *, actor, pairing: Pairing, expected_version: int, valid_to: datetime.date, reason: str = ""
) -> Pairing:
    """End a pairing on a date; its sub-pairings still open then end with it."""
    permissions.require(permissions.can_manage_programme(actor))
    for sub in pairing.sub_pairings.all():
        if sub.valid_from <= valid_to and (sub.valid_to is None or sub.valid_to > valid_to):
            tracked_update(
                actor=actor,
                instance=sub,
                expected_version=sub.version,
                changes={"valid_to": valid_to},
                allowed={"valid_to"},
                event_type="pairing.ended_with_parent",
                validate=_check_pairing,
                reason=reason,
            )
    return tracked_update(
        actor=actor,
        instance=pairing,
        expected_version=expected_version,
        changes={"valid_to": valid_to},
        allowed={"valid_to"},
        event_type="pairing.ended",
        reason=reason,
        validate=_check_pairing,
    )


@service
def quota_rule_create(
    *,
    actor,
    round: PairingRound,
    share_ppm: int,
    first_year: int,
    donor: Organization | None = None,
    last_year: int | None = None,
    notes: str = "",
) -> QuotaRule:
    permissions.require(permissions.can_manage_programme(actor))
    rule = QuotaRule(
        round=round,
        donor=donor,
        share_ppm=share_ppm,
        first_year=first_year,
        last_year=last_year,
        notes=notes,
    )
    rule.full_clean(validate_constraints=False)
    _check_quota_rule(rule)
    rule.save()
    audit_record(actor=actor, event_type="quota_rule.created", obj=rule, after=snapshot(rule))
    return rule


@service
def quota_rule_update(
    *,
    actor,
    rule: QuotaRule,
    expected_version: int,
    share_ppm: int = UNSET,
    first_year: int = UNSET,
    last_year: int | None = UNSET,
    notes: str = UNSET,
) -> QuotaRule:
    permissions.require(permissions.can_manage_programme(actor))
    changes = given(share_ppm=share_ppm, first_year=first_year, last_year=last_year, notes=notes)
    return tracked_update(
        actor=actor,
        instance=rule,
        expected_version=expected_version,
        changes=changes,
        allowed=QUOTA_RULE_FIELDS,
        event_type="quota_rule.updated",
        validate=_check_quota_rule,
    )


def _check_quota_rule(rule: QuotaRule) -> None:
    if rule.share_ppm <= 0 or rule.share_ppm > 100_000:
        raise ValidationError({"share_ppm": _("A share is above 0 % and at most 10 %.")})
    rule.check_years(QuotaRule.objects.filter(round=rule.round, donor=rule.donor))


@service
def fiscal_revenue_record(
    *,
    actor,
    donor: Organization,
    year: int,
    amount_minor: int,
    currency: str = "CNY",
    source: str = "",
) -> FiscalRevenue:
    """Record (or correct) a donor's revenue for a year; a correction is audited with before."""
    permissions.require(permissions.can_manage_programme(actor))
    errors = amounts_in_range(amount_minor=amount_minor, maximum=MAX_REVENUE_MINOR)
    if errors:
        raise ValidationError(errors)
    existing = FiscalRevenue.objects.select_for_update().filter(donor=donor, year=year).first()
    if existing is not None:
        return tracked_update(
            actor=actor,
            instance=existing,
            expected_version=existing.version,
            changes={"amount_minor": amount_minor, "currency": currency, "source": source},
            allowed={"amount_minor", "currency", "source"},
            event_type="fiscal_revenue.corrected",
        )
    revenue = FiscalRevenue(
        donor=donor, year=year, amount_minor=amount_minor, currency=currency, source=source
    )
    revenue.full_clean(validate_constraints=False)
    revenue.save()
    audit_record(
        actor=actor, event_type="fiscal_revenue.recorded", obj=revenue, after=snapshot(revenue)
    )
    return revenue
