"""The compiled loops of the couples algorithm (numba; see `couples.py` for the API and the rules).

A post's places are its list's positions (`p_indptr[j] + rank`): `held` marks the ones taken,
`count` how many, `worst` the worst taken (below the list when none). An applicant remembers the
position it holds (`held_at`), so leaving is constant time but for moving `worst` down.

The queue of who proposes next holds a single as its index and a couple as `n_applicants + c`;
it is first in, first out, and may hold a couple twice (both partners turned away at once), as
the reference does.
"""

import numpy as np
from numba import njit

from counterpart.engine.matching_kernels import edges_by_applicant

NOBODY = -1


@njit(cache=True, nogil=True)
def pair_ranks(p_indptr, p_indices, n_applicants, couples, c_indptr, c_pairs):
    """For each pair of a couple's list, each post's rank of the partner it is for (-1: the
    post does not list them). Linear: post edges grouped by applicant once, then stamped."""
    by_applicant, edge_of, post_of = edges_by_applicant(p_indptr, p_indices, n_applicants)
    n_posts = p_indptr.shape[0] - 1
    owner = np.full(n_posts, NOBODY, dtype=np.int64)
    rank_at = np.zeros(n_posts, dtype=np.int64)
    ranks = np.full(c_pairs.shape, -1, dtype=np.int64)
    for c in range(couples.shape[0]):
        for side in range(2):
            member = couples[c, side]
            for k in range(by_applicant[member], by_applicant[member + 1]):
                owner[post_of[k]] = member
                rank_at[post_of[k]] = edge_of[k] - p_indptr[post_of[k]]
            for k in range(c_indptr[c], c_indptr[c + 1]):
                j = c_pairs[k, side]
                if owner[j] == member:
                    ranks[k, side] = rank_at[j]
    return ranks


@njit(cache=True, nogil=True, inline="always")
def _add(i, j, place, matched, held_at, held, count, worst):
    held[place] = True
    count[j] += 1
    worst[j] = max(worst[j], place)
    matched[i] = j
    held_at[i] = place


@njit(cache=True, nogil=True, inline="always")
def _remove(i, p_indptr, matched, held_at, held, count, worst):
    place = held_at[i]
    if place < 0:
        return
    j = matched[i]
    held[place] = False
    count[j] -= 1
    if place == worst[j]:
        w = place - 1
        while w >= p_indptr[j] and not held[w]:
            w -= 1
        worst[j] = w
    matched[i] = NOBODY
    held_at[i] = NOBODY


@njit(cache=True, nogil=True)
def _take(j, first, second, leaving_a, leaving_b, capacity, p_indptr, held, count, worst, out):
    """Would post `j` take the newcomers at places `first` (and `second`, or -1), not counting
    the places `leaving_a` and `leaving_b`? -1 if not; else how many it turns away, their places
    in `out`, best ranked first."""
    newcomers = 1 if second < 0 else 2
    if first < 0 or capacity[j] < newcomers:
        return -1
    staying = count[j]
    for leaving in (leaving_a, leaving_b):
        if p_indptr[j] <= leaving < p_indptr[j + 1] and held[leaving]:
            staying -= 1
    over = staying + newcomers - capacity[j]
    if over <= 0:
        return 0
    # The `over` worst of those staying and the newcomers go; a newcomer among them: refused.
    w = max(worst[j], first, second)
    found = 0
    while found < over:
        if w in (first, second):
            return -1
        if held[w] and w != leaving_a and w != leaving_b:
            out[over - 1 - found] = w
            found += 1
        w -= 1
    return over


@njit(cache=True, nogil=True)
def _pushed(queue, head, size, item):
    """The queue with `item` at its end (a larger array when it was full)."""
    if size == queue.shape[0]:
        larger = np.empty(2 * queue.shape[0], dtype=np.int64)
        for k in range(size):
            larger[k] = queue[(head + k) % queue.shape[0]]
        queue, head = larger, 0
    queue[(head + size) % queue.shape[0]] = item
    return queue, head, size + 1


