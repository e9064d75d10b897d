"""Stable matching: this engine against the PyPI package `matching` (1.4.3), on the same rounds.

    python benchmarks/stable_matching.py    # 20,000 x 2,000, then 1,000,000 x 100,000

Each applicant ranks 10 distinct posts at random; a post ranks, in random order, everyone who
ranked it; places equal applicants (10 per post). At 20,000 applicants both solve the round from
Python lists, end to end (for `matching`: `create_from_dictionaries` + `solve`, on a thread with
a large stack, since its players copy each other recursively), and the results are compared for
both optimal sides. At 1,000,000 applicants the engine alone solves from CSR arrays; the time is
the whole `stable_match` call (checks, ranks, solve) and the memory its peak above the input.
Times are printed, never asserted.

Then couples at national scale: 45,000 applicants of whom 1,500 couples, 6,000 posts with 40,000
places in 400 towns. Posts differ in how sought they are; a single ranks 10 to 15 of them, a
couple 10 to 30 pairs of posts in one town; a post ranks all who ranked it by a common score
with noise. The couples' engine solves it (checks, ranks, proposals, rounds), and deferred
acceptance solves the same people with each couple split into two singles who rank their side
of the pairs' posts; the ratio of the two and the blocking pairs left are printed.
"""

import argparse
import os
import platform
import sys
import threading
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from counterpart.engine.couples import stable_match_couples  # noqa: E402
from counterpart.engine.matching import stable_match  # noqa: E402
from tests.engine.reference import mutual_instance, solve_with_matching  # noqa: E402

CHOICES = 10
COUPLES_LINE = ROOT / "var" / "bench" / "couples-line.txt"


def random_round(n_applicants: int, n_posts: int, seed: int):
    """CSR preference lists of both sides and the posts' places (supply equals demand)."""
    rng = np.random.default_rng(seed)
    chosen = rng.integers(0, n_posts, (n_applicants, CHOICES), dtype=np.int32)
    while True:  # redraw the few rows that drew a post twice
        ordered = np.sort(chosen, axis=1)
        repeated = np.flatnonzero((np.diff(ordered, axis=1) == 0).any(axis=1))
        if repeated.size == 0:
            break
        chosen[repeated] = rng.integers(0, n_posts, (repeated.size, CHOICES), dtype=np.int32)
    a_indptr = np.arange(0, n_applicants * CHOICES + 1, CHOICES, dtype=np.int64)
    a_indices = chosen.ravel()
    applicants = np.repeat(np.arange(n_applicants, dtype=np.int32), CHOICES)
    order = np.lexsort((rng.random(a_indices.size), a_indices))  # by post, randomly within
    p_indices = applicants[order]
    p_indptr = np.zeros(n_posts + 1, dtype=np.int64)
    np.cumsum(np.bincount(a_indices, minlength=n_posts), out=p_indptr[1:])
    capacity = np.full(n_posts, n_applicants // n_posts, dtype=np.int64)
    return (a_indptr, a_indices), (p_indptr, p_indices), capacity


def as_lists(csr) -> list[list[int]]:
    indptr, indices = csr
    flat = indices.tolist()
    return [flat[indptr[k] : indptr[k + 1]] for k in range(indptr.size - 1)]


def machine() -> str:
    with open("/proc/meminfo") as info:
        memory = int(info.readline().split()[1]) / 2**20
    cpu = platform.processor() or platform.machine()
    return f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB, Python {platform.python_version()}"


def best_of(runs: int, work) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - started)
    return best, result


def on_large_stack(work):
    """Run `work` on a thread with a 1 GiB stack (the reference recurses deeply)."""
    outcome = {}

    def run():
        try:
            outcome["value"] = work()
        except BaseException as error:  # re-raised on the caller's thread
            outcome["error"] = error

    threading.stack_size(1 << 30)
    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    threading.stack_size(0)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def memory_kib(field: str) -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def reset_peak_memory() -> None:
    with open("/proc/self/clear_refs", "w") as refs:  # resets VmHWM to the current RSS
        refs.write("5")


def compare(n_applicants: int, n_posts: int, seed: int) -> float:
    applicant_csr, post_csr, capacity = random_round(n_applicants, n_posts, seed)
    applicant_prefs, post_prefs = as_lists(applicant_csr), as_lists(post_csr)
    places = capacity.tolist()
    stable_match([[0]], [[0]], [1])  # compile (or load the cached build) before timing
    engine_s, mine = best_of(
        5, lambda: stable_match(applicant_prefs, post_prefs, places, optimal="applicant")
    )
    print(f"engine     {n_applicants:>9,} x {n_posts:,}  from lists  {engine_s * 1000:9.1f} ms")
    sys.stdout.flush()
    instance = mutual_instance(applicant_prefs, post_prefs, places)
    started = time.perf_counter()
    reference = on_large_stack(lambda: solve_with_matching(instance, n_applicants, "applicant"))
    reference_s = time.perf_counter() - started
    print(f"matching   {n_applicants:>9,} x {n_posts:,}  from dicts  {reference_s * 1000:9.1f} ms")
    equal = np.array_equal(mine, reference)
    post_side = on_large_stack(lambda: solve_with_matching(instance, n_applicants, "post"))
    equal_post = np.array_equal(
        stable_match(applicant_prefs, post_prefs, places, optimal="post"), post_side
    )
    print(
        f"same result as matching: applicant-optimal {equal}, post-optimal {equal_post}; "
        f"placed {np.count_nonzero(mine >= 0):,} of {n_applicants:,}"
    )
    if not (equal and equal_post):
        sys.exit("the engine and the reference disagree")
    return reference_s / engine_s


