"""Class-to-class pen pals: which class on the donor side writes to which on the recipient side.

Two classes fit if they write in the same language and their grades are at most one apart; each
side prefers the nearer grade, then the nearer size. The pairs come from the stable-matching
engine, so no two classes would both rather write to each other than to their pen pals.
Classes are counted groups; no child is ever listed.
"""

from dataclasses import dataclass

from counterpart.engine.matching import stable_match

MAX_GRADE_GAP = 1


@dataclass(frozen=True)
class ClassGroup:
    id: int
    grade: int
    pupils: int
    language: str


def fits(a: ClassGroup, b: ClassGroup) -> bool:
    return a.language == b.language and abs(a.grade - b.grade) <= MAX_GRADE_GAP


def _ranked(me: ClassGroup, others: list[ClassGroup]) -> list[int]:
    fitting = [n for n, other in enumerate(others) if fits(me, other)]
    return sorted(
        fitting,
        key=lambda n: (
            abs(others[n].grade - me.grade),
            abs(others[n].pupils - me.pupils),
            others[n].id,
        ),
    )


def class_pairs(donor_side: list[ClassGroup], recipient_side: list[ClassGroup]) -> list[tuple]:
    """(donor class id, recipient class id) pairs, each class in one pair at most."""
    matched = stable_match(
        [_ranked(c, donor_side) for c in recipient_side],
        [_ranked(c, recipient_side) for c in donor_side],
        [1] * len(donor_side),
    )
    return [
        (donor_side[j].id, recipient_side[i].id) for i, j in enumerate(matched.tolist()) if j >= 0
    ]
