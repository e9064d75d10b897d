"""A placement round: gather both sides' lists, run the engine, keep the run, publish it."""

import datetime
import time
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.audit.services import audit_record, audit_records, tracked_update
from counterpart.audit.snapshot import snapshot
from counterpart.core.models import check_version
from counterpart.core.service import service
from counterpart.engine.couples import stable_match_couples
from counterpart.engine.matching import prepare
from counterpart.engine.terms import term_end, term_start
from counterpart.talent import selectors
from counterpart.talent.choices import MatchRunStatus, Optimal, PostStatus
from counterpart.talent.models import MatchRun, Placement, Post, Professional
from counterpart.talent.selectors.review import publication_preview
from counterpart.talent.services._chains import save_in_chains

Progress = Callable[[str, int, int], None]  # (step, done, total)


def _solve(inputs: dict, optimal: str) -> tuple[list[int], str, list]:
    """(post index per professional or -1, algorithm, what still blocks as ([professional
    index, …], [post index, …]), one of each for a single, two for a couple)."""
    args = inputs["applicant_prefs"], inputs["post_prefs"], inputs["capacity"]
    if inputs["couples"]:
        result = stable_match_couples(
            *args, inputs["couples"], place_of_post=inputs["place_of_post"]
        )
        blocking = [([i], [j]) for i, j in result.blocking] + [
            (list(inputs["couples"][c]), list(pair)) for c, pair in result.couple_blocking
        ]
        algorithm = "deferred acceptance with couples (Roth–Peranson), professionals propose"
        return result.matched.tolist(), algorithm, blocking
    instance = prepare(*args)
    matched = instance.solve(optimal)
    proposer = "professionals" if optimal == Optimal.APPLICANT else "posts"
    blocking = [([i], [j]) for i, j in instance.blocking_pairs(matched).tolist()]
    return matched.tolist(), f"deferred acceptance, {proposer} propose", blocking


def _statistics(inputs: dict, matched: list[int], blocking: int, elapsed_s: float) -> dict:
    places = sum(inputs["capacity"])
    placed = sum(1 for j in matched if j >= 0)
    first = sum(1 for i, j in enumerate(matched) if j >= 0 and inputs["applicant_prefs"][i][0] == j)
    filled = [0] * len(inputs["posts"])
    for j in matched:
        if j >= 0:
            filled[j] += 1
    couples_placed = sum(1 for a, _b in inputs["couples"] if matched[a] >= 0)
    return {
        "professionals": len(matched),
        "posts": len(inputs["posts"]),
        "places": places,
        "placed": placed,
        "fill_rate": round(100 * placed / places, 1) if places else None,
        "first_choice": first,
        "first_choice_share": round(100 * first / placed, 1) if placed else None,
        "unmatched_professionals": len(matched) - placed,
        "unfilled_places": places - placed,
        "posts_not_full": sum(1 for f, c in zip(filled, inputs["capacity"], strict=True) if f < c),
        "couples": len(inputs["couples"]),
        "couples_placed": couples_placed,
        "blocking_pairs": blocking,
        "stable": blocking == 0,
        "elapsed_ms": round(elapsed_s * 1000, 1),
    }


@service(writes_at_the_end="reading and solving may take minutes; the run is written at once")
def match_run_create(
    *,
    actor,
    optimal: str = Optimal.APPLICANT,
    today: datetime.date | None = None,
    progress: Progress | None = None,
) -> MatchRun:
    """Run the matching on everything open now and keep it as a proposal for review. The reading
    and solving hold no transaction (they may take a while, and report `progress`); the run is
    written in one."""
    permissions.require(permissions.is_programme_office(actor))
    if optimal not in Optimal.values:
        raise ValidationError({"optimal": _("Choose whom the matching is best for.")})
    today = today or timezone.localdate()
    inputs = selectors.round_inputs(today=today, progress=progress)
    if progress:
        progress("match", 0, 1)
    started = time.perf_counter()
    matched, algorithm, blocking = _solve(inputs, optimal)
    elapsed = time.perf_counter() - started
    if progress:
        progress("match", 1, 1)
    with transaction.atomic():
        return _run_record(actor, inputs, matched, algorithm, blocking, elapsed, optimal)


