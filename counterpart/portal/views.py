import datetime

from django.shortcuts import render

from counterpart.accounts import permissions
from counterpart.accounts.choices import Role
from counterpart.core.tables import download
from counterpart.funding import selectors as funding
from counterpart.funding.by_place import stale_rate_count
from counterpart.funding.choices import BASE_CURRENCY, RuleKind
from counterpart.pairings import selectors as pairings
from counterpart.places import selectors as places
from counterpart.places.choices import RegionLevel
from counterpart.portal.dashboard import dashboard_tables, percent
from counterpart.portal.forms import DashboardFilterForm
from counterpart.portal.glossary import TERMS
from counterpart.portal.headline import headline_figures, sections
from counterpart.portal.inbox import inbox
from counterpart.portal.tile_map import FIGURES, tile_map

CHART_LEVELS = [RegionLevel.PREFECTURE, RegionLevel.COUNTY, RegionLevel.DIVISION]


def home_view(request):
    """The programme at a glance: the current round's donors and the places each assists."""
    actor = request.user
    current = pairings.round_current(actor=actor)
    summaries = pairings.donor_summaries(actor=actor, round=current) if current else []
    chart = {
        "labels": [s.donor.name for s in summaries],
        "datasets": [
            {
                "label": str(level.label),
                "key": level.value,
                "data": [s.count_by_level().get(level.value, 0) for s in summaries],
            }
            for level in CHART_LEVELS
        ],
    }
    return render(
        request,
        "portal/home.html",
        {
            "round": current,
            "summaries": summaries,
            "chart": chart,
            "recipient_count": sum(len(s.pairings) for s in summaries),
            "inbox": inbox(actor),
        },
    )


def _dashboard_form(request, actor) -> DashboardFilterForm:
    this_year = datetime.date.today().year
    current = pairings.round_current(actor=actor)
    own = _own_donor(actor)
    form = DashboardFilterForm(
        request.GET or None,
        initial={
            "round": current and current.pk,
            "donor": own and own.pk,
            "unapproved": funding.may_see_entries(actor),
        },
        rounds=pairings.round_list(actor=actor),
        donors=places.organization_list(actor=actor)
        .filter(pk__in=pairings.pairing_list(actor=actor, top_level=True).values("donor"))
        .order_by("name_en"),
        areas=places.region_list(actor=actor)
        .filter(level__in=[RegionLevel.PREFECTURE, RegionLevel.DIVISION])
        .order_by("name_en"),
        years=range(this_year, 2009, -1),
        currencies=["CNY", *sorted({r.base_id for r in funding.exchange_rate_list()} - {"CNY"})],
    )
    if not funding.may_see_entries(actor):  # the public: approved figures, no switch
        del form.fields["unapproved"]
    return form


def _own_donor(actor):
    """A donor team's dashboard opens on its own donor."""
    teams = permissions.organizations_in_role(actor, Role.DONOR_TEAM)
    return teams[0] if teams and not permissions.reads_everything(actor) else None


def dashboard_view(request):
    """The programme's money and results, filtered, in CNY or another currency at a stated rate.
    The office sees everything, a team its own figures, the public published totals."""
    actor = request.user
    form = _dashboard_form(request, actor)
    data = form.cleaned_data if form.is_valid() else {}
    if not request.GET.keys() - {"map"}:  # a first visit: the current round (a team's donor)
        data = {
            name: form[name].initial
            for name in ("round", "donor", "unapproved")
            if name in form.fields
        }
        data["round"] = pairings.round_list(actor=actor).filter(pk=data["round"]).first()
        data["donor"] = _own_donor(actor)
    filters = funding.Filters(
        round=data.get("round"),
        donor=data.get("donor"),
        area=data.get("area"),
        year=data.get("year"),
        include_unapproved=bool(data.get("unapproved")),
    )
    rate_on = data.get("rate_on") or datetime.date.today()
    display = funding.display_in(data.get("currency") or BASE_CURRENCY, rate_on)
    figures = dashboard_tables(actor=actor, filters=filters, display=display)
    tables, checks = figures.tables, figures.checks
    csv = download(request, tables)
    if csv is not None:
        return csv
    wellbeing = checks[RuleKind.WELLBEING_SHARE]
    kept = request.GET.copy()
    kept.pop("map", None)
    return render(
        request,
        "portal/dashboard.html",
        {
            "form": form,
            "filters": filters,
            "tables": tables,
            "wellbeing": wellbeing,
            "wellbeing_percent": percent(wellbeing.share_ppm),
            "county": checks[RuleKind.COUNTY_SHARE],
            "display": display,
            "rate_on": rate_on,
            "asked_currency": data.get("currency") or BASE_CURRENCY,
            "compliance": figures.compliance,
            "headline": headline_figures(
                actor=actor,
                tables=tables,
                checks=checks,
                filters=filters,
                currency=display.currency,
            ),
            "sections": sections(tables),
            "map": tile_map(actor=actor, filters=filters, figure=request.GET.get("map", "")),
            "map_figures": FIGURES,
            "kept": kept,
            "stale_rates": stale_rate_count(actor=actor, filters=filters),
            "query": request.GET.urlencode(),
        },
    )


def glossary_view(request):
    return render(request, "portal/glossary.html", {"terms": TERMS})
