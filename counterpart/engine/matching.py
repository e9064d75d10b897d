"""Stable matching of applicants (professionals) to posts with places (hospital/residents).

    stable_match(applicant_prefs, post_prefs, capacity, *, optimal="applicant") -> numpy array

`applicant_prefs[i]` lists post indices, best first; `post_prefs[j]` lists applicant indices,
best first; `capacity[j]` is post j's number of places. Either list of lists may instead be a
CSR pair `(indptr, indices)` of integer numpy arrays. A pair is acceptable only if each lists
the other. The result holds each applicant's post, or -1.

The loops are compiled (`matching_kernels`); this module checks and converts the input and
names what is wrong with it. `blocking_pairs` checks any matching in linear time; the couples
variant lives in `couples.py`.
"""

from itertools import chain

import numpy as np

__all__ = ["Instance", "as_csr", "blocking_pairs", "prepare", "stable_match"]


def _kernels():
    """The compiled loops, loaded when a match first runs: numba costs a process 64 MiB, and
    most processes (a page, an import) never match."""
    from counterpart.engine import matching_kernels

    return matching_kernels


def as_csr(prefs, name: str) -> tuple[np.ndarray, np.ndarray]:
    """Preference lists as (indptr int64, indices int32), from lists or from a CSR pair."""
    if isinstance(prefs, tuple) and len(prefs) == 2 and isinstance(prefs[0], np.ndarray):
        indptr, indices = (np.asarray(a) for a in prefs)
        if indptr.ndim != 1 or indices.ndim != 1 or indptr.size == 0:
            raise ValueError(f"{name}: a CSR pair is two one-dimensional arrays (indptr, indices)")
        if not (
            np.issubdtype(indptr.dtype, np.integer) and np.issubdtype(indices.dtype, np.integer)
        ):
            raise ValueError(f"{name}: the CSR arrays must hold integers")
        if indptr[0] != 0 or indptr[-1] != indices.size or np.any(np.diff(indptr) < 0):
            raise ValueError(
                f"{name}: indptr must start at 0, never decrease and end at len(indices)"
            )
        return indptr.astype(np.int64, copy=False), _int32(indices, name)
    lengths = np.fromiter(map(len, prefs), dtype=np.int64, count=len(prefs))
    indptr = np.zeros(len(prefs) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    try:
        indices = np.fromiter(chain.from_iterable(prefs), dtype=np.int64, count=int(indptr[-1]))
    except (TypeError, ValueError, OverflowError):
        for k, row in enumerate(prefs):
            for position, value in enumerate(row):
                if not isinstance(value, int | np.integer):
                    raise ValueError(
                        f"{name}[{k}][{position}]: {value!r} is not an index"
                    ) from None
        raise
    return indptr, _int32(indices, name)


def _int32(indices: np.ndarray, name: str) -> np.ndarray:
    if indices.size and (indices.min() < np.iinfo(np.int32).min or indices.max() > 2**31 - 1):
        bad = int(np.flatnonzero((indices < -(2**31)) | (indices > 2**31 - 1))[0])
        raise ValueError(f"{name}: index {indices[bad]} at position {bad} is out of range")
    return indices.astype(np.int32, copy=False)


def _check(indptr, indices, n_targets: int, name: str, targets: str) -> None:
    code, row, position = _kernels().check_lists(indptr, indices, n_targets)
    if code == _kernels().OUT_OF_RANGE:
        value = indices[indptr[row] + position]
        raise ValueError(
            f"{name}[{row}][{position}]: {targets} {value} is out of range "
            f"(there are {n_targets} {targets}s)"
        )
    if code == _kernels().DUPLICATE:
        value = indices[indptr[row] + position]
        raise ValueError(f"{name}[{row}][{position}]: {targets} {value} is listed twice")


class Instance:
    """A checked instance in CSR form, with each side's rank of the other computed once."""

    def __init__(self, applicant_prefs, post_prefs, capacity):
        self.a_indptr, self.a_indices = as_csr(applicant_prefs, "applicant_prefs")
        self.p_indptr, self.p_indices = as_csr(post_prefs, "post_prefs")
        self.n_applicants = self.a_indptr.size - 1
        self.n_posts = self.p_indptr.size - 1
        self.capacity = np.asarray(capacity)
        if self.capacity.size == 0:
            self.capacity = self.capacity.astype(np.int64)
        if self.capacity.shape != (self.n_posts,):
            raise ValueError(
                f"capacity: {self.capacity.size} values for {self.n_posts} posts (post_prefs)"
            )
        if not np.issubdtype(self.capacity.dtype, np.integer):
            raise ValueError("capacity: the numbers of places must be integers")
        self.capacity = self.capacity.astype(np.int64, copy=False)
        if self.n_posts and self.capacity.min() < 0:
            post = int(np.argmax(self.capacity < 0))
            raise ValueError(f"capacity[{post}]: {self.capacity[post]} places is negative")
        _check(self.a_indptr, self.a_indices, self.n_posts, "applicant_prefs", "post")
        _check(self.p_indptr, self.p_indices, self.n_applicants, "post_prefs", "applicant")
        self.post_rank, self.applicant_rank = _kernels().mutual_ranks(
            self.a_indptr, self.a_indices, self.p_indptr, self.p_indices
        )

    def solve(self, optimal: str = "applicant") -> np.ndarray:
        if optimal == "applicant":
            return _kernels().applicant_proposing(
                self.a_indptr,
                self.a_indices,
                self.p_indptr,
                self.p_indices,
                self.capacity,
                self.post_rank,
            )
        if optimal == "post":
            return _kernels().post_proposing(
                self.a_indptr,
                self.a_indices,
                self.p_indptr,
                self.p_indices,
                self.capacity,
                self.applicant_rank,
            )
        raise ValueError(f'optimal: {optimal!r} is neither "applicant" nor "post"')

    def blocking_pairs(self, matched) -> np.ndarray:
        matched = np.asarray(matched, dtype=np.int64)
        if matched.shape != (self.n_applicants,):
            raise ValueError(f"matching: {matched.size} values for {self.n_applicants} applicants")
        if matched.size and (matched.min() < -1 or matched.max() >= self.n_posts):
            applicant = int(np.flatnonzero((matched < -1) | (matched >= self.n_posts))[0])
            raise ValueError(f"matching[{applicant}]: no post {matched[applicant]}")
        pairs, problem, applicant = _kernels().find_blocking(
            self.a_indptr, self.a_indices, self.p_indptr, self.capacity, self.post_rank, matched
        )
        if problem == 1:
            raise ValueError(
                f"matching[{applicant}]: post {matched[applicant]} and applicant {applicant} "
                "do not both list each other"
            )
        if problem == 2:
            raise ValueError(
                f"matching[{applicant}]: post {matched[applicant]} is given more applicants "
                "than its capacity"
            )
        return pairs


def prepare(applicant_prefs, post_prefs, capacity) -> Instance:
    return Instance(applicant_prefs, post_prefs, capacity)


def stable_match(applicant_prefs, post_prefs, capacity, *, optimal="applicant") -> np.ndarray:
    """The applicant-optimal (or, with optimal="post", the post-optimal) stable matching."""
    if optimal not in ("applicant", "post"):
        raise ValueError(f'optimal: {optimal!r} is neither "applicant" nor "post"')
    return Instance(applicant_prefs, post_prefs, capacity).solve(optimal)


def blocking_pairs(applicant_prefs, post_prefs, capacity, matched) -> np.ndarray:
    """The (applicant, post) pairs that block `matched`, as a k×2 array; empty when stable.

    Linear in the total length of the lists. A matching that pairs an applicant with a post
    that is not mutually acceptable, or fills a post beyond its places, raises ValueError."""
    return Instance(applicant_prefs, post_prefs, capacity).blocking_pairs(matched)