def large(n_applicants: int, n_posts: int, seed: int) -> float:
    applicant_csr, post_csr, capacity = random_round(n_applicants, n_posts, seed)
    stable_match([[0]], [[0]], [1])
    times = []
    for optimal in ("applicant", "post"):
        reset_peak_memory()
        before = memory_kib("VmRSS")
        started = time.perf_counter()
        matched = stable_match(applicant_csr, post_csr, capacity, optimal=optimal)
        elapsed = time.perf_counter() - started
        peak = (memory_kib("VmHWM") - before) / 1024
        times.append(elapsed)
        print(
            f"engine     {n_applicants:>9,} x {n_posts:,}  from CSR    {elapsed * 1000:9.1f} ms"
            f"  ({optimal}-optimal; peak memory above the input {peak:,.0f} MiB; "
            f"placed {np.count_nonzero(matched >= 0):,})"
        )
    return times[0]


def national_round(seed: int, applicants=45_000, couples=1_500, posts=6_000, places=40_000):
    """(applicant_prefs, post_prefs, capacity, couples, couple_prefs) of a national round."""
    rng = np.random.default_rng(seed)
    towns, fields = 100, 12
    town = rng.integers(0, towns, posts)
    field = rng.integers(0, fields, posts)
    capacity = 1 + rng.multinomial(places - posts, np.full(posts, 1 / posts))
    sought = rng.gamma(2.0, 1.0, posts)
    in_field = [np.flatnonzero(field == f) for f in range(fields)]
    where = {
        (t, f): np.flatnonzero((town == t) & (field == f))
        for t in range(towns)
        for f in range(fields)
    }
    own = rng.integers(0, fields, applicants)
    members = rng.permutation(applicants)[: 2 * couples].reshape(-1, 2)
    applicant_prefs = []
    for i in range(applicants):
        choices = in_field[own[i]]
        weights = sought[choices] / sought[choices].sum()
        k = int(rng.integers(10, 16))
        applicant_prefs.append(rng.choice(choices, k, replace=False, p=weights).tolist())
    couple_prefs = []
    for a, b in members.tolist():
        pairs = [
            (int(x), int(y))
            for t in rng.choice(towns, 4, replace=False)
            for x in where[t, own[a]]
            for y in where[t, own[b]]
            if x != y or capacity[x] >= 2
        ]
        chosen = [pairs[k] for k in rng.permutation(len(pairs))[: int(rng.integers(10, 31))]]
        couple_prefs.append(chosen)
        applicant_prefs[a] = list(dict.fromkeys(x for x, _y in chosen))
        applicant_prefs[b] = list(dict.fromkeys(y for _x, y in chosen))
    score = rng.random(applicants)
    ranked_by = [[] for _ in range(posts)]
    for i, prefs in enumerate(applicant_prefs):
        for j in prefs:
            ranked_by[j].append(i)
    post_prefs = []
    for people in ranked_by:
        people = np.asarray(people, dtype=np.int64)
        order = np.argsort(-(score[people] + 0.3 * rng.random(people.size)))
        post_prefs.append(people[order].tolist())
    return applicant_prefs, post_prefs, capacity.tolist(), members.tolist(), couple_prefs


def with_couples(seed: int) -> tuple[float, float, int]:
    applicant_prefs, post_prefs, capacity, couples, couple_prefs = national_round(seed)
    stable_match_couples([[0]], [[0]], [1], [])  # compile (or load the cached build) first
    couples_s, result = best_of(
        3,
        lambda: stable_match_couples(
            applicant_prefs, post_prefs, capacity, couples, couple_prefs=couple_prefs
        ),
    )
    singles_s, split = best_of(3, lambda: stable_match(applicant_prefs, post_prefs, capacity))
    matched = result.matched
    together = sum(1 for a, _b in couples if matched[a] >= 0)
    blocking = len(result.blocking) + len(result.couple_blocking)
    print(
        f"couples    {len(applicant_prefs):>9,} x {len(capacity):,}  from lists  "
        f"{couples_s * 1000:9.1f} ms  (placed {np.count_nonzero(matched >= 0):,}; couples "
        f"together {together:,} of {len(couples):,}; {result.rounds} rounds; blocking: "
        f"{len(result.blocking)} singles, {len(result.couple_blocking)} couples)"
    )
    print(
        f"split      {len(applicant_prefs):>9,} x {len(capacity):,}  from lists  "
        f"{singles_s * 1000:9.1f} ms  (each couple as two singles; placed "
        f"{np.count_nonzero(split >= 0):,})"
    )
    return couples_s, singles_s, blocking


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", type=int, default=20_000, help="applicants, with matching")
    parser.add_argument("--large", type=int, default=1_000_000, help="applicants, engine alone")
    parser.add_argument("--seed", type=int, default=2010)
    args = parser.parse_args()
    print(f"machine: {machine()}")
    speedup = compare(args.compare, args.compare // 10, args.seed)
    print(f"speed-up at {args.compare:,}: {speedup:,.0f} times")
    solve_s = large(args.large, args.large // 10, args.seed)
    print(
        f"matching: n={args.large} solve_s={solve_s:.3f} "
        f"speedup_vs_matching_{args.compare // 1000}k={speedup:.0f}"
    )
    couples_s, singles_s, blocking = with_couples(args.seed)
    line = (
        f"couples: applicants=45000 couples=1500 posts=6000 couples_s={couples_s:.3f} "
        f"singles_s={singles_s:.3f} couples_ratio={couples_s / singles_s:.2f} "
        f"blocking={blocking}"
    )
    print(line)
    COUPLES_LINE.parent.mkdir(parents=True, exist_ok=True)
    COUPLES_LINE.write_text(line, encoding="utf-8")  # matching_round.py ends with it


if __name__ == "__main__":
    main()
