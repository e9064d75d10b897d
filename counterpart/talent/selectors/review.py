"""What a match run does, person by person, for the office to review before publishing: who
goes where, who is left out and why, the places left empty, each couple (together, split or
not placed), what still blocks, and what changed since the run before."""

from collections import Counter
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from counterpart.core.tables import Table
from counterpart.engine.terms import term_start
from counterpart.places.choices import RegionLevel
from counterpart.places.models import Region
from counterpart.talent.choices import MatchRunStatus, PostStatus
from counterpart.talent.models import MatchRun, Placement, Post, Professional
from counterpart.talent.selectors.people import professional_label, professional_list
from counterpart.talent.selectors.posts import free_places

NO_POST, OUTRANKED, COUPLE = "no_post", "outranked", "couple"
WHY = {
    NO_POST: _("ranked no open post"),
    OUTRANKED: _("every post they ranked was filled by people it ranked higher"),
    COUPLE: _("could not be placed in one place with their partner"),
}
TOGETHER, SPLIT, UNPLACED = "together", "split", "unplaced"
COUPLE_OUTCOME = {
    TOGETHER: _("placed together"),
    SPLIT: _("split: not in one place"),
    UNPLACED: _("not placed"),
}


@dataclass
class RunReview:
    placed: list[tuple[int, int, int]] = field(default_factory=list)  # professional, post, choice
    unplaced: list[tuple[int, str]] = field(default_factory=list)  # professional, why
    empty: list[tuple[str, str, int]] = field(default_factory=list)  # prefecture, specialty, n
    couples: list[tuple[int, int | None, int, int | None, str]] = field(default_factory=list)
    # (first, their post or None, second, theirs, outcome)
    blocking: list[tuple[int, int, int | None, int | None]] = field(default_factory=list)
    # (professional, the post they would rather have, partner or None, the partner's post)
    posts: dict[int, Post] = field(default_factory=dict)
    prefecture_of: dict[int, str] = field(default_factory=dict)  # post id → prefecture name


def run_review(run: MatchRun) -> RunReview:
    inputs = run.inputs
    professionals, post_ids = inputs["professionals"], inputs["posts"]
    post_index = {pid: n for n, pid in enumerate(post_ids)}
    index = {pid: n for n, pid in enumerate(professionals)}
    placed_at = {professional: post for professional, post in run.result}
    review = RunReview()
    review.posts = Post.objects.select_related("institution__region").in_bulk(post_ids)
    review.prefecture_of = _prefectures(review.posts.values())
    prefs = inputs["applicant_prefs"]
    for professional, post in run.result:
        review.placed.append(
            (professional, post, prefs[index[professional]].index(post_index[post]) + 1)
        )
    taken = Counter(post_index[post] for _p, post in run.result)
    capacity = inputs["capacity"]
    in_couple = {member for couple in inputs["couples"] for member in couple}
    for n, professional in enumerate(professionals):
        if professional in placed_at:
            continue
        if not prefs[n]:
            why = NO_POST
        elif n in in_couple and any(taken[j] < capacity[j] for j in prefs[n]):
            why = COUPLE
        else:
            why = OUTRANKED
        review.unplaced.append((professional, why))
    empty: Counter = Counter()
    for j, post_id in enumerate(post_ids):
        left = capacity[j] - taken[j]
        if left > 0:
            post = review.posts.get(post_id)
            specialty = post.get_specialty_display() if post else "—"
            empty[(review.prefecture_of.get(post_id, "—"), str(specialty))] += left
    review.empty = sorted((p, s, n) for (p, s), n in empty.items())
    place = inputs["place_of_post"]
    for a, b in inputs["couples"]:
        first, second = professionals[a], professionals[b]
        post_a, post_b = placed_at.get(first), placed_at.get(second)
        if post_a is None and post_b is None:
            outcome = UNPLACED
        elif post_a is None or post_b is None:
            outcome = SPLIT
        else:
            apart = place[post_index[post_a]] != place[post_index[post_b]]
            outcome = SPLIT if apart else TOGETHER
        review.couples.append((first, post_a, second, post_b, outcome))
    for who, posts in run.blocking:
        if len(who) == 1:
            review.blocking.append((who[0], posts[0], None, None))
        else:
            review.blocking.append((who[0], posts[0], who[1], posts[1]))
    return review


def couple_outcomes(review: RunReview) -> dict[str, int]:
    """How many couples were placed together, split and not placed."""
    found = Counter(outcome for *_row, outcome in review.couples)
    return {outcome: found[outcome] for outcome in COUPLE_OUTCOME}


# A download of more rows than this is made on the work queue, not in the request.
EXPORT_ON_QUEUE_ROWS = 20_000


def review_lists(
    run: MatchRun, review: RunReview, *, before: MatchRun | None, prefecture="", specialty=""
) -> dict[str, list]:
    """The review's lists, those about posts narrowed to a prefecture and a specialty. The
    posts a change names are added to `review.posts`."""

    def shown(post_id) -> bool:
        post = review.posts.get(post_id)
        return (not prefecture or review.prefecture_of.get(post_id) == prefecture) and (
            not specialty or (post is not None and post.specialty == specialty)
        )

    lists = {
        "placed": [row for row in review.placed if shown(row[1])],
        "unplaced": review.unplaced,
        "empty": [row for row in review.empty if not prefecture or row[0] == prefecture],
        "couples": review.couples,
        "blocking": review.blocking,
        "changes": run_changes(run, before) if before else [],
    }
    earlier = {was for _p, was, _now in lists["changes"]} - set(review.posts) - {None}
    review.posts.update(Post.objects.select_related("institution").in_bulk(list(earlier)))
    return lists


