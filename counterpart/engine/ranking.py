"""The rule by which an institution ranks the applicants to a post, unless it ranks by hand.

Only applicants of the post's specialty and at least its seniority are acceptable. Among them:
those with the working language the post needs first, then the more senior, then those who want
the post's term, then those available sooner, then the earlier sign-up.
"""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Need:
    specialty: str
    min_seniority: int
    language: str  # "" when any will do
    term_months: int
    start_date: datetime.date


@dataclass(frozen=True)
class Applicant:
    id: int
    specialty: str
    seniority: int
    languages: tuple[str, ...]
    term_months: int
    available_from: datetime.date


def acceptable(need: Need, applicant: Applicant) -> bool:
    return applicant.specialty == need.specialty and applicant.seniority >= need.min_seniority


def rule_ranking(need: Need, applicants: list[Applicant]) -> list[int]:
    """The ids of the acceptable applicants, best first."""

    def key(applicant: Applicant):
        return (
            bool(need.language) and need.language not in applicant.languages,
            -applicant.seniority,
            applicant.term_months != need.term_months,
            max(applicant.available_from, need.start_date),
            applicant.id,
        )

    return [a.id for a in sorted(applicants, key=key) if acceptable(need, a)]