def _run_record(actor, inputs, matched, algorithm, blocking, elapsed, optimal) -> MatchRun:
    run = MatchRun.objects.create(
        optimal=optimal,
        algorithm=algorithm,
        inputs=inputs,
        result=[
            [inputs["professionals"][i], inputs["posts"][j]]
            for i, j in enumerate(matched)
            if j >= 0
        ],
        blocking=[
            [
                [inputs["professionals"][i] for i in who],
                [inputs["posts"][j] for j in posts],
            ]
            for who, posts in blocking
        ],
        statistics=_statistics(inputs, matched, len(blocking), elapsed),
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    audit_record(
        actor=actor,
        event_type="match_run.created",
        obj=run,
        after={"algorithm": algorithm, "statistics": run.statistics},
    )
    return run


def _refuse_unless_proposed(run: MatchRun, expected_version: int) -> None:
    check_version(run, expected_version)
    if run.status != MatchRunStatus.PROPOSED:
        raise ValidationError(
            {"status": _("This run is %(status)s already.") % {"status": run.get_status_display()}}
        )


@service
def match_run_publish(*, actor, run: MatchRun, expected_version: int) -> list[Placement]:
    """Turn a proposed run into placements; refused if posts or people changed since."""
    permissions.require(permissions.is_programme_office(actor))
    run = MatchRun.objects.select_for_update().get(pk=run.pk)
    _refuse_unless_proposed(run, expected_version)
    posts = Post.objects.select_for_update().in_bulk([post for _p, post in run.result])
    professionals = Professional.objects.in_bulk([p for p, _post in run.result])
    preview = publication_preview(run)  # read with the posts held: it stays true till commit
    if preview.problems:
        raise ValidationError({"__all__": preview.problems[:10]})
    placements, today = [], timezone.localdate()
    for professional_id, post_id in run.result:
        post, professional = posts[post_id], professionals[professional_id]
        start = term_start(post.start_date, professional.available_from, today)
        placements.append(
            Placement(
                professional=professional,
                post=post,
                match_run=run,
                start_date=start,
                end_date=term_end(start, post.term_months),
            )
        )
    placements = save_in_chains(placements)
    _close_filled(actor, run, preview.posts_closing)
    tracked_update(
        actor=actor,
        instance=run,
        expected_version=run.version,
        changes={"status": MatchRunStatus.PUBLISHED, "published_at": timezone.now()},
        allowed={"status", "published_at"},
        event_type="match_run.published",
        also=({}, {"placements": [p.pk for p in placements]}),
    )
    return placements


def _close_filled(actor, run: MatchRun, posts: list[Post]) -> None:
    """Posts whose places the run takes all are closed, as if their teams closed them: one
    statement, and an event for each post in the log."""
    closed = Post.objects.filter(pk__in=[post.pk for post in posts], status=PostStatus.OPEN)
    closed.update(status=PostStatus.CLOSED, version=F("version") + 1)
    changes = []
    for post in posts:
        before = snapshot(post)
        post.status, post.version = PostStatus.CLOSED, post.version + 1
        changes.append((post, before, {**snapshot(post), "match_run": run.pk}))
    audit_records(actor=actor, event_type="post.filled", changes=changes)


@service
def match_run_withdraw(*, actor, run: MatchRun, expected_version: int, reason: str) -> MatchRun:
    """Take back a published run before the first of its terms begins: its placements are
    withdrawn (kept, marked), the posts it filled reopen, and the run is proposed again."""
    permissions.require(permissions.is_programme_office(actor))
    run = MatchRun.objects.select_for_update().get(pk=run.pk)
    check_version(run, expected_version)
    if run.status != MatchRunStatus.PUBLISHED:
        raise ValidationError({"status": _("Only a published run is withdrawn.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the run is withdrawn.")})
    placements = list(run.placements.filter(withdrawn=False).select_related("post"))
    today = timezone.localdate()
    begun = [p for p in placements if p.start_date <= today]
    if begun:
        raise ValidationError(
            {
                "status": _("A term of this run began on %(date)s: it can no longer be withdrawn.")
                % {"date": min(p.start_date for p in begun).isoformat()}
            }
        )
    if any(p.extensions.exists() for p in placements):
        raise ValidationError({"status": _("An extension was asked for one of its terms.")})
    ids = [p.pk for p in placements]
    Placement.objects.filter(pk__in=ids).update(
        withdrawn=True, predecessor=None, version=F("version") + 1
    )
    Placement.objects.filter(predecessor__in=ids).update(predecessor=None)
    posts = {p.post_id: p.post for p in placements}
    free = selectors.free_places(list(posts.values()))
    for post in posts.values():
        if post.status == PostStatus.CLOSED and free[post.pk] > 0:
            tracked_update(
                actor=actor,
                instance=post,
                expected_version=post.version,
                changes={"status": PostStatus.OPEN},
                allowed={"status"},
                event_type="post.reopened_by_withdrawal",
                also=({}, {"match_run": run.pk}),
            )
    return tracked_update(
        actor=actor,
        instance=run,
        expected_version=run.version,
        changes={"status": MatchRunStatus.PROPOSED, "published_at": None},
        allowed={"status", "published_at"},
        event_type="match_run.withdrawn",
        reason=reason,
        also=({"placements": ids}, {}),
    )


@service
def match_run_discard(*, actor, run: MatchRun, expected_version: int) -> MatchRun:
    permissions.require(permissions.is_programme_office(actor))
    run = MatchRun.objects.select_for_update().get(pk=run.pk)
    _refuse_unless_proposed(run, expected_version)
    return tracked_update(
        actor=actor,
        instance=run,
        expected_version=expected_version,
        changes={"status": MatchRunStatus.DISCARDED},
        allowed={"status"},
        event_type="match_run.discarded",
    )
