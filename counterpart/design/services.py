"""Writes for pairing design: a scenario made from a round, its figures edited, solved (on the
queue), published, and turned into a draft round whose pairings the office then approves."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.audit.services import audit_record, tracked_update
from counterpart.audit.snapshot import snapshot
from counterpart.core.json_input import InputError
from counterpart.core.service import service
from counterpart.design import selectors
from counterpart.design.choices import FigureOrigin, ScenarioStatus
from counterpart.design.models import NeedFigure, Scenario
from counterpart.design.reading import problem_dict, problem_from, result_of
from counterpart.engine.design import Infeasible, solve
from counterpart.jobs.progress import Progress, ignore_progress
from counterpart.pairings.choices import Confidence
from counterpart.pairings.models import Pairing, PairingRound
from counterpart.pairings.services import pairing_create, pairing_round_create
from counterpart.places.models import Organization, Region

LONGEST_SOLVE = 600.0  # seconds a scenario may be solved for on the queue


@service
def need_figure_record(
    *, actor, region: Region, name: str, year: int, value: Decimal, source: str
) -> NeedFigure:
    """A place's need weight (1: an average resident) by a named figure and year, with its
    source; recording it again for the same place, figure and year corrects it."""
    permissions.require(permissions.is_programme_office(actor))
    row = NeedFigure.objects.filter(region=region, name=name, year=year).first()
    before = snapshot(row) if row else None
    row = row or NeedFigure(region=region, name=name, year=year)
    row.value, row.source = value, source
    if before:
        row.version += 1
    row.full_clean()
    row.save()
    audit_record(
        actor=actor,
        event_type="need_figure.corrected" if before else "need_figure.recorded",
        obj=row,
        before=before,
        after=snapshot(row),
    )
    return row


@service
def scenario_create(
    *,
    actor,
    round: PairingRound,
    name: str,
    census_year: int,
    revenue_year: int | None = None,
    need: tuple[str, int] | None = None,
) -> Scenario:
    """A scenario of `round` as it stands: its donors' capacities from their fiscal revenue of
    the year before the round (or `revenue_year`) times the quota share, its recipients'
    populations from the census of `census_year`, their weights 1 or, given `need` (a need
    figure's name and year), that figure's."""
    permissions.require(permissions.is_programme_office(actor))
    revenue_year = revenue_year or round.year - 1
    if need is not None and need not in selectors.need_measures():
        raise ValidationError({"need": _("No need figure of that name and year is recorded.")})
    problem, origins = selectors.round_figures(
        round=round, census_year=census_year, revenue_year=revenue_year, need=need
    )
    if not problem["recipients"]:
        raise ValidationError(
            {"census_year": _("No recipient of this round has a count in that census.")}
        )
    scenario = Scenario(
        name=name,
        round=round,
        census_year=census_year,
        revenue_year=revenue_year,
        problem=problem_dict(problem_from(problem)),
        origins=origins,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    scenario.full_clean()
    scenario.save()
    audit_record(
        actor=actor,
        event_type="design_scenario.created",
        obj=scenario,
        after=snapshot(scenario, exclude=("problem", "origins")),
    )
    return scenario


@service
def scenario_figures_set(
    *, actor, scenario: Scenario, expected_version: int, problem: dict
) -> Scenario:
    """Replace the scenario's figures (the engine's input, as `design solve` reads it): every
    donor an organization, every recipient a place; a figure that differs from the one before
    is marked as entered by the office. The solution, now stale, is dropped, and the scenario
    is no longer published until solved and published again."""
    permissions.require(permissions.is_programme_office(actor))
    try:
        problem = problem_dict(problem_from(problem))
    except InputError as error:
        raise ValidationError({"problem": str(error)}) from None
    if not problem["recipients"]:
        raise ValidationError({"problem": _("A scenario has at least one recipient.")})
    _known(problem)
    # as stored: the caller may have changed the figures of the instance it passes
    origins = _origins_after(Scenario.objects.get(pk=scenario.pk), problem)
    return tracked_update(
        actor=actor,
        instance=scenario,
        expected_version=expected_version,
        changes={
            "problem": problem,
            "origins": origins,
            "status": ScenarioStatus.DRAFT,
            "result": None,
            "refusal": None,
            "solved_at": None,
            "is_published": False,  # what was published no longer stands
        },
        allowed={"problem", "origins", "status", "result", "refusal", "solved_at", "is_published"},
        event_type="design_scenario.changed",
    )


def _known(problem: dict) -> None:
    donors = {d["ref"] for d in problem["donors"]}
    places = {r["ref"] for r in problem["recipients"]}
    unknown = donors - set(
        Organization.objects.filter(code__in=donors).values_list("code", flat=True)
    )
    if unknown:
        raise ValidationError(
            {"problem": _("No organization has the code %(code)s.") % {"code": sorted(unknown)[0]}}
        )
    unknown = places - set(Region.objects.filter(code__in=places).values_list("code", flat=True))
    if unknown:
        raise ValidationError(
            {"problem": _("No place has the code %(code)s.") % {"code": sorted(unknown)[0]}}
        )


def _origins_after(scenario: Scenario, problem: dict) -> dict:
    """Where each figure comes from once `problem` replaces the scenario's figures."""
    before = {
        "donors": {d["ref"]: d.get("capacity") for d in scenario.problem["donors"]},
        "recipients": {r["ref"]: r.get("population") for r in scenario.problem["recipients"]},
    }
    origins = {key: dict(scenario.origins.get(key, {})) for key in ("donors", "recipients")}
    figure = {"donors": "capacity", "recipients": "population"}
    for side in ("donors", "recipients"):
        for item in problem[side]:
            if before[side].get(item["ref"]) != item.get(figure[side]):
                origins[side][item["ref"]] = {"origin": FigureOrigin.ENTERED}
    placed = {r["ref"] for r in problem["recipients"]}
    origins["left_out"] = [
        gone for gone in scenario.origins.get("left_out", []) if gone["ref"] not in placed
    ]
    return origins


