"""Reads for posts, professionals, match runs, placements and knowledge, scoped to the actor.

Posts that are open are public. A professional is seen by themselves, by the donor team of their
organization, by the office and auditors; a recipient team sees the applicants to its own posts
by number only (`applicant_rows`).
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.shortcuts import get_object_or_404

from counterpart.accounts import permissions
from counterpart.accounts.models import Role
from counterpart.core.aggregates import ExactSum
from counterpart.engine.ranking import Applicant, Need, rule_ranking
from counterpart.places import selectors as places
from counterpart.places.models import Region, RegionLevel
from counterpart.talent.models import (
    Couple,
    Extension,
    MatchRun,
    Mentorship,
    Placement,
    Post,
    PostRanking,
    PostStatus,
    Preference,
    Professional,
    Training,
)

# -- professionals -------------------------------------------------------------------------


def professional_list(*, actor) -> QuerySet[Professional]:
    professionals = Professional.objects.select_related("organization", "user")
    if permissions.reads_everything(actor):
        return professionals
    own = Q(user=actor) if getattr(actor, "pk", None) else Q(pk__in=[])
    return professionals.filter(own | permissions.donor_scope_q(actor, "organization__"))


def professional_label(*, actor, professional: Professional) -> str:
    """The professional's name for those who may see it (rule 7), else their applicant number."""
    if permissions.may_see_professional_name(actor, professional):
        return professional.name
    return str(professional.applicant_label)


def professional_get(*, actor, pk: int) -> Professional:
    return get_object_or_404(professional_list(actor=actor), pk=pk)


def professional_of(*, actor) -> Professional | None:
    """The signed-in professional's own profile, if they have one."""
    if not getattr(actor, "pk", None):
        return None
    return Professional.objects.select_related("organization").filter(user=actor).first()


def couple_of(professional: Professional) -> Couple | None:
    return Couple.objects.filter(Q(first=professional) | Q(second=professional)).first()


def couple_get(*, actor, pk: int) -> Couple:
    """A couple the actor sees at least one partner of."""
    visible = professional_list(actor=actor)
    return get_object_or_404(
        Couple.objects.filter(Q(first__in=visible) | Q(second__in=visible)), pk=pk
    )


def preference_list(*, actor, professional: Professional) -> QuerySet[Preference]:
    """A professional's ranking, for whoever may see the professional."""
    get_object_or_404(professional_list(actor=actor), pk=professional.pk)
    return professional.preferences.select_related("post__institution__region")


# -- posts -----------------------------------------------------------------------------------


def post_list(*, actor, status: str | None = None, institution=None) -> QuerySet[Post]:
    posts = Post.objects.select_related("institution__region")
    if not permissions.reads_everything(actor):
        posts = posts.filter(
            Q(status=PostStatus.OPEN)
            | permissions.recipient_scope_q(actor, "institution__region__")
        )
    if status:
        posts = posts.filter(status=status)
    if institution is not None:
        posts = posts.filter(institution=institution)
    return posts


def post_get(*, actor, pk: int) -> Post:
    return get_object_or_404(post_list(actor=actor), pk=pk)


def institutions_for_posts(*, actor):
    """The institutions whose needs the actor may post."""
    organizations = places.organization_list(actor=actor).exclude(
        kind__in=["province", "municipality", "city", "central_agency"]
    )
    if permissions.is_programme_office(actor):
        return organizations
    return organizations.filter(permissions.recipient_scope_q(actor, "region__"))


def sending_organizations(*, actor):
    """The organizations whose people the actor registers: the donor team's own and those
    under it (all, for the office)."""
    organizations = places.organization_list(actor=actor)
    if permissions.is_programme_office(actor):
        return organizations
    teams = permissions.organizations_in_role(actor, Role.DONOR_TEAM)
    return organizations.filter(permissions.subtree_q(teams))


def knowledge_institutions(*, actor):
    """Where the actor records mentorships and trainings: the institutions of its places, and
    those where its people serve."""
    institutions = institutions_for_posts(actor=actor)
    if not permissions.reads_everything(actor):
        served = placement_list(actor=actor).values("post__institution")
        institutions = institutions | places.organization_list(actor=actor).filter(pk__in=served)
    return institutions.distinct().order_by("name_en")


def free_places(posts: list[Post]) -> dict[int, int]:
    """Each post's places not held, on its start date, by someone placed before (withdrawn
    placements free their place)."""
    free = {post.pk: post.places for post in posts}
    start = {post.pk: post.start_date for post in posts}
    for post_id, end in Placement.objects.filter(post__in=posts, withdrawn=False).values_list(
        "post_id", "end_date"
    ):
        if end >= start[post_id]:
            free[post_id] -= 1
    return free


