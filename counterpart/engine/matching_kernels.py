"""The compiled loops of the stable-matching engine (numba; see `matching.py` for the API).

Preferences arrive as CSR pairs: list k is `indices[indptr[k]:indptr[k + 1]]`. Every loop here is
linear in the total length of the lists; nothing allocates per proposal.
"""

import numpy as np
from numba import njit

# Codes of the first problem `check_lists` finds.
OK, OUT_OF_RANGE, DUPLICATE = 0, 1, 2


@njit(cache=True, nogil=True)
def check_lists(indptr, indices, n_targets):
    """(code, list, position) of the first index out of range or listed twice in one list."""
    seen = np.full(n_targets, -1, dtype=np.int64)
    for k in range(indptr.shape[0] - 1):
        for e in range(indptr[k], indptr[k + 1]):
            target = indices[e]
            if target < 0 or target >= n_targets:
                return OUT_OF_RANGE, k, e - indptr[k]
            if seen[target] == k:
                return DUPLICATE, k, e - indptr[k]
            seen[target] = k
    return OK, -1, -1


@njit(cache=True, nogil=True)
def edges_by_applicant(p_indptr, p_indices, n_applicants):
    """The posts' list entries grouped by applicant (one counting sort): applicant i's are
    `by_applicant[i]:by_applicant[i + 1]` of `edge_of` (the entry) and `post_of` (its post)."""
    by_applicant = np.zeros(n_applicants + 1, dtype=np.int64)
    for e in range(p_indices.shape[0]):
        by_applicant[p_indices[e] + 1] += 1
    for i in range(n_applicants):
        by_applicant[i + 1] += by_applicant[i]
    fill = by_applicant[:-1].copy()
    edge_of = np.empty(p_indices.shape[0], dtype=np.int64)
    post_of = np.empty(p_indices.shape[0], dtype=np.int32)
    for j in range(p_indptr.shape[0] - 1):
        for e in range(p_indptr[j], p_indptr[j + 1]):
            i = p_indices[e]
            edge_of[fill[i]] = e
            post_of[fill[i]] = j
            fill[i] += 1
    return by_applicant, edge_of, post_of


@njit(cache=True, nogil=True)
def mutual_ranks(a_indptr, a_indices, p_indptr, p_indices):
    """For each applicant edge, the post's rank of that applicant; for each post edge, the
    applicant's rank of that post; -1 where the other side does not list it.

    One counting sort groups the post edges by applicant; then, applicant by applicant, the
    positions of its posts are stamped into a scratch array and read back by both sides."""
    n_applicants = a_indptr.shape[0] - 1
    n_posts = p_indptr.shape[0] - 1
    by_applicant, edge_of, post_of = edges_by_applicant(p_indptr, p_indices, n_applicants)

    post_rank = np.full(a_indices.shape[0], -1, dtype=np.int32)  # per applicant edge
    applicant_rank = np.full(p_indices.shape[0], -1, dtype=np.int32)  # per post edge
    owner = np.full(n_posts, -1, dtype=np.int64)
    position = np.zeros(n_posts, dtype=np.int32)
    rank_in_post = np.zeros(n_posts, dtype=np.int32)
    for i in range(n_applicants):
        start = a_indptr[i]
        for e in range(start, a_indptr[i + 1]):
            j = a_indices[e]
            owner[j] = i
            position[j] = e - start
            rank_in_post[j] = -1
        for k in range(by_applicant[i], by_applicant[i + 1]):
            pe = edge_of[k]
            j = post_of[k]
            if owner[j] == i:
                applicant_rank[pe] = position[j]
                rank_in_post[j] = pe - p_indptr[j]
        for e in range(start, a_indptr[i + 1]):
            post_rank[e] = rank_in_post[a_indices[e]]
    return post_rank, applicant_rank


