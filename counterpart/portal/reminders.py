"""Reminders, run daily on the work queue (settings.JOB_SCHEDULE): a period whose entry closes
within a week while indicators lack actuals; a commitment with nothing disbursed for months;
a project with no update this quarter. Each reminds the teams concerned once."""

import datetime

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from counterpart.accounts import selectors as accounts
from counterpart.accounts.choices import Role
from counterpart.engine.periods import period_containing
from counterpart.engine.terms import add_months
from counterpart.funding.choices import TransactionKind
from counterpart.funding.models import Transaction
from counterpart.notifications.services import notify
from counterpart.projects import selectors as projects
from counterpart.projects.choices import ActivityStatus
from counterpart.projects.models import Project

DUE_WITHIN_DAYS = 7
QUIET_AFTER_DAYS = 30  # into a quarter, before a project's silence is pointed out


def send_reminders(*, actor, progress, today: str | None = None) -> dict:
    day = datetime.date.fromisoformat(today) if today else timezone.localdate()
    counts = {
        "period_due": _periods_due(day),
        "commitment_idle": _idle_commitments(day),
        "no_update": _quiet_projects(day),
    }
    progress(1, 1)
    return counts


def _periods_due(today: datetime.date) -> int:
    told = 0
    teams = accounts.members(role=Role.DONOR_TEAM) | accounts.members(role=Role.RECIPIENT_TEAM)
    for user in teams.distinct():
        for due in projects.periods_due(actor=user, today=today):
            if due.overdue or (due.closes_on - today).days > DUE_WITHIN_DAYS:
                continue
            told += notify(
                users=[user],
                kind="period_due",
                values={
                    "period": due.period.label,
                    "count": due.missing,
                    "date": due.closes_on,
                },
                link=reverse("projects:list"),
                key=f"{due.round.pk}:{due.period.label}",
            )
    return told


def _idle_commitments(today: datetime.date) -> int:
    """Commitments older than REMIND_IDLE_COMMITMENT_MONTHS after which nothing of their
    project (or pairing, without one) was disbursed."""
    since = add_months(today, -settings.REMIND_IDLE_COMMITMENT_MONTHS)
    disbursed_after = Transaction.objects.filter(
        kind=TransactionKind.DISBURSEMENT,
        pairing=OuterRef("pairing"),
        project=OuterRef("project"),
        value_date__gte=OuterRef("value_date"),
    )
    idle = (
        Transaction.objects.filter(
            kind=TransactionKind.COMMITMENT, reverses__isnull=True, value_date__lte=since
        )
        .exclude(pk__in=Transaction.objects.filter(reverses__isnull=False).values("reverses_id"))
        .exclude(Exists(disbursed_after))
        .select_related("pairing__donor", "project")
    )
    told = 0
    for entry in idle.iterator():
        told += notify(
            users=accounts.members(
                role=Role.DONOR_TEAM, organizations=entry.pairing.donor.lineage_ids()
            ),
            kind="commitment_idle",
            values={
                "record": entry.project or entry.pairing,
                "date": entry.value_date,
            },
            link=reverse("funding:detail", args=[entry.pk]),
            key=f"idle:{entry.pk}",
        )
    return told


def _quiet_projects(today: datetime.date) -> int:
    quarter = period_containing(today, "quarter")
    if (today - quarter.start).days < QUIET_AFTER_DAYS:
        return 0
    start = timezone.make_aware(datetime.datetime.combine(quarter.start, datetime.time.min))
    entries_this_quarter = Transaction.objects.filter(
        project=OuterRef("pk"), recorded_at__gte=start
    )
    quiet = (
        Project.objects.filter(
            status=ActivityStatus.IMPLEMENTATION, updated_at__lt=start, created_at__lt=start
        )
        .exclude(Exists(entries_this_quarter))
        .select_related("pairing__donor")
    )
    told = 0
    for project in quiet.iterator():
        told += notify(
            users=accounts.members(
                role=Role.DONOR_TEAM, organizations=project.pairing.donor.lineage_ids()
            ),
            kind="no_update",
            values={"record": project},
            link=reverse("projects:detail", args=[project.pk]),
            key=f"quiet:{project.pk}:{quarter.label}",
        )
    return told
