"""Match runs: the round's inputs as the engine takes them, and what a run placed."""

import datetime
from collections import Counter
from collections.abc import Callable

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from counterpart.accounts import permissions
from counterpart.reporting import selectors as reporting
from counterpart.talent.choices import PostStatus
from counterpart.talent.models import Couple, MatchRun, Placement, Post, Preference, Professional
from counterpart.talent.selectors.posts import free_places, place_keys, post_ranking

Progress = Callable[[str, int, int], None]  # (step, done, total)


def match_run_list(*, actor) -> QuerySet[MatchRun]:
    permissions.require(permissions.reads_everything(actor))
    return MatchRun.objects.select_related("created_by")


def match_run_get(*, actor, pk: int) -> MatchRun:
    return get_object_or_404(match_run_list(actor=actor), pk=pk)


def placed_by_choice(run: MatchRun) -> list[tuple[int, int]]:
    """(n, how many the run placed at their n-th choice), n ascending."""
    index = {pid: n for n, pid in enumerate(run.inputs["professionals"])}
    post_index = {pid: n for n, pid in enumerate(run.inputs["posts"])}
    ranks = Counter(
        run.inputs["applicant_prefs"][index[professional]].index(post_index[post]) + 1
        for professional, post in run.result
    )
    return sorted(ranks.items())


def round_inputs(*, today: datetime.date, progress: Progress | None = None) -> dict:
    """Open posts with free places, the professionals not serving who ranked them, both sides'
    lists (as indices), the couples among them, and the place each post is in."""
    open_posts = reporting.approved_only(Post.objects.filter(status=PostStatus.OPEN))
    posts = list(open_posts.select_related("institution__region"))
    free = free_places(posts)
    posts = [post for post in posts if free[post.pk] > 0]
    post_index = {post.pk: n for n, post in enumerate(posts)}
    serving = Placement.objects.filter(withdrawn=False, end_date__gte=today).values(
        "professional_id"
    )
    preferences = (
        Preference.objects.filter(post_id__in=list(post_index))
        .exclude(professional_id__in=serving)
        .order_by("professional_id", "rank")
        .values_list("professional_id", "post_id")
    )
    lists: dict[int, list[int]] = {}
    for professional_id, post_id in preferences:
        lists.setdefault(professional_id, []).append(post_index[post_id])
    professionals = list(Professional.objects.filter(pk__in=list(lists)).order_by("pk"))
    index = {p.pk: n for n, p in enumerate(professionals)}
    applicants_of: dict[int, list[Professional]] = {post.pk: [] for post in posts}
    for professional in professionals:
        for j in lists[professional.pk]:
            applicants_of[posts[j].pk].append(professional)
    post_prefs = []
    for done, post in enumerate(posts, start=1):
        post_prefs.append([index[pid] for pid in post_ranking(post, applicants_of[post.pk])])
        if progress and (done % 200 == 0 or done == len(posts)):
            progress("rank", done, len(posts))
    couples = [
        [index[a], index[b]]
        for a, b in Couple.objects.values_list("first_id", "second_id")
        if a in index and b in index
    ]
    keys = place_keys([post.institution.region for post in posts])
    return {
        "as_of": today.isoformat(),
        "professionals": [p.pk for p in professionals],
        "posts": [post.pk for post in posts],
        "capacity": [free[post.pk] for post in posts],
        "applicant_prefs": [lists[p.pk] for p in professionals],
        "post_prefs": post_prefs,
        "couples": couples,
        "place_of_post": [keys[post.institution.region_id] for post in posts],
    }
