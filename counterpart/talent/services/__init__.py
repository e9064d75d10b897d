"""Writes for the talent app (house rules 1–2): each service checks the actor and audits."""

from counterpart.talent.services.knowledge import (
    mentorship_create,
    mentorship_meeting_add,
    training_record,
)
from counterpart.talent.services.matching import (
    match_run_create,
    match_run_discard,
    match_run_publish,
    match_run_withdraw,
)
from counterpart.talent.services.people import (
    couple_create,
    couple_dissolve,
    post_create,
    post_ranking_reset,
    post_ranking_set,
    post_update,
    preferences_set,
    professional_register,
    professional_update,
    sent_total_record,
)
from counterpart.talent.services.placements import (
    extension_decide,
    extension_request,
    placement_create,
    placement_withdraw,
    workload_record,
)

__all__ = [
    "couple_create",
    "couple_dissolve",
    "extension_decide",
    "extension_request",
    "match_run_create",
    "match_run_discard",
    "match_run_publish",
    "match_run_withdraw",
    "mentorship_create",
    "mentorship_meeting_add",
    "placement_create",
    "placement_withdraw",
    "post_create",
    "post_ranking_reset",
    "post_ranking_set",
    "post_update",
    "preferences_set",
    "professional_register",
    "professional_update",
    "sent_total_record",
    "training_record",
    "workload_record",
]
