"""What of projects goes through review: a period's targets and actuals, and a project itself.
Registered with reporting when the app is ready."""

from django.urls import reverse

from counterpart.accounts import permissions
from counterpart.core.phrases import RECORD
from counterpart.core.said import said
from counterpart.projects.models import IndicatorPeriod, Project
from counterpart.projects.phrases import PERIOD
from counterpart.reporting.registry import Scope, register


def _period_scope(period: IndicatorPeriod) -> Scope:
    project = period.indicator.result.project
    return Scope(
        round=project.pairing.round,
        donor=project.pairing.donor,
        region=project.region,
        title=said(
            PERIOD,
            project=project,
            indicator=period.indicator,
            start=period.period_start,
            end=period.period_end,
        ),
        link=reverse("projects:detail", args=[project.pk]) + f"#indicator-{period.indicator_id}",
    )


def _may_report(actor, period: IndicatorPeriod) -> bool:
    project = period.indicator.result.project
    return permissions.can_act_for_donor(actor, project.pairing.donor) or permissions.serves_region(
        actor, project.region
    )


def _project_scope(project: Project) -> Scope:
    return Scope(
        round=project.pairing.round,
        donor=project.pairing.donor,
        region=project.region,
        title=said(RECORD, record=project),
        link=reverse("projects:detail", args=[project.pk]),
    )


def _may_run(actor, project: Project) -> bool:
    return permissions.can_act_for_donor(actor, project.pairing.donor)


def register_reviewed() -> None:
    register(IndicatorPeriod, scope=_period_scope, may_edit=_may_report)
    register(Project, scope=_project_scope, may_edit=_may_run)
