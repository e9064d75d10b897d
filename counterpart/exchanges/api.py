"""Exchange events, classes, pen-pal partnerships and their figures under /api/."""

import datetime

from ninja import Field, Router, Schema
from ninja.pagination import paginate

from counterpart.core.choices import Language
from counterpart.core.schemas import InputSchema
from counterpart.exchanges import selectors, services
from counterpart.exchanges.choices import ExchangeKind
from counterpart.pairings.api import pairing_worked_on_or_error
from counterpart.places.api import organization_or_error, region_or_error

router = Router(tags=["exchanges"])

Count = Field(0, ge=0, le=1_000_000)


class EventIn(InputSchema):
    pairing_id: int
    kind: ExchangeKind
    title_en: str
    title_zh: str = ""
    host_region_id: int
    visiting_region_id: int
    starts_on: datetime.date
    ends_on: datetime.date
    host_children: int = Count
    host_teenagers: int = Count
    host_adults: int = Count
    visiting_children: int = Count
    visiting_teenagers: int = Count
    visiting_adults: int = Count
    description: str = ""


class EventOut(Schema):
    id: int
    pairing_id: int
    kind: str
    title_en: str
    title_zh: str
    host_region_id: int
    visiting_region_id: int
    starts_on: datetime.date
    ends_on: datetime.date
    host_children: int
    host_teenagers: int
    host_adults: int
    visiting_children: int
    visiting_teenagers: int
    visiting_adults: int
    participants: int
    version: int


class ClassIn(InputSchema):
    school_id: int
    grade: int = Field(ge=1, le=12)
    class_number: int = Field(ge=1, le=99)
    pupils: int = Field(ge=1, le=200)
    language: Language


class ClassOut(Schema):
    id: int
    school_id: int
    label: str
    grade: int
    class_number: int
    pupils: int
    language: str


class PartnershipOut(Schema):
    id: int
    pairing_id: int
    donor_class_id: int
    recipient_class_id: int
    started_on: datetime.date
    ended_on: datetime.date | None
    letters_total: int


class MatchIn(InputSchema):
    pairing_id: int
    started_on: datetime.date


class LettersIn(InputSchema):
    term_start: datetime.date
    term_end: datetime.date
    from_donor_side: int = Field(ge=0, le=1_000_000)
    from_recipient_side: int = Field(ge=0, le=1_000_000)


class YearRow(Schema):
    year: int
    hosts: int
    visitors: int


class TermRow(Schema):
    term: str
    from_donor_side: int
    from_recipient_side: int


class ExchangeFiguresOut(Schema):
    participants: int
    active_partnerships: int
    by_side: list[YearRow]
    by_kind: dict[str, dict[str, int]] = Field(description="year → kind → participants")
    letters: list[TermRow]


@router.get("/exchange-events", response=list[EventOut])
@paginate
def list_events(request):
    return selectors.event_list(actor=request.auth)


@router.post("/exchange-events", response={201: EventOut})
def record_event(request, payload: EventIn):
    actor = request.auth
    data = payload.dict()
    data["pairing"] = pairing_worked_on_or_error(actor=actor, pk=data.pop("pairing_id"))
    for side in ("host_region", "visiting_region"):
        data[side] = region_or_error(actor=actor, pk=data.pop(f"{side}_id"), field=f"{side}_id")
    return 201, services.exchange_event_record(actor=actor, **data)


@router.get("/exchange-events/{event_id}", response=EventOut)
def get_event(request, event_id: int):
    return selectors.event_get(actor=request.auth, pk=event_id)


@router.get("/school-classes", response=list[ClassOut])
@paginate
def list_classes(request):
    return selectors.class_list(actor=request.auth)


@router.post("/school-classes", response={201: ClassOut})
def register_class(request, payload: ClassIn):
    actor = request.auth
    data = payload.dict()
    data["school"] = organization_or_error(actor=actor, pk=data.pop("school_id"), field="school_id")
    return 201, services.school_class_register(actor=actor, **data)


@router.get("/school-partnerships", response=list[PartnershipOut])
@paginate
def list_partnerships(request):
    return selectors.partnership_list(actor=request.auth)


@router.post("/school-partnerships/match", response={201: list[PartnershipOut]})
def match_classes(request, payload: MatchIn):
    """Pen pals for a pairing's classes without any, by language, grade and size."""
    actor = request.auth
    return 201, services.school_partnerships_match(
        actor=actor,
        pairing=pairing_worked_on_or_error(actor=actor, pk=payload.pairing_id),
        started_on=payload.started_on,
    )


@router.put("/school-partnerships/{partnership_id}/letters", response=PartnershipOut)
def count_letters(request, partnership_id: int, payload: LettersIn):
    actor = request.auth
    partnership = selectors.partnership_get(actor=actor, pk=partnership_id)
    services.letters_record(actor=actor, partnership=partnership, **payload.dict())
    return selectors.partnership_get(actor=actor, pk=partnership_id)


@router.get("/exchanges/figures", response=ExchangeFiguresOut)
def exchange_figures(request, donor_id: int | None = None, area_id: int | None = None):
    actor = request.auth
    figures = selectors.exchange_figures(
        actor=actor,
        donor=organization_or_error(actor=actor, pk=donor_id, field="donor_id"),
        area=region_or_error(actor=actor, pk=area_id, field="area_id"),
    )
    return ExchangeFiguresOut(
        participants=figures.participants,
        active_partnerships=figures.active_partnerships,
        by_side=[YearRow(year=y, hosts=h, visitors=v) for y, h, v in figures.by_side],
        by_kind={str(year): counts for year, counts in figures.by_year},
        letters=[
            TermRow(term=t, from_donor_side=d, from_recipient_side=r) for t, d, r in figures.letters
        ],
    )
