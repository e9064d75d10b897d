"""A person's inbox: what waits for them, from every app, each item linking to where it is
done. The home page lists it; the navigation shows how many there are."""

import datetime
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.accounts import selectors as accounts
from counterpart.care import selectors as care
from counterpart.engine.money import format_minor
from counterpart.funding import selectors as funding
from counterpart.projects import selectors as projects
from counterpart.reporting import selectors as reporting
from counterpart.talent import selectors as talent

SHOWN = 5  # rows shown per kind; the count and the link lead to the rest


@dataclass
class InboxItem:
    kind: str
    title: str
    count: int
    link: str  # where all of them are
    rows: list[tuple[str, str]] = field(default_factory=list)  # (what, where it is done)


def inbox(actor, *, today: datetime.date | None = None) -> list[InboxItem]:
    """What waits for `actor`, kind by kind; kinds with nothing waiting are left out."""
    if not getattr(actor, "is_authenticated", False):
        return []
    today = today or timezone.localdate()
    items = [
        _from_rows(
            "receipts",
            _("Receipts to confirm"),
            funding.receipts_to_confirm(actor=actor),
            reverse("funding:list"),
            lambda t: (
                f"{format_minor(t.amount_minor, t.currency_id)} · {t.pairing.donor} · "
                f"{date_format(t.value_date)}",
                reverse("funding:detail", args=[t.pk]),
            ),
        ),
        _from_rows(
            "approvals",
            _("Submissions to approve"),
            reporting.waiting_for(actor),
            reverse("reporting:reviews") + "?show=waiting",
            lambda r: (r.title, reverse("reporting:review", args=[r.pk])),
        ),
        _from_rows(
            "returned",
            _("Returned to you to fix"),
            reporting.returned_to(actor),
            reverse("reporting:reviews") + "?show=returned",
            lambda r: (r.title, reverse("reporting:review", args=[r.pk])),
        ),
        _from_rows(
            "extensions",
            _("Extensions to decide"),
            talent.extensions_to_decide(actor=actor),
            reverse("talent:home"),
            lambda e: (
                f"{e.placement.professional} · {e.placement.post.institution} · "
                f"{date_format(e.new_end_date)}",
                reverse("talent:placement", args=[e.placement_id]),
            ),
        ),
        _from_rows(
            "successors",
            _("Terms ending within 90 days without a successor"),
            talent.terms_to_succeed(actor=actor, today=today),
            reverse("talent:home"),
            lambda p: (
                f"{p.post} · {date_format(p.end_date)}",
                reverse("talent:post", args=[p.post_id]),
            ),
        ),
        _from_rows(
            "consultations",
            _("Consultations asked of your hospitals"),
            care.consultations_to_answer(actor=actor),
            reverse("care:home"),
            lambda c: (
                f"{c.case_code} · {c.requesting_institution.name} · "
                f"{date_format(timezone.localtime(c.requested_at))}",
                reverse("care:consultation", args=[c.pk]),
            ),
        ),
        _from_rows(
            "referrals",
            _("Referrals recommended, not yet made"),
            care.referrals_to_make(actor=actor),
            reverse("care:home"),
            lambda c: (
                f"{c.case_code} · {c.consulting_institution.name}",
                reverse("care:consultation", args=[c.pk]),
            ),
        ),
        _from_rows(
            "treatments",
            _("Referred patients to admit or discharge"),
            care.patients_to_treat(actor=actor),
            reverse("care:home"),
            lambda r: (
                f"{r.case_code} · {r.from_institution.name} · {date_format(r.referred_on)}",
                reverse("care:referral", args=[r.pk]),
            ),
        ),
        _from_rows(
            "follow_ups",
            _("Patients back home to follow up"),
            care.follow_ups_to_record(actor=actor),
            reverse("care:home"),
            lambda r: (
                f"{r.case_code} · {r.to_institution.name} · {date_format(r.discharged_on)}",
                reverse("care:referral", args=[r.pk]),
            ),
        ),
    ]
    due = projects.periods_due(actor=actor, today=today)
    if due:
        items.append(
            InboxItem(
                kind="periods",
                title=_("Periods due or overdue"),
                count=len(due),
                link=reverse("projects:list"),
                rows=[(_period_text(d), reverse("projects:list")) for d in due[:SHOWN]],
            )
        )
    if permissions.administers_people(actor):
        items.append(
            _from_rows(
                "invitations",
                _("Invitations not yet accepted"),
                accounts.invitation_list(actor=actor, pending=True),
                reverse("people:list") + "#invitations",
                lambda i: (
                    f"{i.email} · {i.get_role_display()} · {i.organization}",
                    reverse("people:list") + "#invitations",
                ),
            )
        )
    return [item for item in items if item.count]


def inbox_count(actor) -> int:
    return sum(item.count for item in inbox(actor))


def _from_rows(kind, title, rows, link, describe) -> InboxItem:
    count = rows.count()
    return InboxItem(
        kind=kind,
        title=str(title),
        count=count,
        link=link,
        rows=[describe(row) for row in rows[:SHOWN]] if count else [],
    )


def _period_text(due: projects.PeriodDue) -> str:
    values = {
        "period": due.period.label,
        "count": due.missing,
        "date": date_format(due.closes_on),
    }
    if due.overdue:
        return _("%(period)s: %(count)s indicators without actuals; entry closed on %(date)s") % (
            values
        )
    return _("%(period)s: %(count)s indicators without actuals; entry closes on %(date)s") % (
        values
    )
