"""Reads for pairing design: the scenarios one may see, and a round's figures as the engine's
input (capacities from fiscal revenue and the quota share, populations from a census)."""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from counterpart.accounts import permissions
from counterpart.design.choices import FigureOrigin
from counterpart.design.models import NeedFigure, Scenario
from counterpart.pairings.models import FiscalRevenue, Pairing, PairingRound, QuotaRule
from counterpart.pairings.selectors import quota_rule_for
from counterpart.places.centres import counties_in
from counterpart.places.choices import RegionLevel
from counterpart.places.models import DONOR_KINDS, Organization, Population, Region


def scenario_list(*, actor) -> QuerySet[Scenario]:
    """The office and auditors see every scenario; everyone else the published ones."""
    scenarios = Scenario.objects.select_related("round", "draft_round", "created_by")
    if permissions.reads_everything(actor):
        return scenarios
    return scenarios.filter(Q(is_published=True))


def scenario_get(*, actor, pk: int) -> Scenario:
    return get_object_or_404(scenario_list(actor=actor), pk=pk)


def census_years() -> list[int]:
    """The census years with counts recorded, latest first."""
    return list(Population.objects.order_by("-year").values_list("year", flat=True).distinct())


def need_figure_list() -> QuerySet[NeedFigure]:
    """Every place's need figures: public, like the census counts."""
    return NeedFigure.objects.select_related("region")


def need_measures() -> list[tuple[str, int]]:
    """The need figures recorded, by name and year."""
    return list(NeedFigure.objects.order_by("name", "-year").values_list("name", "year").distinct())


def round_figures(
    *,
    round: PairingRound,
    census_year: int,
    revenue_year: int,
    need: tuple[str, int] | None = None,
) -> tuple[dict, dict]:
    """The round's donors and recipients as the engine's input, and where each figure came
    from. Recipients are the places of the round's top-level pairings (the latest pairing of
    each); a place with no census count and none to estimate from is left out, with its donor,
    until the office enters one."""
    pairings = (
        Pairing.objects.filter(round=round, parent__isnull=True)
        .select_related("donor", "recipient")
        .order_by("valid_from", "pk")
    )
    current = {p.recipient.code: p for p in pairings}
    donors = {p.donor.code: p.donor for p in current.values()}
    capacities, donor_origins = _capacities(round, donors, revenue_year)
    places = [p.recipient for p in current.values()]
    populations, place_origins, groups = _populations(places, census_year)
    weights = _weights(places, need, place_origins) if need else {}
    recipients, left_out = [], []
    for place in sorted(places, key=lambda p: p.path):
        if place.code in populations:
            recipients.append(
                {
                    "ref": place.code,
                    "population": populations[place.code],
                    "weight": weights.get(place.code, 1),
                    "group": groups[place.code],
                }
            )
        else:
            left_out.append(
                {
                    "ref": place.code,
                    "donor": current[place.code].donor.code,
                    "group": groups[place.code],
                }
            )
    kept = {r["ref"] for r in recipients}
    assignment = [[current[ref].donor.code, ref] for ref in sorted(kept)]
    spans = {d: {groups[ref] for donor, ref in assignment if donor == d} for d, _r in assignment}
    problem = {
        "donors": [{"ref": code, "capacity": capacities[code]} for code in sorted(donors)],
        "recipients": recipients,
        "fixed": [],
        "forbidden": [],
        "max_groups_per_donor": max((len(s) for s in spans.values()), default=1),
        "current": assignment,
    }
    origins = {"donors": donor_origins, "recipients": place_origins, "left_out": left_out}
    if need:
        origins["need"] = list(need)
    return problem, origins


def _capacities(round, donors: dict, revenue_year: int) -> tuple[dict, dict]:
    """Each donor's yearly capacity: its fiscal revenue of `revenue_year` times the round's
    quota share for the year after (what the quota rule charges it)."""
    rules = list(QuotaRule.objects.filter(round=round))
    revenues = {
        r.donor_id: r
        for r in FiscalRevenue.objects.filter(donor__in=donors.values(), year=revenue_year)
    }
    capacities, origins = {}, {}
    for code, donor in donors.items():
        rule = quota_rule_for(rules, donor, revenue_year + 1) or next(
            (
                r
                for r in sorted(rules, key=lambda r: r.first_year)
                if r.donor_id in (None, donor.pk)
            ),
            None,
        )
        revenue = revenues.get(donor.pk)
        if rule is None or revenue is None:
            capacities[code] = 0
            origins[code] = {"origin": FigureOrigin.MISSING}
            continue
        capacities[code] = revenue.amount_minor / 100 * rule.share_ppm / 1_000_000
        origins[code] = {
            "origin": FigureOrigin.REVENUE,
            "revenue": revenue.amount_minor / 100,
            "year": revenue.year,
            "share_ppm": rule.share_ppm,
            "source": revenue.source,
        }
    return capacities, origins


