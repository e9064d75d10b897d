"""People sent for fixed terms: professionals, the posts they fill, the matching that places
them, their placements with extensions and hand-overs, and the knowledge they leave behind.

Privacy (house rule 7): a professional's name is seen only by their own organization and the
programme office; receiving teams see applicants by number, specialty, seniority and languages.
Local staff who are mentored or trained are described by role or counted, never named.
"""

from counterpart.talent.models.knowledge import (
    LocalRole,
    Mentorship,
    MentorshipMeeting,
    Training,
)
from counterpart.talent.models.people import (
    Couple,
    Post,
    PostRanking,
    PostStatus,
    Preference,
    Professional,
    ProfessionalKind,
    Seniority,
    SentTotal,
    Term,
)
from counterpart.talent.models.placements import (
    Extension,
    ExtensionStatus,
    MatchRun,
    MatchRunStatus,
    Optimal,
    Placement,
    PlacementStatus,
    WorkLoad,
)

__all__ = [
    "SentTotal",
    "Couple",
    "Extension",
    "ExtensionStatus",
    "LocalRole",
    "MatchRun",
    "MatchRunStatus",
    "Mentorship",
    "MentorshipMeeting",
    "Optimal",
    "Placement",
    "PlacementStatus",
    "Post",
    "PostRanking",
    "PostStatus",
    "Preference",
    "Professional",
    "ProfessionalKind",
    "Seniority",
    "Term",
    "Training",
    "WorkLoad",
]
