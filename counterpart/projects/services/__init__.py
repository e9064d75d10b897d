"""Writes for projects, their sectors, places, milestones, documents and results (rules 1–5, 8).

The office and the donor team of a project's pairing run a project; a recipient team reports
indicator actuals for projects in its places. Each module's services are importable from here.
"""

from counterpart.projects.services.projects import (
    OtherSector,
    document_add,
    milestone_add,
    milestone_complete,
    project_budget_set,
    project_create,
    project_other_sectors_set,
    project_place_add,
    project_sectors_set,
    project_update,
)
from counterpart.projects.services.results import (
    indicator_create,
    indicator_period_record,
    result_create,
)

__all__ = [
    "document_add",
    "indicator_create",
    "indicator_period_record",
    "milestone_add",
    "milestone_complete",
    "project_budget_set",
    "project_create",
    "OtherSector",
    "project_other_sectors_set",
    "project_place_add",
    "project_sectors_set",
    "project_update",
    "result_create",
]
