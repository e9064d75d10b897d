import datetime

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from counterpart.core.lookups import visible_or_error
from counterpart.core.schemas import InputSchema
from counterpart.pairings import selectors, services
from counterpart.pairings.choices import Confidence
from counterpart.places.api import organization_or_error, region_or_error

router = Router(tags=["pairings"])


class RoundOut(Schema):
    id: int
    year: int
    name_en: str
    name_zh: str
    name_ug: str
    starts_on: datetime.date
    ends_on: datetime.date | None
    description_en: str
    description_zh: str
    version: int


class RoundPatch(InputSchema):
    version: int = Field(description="The version you read; a stale one is refused.")
    name_en: str | None = None
    name_zh: str | None = None
    name_ug: str | None = None
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None
    description_en: str | None = None
    description_zh: str | None = None


class QuotaRuleOut(Schema):
    id: int
    round_id: int
    donor_id: int | None
    share_ppm: int
    first_year: int
    last_year: int | None
    notes: str
    version: int


class QuotaRulePatch(InputSchema):
    version: int = Field(description="The version you read; a stale one is refused.")
    share_ppm: int | None = Field(None, ge=1, le=1_000_000)
    first_year: int | None = Field(None, ge=1949, le=2100)
    last_year: int | None = Field(None, ge=1949, le=2100)
    notes: str | None = None


class PairingOut(Schema):
    id: int
    round_id: int
    donor_id: int
    donor_name: str = Field(alias="donor.name_en")
    recipient_id: int
    recipient_name: str = Field(alias="recipient.name_en")
    parent_id: int | None
    valid_from: datetime.date
    valid_to: datetime.date | None
    is_published: bool
    source: str
    confidence: Confidence
    notes: str
    version: int


class PairingIn(InputSchema):
    round_id: int
    donor_id: int
    recipient_id: int
    parent_id: int | None = None
    valid_from: datetime.date
    valid_to: datetime.date | None = None
    is_published: bool = False
    source: str = ""
    confidence: Confidence = Confidence.MEDIUM
    notes: str = ""


class PairingPatch(InputSchema):
    version: int = Field(description="The version you read; a stale one is refused.")
    reason: str = ""
    parent_id: int | None = None
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None
    is_published: bool | None = None
    source: str | None = None
    confidence: Confidence | None = None
    notes: str | None = None


class PairingEnd(InputSchema):
    version: int
    valid_to: datetime.date
    reason: str = ""


class QuotaRowOut(Schema):
    donor_id: int
    donor_name: str
    year: int
    share_percent: str | None
    revenue_year: int | None
    revenue_minor: int | None
    quota_minor: int | None
    currency: str


def _round_or_error(actor, pk: int | None):
    return visible_or_error(
        selectors.round_list(actor=actor),
        pk,
        field="round_id",
        message=_("No round with id %(id)s."),
    )


def pairing_worked_on_or_error(*, actor, pk: int | None, field: str = "pairing_id"):
    """A pairing the actor's teams work on (`selectors.pairings_worked_on`), or the field named."""
    return visible_or_error(
        selectors.pairings_worked_on(actor=actor),
        pk,
        field=field,
        message=_("No pairing with id %(id)s that you work on."),
    )


def _parent_or_error(actor, pk: int | None):
    return visible_or_error(
        selectors.pairing_list(actor=actor),
        pk,
        field="parent_id",
        message=_("No pairing with id %(id)s."),
    )


@router.get("/rounds", response=list[RoundOut])
def list_rounds(request):
    return selectors.round_list(actor=request.auth)


@router.patch("/rounds/{round_id}", response=RoundOut)
def update_round(request, round_id: int, payload: RoundPatch):
    """The office corrects a round's names, dates or description."""
    actor = request.auth
    changes = payload.dict(exclude_unset=True, exclude={"version"})
    return services.pairing_round_update(
        actor=actor,
        pairing_round=selectors.round_get(actor=actor, pk=round_id),
        expected_version=payload.version,
        **changes,
    )


