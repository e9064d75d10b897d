import datetime

from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from counterpart.core.lookups import visible_or_error
from counterpart.core.schemas import InputSchema
from counterpart.funding import selectors, services
from counterpart.funding.choices import RuleKind, TransactionKind
from counterpart.pairings import selectors as pairings
from counterpart.places.api import organization_or_error, region_or_error
from counterpart.projects import selectors as projects

router = Router(tags=["funding"])


class TransactionOut(Schema):
    id: int
    kind: TransactionKind
    pairing_id: int
    donor_id: int
    project_id: int | None
    provider_id: int
    receiver_id: int | None
    region_id: int
    sector_id: str | None
    amount_minor: int
    currency: str = Field(alias="currency_id")
    value_date: datetime.date
    base_amount_minor: int = Field(description="The amount in CNY fen, at the value date's rate.")
    rate_id: int | None
    reverses_id: int | None
    description: str
    reason: str
    reference: str


class TransactionIn(InputSchema):
    kind: TransactionKind
    pairing_id: int
    project_id: int | None = None
    amount_minor: int = Field(description="Minor units (fen, cents) of the currency; above 0.")
    currency: str
    value_date: datetime.date
    region_id: int | None = None
    sector: str | None = Field(None, description="DAC 5-digit code; empty follows the project.")
    description: str = ""
    reason: str = ""
    reference: str = Field("", description="The provider's own number for it; recorded once.")


class ReverseIn(InputSchema):
    reason: str


class RuleOut(Schema):
    id: int
    round_id: int
    donor_id: int | None
    kind: RuleKind
    threshold_ppm: int
    first_year: int
    last_year: int | None
    notes: str
    version: int


class RulePatch(InputSchema):
    version: int = Field(description="The version you read; a stale one is refused.")
    threshold_ppm: int | None = Field(None, ge=1, le=1_000_000)
    first_year: int | None = Field(None, ge=1949, le=2100)
    last_year: int | None = Field(None, ge=1949, le=2100)
    notes: str | None = None


class ReceiptIn(InputSchema):
    received_on: datetime.date
    note: str = ""


class ReceiptOut(Schema):
    transaction_id: int
    received_on: datetime.date
    note: str


class RateOut(Schema):
    id: int
    base: str = Field(alias="base_id")
    quote: str = Field(alias="quote_id")
    valid_on: datetime.date
    rate: str
    source: str


class TotalRow(Schema):
    key: str
    label: str
    committed_minor: int
    disbursed_minor: int
    spent_minor: int
    currency: str


class ShareOut(Schema):
    rule: str
    share_ppm: int | None
    threshold_ppm: int
    met: bool | None


def _round_or_error(actor, round_id: int | None):
    return visible_or_error(
        pairings.round_list(actor=actor),
        round_id,
        field="round_id",
        message=_("No round with id %(id)s."),
    )


def _filters(actor, round_id, donor_id, area_id, year) -> selectors.Filters:
    return selectors.Filters(
        round=_round_or_error(actor, round_id),
        donor=organization_or_error(actor=actor, pk=donor_id, field="donor_id"),
        area=region_or_error(actor=actor, pk=area_id, field="area_id"),
        year=year,
    )


@router.get("/transactions", response=list[TransactionOut])
@paginate
def list_transactions(
    request,
    round_id: int | None = None,
    donor_id: int | None = None,
    area_id: int | None = None,
    year: int | None = Query(None, ge=1900, le=2999),
    kind: TransactionKind | None = None,
):
    actor = request.auth
    filters = _filters(actor, round_id, donor_id, area_id, year)
    return selectors.transaction_list(
        actor=actor,
        round=filters.round,
        donor=filters.donor,
        area=filters.area,
        year=year,
        kind=kind,
    )


@router.get("/transactions/{transaction_id}", response=TransactionOut)
def get_transaction(request, transaction_id: int):
    return selectors.transaction_get(actor=request.auth, pk=transaction_id)


