"""Professionals, their rankings of posts, and couples."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from counterpart.core.choices import Specialty
from counterpart.core.lookups import visible_or_error
from counterpart.core.schemas import InputSchema
from counterpart.places.api import organization_or_error
from counterpart.talent import selectors, services
from counterpart.talent.choices import ProfessionalKind

router = Router(tags=["talent"])


class ProfessionalOut(Schema):
    id: int
    organization_id: int
    name: str = Field(description="The name for those who may see it, else the applicant number.")
    kind: ProfessionalKind
    specialty: Specialty
    seniority: int
    languages: list[str]
    available_from: datetime.date
    term_months: int
    version: int

    @staticmethod
    def resolve_name(professional, context) -> str:
        return selectors.professional_label(
            actor=context["request"].auth, professional=professional
        )


class ProfessionalFields(InputSchema):
    kind: ProfessionalKind | None = None
    languages: list[str] | None = None


class ProfessionalIn(ProfessionalFields):
    organization_id: int
    name: str
    specialty: Specialty
    seniority: int = Field(ge=1, le=4)
    available_from: datetime.date
    term_months: int
    for_me: bool = Field(False, description="Sign yourself up: the profile is your account's.")


class ProfessionalPatch(ProfessionalFields):
    version: int
    name: str | None = None
    specialty: Specialty | None = None
    seniority: int | None = Field(None, ge=1, le=4)
    available_from: datetime.date | None = None
    term_months: int | None = None


class RankedPostsIn(InputSchema):
    post_ids: list[int] = Field(description="Best first; each an open post, once.")


class CoupleIn(InputSchema):
    first_id: int
    second_id: int


class CoupleOut(Schema):
    id: int
    first_id: int
    second_id: int


def professional_or_error(actor, pk: int | None, field: str):
    return visible_or_error(
        selectors.professional_list(actor=actor),
        pk,
        field=field,
        message=_("No professional with id %(id)s."),
    )


# -- professionals ---------------------------------------------------------------------------


@router.get("/professionals", response=list[ProfessionalOut])
@paginate
def list_professionals(request, specialty: Specialty | None = None):
    professionals = selectors.professional_list(actor=request.auth)
    return professionals.filter(specialty=specialty) if specialty else professionals


@router.post("/professionals", response={201: ProfessionalOut})
def register_professional(request, payload: ProfessionalIn):
    actor = request.auth
    data = payload.dict(exclude_none=True)
    organization = organization_or_error(
        actor=actor, pk=data.pop("organization_id"), field="organization_id"
    )
    user = actor if data.pop("for_me") else None
    return 201, services.professional_register(
        actor=actor, organization=organization, user=user, **data
    )


@router.get("/professionals/{professional_id}", response=ProfessionalOut)
def get_professional(request, professional_id: int):
    return selectors.professional_get(actor=request.auth, pk=professional_id)


@router.patch("/professionals/{professional_id}", response=ProfessionalOut)
def update_professional(request, professional_id: int, payload: ProfessionalPatch):
    actor = request.auth
    professional = selectors.professional_get(actor=actor, pk=professional_id)
    changes = payload.dict(exclude_unset=True, exclude={"version"})
    return services.professional_update(
        actor=actor, professional=professional, expected_version=payload.version, **changes
    )


@router.get("/professionals/{professional_id}/preferences", response=list[int])
def get_preferences(request, professional_id: int):
    """The ids of the posts the professional ranked, best first."""
    actor = request.auth
    professional = selectors.professional_get(actor=actor, pk=professional_id)
    return [p.post_id for p in selectors.preference_list(actor=actor, professional=professional)]


@router.put("/professionals/{professional_id}/preferences", response=list[int])
def set_preferences(request, professional_id: int, payload: RankedPostsIn):
    actor = request.auth
    professional = selectors.professional_get(actor=actor, pk=professional_id)
    posts = selectors.post_list(actor=actor).in_bulk(payload.post_ids)
    missing = [pk for pk in payload.post_ids if pk not in posts]
    if missing:
        raise ValidationError({"post_ids": _("No post with id %(id)s.") % {"id": missing[0]}})
    services.preferences_set(
        actor=actor, professional=professional, posts=[posts[pk] for pk in payload.post_ids]
    )
    return get_preferences(request, professional_id)


@router.post("/couples", response={201: CoupleOut})
def create_couple(request, payload: CoupleIn):
    actor = request.auth
    return 201, services.couple_create(
        actor=actor,
        first=professional_or_error(actor, payload.first_id, "first_id"),
        second=professional_or_error(actor, payload.second_id, "second_id"),
    )


@router.delete("/couples/{couple_id}", response={204: None})
def dissolve_couple(request, couple_id: int):
    """The two no longer need to serve in one place."""
    actor = request.auth
    services.couple_dissolve(actor=actor, couple=selectors.couple_get(actor=actor, pk=couple_id))
    return 204, None