@njit(cache=True, nogil=True)
def _pair_taken(
    post_a, post_b, ranks, leaving, capacity, p_indptr, held, count, worst, out_a, out_b
):
    """Would the posts take the partners (each post's rank of its partner in `ranks`), not
    counting the places `leaving`? (taken, how many `post_a` turns away, into `out_a`, and how
    many `post_b` does, into `out_b`); one post asked for two places turns all away into `out_a`."""
    if ranks[0] < 0 or ranks[1] < 0:
        return False, 0, 0
    first, second = p_indptr[post_a] + ranks[0], p_indptr[post_b] + ranks[1]
    if post_a == post_b:
        gone = _take(
            post_a,
            first,
            second,
            leaving[0],
            leaving[1],
            capacity,
            p_indptr,
            held,
            count,
            worst,
            out_a,
        )
        return gone >= 0, gone, 0
    gone_a = _take(
        post_a, first, -1, leaving[0], leaving[1], capacity, p_indptr, held, count, worst, out_a
    )
    if gone_a < 0:
        return False, 0, 0
    gone_b = _take(
        post_b, second, -1, leaving[0], leaving[1], capacity, p_indptr, held, count, worst, out_b
    )
    return gone_b >= 0, gone_a, gone_b


@njit(cache=True, nogil=True)
def _turned_away(i, couple_of, couples, lists, state, next_single, queue, head, size, n_applicants):
    """`i` leaves its post and joins the queue; a couple leaves both posts, and the place its
    other partner leaves is filled at once."""
    matched, held_at, held, count, worst = state
    p_indptr = lists[3]
    c = couple_of[i]
    if c < 0:
        _remove(i, p_indptr, matched, held_at, held, count, worst)
        return _pushed(queue, head, size, i)
    partner = couples[c, 1] if couples[c, 0] == i else couples[c, 0]
    vacated = matched[partner]
    _remove(i, p_indptr, matched, held_at, held, count, worst)
    _remove(partner, p_indptr, matched, held_at, held, count, worst)
    _fill(vacated, lists, couple_of, state, next_single)
    return _pushed(queue, head, size, n_applicants + c)


@njit(cache=True, nogil=True)
def _all_turned_away(out, gone, lists, pairs, state, next_single, queue, head, size):
    """Those at the places `out[:gone]` are turned away, one after the other."""
    p_indices, couple_of, couples = lists[4], pairs[0], pairs[1]
    for t in range(gone):
        queue, head, size = _turned_away(
            p_indices[out[t]],
            couple_of,
            couples,
            lists,
            state,
            next_single,
            queue,
            head,
            size,
            couple_of.shape[0],
        )
    return queue, head, size


@njit(cache=True, nogil=True)
def _fill(post, lists, couple_of, state, next_single):
    """A place of `post` was left (none if `post` is -1): while it has one free, the single it
    ranks best who would rather have it (and has asked for it before, or has asked for nothing
    better yet) moves in, and the place that single leaves is filled in its turn, last left
    first."""
    a_indptr, _a_indices, _post_rank, p_indptr, p_indices, capacity, applicant_rank = lists
    matched, held_at, held, count, worst = state
    vacant = [post]
    while vacant:
        post = vacant.pop()
        if post < 0:
            continue
        for place in range(p_indptr[post], p_indptr[post + 1]):
            if count[post] >= capacity[post]:
                break
            i = p_indices[place]
            rank = applicant_rank[place]
            if couple_of[i] >= 0 or matched[i] == post or rank < 0:
                continue
            if matched[i] >= 0:
                if applicant_rank[held_at[i]] < rank:
                    continue
            elif a_indptr[i] + rank >= next_single[i]:
                continue  # it will ask in its turn
            vacant.append(matched[i])
            _remove(i, p_indptr, matched, held_at, held, count, worst)
            _add(i, post, place, matched, held_at, held, count, worst)
            next_single[i] = a_indptr[i] + rank + 1


