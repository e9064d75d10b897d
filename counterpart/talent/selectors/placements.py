"""Placements: who serves where, extensions, each post's chain of terms and the terms begun."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet, Sum
from django.shortcuts import get_object_or_404

from counterpart.accounts import permissions
from counterpart.talent.choices import ExtensionStatus, PostStatus
from counterpart.talent.models import Extension, Placement, Post


def placement_list(*, actor, post: Post | None = None, institution=None) -> QuerySet[Placement]:
    """Placements concern the professional, their donor team, the receiving place's team, the
    office and auditors."""
    placements = Placement.objects.select_related(
        "professional__organization", "post__institution__region", "predecessor"
    )
    if not permissions.reads_everything(actor):
        placements = placements.filter(placement_scope(actor))
    if post is not None:
        placements = placements.filter(post=post)
    if institution is not None:
        placements = placements.filter(post__institution=institution)
    return placements


def placement_scope(actor) -> Q:
    """The placements `actor` may see, below the office: their own, their donor's people's,
    and those at the places their recipient teams serve."""
    own = Q(professional__user=actor) if getattr(actor, "pk", None) else Q(pk__in=[])
    return (
        own
        | permissions.donor_scope_q(actor, "professional__organization__")
        | permissions.recipient_scope_q(actor, "post__institution__region__")
    )


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


def extensions_to_decide(*, actor) -> QuerySet[Extension]:
    """Requested extensions of terms served at the places the actor's recipient teams serve."""
    return (
        Extension.objects.filter(
            permissions.recipient_scope_q(actor, "placement__post__institution__region__"),
            status=ExtensionStatus.REQUESTED,
        )
        .select_related("placement__professional", "placement__post__institution")
        .order_by("requested_on", "pk")
    )


def terms_to_succeed(*, actor, today: datetime.date) -> QuerySet[Placement]:
    """`ending_without_successor`, for the teams who act on it: the receiving place's (who
    post the need) and the sending donor's (who find the person)."""
    return ending_without_successor(actor=actor, today=today).filter(
        permissions.donor_scope_q(actor, "professional__organization__")
        | permissions.recipient_scope_q(actor, "post__institution__region__")
    )


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


@dataclass
class Staffing:
    places: int = 0  # places posted (posts past their draft)
    placed: int = 0  # placements made (not withdrawn), at most one per place
    serving: int = 0  # people serving on the day asked

    @property
    def filled_percent(self) -> float | None:
        return round(100 * min(self.placed, self.places) / self.places, 1) if self.places else None


def staffing_by_region(*, today: datetime.date, donor=None, area=None) -> dict[int, Staffing]:
    """Per place of the receiving institutions: places posted, placements made and people
    serving `today`. Counts over every post, never people, for every reader alike."""
    posts = Post.objects.exclude(status=PostStatus.DRAFT)
    placements = Placement.objects.filter(withdrawn=False)
    if donor is not None:
        placements = placements.filter(professional__organization__path__startswith=donor.path)
    if area is not None:
        posts = posts.filter(institution__region__path__startswith=area.path)
        placements = placements.filter(post__institution__region__path__startswith=area.path)
    found: dict[int, Staffing] = defaultdict(Staffing)
    for region, places in posts.values_list("institution__region").annotate(n=Sum("places")):
        found[region].places += places
    serving_now = Count("id", filter=Q(start_date__lte=today, end_date__gte=today))
    for region, placed, serving in (
        placements.values_list("post__institution__region")
        .annotate(n=Count("id"), s=serving_now)
        .order_by()
    ):
        found[region].placed += placed
        found[region].serving += serving
    return dict(found)
