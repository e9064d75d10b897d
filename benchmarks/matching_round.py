"""A national placement round end to end on the database: from pressing Run to published
placements, with the review read on the way.

    DATABASE_URL=postgres://… python benchmarks/matching_round.py [--people 100000] [--posts 10000]
    python benchmarks/matching_round.py --db sqlite --people 5000 --posts 500

Setup, not timed: the demo, then (through the services, as the office would make them) posts of
the demo's specialties in the 2010 round's recipient places, professionals sent by its donors
who rank 8 to 12 posts of their specialty (near their donor's places first), and one couple in
a hundred (a doctor and a teacher of one donor ranking posts in the same places). Timed: the run
on the work queue (the job a worker takes: the inputs read, the posts rank their applicants,
the engine, whose compiled loops are loaded before, and the run written), the review page as
the office opens it and a later page of its list, the publication page, and publishing
(placements in their chains, filled posts closed, audited). Times are printed, never
asserted. Last line: `round: professionals=… posts=…
couples=… run_s=… review_ms=… review_page_ms=… publish_s=… round_s=…`.
"""

import argparse
import datetime
import random
import time

from common import ROOT, configure, machine, open_the_round


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="postgresql")
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2010)
    return parser.parse_args()


def generate(actor, people: int, posts: int, seed: int) -> tuple[int, int, int]:
    """Posts, professionals, their rankings and couples, through the services (as the demo's
    loader makes them: approved)."""
    from django.utils import timezone

    from counterpart.demo.facts import document
    from counterpart.pairings import selectors as pairings
    from counterpart.pairings.models import PairingRound
    from counterpart.places import services as places
    from counterpart.talent import services

    facts = document("talent.json")["generated_round"]
    rng = random.Random(seed)
    today = timezone.localdate()
    round_2010 = PairingRound.objects.get(year=2010)
    paired = list(
        pairings.pairing_list(actor=actor, round=round_2010, top_level=True).select_related(
            "donor", "recipient"
        )
    )
    kinds = (("hospital", facts["hospital_specialties"]), ("school", facts["school_specialties"]))
    per_institution = 3
    institutions = max(1, -(-posts // (len(paired) * len(kinds) * per_institution)))
    made, by_specialty, near = [], {}, {}
    for n in range(institutions):
        for pairing in paired:
            for kind, specialties in kinds:
                if len(made) >= posts:
                    break
                institution = places.organization_create(
                    actor=actor,
                    code=f"bench-{pairing.recipient.code}-{kind}-{n}",
                    name_en=f"{pairing.recipient.name_en} {kind} {n + 1}",
                    kind=kind,
                    region=pairing.recipient,
                )
                for specialty in rng.sample(specialties, min(per_institution, posts - len(made))):
                    post = services.post_create(
                        actor=actor,
                        institution=institution,
                        title_en=f"Bench {specialty}",
                        specialty=specialty,
                        places=rng.randint(1, 8),
                        term_months=rng.choice(facts["terms"]),
                        start_date=today + datetime.timedelta(days=rng.choice([60, 90, 120, 180])),
                    )
                    made.append(post)
                    by_specialty.setdefault(specialty, []).append(post)
                    near.setdefault((pairing.donor_id, specialty), []).append(post)
    donors = list({pairing.donor for pairing in paired})
    specialties = sorted(by_specialty)
    teaching = set(facts["school_specialties"])
    doctors, teachers, couples = {}, {}, 0
    for n in range(people):
        donor, specialty = rng.choice(donors), rng.choice(specialties)
        professional = services.professional_register(
            actor=actor,
            organization=donor,
            name=f"{rng.choice(facts['surnames'])} {rng.choice(facts['given_names'])}",
            specialty=specialty,
            seniority=rng.choice([1, 2, 2, 3, 3, 4]),
            languages=["zh", *rng.sample(["ug", "kk", "ru", "en"], rng.randint(0, 2))],
            available_from=today + datetime.timedelta(days=rng.choice([30, 60, 90, 150, 200])),
            term_months=rng.choice(facts["terms"]),
        )
        wanted = rng.randint(8, 12)
        own = near.get((donor.pk, specialty), [])
        ranked = rng.sample(own, min(len(own), wanted // 2))
        pool = by_specialty[specialty]
        others = [p for p in rng.sample(pool, min(len(pool), wanted + 4)) if p not in ranked]
        ranked += others[: wanted - len(ranked)]
        services.preferences_set(actor=actor, professional=professional, posts=ranked)
        partners = (doctors if specialty in teaching else teachers).get(donor.pk)
        if partners and couples < people // 100:
            other, their_posts = partners.pop()
            doctor_posts = their_posts if specialty in teaching else ranked
            teacher = professional if specialty in teaching else other
            regions = {post.institution.region_id for post in doctor_posts}
            nearby = [
                p for p in by_specialty[teacher.specialty] if p.institution.region_id in regions
            ]
            services.preferences_set(actor=actor, professional=teacher, posts=nearby[:10])
            services.couple_create(actor=actor, first=other, second=professional)
            couples += 1
        else:
            mine = teachers if specialty in teaching else doctors
            mine.setdefault(donor.pk, []).append((professional, ranked))
        if n % 10_000 == 9_999:
            print(f"  {n + 1:,} professionals", flush=True)
    return people, len(made), couples


def timed(work):
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def main() -> None:
    args = parse_args()
    configure(args.db, "matching_round")
    from django.core.management import call_command
    from django.test import Client

    from counterpart.accounts.selectors import user_by_username
    from counterpart.accounts.services import system_actor
    from counterpart.demo.load import DemoLoader
    from counterpart.engine.couples import stable_match_couples
    from counterpart.jobs.services import job_run, job_start
    from counterpart.talent.models import MatchRun, Placement

    print(f"machine: {machine()}; database: {args.db}")
    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--no-input", verbosity=0)  # the pages as production has them
    DemoLoader(actor=system_actor()).load()
    office = user_by_username(actor=system_actor(), username="office")
    open_the_round(office)  # review off: what the setup makes is open at once
    setup_s, (people, posts, couples) = timed(
        lambda: generate(system_actor(), args.people, args.posts, args.seed)
    )
    print(
        f"setup: {people:,} professionals, {posts:,} posts, {couples:,} couples ({setup_s:.0f} s)"
    )

    # The engine's compiled loops, built once per installation (numba keeps them in
    # __pycache__; a fresh checkout compiles the couples' for about 15 s on first use).
    stable_match_couples([[0], [0], [0]], [[0, 1, 2]], [2], [(0, 1)], place_of_post=[0])

    def run():
        job = job_start(
            actor=office, kind="counterpart.talent.jobs.match_run", params={"optimal": "applicant"}
        )
        job_run(job_id=job.pk)
        job.refresh_from_db()
        assert job.status == "done", job.error
        return MatchRun.objects.get(pk=job.result["run"])

    run_s, match_run = timed(run)
    stats = match_run.statistics
    print(
        f"run        {run_s:8.2f} s  ({stats['professionals']:,} professionals, "
        f"{stats['placed']:,} placed, {stats['couples_placed']:,} of {stats['couples']:,} "
        f"couples together, "
        f"{stats['blocking_pairs']} blocking; the engine {stats['elapsed_ms'] / 1000:.2f} s)"
    )
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(office)
    page = f"/talent/runs/{match_run.pk}/"
    review_s, answer = timed(lambda: client.get(page))
    assert answer.status_code == 200, answer.status_code
    later_s, answer = timed(lambda: client.get(f"{page}?placed=100&unplaced=20"))
    assert answer.status_code == 200, answer.status_code
    preview_s, answer = timed(lambda: client.get(f"{page}publish/"))
    assert answer.status_code == 200, answer.status_code
    print(
        f"review     {review_s * 1000:8.0f} ms  (page 100 of who goes where: "
        f"{later_s * 1000:.0f} ms; the publication page {preview_s * 1000:.0f} ms)"
    )
    publish_s, answer = timed(
        lambda: client.post(
            f"{page}publish/", {"confirm": "yes", "version": str(match_run.version)}
        )
    )
    assert answer.status_code == 302, answer.status_code
    placed = Placement.objects.filter(match_run=match_run).count()
    print(f"publish    {publish_s:8.2f} s  ({placed:,} placements)")
    round_s = run_s + review_s + preview_s + publish_s
    print(
        f"round: professionals={stats['professionals']} posts={stats['posts']} "
        f"couples={stats['couples']} run_s={run_s:.1f} "
        f"review_ms={review_s * 1000:.0f} review_page_ms={later_s * 1000:.0f} "
        f"publish_s={publish_s:.1f} round_s={round_s:.1f}"
    )
    couples_line = ROOT / "var" / "bench" / "couples-line.txt"
    if couples_line.exists():  # bench-matching: the engine's figures, then this round's
        print(f"{couples_line.read_text(encoding='utf-8')} round_100k_s={round_s:.1f}")


if __name__ == "__main__":
    main()