@njit(cache=True, nogil=True)
def _propose(lists, pairs, state, next_single, next_pair, queue, head, size):
    """Everyone in the queue proposes down their list, and every place left is filled, until
    the queue is empty."""
    a_indptr, a_indices, post_rank, p_indptr, p_indices, capacity, _applicant_rank = lists
    couple_of, couples, c_indptr, c_pairs, c_ranks = pairs
    matched, held_at, held, count, worst = state
    n_applicants = a_indptr.shape[0] - 1
    out_a = np.empty(2, dtype=np.int64)
    out_b = np.empty(2, dtype=np.int64)
    nobody = np.full(2, NOBODY, dtype=np.int64)
    while size > 0:
        item = queue[head]
        head = (head + 1) % queue.shape[0]
        size -= 1
        if item < n_applicants:
            i = item
            while matched[i] < 0 and next_single[i] < a_indptr[i + 1]:
                e = next_single[i]
                next_single[i] += 1
                if post_rank[e] < 0:
                    continue
                j = a_indices[e]
                place = p_indptr[j] + post_rank[e]
                gone = _take(j, place, -1, -1, -1, capacity, p_indptr, held, count, worst, out_a)
                if gone < 0:
                    continue
                _add(i, j, place, matched, held_at, held, count, worst)
                queue, head, size = _all_turned_away(
                    out_a, gone, lists, pairs, state, next_single, queue, head, size
                )
            continue
        c = item - n_applicants
        a, b = couples[c, 0], couples[c, 1]
        while matched[a] < 0 and next_pair[c] < c_indptr[c + 1]:
            k = next_pair[c]
            next_pair[c] += 1
            post_a, post_b = c_pairs[k, 0], c_pairs[k, 1]
            taken, gone_a, gone_b = _pair_taken(
                post_a,
                post_b,
                c_ranks[k],
                nobody,
                capacity,
                p_indptr,
                held,
                count,
                worst,
                out_a,
                out_b,
            )
            if not taken:
                continue
            _add(a, post_a, p_indptr[post_a] + c_ranks[k, 0], matched, held_at, held, count, worst)
            _add(b, post_b, p_indptr[post_b] + c_ranks[k, 1], matched, held_at, held, count, worst)
            queue, head, size = _all_turned_away(
                out_a, gone_a, lists, pairs, state, next_single, queue, head, size
            )
            queue, head, size = _all_turned_away(
                out_b, gone_b, lists, pairs, state, next_single, queue, head, size
            )
    return queue, head, size


@njit(cache=True, nogil=True)
def _couple_blocks(c, lists, pairs, state):
    """The positions in couple `c`'s list of the pairs it would rather have whose posts would
    each take its partner, neither partner's own place counted against them."""
    p_indptr, capacity = lists[3], lists[5]
    couples, c_indptr, c_pairs, c_ranks = pairs[1], pairs[2], pairs[3], pairs[4]
    matched, held_at, held, count, worst = state
    out_a = np.empty(2, dtype=np.int64)
    out_b = np.empty(2, dtype=np.int64)
    a, b = couples[c, 0], couples[c, 1]
    leaving = np.array([held_at[a], held_at[b]])
    found = []
    for k in range(c_indptr[c], c_indptr[c + 1]):
        post_a, post_b = c_pairs[k, 0], c_pairs[k, 1]
        if post_a == matched[a] and post_b == matched[b]:
            break
        taken, _gone_a, _gone_b = _pair_taken(
            post_a,
            post_b,
            c_ranks[k],
            leaving,
            capacity,
            p_indptr,
            held,
            count,
            worst,
            out_a,
            out_b,
        )
        if taken:
            found.append(k - c_indptr[c])
    return found


