"""Posts' needs and applicants: free places, the ranking rule, the rows a receiving team ranks
(applicants by number), and the place a post is in for couples."""

from dataclasses import dataclass

from counterpart.accounts import permissions
from counterpart.engine.ranking import Applicant, Need, rule_ranking
from counterpart.places import selectors as places
from counterpart.places.choices import RegionLevel
from counterpart.places.models import Region
from counterpart.talent.models import (
    Placement,
    Post,
    PostRanking,
    Professional,
)
from counterpart.talent.selectors.people import professional_label


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