@service(writes_at_the_end="solving takes up to its time limit; the result is written at once")
def scenario_solve(
    *,
    actor,
    scenario: Scenario,
    time_limit: float = 60.0,
    progress: Progress = ignore_progress,
) -> Scenario:
    """Solve the scenario's design (`engine.design.solve`); figures no design can meet are
    kept as the scenario's refusal, in words the page puts in the reader's language."""
    permissions.require(permissions.is_programme_office(actor))
    version = scenario.version
    progress(0, 2, "design")
    result, refused = None, None
    try:
        result = result_of(
            solve(problem_from(scenario.problem), time_limit=min(time_limit, LONGEST_SOLVE))
        )
    except Infeasible as error:
        refused = {"code": error.code, "params": error.params}
    progress(1, 2, "design")
    with transaction.atomic():
        current = Scenario.objects.select_for_update().get(pk=scenario.pk)
        if current.version != version:
            raise ValidationError(
                _("The scenario's figures changed while it was being solved; solve it again.")
            )
        current.result, current.refusal = result, refused
        current.status = ScenarioStatus.FAILED if refused else ScenarioStatus.SOLVED
        current.solved_at = timezone.now()
        current.version += 1
        current.save()
        audit_record(
            actor=actor,
            event_type="design_scenario.refused" if refused else "design_scenario.solved",
            obj=current,
            after={"refusal": refused} if refused else _summary(result),
        )
    progress(2, 2, "design")
    return current


def _summary(result: dict) -> dict:
    return {key: result[key] for key in ("objective", "changes", "proven_optimal", "gap")}


@service
def scenario_publish(
    *, actor, scenario: Scenario, expected_version: int, published: bool
) -> Scenario:
    """Let everyone read the scenario (or no longer)."""
    permissions.require(permissions.is_programme_office(actor))
    if published and scenario.status != ScenarioStatus.SOLVED:
        raise ValidationError({"is_published": _("Only a solved scenario can be published.")})
    return tracked_update(
        actor=actor,
        instance=scenario,
        expected_version=expected_version,
        changes={"is_published": published},
        allowed={"is_published"},
        event_type="design_scenario.published" if published else "design_scenario.unpublished",
    )


@service
def scenario_round_draft(
    *,
    actor,
    scenario: Scenario,
    expected_version: int,
    year: int,
    name_en: str,
    starts_on: datetime.date,
    name_zh: str = "",
    name_ug: str = "",
) -> PairingRound:
    """A new round holding, unpublished, the pairings the scenario's design makes that are not
    in force already: the office reviews and publishes each through the pairings' own pages
    (ending the recipient's pairing before). A pairing the design keeps continues as it is."""
    permissions.require(permissions.is_programme_office(actor))
    if scenario.status != ScenarioStatus.SOLVED:
        raise ValidationError(_("Solve the scenario before making a round of it."))
    pairing_round = pairing_round_create(
        actor=actor,
        year=year,
        name_en=name_en,
        name_zh=name_zh,
        name_ug=name_ug,
        starts_on=starts_on,
    )
    pairs = scenario.result["assignment"]
    donors = Organization.objects.in_bulk([d for d, _r in pairs], field_name="code")
    places = Region.objects.in_bulk([r for _d, r in pairs], field_name="code")
    in_force = {
        (p.donor.code, p.recipient.code)
        for p in Pairing.objects.filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=starts_on),
            recipient__code__in=places,
        ).select_related("donor", "recipient")
    }
    for donor, place in sorted(pairs):
        if (donor, place) in in_force:
            continue
        pairing_create(
            actor=actor,
            round=pairing_round,
            donor=donors[donor],
            recipient=places[place],
            valid_from=starts_on,
            source=f"pairing design scenario {scenario.pk}",
            confidence=Confidence.MEDIUM,
        )
    tracked_update(
        actor=actor,
        instance=scenario,
        expected_version=expected_version,
        changes={"draft_round": pairing_round},
        allowed={"draft_round"},
        event_type="design_scenario.round_drafted",
    )
    return pairing_round