@njit(cache=True, nogil=True)
def _blocking(lists, pairs, state):
    """(single, list position) and (couple, list position) of all that blocks, grouped by who
    (`_firsts` picks where each proposes again from)."""
    a_indptr, a_indices, post_rank, p_indptr, _p_indices, capacity, _applicant_rank = lists
    couple_of, couples = pairs[0], pairs[1]
    matched, held_at, held, count, worst = state
    out = np.empty(2, dtype=np.int64)
    singles = []
    for i in range(couple_of.shape[0]):
        if couple_of[i] >= 0:
            continue
        for e in range(a_indptr[i], a_indptr[i + 1]):
            j = a_indices[e]
            if j == matched[i]:
                break
            if post_rank[e] < 0:
                continue
            place = p_indptr[j] + post_rank[e]
            if count[j] >= capacity[j] and place > worst[j]:
                continue  # full of people it ranks higher: most of what was asked before
            if (
                _take(j, place, -1, held_at[i], -1, capacity, p_indptr, held, count, worst, out)
                >= 0
            ):
                singles.append((i, e - a_indptr[i]))
    couple_lists = []
    for c in range(couples.shape[0]):
        for position in _couple_blocks(c, lists, pairs, state):
            couple_lists.append((c, position))
    return singles, couple_lists


@njit(cache=True, nogil=True)
def match_couples(lists, pairs, max_rounds, patience):
    """Singles and couples propose. Then, round by round, whoever still blocks leaves (the places
    left are filled) and proposes again from the first pair that blocks; after `max_rounds`, or
    `patience` rounds that found no fewer blocking pairs than the best so far, the best matching
    seen is kept. (matched, blocking singles, blocking couples, rounds), the blocking ones as
    (single or couple, position in its list), all of them."""
    a_indptr, _a_indices, _post_rank, p_indptr, p_indices, _capacity, _applicant_rank = lists
    couple_of, couples, c_indptr, _c_pairs, _c_ranks = pairs
    n_applicants = a_indptr.shape[0] - 1
    n_posts = p_indptr.shape[0] - 1
    matched = np.full(n_applicants, NOBODY, dtype=np.int64)
    held_at = np.full(n_applicants, NOBODY, dtype=np.int64)
    held = np.zeros(p_indices.shape[0], dtype=np.bool_)
    count = np.zeros(n_posts, dtype=np.int64)
    worst = p_indptr[:-1] - 1
    state = (matched, held_at, held, count, worst)
    next_single = a_indptr[:-1].copy()
    next_pair = c_indptr[:-1].copy()
    queue = np.empty(n_applicants + couples.shape[0] + 16, dtype=np.int64)
    head, size = 0, 0
    for i in range(n_applicants):
        if couple_of[i] < 0:
            queue, head, size = _pushed(queue, head, size, i)
    for c in range(couples.shape[0]):
        queue, head, size = _pushed(queue, head, size, n_applicants + c)
    queue, head, size = _propose(lists, pairs, state, next_single, next_pair, queue, head, size)
    rounds, best_at = 0, 0
    best = matched.copy()
    best_singles, best_couples = _blocking(lists, pairs, state)
    singles, couple_lists = best_singles, best_couples
    while True:
        blocking = len(singles) + len(couple_lists)
        if blocking < len(best_singles) + len(best_couples):
            best[:] = matched
            best_singles, best_couples, best_at = singles, couple_lists, rounds
        if blocking == 0 or rounds == max_rounds or rounds - best_at >= patience:
            break
        rounds += 1
        for i, position in _firsts(singles):
            left = matched[i]
            _remove(i, p_indptr, matched, held_at, held, count, worst)
            next_single[i] = a_indptr[i] + position
            queue, head, size = _pushed(queue, head, size, i)
            _fill(left, lists, couple_of, state, next_single)
        for c, position in _firsts(couple_lists):
            next_pair[c] = c_indptr[c] + position
            queue, head, size = _pushed(queue, head, size, n_applicants + c)
            for member in couples[c]:
                left = matched[member]
                _remove(member, p_indptr, matched, held_at, held, count, worst)
                _fill(left, lists, couple_of, state, next_single)
        queue, head, size = _propose(lists, pairs, state, next_single, next_pair, queue, head, size)
        singles, couple_lists = _blocking(lists, pairs, state)
    return best, best_singles, best_couples, rounds


@njit(cache=True, nogil=True)
def _firsts(found):
    """The first (who, position) of each who, from a list grouped by who."""
    firsts = []
    for k in range(len(found)):
        if k == 0 or found[k][0] != found[k - 1][0]:
            firsts.append(found[k])
    return firsts
