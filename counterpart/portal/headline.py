"""The dashboard's first line: the few figures people look for before any chart, and the
sections the charts below fall into."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from counterpart.care.selectors import consultations_by_region
from counterpart.core.tables import Table
from counterpart.engine.money import format_compact
from counterpart.funding import selectors as funding
from counterpart.funding.choices import RuleKind
from counterpart.talent.selectors import people_sent, staffing_by_region


@dataclass
class Headline:
    label: str
    value: str
    note: str = ""
    below_line: bool | None = None  # for a share with a line: below it (True) or not (False)
    anchor: str = ""  # the section that shows the figure in full


def headline_figures(
    *, actor, tables: dict[str, Table], checks: dict, filters: funding.Filters, currency: str
) -> list[Headline]:
    by_year = tables["by-year"].rows
    committed = sum(row[1] or 0 for row in by_year)
    disbursed = sum(row[2] or 0 for row in by_year)
    covered, committed_cny = funding.disbursed_of_committed(actor=actor, filters=filters)
    wellbeing = checks[RuleKind.WELLBEING_SHARE]
    today = timezone.localdate()
    staffing = staffing_by_region(today=today, donor=filters.donor, area=filters.area).values()
    places = sum(s.places for s in staffing)
    placed = sum(min(s.placed, s.places) for s in staffing)
    consultations = consultations_by_region(donor=filters.donor, area=filters.area, year=today.year)
    sent = people_sent(donor=filters.donor)
    return [
        Headline(_("Committed"), compact(committed, currency), anchor="money"),
        Headline(_("Disbursed"), compact(disbursed, currency), anchor="money"),
        Headline(
            _("Disbursement rate"),
            f"{100 * covered / committed_cny:.1f} %" if committed_cny else "—",
            _("of what was committed, disbursed"),
            anchor="money",
        ),
        Headline(
            _("Wellbeing share"),
            f"{wellbeing.share_ppm / 10_000:.1f} %" if wellbeing.share_ppm is not None else "—",
            _("line: %(line)s %%") % {"line": f"{wellbeing.threshold_ppm / 10_000:g}"},
            below_line=None if wellbeing.met is None else not wellbeing.met,
            anchor="money",
        ),
        Headline(
            _("Places filled"),
            f"{100 * placed / places:.1f} %" if places else "—",
            _("%(placed)s of %(places)s places posted") % {"placed": placed, "places": places},
            anchor="people",
        ),
        Headline(
            _("Serving now"),
            f"{sum(s.serving for s in staffing):,}",
            _("professionals on a term today"),
            anchor="people",
        ),
        Headline(
            _("People sent"),
            f"{sent['official'] + sent['professional']:,}" if sent["since"] else "—",
            _("%(officials)s officials and %(professionals)s professionals since %(year)s")
            % {
                "officials": f"{sent['official']:,}",
                "professionals": f"{sent['professional']:,}",
                "year": sent["since"],
            }
            if sent["since"]
            else "",
            anchor="people",
        ),
        Headline(
            _("Consultations this year"),
            f"{sum(consultations.values()):,}",
            _("tele-consultations asked for in %(year)s") % {"year": today.year},
            anchor="care",
        ),
    ]


SECTIONS = [
    ("money", gettext_lazy("Money"), ["by-donor", "by-category", "by-year", "shares", "quota"]),
    ("results", gettext_lazy("Results"), ["indicators", "indicators-by-prefecture"]),
    ("people", gettext_lazy("People"), ["terms"]),
    ("care", gettext_lazy("Remote care"), ["consultations", "referrals"]),
    ("exchanges", gettext_lazy("Exchanges"), ["participants"]),
    ("enterprise", gettext_lazy("Enterprise"), ["jobs", "sales"]),
]


def sections(tables: dict[str, Table]) -> list[tuple[str, str, dict[str, Table]]]:
    """The tables by programme, in the order people read them; a table no section names comes
    last rather than not at all."""
    named = {slug for _key, _title, slugs in SECTIONS for slug in slugs}
    found = [
        (key, str(title), {s: tables[s] for s in slugs if s in tables})
        for key, title, slugs in SECTIONS
    ]
    rest = {slug: table for slug, table in tables.items() if slug not in named}
    if rest:
        found.append(("other", _("Other figures"), rest))
    return [section for section in found if section[2]]


def compact(amount_minor: int, currency: str) -> str:
    """'¥79.4 million'; in Chinese '¥7,940万', as people there count."""
    return format_compact(
        amount_minor,
        currency,
        myriads=get_language().startswith("zh"),
        words=(_("million"), _("billion")),
    )
