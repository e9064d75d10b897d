"""Reads for posts, professionals, match runs, placements and knowledge, scoped to the actor.

Posts that are open are public. A professional is seen by themselves, by the donor team of their
organization, by the office and auditors (by number); a recipient team sees the applicants to its
own posts by number only (`applicant_rows`). Each module's reads are importable from here.
"""

from counterpart.talent.selectors.knowledge import (
    knowledge_institutions,
    mentorship_get,
    mentorship_list,
    staff_trained_total,
    training_list,
)
from counterpart.talent.selectors.people import (
    couple_get,
    couple_list,
    couple_of,
    institutions_for_posts,
    is_professional_user,
    post_get,
    post_list,
    preference_list,
    professional_get,
    professional_label,
    professional_list,
    professional_of,
    sending_organizations,
)
from counterpart.talent.selectors.placements import (
    ChainLink,
    PostChain,
    Staffing,
    ending_without_successor,
    extension_list,
    extensions_to_decide,
    placement_get,
    placement_list,
    post_chain,
    staffing_by_region,
    terms_by_year,
    terms_to_succeed,
)
from counterpart.talent.selectors.posts import (
    PLACE_LEVELS,
    ApplicantRow,
    applicant_rows,
    as_applicant,
    free_places,
    need_of,
    place_keys,
    post_ranking,
)
from counterpart.talent.selectors.runs import (
    match_run_get,
    match_run_list,
    placed_by_choice,
    round_inputs,
)

__all__ = [
    "ApplicantRow",
    "ChainLink",
    "PLACE_LEVELS",
    "PostChain",
    "applicant_rows",
    "as_applicant",
    "couple_get",
    "couple_list",
    "couple_of",
    "ending_without_successor",
    "extensions_to_decide",
    "terms_to_succeed",
    "extension_list",
    "free_places",
    "institutions_for_posts",
    "is_professional_user",
    "knowledge_institutions",
    "match_run_get",
    "match_run_list",
    "mentorship_get",
    "mentorship_list",
    "need_of",
    "place_keys",
    "placed_by_choice",
    "placement_get",
    "placement_list",
    "post_chain",
    "post_get",
    "post_list",
    "post_ranking",
    "preference_list",
    "professional_get",
    "professional_label",
    "professional_list",
    "professional_of",
    "round_inputs",
    "sending_organizations",
    "staff_trained_total",
    "Staffing",
    "staffing_by_region",
    "terms_by_year",
    "training_list",
]