# Where each list's rows hold a professional's id.
PEOPLE_AT = {
    "placed": (0,),
    "unplaced": (0,),
    "empty": (),
    "couples": (0, 2),
    "blocking": (0, 2),
    "changes": (0,),
}


def people_labels(actor, rows_by_list: dict[str, list]) -> dict[int, str]:
    """The names (or applicant numbers) of the professionals in these rows, for this actor."""
    ids = {row[at] for name, rows in rows_by_list.items() for row in rows for at in PEOPLE_AT[name]}
    ids.discard(None)
    found = professional_list(actor=actor).in_bulk(list(ids))
    return {
        pk: professional_label(actor=actor, professional=professional)
        for pk, professional in found.items()
    }


def review_table(actor, review: RunReview, name: str, rows: list) -> Table:
    """One of the lists as a table to download (CSV or XLSX)."""
    label = people_labels(actor, {name: rows})

    def post(post_id):
        found = review.posts.get(post_id)
        return f"{found} · {found.institution}" if found else "—"

    if name == "placed":
        columns = [_("Professional"), _("Post"), _("Prefecture"), _("Choice")]
        body = [[label.get(p, p), post(q), review.prefecture_of.get(q, "—"), n] for p, q, n in rows]
    elif name == "unplaced":
        columns = [_("Professional"), _("Why")]
        body = [[label.get(p, p), str(WHY[why])] for p, why in rows]
    elif name == "empty":
        columns = [_("Prefecture"), _("Specialty"), _("Empty places")]
        body = [list(row) for row in rows]
    elif name == "couples":
        columns = [_("Professional"), _("Post"), _("Partner"), _("Partner's post"), _("Outcome")]
        body = [
            [label.get(a, a), post(pa), label.get(b, b), post(pb), str(COUPLE_OUTCOME[outcome])]
            for a, pa, b, pb, outcome in rows
        ]
    elif name == "blocking":
        columns = [
            _("Professional"),
            _("Post they would rather have"),
            _("Partner"),
            _("Post the partner would rather have"),
        ]
        body = [
            [label.get(a, a), post(pa), label.get(b, b) if b else "—", post(pb)]
            for a, pa, b, pb in rows
        ]
    else:
        columns = [_("Professional"), _("Before"), _("Now")]
        body = [[label.get(p, p), post(q0), post(q1)] for p, q0, q1 in rows]
    return Table(slug=name, title=name, columns=[str(c) for c in columns], rows=body)


def previous_run(run: MatchRun) -> MatchRun | None:
    """The run made before this one (discarded ones left out): what this one is compared to."""
    return (
        MatchRun.objects.filter(created_at__lt=run.created_at)
        .exclude(status=MatchRunStatus.DISCARDED)
        .order_by("-created_at", "-pk")
        .first()
    )


def run_changes(run: MatchRun, before: MatchRun) -> list[tuple[int, int | None, int | None]]:
    """(professional, post before, post now) for everyone whose post differs between the runs."""
    then, now = dict(map(tuple, before.result)), dict(map(tuple, run.result))
    return sorted(
        (professional, then.get(professional), now.get(professional))
        for professional in then.keys() | now.keys()
        if then.get(professional) != now.get(professional)
    )


def _prefectures(posts) -> dict[int, str]:
    """Each post's prefecture (or corps division), by name."""
    tops = {
        r.path: r.name
        for r in Region.objects.filter(level__in=[RegionLevel.PREFECTURE, RegionLevel.DIVISION])
    }
    found = {}
    for post in posts:
        path = post.institution.region.path
        found[post.pk] = next((name for p, name in tops.items() if path.startswith(p)), "—")
    return found


@dataclass
class PublicationPreview:
    placements: int
    posts_closing: list[Post]
    first_start: object  # datetime.date | None
    last_start: object
    problems: list[str]


def publication_preview(run: MatchRun) -> PublicationPreview:
    """What publishing would do, read without writing: the placements it makes, the posts it
    fills and closes, when the terms begin, and what would stop it. Publishing itself goes by
    it, read with the posts held."""
    posts = Post.objects.in_bulk([post for _p, post in run.result])
    professionals = dict(
        Professional.objects.filter(pk__in=[p for p, _post in run.result]).values_list(
            "pk", "available_from"
        )
    )
    free = free_places(list(posts.values()))
    serving = set(
        Placement.objects.filter(
            professional__in=list(professionals),
            withdrawn=False,
            end_date__gte=run.created_at.date(),
        ).values_list("professional_id", flat=True)
    )
    problems, starts, today = [], [], timezone.localdate()
    for professional, post_id in run.result:
        post = posts.get(post_id)
        if post is None or post.status != PostStatus.OPEN:
            problems.append(_("Post %(id)s is no longer open.") % {"id": post_id})
            continue
        if professional in serving:
            problems.append(_("Professional %(id)s was placed meanwhile.") % {"id": professional})
            continue
        free[post_id] -= 1
        if free[post_id] < 0:
            problems.append(_("Post %(id)s has no place left.") % {"id": post_id})
        starts.append(term_start(post.start_date, professionals[professional], today))
    closing = [posts[pk] for pk, left in free.items() if left == 0 and pk in posts]
    return PublicationPreview(
        placements=len(run.result),
        posts_closing=sorted(closing, key=lambda post: post.pk),
        first_start=min(starts) if starts else None,
        last_start=max(starts) if starts else None,
        problems=[*dict.fromkeys(str(p) for p in problems)],
    )
