"""People sent for fixed terms: professionals, the posts they fill, the matching that places
them, their placements with extensions and hand-overs, and the knowledge they leave behind.

Privacy (house rule 7): a professional's name is seen only by their own organization and the
programme office; receiving teams see applicants by number, specialty, seniority and languages.
Local staff who are mentored or trained are described by role or counted, never named.
"""

from counterpart.talent.models.knowledge import (
    Mentorship,
    MentorshipMeeting,
    Training,
)
from counterpart.talent.models.people import (
    Couple,
    Post,
    PostRanking,
    Preference,
    Professional,
    SentTotal,
)
from counterpart.talent.models.placements import (
    Extension,
    MatchRun,
    Placement,
    WorkLoad,
)

__all__ = [
    "SentTotal",
    "Couple",
    "Extension",
    "MatchRun",
    "Mentorship",
    "MentorshipMeeting",
    "Placement",
    "Post",
    "PostRanking",
    "Preference",
    "Professional",
    "Training",
    "WorkLoad",
]
