"""The PyPI package `matching` (1.4.3) on the engine's instances: the reference it must equal.

`matching` wants what the engine accepts as is spelled out: each side lists only those who list
it back, no player with an empty list, no post without places. The adapter trims the instance to
that (which changes no stable matching) and maps the answer back to an array of post indices.
Its players copy each other deeply and recursively, hence the raised recursion limit.
"""

import sys
import warnings

import numpy as np


def mutual_instance(applicant_prefs, post_prefs, capacity):
    """Keep only mutually acceptable pairs, and drop posts without places and empty lists."""
    listed_by_post = [set(applicants) for applicants in post_prefs]
    applicants = {
        i: [j for j in posts if capacity[j] > 0 and i in listed_by_post[j]]
        for i, posts in enumerate(applicant_prefs)
    }
    applicants = {i: posts for i, posts in applicants.items() if posts}
    listed_by_applicant = {i: set(posts) for i, posts in applicants.items()}
    posts = {
        j: [i for i in ranked if j in listed_by_applicant.get(i, ())]
        for j, ranked in enumerate(post_prefs)
    }
    posts = {j: ranked for j, ranked in posts.items() if ranked}
    return applicants, posts, {j: int(capacity[j]) for j in posts}


def solve_with_matching(instance, n_applicants: int, optimal: str = "applicant") -> np.ndarray:
    """The reference's matching for an instance made by `mutual_instance`."""
    from matching.games import HospitalResident

    applicants, posts, capacities = instance
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 1_000_000))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        game = HospitalResident.create_from_dictionaries(applicants, posts, capacities)
        answer = game.solve(optimal="resident" if optimal == "applicant" else "hospital")
    matched = np.full(n_applicants, -1, dtype=np.int64)
    for hospital, residents in answer.items():
        for resident in residents:
            matched[resident.name] = hospital.name
    return matched