def _populations(places: list[Region], year: int) -> tuple[dict, dict, dict]:
    """Each place's census count of `year`; a county without one gets an equal share of what
    its prefecture's count leaves after the counties that have theirs. Also each place's
    group: its prefecture (or itself, above a county)."""
    ancestors = {
        r.pk: r for r in Region.objects.filter(pk__in={i for p in places for i in p.lineage_ids()})
    }
    groups, prefecture_of = {}, {}
    for place in places:
        upper = [
            ancestors[i]
            for i in place.lineage_ids()
            if ancestors[i].level in (RegionLevel.PREFECTURE, RegionLevel.DIVISION)
        ]
        prefecture_of[place.code] = upper[0] if upper else place
        groups[place.code] = prefecture_of[place.code].code
    wanted = {p.pk for p in places} | {p.pk for p in prefecture_of.values()}
    counts = {
        row.region_id: row.people for row in Population.objects.filter(year=year, region__in=wanted)
    }
    populations, origins = {}, {}
    for place in places:
        if place.pk in counts:
            populations[place.code] = counts[place.pk]
            origins[place.code] = {"origin": FigureOrigin.CENSUS, "year": year}
    for place in places:
        prefecture = prefecture_of[place.code]
        if place.code in populations or prefecture == place or prefecture.pk not in counts:
            continue
        share = _county_share(prefecture, counts[prefecture.pk], year)
        if share:
            populations[place.code] = share
            origins[place.code] = {
                "origin": FigureOrigin.ESTIMATE,
                "year": year,
                "of": prefecture.code,
            }
    for place in places:  # a prefecture paired as a whole, less its places paired on their own
        inside = [
            other
            for other in places
            if other != place and other.is_within(place) and other.code in populations
        ]
        if inside and origins.get(place.code, {}).get("origin") == FigureOrigin.CENSUS:
            populations[place.code] -= sum(populations[other.code] for other in inside)
            origins[place.code]["less"] = sorted(other.code for other in inside)
    return populations, origins, groups


def _weights(places: list[Region], need: tuple[str, int], origins: dict) -> dict[str, float]:
    """Each place's weight by the need figure: its own, else the nearest place above it that
    has one (a county takes its prefecture's); 1 where none is recorded, marked."""
    name, year = need
    ids = {i for p in places for i in p.lineage_ids()}
    values = dict(
        NeedFigure.objects.filter(name=name, year=year, region__in=ids).values_list(
            "region_id", "value"
        )
    )
    weights = {}
    for place in places:
        found = next((i for i in reversed(place.lineage_ids()) if i in values), None)
        mark = origins.setdefault(place.code, {"origin": FigureOrigin.MISSING})
        if found is None:
            mark["weight"] = {"need": name, "year": year, "missing": True}
            continue
        weights[place.code] = float(values[found])
        mark["weight"] = {"need": name, "year": year, "of": found != place.pk}
    return weights


def _county_share(prefecture: Region, people: int, year: int) -> int:
    """What a county of `prefecture` without its own count is taken to hold: the prefecture's
    count, less the counties counted, shared equally by the others (as many as GB/T 2260 lists
    under it, or as are recorded here when it lists none)."""
    counties = list(Region.objects.filter(parent=prefecture))
    known = dict(
        Population.objects.filter(year=year, region__in=counties).values_list("region_id", "people")
    )
    unknown = max(counties_in(prefecture.code), len(counties)) - len(known)
    left = people - sum(known.values())
    return left // unknown if unknown > 0 and left > 0 else 0


def donor_candidates() -> list[Organization]:
    """Organizations that may assist (provinces, cities, agencies, state enterprises): the
    donors a scenario may add. Top-level ones only: a sub-donor assists under its parent."""
    return list(
        Organization.objects.filter(kind__in=DONOR_KINDS, parent__isnull=True).order_by("name_en")
    )


def names_of(scenario: Scenario) -> dict[str, str]:
    """The names, in the reader's language, of the scenario's donors and places by code."""
    problem = scenario.problem
    places = [r["ref"] for r in problem["recipients"]]
    places += [r["ref"] for r in scenario.origins.get("left_out", [])]
    donors = [d["ref"] for d in problem["donors"]]
    found = {o.code: str(o) for o in Organization.objects.filter(code__in=donors)}
    found.update({r.code: str(r) for r in Region.objects.filter(code__in=places)})
    return found
