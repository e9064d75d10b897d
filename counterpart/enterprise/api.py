"""Enterprise support, employment reports, product sales and their figures under /api/."""

import datetime
from decimal import Decimal

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from counterpart.core.lookups import visible_or_error
from counterpart.core.schemas import InputSchema
from counterpart.enterprise import selectors, services
from counterpart.enterprise.choices import SalesChannel, SupportKind
from counterpart.pairings.api import pairing_worked_on_or_error
from counterpart.places.api import organization_or_error, region_or_error
from counterpart.projects import selectors as projects

router = Router(tags=["enterprise"])


class SupportIn(InputSchema):
    pairing_id: int
    company_id: int
    kind: SupportKind
    started_on: datetime.date
    description: str = ""
    project_id: int | None = None


class SupportOut(Schema):
    id: int
    pairing_id: int
    company_id: int
    kind: str
    started_on: datetime.date
    description: str
    project_id: int | None
    jobs_indicator_id: int | None
    formerly_poor_indicator_id: int | None


class EmploymentIn(InputSchema):
    period_start: datetime.date
    period_end: datetime.date
    employees: int = Field(ge=0, le=10_000_000)
    formerly_poor: int = Field(ge=0, le=10_000_000)
    wages_paid_minor: int | None = Field(None, ge=0, le=10**15)
    currency: str = "CNY"


class EmploymentOut(EmploymentIn):
    support_id: int


class SaleIn(InputSchema):
    pairing_id: int
    company_id: int | None = None
    product: str = Field(max_length=200)
    market_region_id: int
    channel: SalesChannel
    period_start: datetime.date
    period_end: datetime.date
    volume: Decimal = Field(max_digits=14, decimal_places=2)
    unit: str = Field(max_length=20)
    value_minor: int = Field(ge=0, le=10**15)
    currency: str = "CNY"


class SaleOut(Schema):
    id: int
    pairing_id: int
    company_id: int | None
    product: str
    market_region_id: int
    channel: str
    period_start: datetime.date
    period_end: datetime.date
    volume: Decimal
    unit: str
    value_minor: int
    currency: str
    value_cny_minor: int


class JobsRow(Schema):
    company: str
    year: int
    employees: int
    formerly_poor: int
    formerly_poor_percent: float | None


class ChannelRow(Schema):
    channel: str
    value_cny_minor: int


class EnterpriseFiguresOut(Schema):
    employees: int
    formerly_poor: int
    jobs: list[JobsRow]
    sales_by_channel: list[ChannelRow]


@router.get("/enterprise-supports", response=list[SupportOut])
@paginate
def list_supports(request):
    return selectors.support_list(actor=request.auth)


@router.post("/enterprise-supports", response={201: SupportOut})
def create_support(request, payload: SupportIn):
    actor = request.auth
    data = payload.dict()
    data["pairing"] = pairing_worked_on_or_error(actor=actor, pk=data.pop("pairing_id"))
    data["company"] = organization_or_error(
        actor=actor, pk=data.pop("company_id"), field="company_id"
    )
    data["project"] = visible_or_error(
        projects.project_list(actor=actor),
        data.pop("project_id"),
        field="project_id",
        message=_("No such project."),
    )
    return 201, services.support_create(actor=actor, **data)


@router.get("/enterprise-supports/{support_id}", response=SupportOut)
def get_support(request, support_id: int):
    return selectors.support_get(actor=request.auth, pk=support_id)


@router.get("/enterprise-supports/{support_id}/employment", response=list[EmploymentOut])
def list_employment(request, support_id: int):
    return selectors.support_get(actor=request.auth, pk=support_id).employment_reports.all()


@router.put("/enterprise-supports/{support_id}/employment", response=EmploymentOut)
def report_employment(request, support_id: int, payload: EmploymentIn):
    """A period's employment; the same period reported again replaces it."""
    actor = request.auth
    support = selectors.support_get(actor=actor, pk=support_id)
    return services.employment_report(actor=actor, support=support, **payload.dict())


@router.get("/product-sales", response=list[SaleOut])
@paginate
def list_sales(request):
    return selectors.sale_list(actor=request.auth)


@router.post("/product-sales", response={201: SaleOut})
def record_sale(request, payload: SaleIn):
    actor = request.auth
    data = payload.dict()
    data["pairing"] = pairing_worked_on_or_error(actor=actor, pk=data.pop("pairing_id"))
    data["company"] = organization_or_error(
        actor=actor, pk=data.pop("company_id"), field="company_id"
    )
    data["market_region"] = region_or_error(
        actor=actor, pk=data.pop("market_region_id"), field="market_region_id"
    )
    return 201, services.product_sale_record(actor=actor, **data)


@router.get("/enterprise/figures", response=EnterpriseFiguresOut)
def enterprise_figures(request, donor_id: int | None = None, area_id: int | None = None):
    actor = request.auth
    figures = selectors.enterprise_figures(
        actor=actor,
        donor=organization_or_error(actor=actor, pk=donor_id, field="donor_id"),
        area=region_or_error(actor=actor, pk=area_id, field="area_id"),
    )
    return EnterpriseFiguresOut(
        employees=figures.employees,
        formerly_poor=figures.formerly_poor,
        jobs=[
            JobsRow(company=c, year=y, employees=e, formerly_poor=p, formerly_poor_percent=s)
            for c, y, e, p, s in figures.jobs
        ],
        sales_by_channel=[
            ChannelRow(channel=channel, value_cny_minor=value)
            for channel, value in figures.sales_by_channel
        ],
    )