@router.get("/rounds/{round_id}/quota-rules", response=list[QuotaRuleOut])
def list_quota_rules(request, round_id: int):
    """The round's default share and each donor's own (the office and auditors)."""
    actor = request.auth
    return selectors.quota_rule_list(
        actor=actor, round=selectors.round_get(actor=actor, pk=round_id)
    )


@router.patch("/quota-rules/{quota_rule_id}", response=QuotaRuleOut)
def update_quota_rule(request, quota_rule_id: int, payload: QuotaRulePatch):
    """The office changes a share, or the years it holds for."""
    actor = request.auth
    changes = payload.dict(exclude_unset=True, exclude={"version"})
    return services.quota_rule_update(
        actor=actor,
        rule=selectors.quota_rule_get(actor=actor, pk=quota_rule_id),
        expected_version=payload.version,
        **changes,
    )


@router.get("/rounds/{round_id}/quotas", response=list[QuotaRowOut])
def list_quotas(request, round_id: int, year: int):
    actor = request.auth
    rows = selectors.quota_table(
        actor=actor, round=selectors.round_get(actor=actor, pk=round_id), year=year
    )
    return [
        QuotaRowOut(
            donor_id=row.donor.pk,
            donor_name=row.donor.name_en,
            year=row.year,
            share_percent=row.rule.share_percent if row.rule else None,
            revenue_year=row.revenue.year if row.revenue else None,
            revenue_minor=row.revenue.amount_minor if row.revenue else None,
            quota_minor=row.quota_minor,
            currency=row.revenue.currency if row.revenue else "CNY",
        )
        for row in rows
    ]


@router.get("/pairings", response=list[PairingOut])
@paginate
def list_pairings(
    request,
    round_id: int | None = None,
    donor_id: int | None = None,
    recipient_id: int | None = None,
    active_on: datetime.date | None = None,
    published: bool | None = None,
):
    actor = request.auth
    return selectors.pairing_list(
        actor=actor,
        round=_round_or_error(actor, round_id) if round_id is not None else None,
        donor=organization_or_error(actor=actor, pk=donor_id, field="donor_id"),
        recipient=region_or_error(actor=actor, pk=recipient_id, field="recipient_id"),
        active_on=active_on,
        published=published,
    )


@router.get("/pairings/{pairing_id}", response=PairingOut)
def get_pairing(request, pairing_id: int):
    return selectors.pairing_get(actor=request.auth, pk=pairing_id)


@router.post("/pairings", response={201: PairingOut})
def create_pairing(request, payload: PairingIn):
    actor = request.auth
    data = payload.dict()
    pairing = services.pairing_create(
        actor=actor,
        round=_round_or_error(actor, data.pop("round_id")),
        donor=organization_or_error(actor=actor, pk=data.pop("donor_id"), field="donor_id"),
        recipient=region_or_error(actor=actor, pk=data.pop("recipient_id"), field="recipient_id"),
        parent=_parent_or_error(actor, data.pop("parent_id")),
        **data,
    )
    return 201, pairing


@router.patch("/pairings/{pairing_id}", response=PairingOut)
def update_pairing(request, pairing_id: int, payload: PairingPatch):
    actor = request.auth
    pairing = selectors.pairing_get(actor=actor, pk=pairing_id)
    changes = payload.dict(exclude_unset=True, exclude={"version", "reason"})
    if "parent_id" in changes:
        changes["parent"] = _parent_or_error(actor, changes.pop("parent_id"))
    return services.pairing_update(
        actor=actor,
        pairing=pairing,
        expected_version=payload.version,
        reason=payload.reason,
        **changes,
    )


@router.post("/pairings/{pairing_id}/end", response=PairingOut)
def end_pairing(request, pairing_id: int, payload: PairingEnd):
    actor = request.auth
    pairing = selectors.pairing_get(actor=actor, pk=pairing_id)
    return services.pairing_end(
        actor=actor,
        pairing=pairing,
        expected_version=payload.version,
        valid_to=payload.valid_to,
        reason=payload.reason,
    )