def need_of(post: Post) -> Need:
    return Need(
        specialty=post.specialty,
        min_seniority=post.min_seniority,
        language=post.language,
        term_months=post.term_months,
        start_date=post.start_date,
    )


def as_applicant(professional: Professional) -> Applicant:
    return Applicant(
        id=professional.pk,
        specialty=professional.specialty,
        seniority=professional.seniority,
        languages=tuple(professional.languages),
        term_months=professional.term_months,
        available_from=professional.available_from,
    )


def post_ranking(post: Post, applicants: list[Professional]) -> list[int]:
    """The ids of the post's acceptable applicants in its order: by hand, or by the rule."""
    if post.ranked_by_hand:
        wanted = {p.pk for p in applicants}
        return [
            pid
            for pid in PostRanking.objects.filter(post=post).values_list("professional", flat=True)
            if pid in wanted
        ]
    return rule_ranking(need_of(post), [as_applicant(p) for p in applicants])


@dataclass
class ApplicantRow:
    """An applicant to a post as its institution sees them: no name unless it may see it."""

    professional: Professional
    label: str
    rank: int | None  # the post's rank of them; None: not acceptable or left out
    their_rank: int  # the professional's rank of the post


def applicant_rows(*, actor, post: Post) -> list[ApplicantRow]:
    permissions.require(permissions.can_manage_post(actor, post.institution))
    preferences = post.preferences.select_related("professional__organization")
    applicants = {pref.professional_id: pref for pref in preferences}
    order = post_ranking(post, [p.professional for p in applicants.values()])
    rank_of = {pid: n for n, pid in enumerate(order, start=1)}
    rows = [
        ApplicantRow(
            professional=pref.professional,
            label=professional_label(actor=actor, professional=pref.professional),
            rank=rank_of.get(pid),
            their_rank=pref.rank,
        )
        for pid, pref in applicants.items()
    ]
    return sorted(rows, key=lambda r: (r.rank is None, r.rank or 0, r.professional.pk))


# -- the places posts are in, for couples ---------------------------------------------------

PLACE_LEVELS = (RegionLevel.COUNTY, RegionLevel.REGIMENT)


def place_keys(regions: list[Region]) -> dict[int, int]:
    """For each region, the county (or corps regiment) it lies in, or itself above that level:
    a couple serves in one such place."""
    ancestor_ids = {int(part) for r in regions for part in r.path.strip("/").split("/")}
    levels = dict(
        places.region_list(actor=None).filter(pk__in=ancestor_ids).values_list("pk", "level")
    )
    keys = {}
    for region in regions:
        path = [int(part) for part in region.path.strip("/").split("/")]
        keys[region.pk] = next((pk for pk in path if levels.get(pk) in PLACE_LEVELS), region.pk)
    return keys


# -- match runs and placements -------------------------------------------------------------


def match_run_list(*, actor) -> QuerySet[MatchRun]:
    permissions.require(permissions.reads_everything(actor))
    return MatchRun.objects.select_related("created_by")


def match_run_get(*, actor, pk: int) -> MatchRun:
    return get_object_or_404(match_run_list(actor=actor), pk=pk)


def match_run_rows(*, actor, run: MatchRun, limit: int) -> list[tuple[Professional, Post]]:
    """The first `limit` (professional, post) pairs a run proposes."""
    pairs = run.result[:limit]
    professionals = professional_list(actor=actor).in_bulk([p for p, _post in pairs])
    posts = Post.objects.select_related("institution").in_bulk([post for _p, post in pairs])
    return [(professionals[p], posts[post]) for p, post in pairs if p in professionals]


def placed_by_choice(run: MatchRun) -> list[tuple[int, int]]:
    """(n, how many the run placed at their n-th choice), n ascending."""
    index = {pid: n for n, pid in enumerate(run.inputs["professionals"])}
    post_index = {pid: n for n, pid in enumerate(run.inputs["posts"])}
    ranks = Counter(
        run.inputs["applicant_prefs"][index[professional]].index(post_index[post]) + 1
        for professional, post in run.result
    )
    return sorted(ranks.items())


def placement_list(*, actor, post: Post | None = None, institution=None) -> QuerySet[Placement]:
    """Placements concern the professional, their donor team, the receiving place's team, the
    office and auditors."""
    placements = Placement.objects.select_related(
        "professional__organization", "post__institution__region", "predecessor"
    )
    if not permissions.reads_everything(actor):
        own = Q(professional__user=actor) if getattr(actor, "pk", None) else Q(pk__in=[])
        placements = placements.filter(
            own
            | permissions.donor_scope_q(actor, "professional__organization__")
            | permissions.recipient_scope_q(actor, "post__institution__region__")
        )
    if post is not None:
        placements = placements.filter(post=post)
    if institution is not None:
        placements = placements.filter(post__institution=institution)
    return placements


