from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from counterpart.core.lookups import visible_or_error
from counterpart.core.schemas import InputSchema
from counterpart.places import selectors, services
from counterpart.places.choices import OrganizationKind, RegionLevel

router = Router(tags=["places"])


class RegionOut(Schema):
    id: int
    code: str
    name_en: str
    name_zh: str
    name_ug: str
    level: RegionLevel
    parent_id: int | None
    version: int


class RegionPatch(InputSchema):
    version: int = Field(description="The version you read; a stale one is refused.")
    name_en: str | None = None
    name_zh: str | None = None
    name_ug: str | None = None
    code: str | None = None
    level: RegionLevel | None = None
    parent_id: int | None = None


class OrganizationOut(Schema):
    id: int
    code: str
    name_en: str
    name_zh: str
    name_ug: str
    kind: OrganizationKind
    region_id: int
    parent_id: int | None
    description_en: str
    description_zh: str
    website: str
    contact_email: str
    iati_ref: str
    version: int


class OrganizationPatch(InputSchema):
    version: int = Field(description="The version you read; a stale one is refused.")
    description_en: str | None = None
    description_zh: str | None = None
    website: str | None = None
    contact_email: str | None = None
    name_en: str | None = None
    name_zh: str | None = None
    name_ug: str | None = None
    iati_ref: str | None = Field(None, description="The office's: CN-USCI- and a credit code.")


def region_or_error(*, actor, pk: int | None, field: str):
    """Resolve a region id given in a request, or name the field that is wrong."""
    return visible_or_error(
        selectors.region_list(actor=actor), pk, field=field, message=_("No region with id %(id)s.")
    )


def organization_or_error(*, actor, pk: int | None, field: str):
    return visible_or_error(
        selectors.organization_list(actor=actor),
        pk,
        field=field,
        message=_("No organization with id %(id)s."),
    )


@router.get("/regions", response=list[RegionOut])
@paginate
def list_regions(
    request,
    level: RegionLevel | None = None,
    parent_id: int | None = None,
    within_id: int | None = None,
    q: str | None = None,
):
    actor = request.auth
    return selectors.region_list(
        actor=actor,
        level=level,
        parent=region_or_error(actor=actor, pk=parent_id, field="parent_id"),
        within=region_or_error(actor=actor, pk=within_id, field="within_id"),
        search=q,
    )


@router.get("/regions/{region_id}", response=RegionOut)
def get_region(request, region_id: int):
    return selectors.region_get(actor=request.auth, pk=region_id)


@router.patch("/regions/{region_id}", response=RegionOut)
def update_region(request, region_id: int, payload: RegionPatch):
    """The office corrects a region's names, code, level or parent."""
    actor = request.auth
    region = selectors.region_get(actor=actor, pk=region_id)
    changes = payload.dict(exclude_unset=True, exclude={"version"})
    if "parent_id" in changes:
        changes["parent"] = region_or_error(
            actor=actor, pk=changes.pop("parent_id"), field="parent_id"
        )
    return services.region_update(
        actor=actor, region=region, expected_version=payload.version, **changes
    )


@router.get("/organizations", response=list[OrganizationOut])
@paginate
def list_organizations(
    request,
    kind: OrganizationKind | None = None,
    region_id: int | None = None,
    q: str | None = None,
):
    actor = request.auth
    return selectors.organization_list(
        actor=actor,
        kind=kind,
        region=region_or_error(actor=actor, pk=region_id, field="region_id"),
        search=q,
    )


@router.get("/organizations/{organization_id}", response=OrganizationOut)
def get_organization(request, organization_id: int):
    return selectors.organization_get(actor=request.auth, pk=organization_id)


@router.patch("/organizations/{organization_id}", response=OrganizationOut)
def update_organization(request, organization_id: int, payload: OrganizationPatch):
    actor = request.auth
    organization = selectors.organization_get(actor=actor, pk=organization_id)
    changes = payload.dict(exclude_unset=True, exclude={"version"})
    return services.organization_update(
        actor=actor, organization=organization, expected_version=payload.version, **changes
    )
