"""Posts and their applicants, ranked by the rule or by hand."""

import datetime

from ninja import Field, Router, Schema
from ninja.pagination import paginate

from counterpart.core.choices import Language, Specialty
from counterpart.core.schemas import InputSchema
from counterpart.places.api import organization_or_error
from counterpart.talent import selectors, services
from counterpart.talent.choices import PostStatus

router = Router(tags=["talent"])


class PostOut(Schema):
    id: int
    institution_id: int
    region_id: int = Field(alias="institution.region_id")
    title_en: str
    title_zh: str
    specialty: Specialty
    places: int
    term_months: int
    start_date: datetime.date
    requirements: str
    language: str
    min_seniority: int
    status: PostStatus
    ranked_by_hand: bool
    version: int


class PostFields(InputSchema):
    title_zh: str | None = None
    places: int | None = Field(None, ge=1, le=500)
    requirements: str | None = None
    language: Language | None = None
    min_seniority: int | None = Field(None, ge=1, le=4)


class PostIn(PostFields):
    institution_id: int
    title_en: str = ""  # or a Chinese title only: one is enough
    specialty: Specialty
    term_months: int
    start_date: datetime.date


class PostPatch(PostFields):
    version: int = Field(description="The version you read; a stale one is refused.")
    title_en: str | None = None
    specialty: Specialty | None = None
    term_months: int | None = None
    start_date: datetime.date | None = None
    status: PostStatus | None = None


class ApplicantOut(Schema):
    professional_id: int
    label: str
    specialty: str
    seniority: int
    languages: list[str]
    rank: int | None = Field(description="The post's rank of them; null: not acceptable.")
    their_rank: int


class OrderIn(InputSchema):
    professional_ids: list[int]
    version: int = Field(description="The post's version read (refused when stale).")


# -- posts -----------------------------------------------------------------------------------


@router.get("/posts", response=list[PostOut])
@paginate
def list_posts(request, status: PostStatus | None = None, specialty: Specialty | None = None):
    posts = selectors.post_list(actor=request.auth, status=status)
    return posts.filter(specialty=specialty) if specialty else posts


@router.post("/posts", response={201: PostOut})
def create_post(request, payload: PostIn):
    actor = request.auth
    data = payload.dict(exclude_none=True)
    institution = organization_or_error(
        actor=actor, pk=data.pop("institution_id"), field="institution_id"
    )
    return 201, services.post_create(actor=actor, institution=institution, **data)


@router.get("/posts/{post_id}", response=PostOut)
def get_post(request, post_id: int):
    return selectors.post_get(actor=request.auth, pk=post_id)


@router.patch("/posts/{post_id}", response=PostOut)
def update_post(request, post_id: int, payload: PostPatch):
    actor = request.auth
    post = selectors.post_get(actor=actor, pk=post_id)
    changes = payload.dict(exclude_unset=True, exclude={"version"})
    return services.post_update(actor=actor, post=post, expected_version=payload.version, **changes)


@router.get("/posts/{post_id}/applicants", response=list[ApplicantOut])
def list_applicants(request, post_id: int):
    """The post's applicants in its order, for its institution's team and the office."""
    actor = request.auth
    post = selectors.post_get(actor=actor, pk=post_id)
    return [
        ApplicantOut(
            professional_id=row.professional.pk,
            label=str(row.label),
            specialty=row.professional.specialty,
            seniority=row.professional.seniority,
            languages=row.professional.languages,
            rank=row.rank,
            their_rank=row.their_rank,
        )
        for row in selectors.applicant_rows(actor=actor, post=post)
    ]


@router.put("/posts/{post_id}/ranking", response=list[ApplicantOut])
def set_ranking(request, post_id: int, payload: OrderIn):
    """Rank the applicants by hand; those left out are not acceptable."""
    actor = request.auth
    post = selectors.post_get(actor=actor, pk=post_id)
    services.post_ranking_set(
        actor=actor,
        post=post,
        expected_version=payload.version,
        professional_ids=payload.professional_ids,
    )
    return list_applicants(request, post_id)


@router.delete("/posts/{post_id}/ranking", response=list[ApplicantOut])
def reset_ranking(request, post_id: int, version: int):
    """Back to ranking by the rule (`version`: the post's, as read)."""
    actor = request.auth
    post = selectors.post_get(actor=actor, pk=post_id)
    services.post_ranking_reset(actor=actor, post=post, expected_version=version)
    return list_applicants(request, post_id)