def placement_get(*, actor, pk: int) -> Placement:
    return get_object_or_404(placement_list(actor=actor), pk=pk)


def extension_list(*, actor, placement: Placement) -> QuerySet[Extension]:
    get_object_or_404(placement_list(actor=actor), pk=placement.pk)
    return placement.extensions.select_related("requested_by", "decided_by")


@dataclass
class ChainLink:
    """A placement in its post's chain, and how it meets the one before it."""

    placement: Placement
    gap_days: int | None = None  # days with no one between the previous end and this start
    overlap_days: int | None = None  # days both serve, for the hand-over


@dataclass
class PostChain:
    post: Post
    links: list[ChainLink] = field(default_factory=list)

    @property
    def has_gap(self) -> bool:
        return any(link.gap_days for link in self.links)


def post_chain(*, actor, post: Post) -> PostChain:
    """The post's placements over time (withdrawn ones left out), with gaps and overlaps."""
    chain = PostChain(post=post)
    previous_end = None
    for placement in (
        placement_list(actor=actor, post=post).filter(withdrawn=False).order_by("start_date", "id")
    ):
        link = ChainLink(placement=placement)
        if previous_end is not None:
            days = (placement.start_date - previous_end).days - 1
            if days > 0:
                link.gap_days = days
            elif days < 0:
                link.overlap_days = -days
        chain.links.append(link)
        previous_end = max(previous_end or placement.end_date, placement.end_date)
    return chain


def ending_without_successor(
    *, actor, today: datetime.date, within_days: int = 90
) -> QuerySet[Placement]:
    """Placements ending in the next `within_days` days that no one is to take over from."""
    return (
        placement_list(actor=actor)
        .filter(
            withdrawn=False,
            end_date__gte=today,
            end_date__lte=today + datetime.timedelta(days=within_days),
        )
        .filter(Q(successor__isnull=True) | Q(successor__withdrawn=True))
        .order_by("end_date")
    )


# -- knowledge that stays ------------------------------------------------------------------


def _institution_scope(actor, field: str) -> Q:
    """Rows at an institution in a recipient team's place, or involving a donor's people."""
    return permissions.recipient_scope_q(actor, f"{field}region__")


def mentorship_list(*, actor) -> QuerySet[Mentorship]:
    mentorships = Mentorship.objects.select_related("institution", "mentor").annotate(
        meeting_count=Count("meetings"), meeting_hours=Sum("meetings__hours")
    )
    if permissions.reads_everything(actor):
        return mentorships
    own = Q(mentor__user=actor) if getattr(actor, "pk", None) else Q(pk__in=[])
    return mentorships.filter(
        own
        | _institution_scope(actor, "institution__")
        | permissions.donor_scope_q(actor, "mentor__organization__")
    )


def mentorship_get(*, actor, pk: int) -> Mentorship:
    return get_object_or_404(
        mentorship_list(actor=actor).prefetch_related(Prefetch("meetings")), pk=pk
    )


def training_list(*, actor) -> QuerySet[Training]:
    trainings = Training.objects.select_related("institution", "trainer")
    if permissions.reads_everything(actor):
        return trainings
    own = Q(trainer__user=actor) if getattr(actor, "pk", None) else Q(pk__in=[])
    return trainings.filter(
        own
        | _institution_scope(actor, "institution__")
        | permissions.donor_scope_q(actor, "trainer__organization__")
    )


def staff_trained_total(*, actor, donor=None, area=None) -> int:
    """Local staff trained in trainings (given by a donor's people, in an area): a count over
    every training, for every reader alike (trainings belong to no pairing that could be
    unpublished, and a count names no one)."""
    trainings = Training.objects.all()
    if donor is not None:
        trainings = trainings.filter(trainer__organization__path__startswith=donor.path)
    if area is not None:
        trainings = trainings.filter(institution__region__path__startswith=area.path)
    return trainings.aggregate(total=ExactSum("local_staff_trained"))["total"] or 0


def terms_by_year(*, actor, donor=None, area=None) -> list[tuple[int, int, int]]:
    """(year, terms begun, of which extended): counts over every placement, never people, for
    every reader alike."""
    placements = Placement.objects.filter(withdrawn=False)
    if donor is not None:
        placements = placements.filter(professional__organization__path__startswith=donor.path)
    if area is not None:
        placements = placements.filter(post__institution__region__path__startswith=area.path)
    rows = (
        placements.values("start_date__year")
        .annotate(begun=Count("id"), extended=Count("id", filter=Q(extended=True)))
        .order_by("start_date__year")
    )
    return [(r["start_date__year"], r["begun"], r["extended"]) for r in rows]


def is_professional_user(actor) -> bool:
    return Role.PROFESSIONAL in permissions.roles(actor)