@njit(cache=True, nogil=True)
def applicant_proposing(a_indptr, a_indices, p_indptr, p_indices, capacity, post_rank):
    """Deferred acceptance with applicants proposing: the applicant-optimal stable matching.

    A post keeps the places of its list it holds (`held`) and a pointer to the worst held one;
    once full, a post stays full and the pointer only moves up its list, so all pointer moves
    together are linear in the length of the lists."""
    n_applicants = a_indptr.shape[0] - 1
    n_posts = p_indptr.shape[0] - 1
    matched = np.full(n_applicants, -1, dtype=np.int64)
    next_choice = a_indptr[:-1].copy()
    held = np.zeros(p_indices.shape[0], dtype=np.bool_)
    count = np.zeros(n_posts, dtype=np.int64)
    worst = p_indptr[:-1].copy() - 1  # position of the worst held place; below the list: none
    free = np.empty(n_applicants, dtype=np.int64)
    n_free = 0
    for i in range(n_applicants - 1, -1, -1):
        free[n_free] = i
        n_free += 1
    while n_free > 0:
        n_free -= 1
        i = free[n_free]
        end = a_indptr[i + 1]
        while next_choice[i] < end:
            e = next_choice[i]
            next_choice[i] += 1
            rank = post_rank[e]
            if rank < 0:
                continue
            j = a_indices[e]
            place = p_indptr[j] + rank
            if count[j] < capacity[j]:
                held[place] = True
                count[j] += 1
                if place > worst[j]:
                    worst[j] = place
                matched[i] = j
                break
            if count[j] > 0 and place < worst[j]:
                evicted = p_indices[worst[j]]
                held[worst[j]] = False
                matched[evicted] = -1
                free[n_free] = evicted
                n_free += 1
                held[place] = True
                w = worst[j]
                while not held[w]:
                    w -= 1
                worst[j] = w
                matched[i] = j
                break
    return matched


@njit(cache=True, nogil=True)
def post_proposing(a_indptr, a_indices, p_indptr, p_indices, capacity, applicant_rank):
    """Deferred acceptance with posts proposing: the post-optimal stable matching."""
    n_applicants = a_indptr.shape[0] - 1
    n_posts = p_indptr.shape[0] - 1
    matched = np.full(n_applicants, -1, dtype=np.int64)
    matched_rank = np.full(n_applicants, np.iinfo(np.int32).max, dtype=np.int64)
    next_offer = p_indptr[:-1].copy()
    count = np.zeros(n_posts, dtype=np.int64)
    waiting = np.empty(n_posts, dtype=np.int64)
    queued = np.zeros(n_posts, dtype=np.bool_)
    n_waiting = 0
    for j in range(n_posts - 1, -1, -1):
        if capacity[j] > 0:
            waiting[n_waiting] = j
            queued[j] = True
            n_waiting += 1
    while n_waiting > 0:
        n_waiting -= 1
        j = waiting[n_waiting]
        queued[j] = False
        end = p_indptr[j + 1]
        while count[j] < capacity[j] and next_offer[j] < end:
            pe = next_offer[j]
            next_offer[j] += 1
            rank = applicant_rank[pe]
            i = p_indices[pe]
            if rank < 0 or rank >= matched_rank[i]:
                continue
            previous = matched[i]
            if previous >= 0:
                count[previous] -= 1
                if not queued[previous]:
                    waiting[n_waiting] = previous
                    queued[previous] = True
                    n_waiting += 1
            matched[i] = j
            matched_rank[i] = rank
            count[j] += 1
    return matched


@njit(cache=True, nogil=True)
def find_blocking(a_indptr, a_indices, p_indptr, capacity, post_rank, matched):
    """Every (applicant, post) pair that would both rather have each other, and a code for a
    matching that is not one: (pairs, problem, applicant) with problem 1 = a post not on the
    applicant's list or not accepting them, 2 = a post over its capacity."""
    n_applicants = a_indptr.shape[0] - 1
    n_posts = p_indptr.shape[0] - 1
    count = np.zeros(n_posts, dtype=np.int64)
    worst_rank = np.full(n_posts, -1, dtype=np.int64)
    matched_at = np.full(n_applicants, -1, dtype=np.int64)  # edge of the applicant's match
    for i in range(n_applicants):
        j = matched[i]
        if j < 0:
            continue
        for e in range(a_indptr[i], a_indptr[i + 1]):
            if a_indices[e] == j:
                matched_at[i] = e
                break
        if matched_at[i] < 0 or post_rank[matched_at[i]] < 0:
            return np.empty((0, 2), dtype=np.int64), 1, i
        count[j] += 1
        if count[j] > capacity[j]:
            return np.empty((0, 2), dtype=np.int64), 2, i
        worst_rank[j] = max(worst_rank[j], post_rank[matched_at[i]])
    found = 0
    pairs = np.empty((16, 2), dtype=np.int64)
    for i in range(n_applicants):
        stop = matched_at[i] if matched_at[i] >= 0 else a_indptr[i + 1]
        for e in range(a_indptr[i], stop):
            rank = post_rank[e]
            j = a_indices[e]
            if rank < 0 or capacity[j] == 0:
                continue
            if count[j] < capacity[j] or rank < worst_rank[j]:
                if found == pairs.shape[0]:
                    bigger = np.empty((2 * found, 2), dtype=np.int64)
                    bigger[:found] = pairs
                    pairs = bigger
                pairs[found, 0] = i
                pairs[found, 1] = j
                found += 1
    return pairs[:found].copy(), 0, -1