@router.post("/transactions", response={201: TransactionOut})
def record_transaction(request, payload: TransactionIn):
    actor = request.auth
    data = payload.dict()
    pairing = visible_or_error(
        pairings.pairing_list(actor=actor),
        data.pop("pairing_id"),
        field="pairing_id",
        message=_("No such pairing."),
    )
    project = visible_or_error(
        projects.project_list(actor=actor),
        data.pop("project_id"),
        field="project_id",
        message=_("No such project."),
    )
    region = region_or_error(actor=actor, pk=data.pop("region_id"), field="region_id")
    entry = services.transaction_record(
        actor=actor, pairing=pairing, project=project, region=region, **data
    )
    return 201, entry


@router.post("/transactions/{transaction_id}/reverse", response={201: TransactionOut})
def reverse_transaction(request, transaction_id: int, payload: ReverseIn):
    actor = request.auth
    entry = selectors.transaction_get(actor=actor, pk=transaction_id)
    return 201, services.transaction_reverse(actor=actor, transaction=entry, reason=payload.reason)


@router.post("/transactions/{transaction_id}/receipt", response={201: ReceiptOut})
def confirm_receipt(request, transaction_id: int, payload: ReceiptIn):
    actor = request.auth
    entry = selectors.transaction_get(actor=actor, pk=transaction_id)
    return 201, services.receipt_confirm(actor=actor, transaction=entry, **payload.dict())


@router.get("/exchange-rates", response=list[RateOut])
@paginate
def list_rates(request, currency: str | None = Query(None, max_length=3)):
    return selectors.exchange_rate_list(actor=request.auth, currency=currency)


@router.get("/compliance-rules", response=list[RuleOut])
@paginate
def list_rules(request, round_id: int | None = None):
    """The lines shares are checked against (the round's defaults and donors' own)."""
    actor = request.auth
    return selectors.compliance_rule_list(actor=actor, round=_round_or_error(actor, round_id))


@router.patch("/compliance-rules/{compliance_rule_id}", response=RuleOut)
def update_rule(request, compliance_rule_id: int, payload: RulePatch):
    """The office moves a line, or the years it holds for."""
    actor = request.auth
    changes = payload.dict(exclude_unset=True, exclude={"version"})
    return services.compliance_rule_update(
        actor=actor,
        rule=selectors.compliance_rule_get(actor=actor, pk=compliance_rule_id),
        expected_version=payload.version,
        **changes,
    )


@router.get("/totals", response=list[TotalRow])
def list_totals(
    request,
    group: str = Query("donor", pattern="^(donor|category|year)$"),
    round_id: int | None = None,
    donor_id: int | None = None,
    area_id: int | None = None,
    year: int | None = Query(None, ge=1900, le=2999),
):
    """The ledger's sums in CNY fen, as the dashboard shows them, for what the caller may see."""
    actor = request.auth
    rows = selectors.totals_by(
        actor=actor, group=group, filters=_filters(actor, round_id, donor_id, area_id, year)
    )
    return [
        TotalRow(
            key=str(row.key),
            label=str(row.label),
            committed_minor=row.committed,
            disbursed_minor=row.disbursed,
            spent_minor=row.spent,
            currency="CNY",
        )
        for row in rows
    ]


@router.get("/shares", response=list[ShareOut])
def list_shares(
    request,
    round_id: int | None = None,
    donor_id: int | None = None,
    area_id: int | None = None,
    year: int | None = Query(None, ge=1900, le=2999),
):
    """The wellbeing and county-level shares of commitments against their lines."""
    actor = request.auth
    checks = selectors.share_checks(
        actor=actor, filters=_filters(actor, round_id, donor_id, area_id, year)
    )
    return [
        ShareOut(rule=kind, share_ppm=c.share_ppm, threshold_ppm=c.threshold_ppm, met=c.met)
        for kind, c in checks.items()
    ]
