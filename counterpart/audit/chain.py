"""The audit log as a hash chain: each event's hash covers its content and the hash of the event
before it, so an event edited, deleted or inserted behind the application's back (with `sqlite3`
or `psql`) breaks every link after it. Pure functions; `services.audit_record` appends links,
`services.audit_chain_check` walks them."""

import datetime
import hashlib
import json
from dataclasses import dataclass

GENESIS = "0" * 64  # the hash "before" the first event


def content_of(row: dict) -> str:
    """An event's content as canonical text: the same bytes whichever database stored it."""
    occurred_at = row["occurred_at"].astimezone(datetime.UTC).isoformat(timespec="microseconds")
    return json.dumps(
        [
            occurred_at,
            row["actor_id"],
            row["actor_label"],
            row["event_type"],
            row["object_type"],
            row["object_id"],
            row["object_repr"],
            row["before"],
            row["after"],
            row["reason"],
        ],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )


def link(previous_hash: str, row: dict) -> str:
    return hashlib.sha256(f"{previous_hash}\n{content_of(row)}".encode()).hexdigest()


FIELDS = (
    "id",
    "occurred_at",
    "actor_id",
    "actor_label",
    "event_type",
    "object_type",
    "object_id",
    "object_repr",
    "before",
    "after",
    "reason",
    "chain_hash",
)


@dataclass
class Verdict:
    length: int  # events walked
    last_hash: str  # the hash of the last good link
    broken_at: int | None = None  # the first event whose link does not hold
    problem: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_at is None and not self.problem


def walk(rows, *, head_length: int | None = None, head_hash: str | None = None) -> Verdict:
    """Recompute the chain over `rows` (dicts of FIELDS, in id order) and compare each link and,
    at the end, the head the application keeps (which a deleted last event leaves behind)."""
    previous, length = GENESIS, 0
    for row in rows:
        expected = link(previous, row)
        if row["chain_hash"] != expected:
            return Verdict(length=length, last_hash=previous, broken_at=row["id"])
        previous, length = expected, length + 1
    if head_length is not None and (head_length != length or head_hash != previous):
        return Verdict(
            length=length,
            last_hash=previous,
            problem=f"the head records {head_length} events ending in {head_hash}; "
            f"the log holds {length} ending in {previous}",
        )
    return Verdict(length=length, last_hash=previous)


def hashes_at(rows, lengths: set[int]) -> dict[int, str]:
    """The chain's hash after each of `lengths` events, recomputed from the rows (in id order):
    what a published checkpoint of that length must read."""
    found, previous = {}, GENESIS
    if 0 in lengths:
        found[0] = GENESIS
    for count, row in enumerate(rows, start=1):
        previous = link(previous, row)
        if count in lengths:
            found[count] = previous
            if len(found) == len(lengths):
                break
    return found


# Records the log covers: an app registers a check that compares its rows with the events that
# recorded them and returns the first mismatch in words, or "" (the ledger does, in funding).
COVERAGE_CHECKS: list = []


def register_coverage(check) -> None:
    if check not in COVERAGE_CHECKS:
        COVERAGE_CHECKS.append(check)
