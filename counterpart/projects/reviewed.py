"""What of projects goes through review: a period's targets and actuals, and a project itself.
Registered with reporting when the app is ready."""

from django.urls import reverse

from counterpart.accounts import permissions
from counterpart.projects.models import IndicatorPeriod, Project
from counterpart.reporting.registry import Scope, register


def _period_scope(period: IndicatorPeriod) -> Scope:
    project = period.indicator.result.project
    return Scope(
        round=project.pairing.round,
        donor=project.pairing.donor,
        region=project.region,
        title=f"{project.title} · {period.indicator.title} · "
        f"{period.period_start:%Y-%m-%d}–{period.period_end:%Y-%m-%d}",
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
        title=project.title,
        link=reverse("projects:detail", args=[project.pk]),
    )


def _may_run(actor, project: Project) -> bool:
    return permissions.can_act_for_donor(actor, project.pairing.donor)


def register_reviewed() -> None:
    register(IndicatorPeriod, scope=_period_scope, may_edit=_may_report)
    register(Project, scope=_project_scope, may_edit=_may_run)
