"""Writes for projects: creation and edits, sector splits, places, milestones and documents."""

import datetime
from decimal import Decimal
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.audit.services import audit_record, tracked_update
from counterpart.audit.snapshot import snapshot
from counterpart.core.arguments import UNSET, given
from counterpart.core.rules import amounts_in_range, dates_in_order
from counterpart.core.service import service, step
from counterpart.engine.money import CURRENCIES
from counterpart.pairings.models import Pairing
from counterpart.places.models import Organization, Region
from counterpart.projects import selectors
from counterpart.projects.choices import ActivityStatus
from counterpart.projects.models import (
    Milestone,
    Project,
    ProjectBudget,
    ProjectDocument,
    ProjectPlace,
    ProjectSector,
    ProjectSectorOther,
)
from counterpart.projects.signals import counting_changed
from counterpart.reporting import services as reporting

PROJECT_FIELDS = {
    "title_en",
    "title_zh",
    "description_en",
    "description_zh",
    "status",
    "region",
    "implementer",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "budget_minor",
    "currency",
    "is_published",
}


@step
def require_runs(actor, project_or_pairing) -> None:
    """The office, or the donor team of the project's (or pairing's) donor."""
    pairing = getattr(project_or_pairing, "pairing", project_or_pairing)
    permissions.require(permissions.can_act_for_donor(actor, pairing.donor))


def _check_project(project: Project) -> None:
    errors = {}
    if not project.region.is_within(project.pairing.recipient):
        errors["region"] = _(
            "%(place)s is not within %(recipient)s, which this pairing assists."
        ) % {
            "place": project.region,
            "recipient": project.pairing.recipient,
        }
    for start, end in (("planned_start", "planned_end"), ("actual_start", "actual_end")):
        errors.update(dates_in_order(getattr(project, start), getattr(project, end), end_field=end))
    errors.update(amounts_in_range(budget_minor=project.budget_minor))
    if project.currency not in CURRENCIES:
        errors["currency"] = _("Unknown currency %(code)r.") % {"code": project.currency}
    if errors:
        raise ValidationError(errors)


@service
def project_create(
    *,
    actor,
    pairing: Pairing,
    code: str,
    title_en: str,
    region: Region | None = None,
    sectors: dict[str, int] | None = None,
    title_zh: str = "",
    description_en: str = "",
    description_zh: str = "",
    status: str = ActivityStatus.PIPELINE,
    implementer: Organization | None = None,
    planned_start: datetime.date | None = None,
    planned_end: datetime.date | None = None,
    actual_start: datetime.date | None = None,
    actual_end: datetime.date | None = None,
    budget_minor: int = 0,
    currency: str = "CNY",
    is_published: bool = False,
    historical: str = "",
) -> Project:
    """A project of a pairing, in its recipient place unless `region` is a place within it;
    `sectors` maps DAC codes to percentages adding up to 100. With a reason in `historical`
    the office enters it as approved history (an imported file's): no review opens."""
    require_runs(actor, pairing)
    if historical:
        permissions.require(permissions.can_manage_programme(actor))
    project = Project(
        pairing=pairing,
        code=code,
        title_en=title_en,
        region=region or pairing.recipient,
        title_zh=title_zh,
        description_en=description_en,
        description_zh=description_zh,
        status=status,
        implementer=implementer,
        planned_start=planned_start,
        planned_end=planned_end,
        actual_start=actual_start,
        actual_end=actual_end,
        budget_minor=budget_minor,
        currency=currency,
        is_published=is_published,
    )
    project.full_clean()
    _check_project(project)
    project.save()
    audit_record(
        actor=actor,
        event_type="project.created",
        obj=project,
        after=snapshot(project),
        reason=historical,
    )
    if not historical:
        reporting.review_open(actor=actor, record=project)
    if sectors:
        project = project_sectors_set(
            actor=actor, project=project, expected_version=project.version, sectors=sectors
        )
    return project


@service
def project_update(
    *,
    actor,
    project: Project,
    expected_version: int,
    title_en: str = UNSET,
    title_zh: str = UNSET,
    description_en: str = UNSET,
    description_zh: str = UNSET,
    status: str = UNSET,
    region: Region = UNSET,
    implementer: Organization | None = UNSET,
    planned_start: datetime.date | None = UNSET,
    planned_end: datetime.date | None = UNSET,
    actual_start: datetime.date | None = UNSET,
    actual_end: datetime.date | None = UNSET,
    budget_minor: int = UNSET,
    currency: str = UNSET,
    is_published: bool = UNSET,
) -> Project:
    require_runs(actor, project)
    reporting.review_before_edit(actor=actor, record=project)
    changes = given(
        title_en=title_en,
        title_zh=title_zh,
        description_en=description_en,
        description_zh=description_zh,
        status=status,
        region=region,
        implementer=implementer,
        planned_start=planned_start,
        planned_end=planned_end,
        actual_start=actual_start,
        actual_end=actual_end,
        budget_minor=budget_minor,
        currency=currency,
        is_published=is_published,
    )
    publication_changes = "is_published" in changes and changes["is_published"] != (
        project.is_published
    )
    updated = tracked_update(
        actor=actor,
        instance=project,
        expected_version=expected_version,
        changes=changes,
        allowed=PROJECT_FIELDS,
        event_type="project.updated",
        validate=_check_project,
    )
    if publication_changes:  # the public totals count published projects only
        counting_changed.send(sender=Project, actor=actor, project=updated)
    return updated


@service
def project_sectors_set(
    *, actor, project: Project, expected_version: int, sectors: dict[str, int]
) -> Project:
    """Replace the project's sector split, as part of the project (its version moves). Entries
    that follow it are re-counted."""
    require_runs(actor, project)
    reporting.review_before_edit(actor=actor, record=project)
    known = selectors.sector_get_many(codes=list(sectors))
    errors = [
        _("Unknown DAC sector code %(code)r.") % {"code": code}
        for code in sectors
        if code not in known
    ]
    if any(not isinstance(p, int) or p < 1 or p > 100 for p in sectors.values()):
        errors.append(_("Each percentage is a whole number from 1 to 100."))
    elif sum(sectors.values()) != 100:
        errors.append(
            _("The percentages add up to %(total)s %%, not 100 %%.")
            % {"total": sum(sectors.values())}
        )
    if errors:
        raise ValidationError({"sectors": errors})
    before = {s.sector_id: s.percentage for s in project.sectors.all()}
    project = tracked_update(
        actor=actor,
        instance=project,
        expected_version=expected_version,
        changes={},
        allowed=set(),
        event_type="project.sectors_set",
        also=({"sectors": before}, {"sectors": sectors}),
    )
    project.sectors.all().delete()
    ProjectSector.objects.bulk_create(
        [ProjectSector(project=project, sector_id=c, percentage=p) for c, p in sectors.items()]
    )
    counting_changed.send(sender=Project, actor=actor, project=project)
    return project


class OtherSector(NamedTuple):
    """A sector of another vocabulary, as a file gives it."""

    vocabulary: str
    code: str
    percentage: Decimal | None = None
    name: str = ""
    uri: str = ""  # the vocabulary's address (a publisher's own, 98 or 99)


@service
def project_other_sectors_set(
    *, actor, project: Project, sectors: list[OtherSector]
) -> list[ProjectSectorOther]:
    """Replace the project's sectors of other vocabularies."""
    require_runs(actor, project)
    errors = {}
    made = [
        ProjectSectorOther(project=project, **OtherSector(*sector)._asdict()) for sector in sectors
    ]
    for sector in made:
        try:
            sector.full_clean(exclude=["project"])
        except ValidationError:
            errors["sectors"] = _(
                "A sector has a vocabulary of up to 3 characters, a code of up to 60, a "
                "percentage from 0 to 100, a name of up to 200 and a web address if any."
            )
        if sector.percentage is not None and not 0 <= sector.percentage <= 100:
            errors["sectors"] = _("A percentage is from 0 to 100.")
    if len({(s.vocabulary, s.code) for s in made}) != len(made):
        errors["sectors"] = _("A sector is listed twice.")
    if errors:
        raise ValidationError(errors)
    before = [str(s) for s in project.other_sectors.all()]
    project.other_sectors.all().delete()
    made = ProjectSectorOther.objects.bulk_create(made)
    audit_record(
        actor=actor,
        event_type="project.other_sectors_set",
        obj=project,
        before={"sectors": before},
        after={"sectors": [str(s) for s in made]},
    )
    return made


@service
def project_budget_set(
    *, actor, project: Project, year: int, amount_minor: int, currency: str | None = None
) -> ProjectBudget:
    """What the project plans to spend in `year` (set again, it replaces the figure)."""
    require_runs(actor, project)
    currency = currency or project.currency
    errors = amounts_in_range(amount_minor=amount_minor)
    if type(year) is not int or not 1949 <= year <= 2200:
        errors["year"] = _("A year from 1949 to 2200.")
    if currency not in CURRENCIES:
        errors["currency"] = _("Unknown currency %(code)r.") % {"code": currency}
    if errors:
        raise ValidationError(errors)
    before = ProjectBudget.objects.filter(project=project, year=year).first()
    budget, _created = ProjectBudget.objects.update_or_create(
        project=project, year=year, defaults={"amount_minor": amount_minor, "currency": currency}
    )
    audit_record(
        actor=actor,
        event_type="project.budget_set",
        obj=project,
        before=snapshot(before) if before else None,
        after=snapshot(budget),
    )
    return budget


@service
def project_place_add(
    *,
    actor,
    project: Project,
    region: Region,
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
) -> ProjectPlace:
    """Another place the project works in, with a point on the map where one is known."""
    require_runs(actor, project)
    errors = {}
    if not region.is_within(project.pairing.recipient):
        errors["region"] = _("This place is not within the pairing's recipient.")
    elif region.pk == project.region_id or project.places.filter(region=region).exists():
        errors["region"] = _("The project already works in this place.")
    if latitude is not None and not -90 <= latitude <= 90:
        errors["latitude"] = _("A latitude is between -90 and 90.")
    if longitude is not None and not -180 <= longitude <= 180:
        errors["longitude"] = _("A longitude is between -180 and 180.")
    if (latitude is None) != (longitude is None):
        errors["longitude" if longitude is None else "latitude"] = _(
            "Give both latitude and longitude, or neither."
        )
    if errors:
        raise ValidationError(errors)
    place = ProjectPlace(project=project, region=region, latitude=latitude, longitude=longitude)
    place.full_clean()
    place.save()
    audit_record(actor=actor, event_type="project.place_added", obj=project, after=snapshot(place))
    return place


@service
def milestone_add(
    *, actor, project: Project, title_en: str, due_on: datetime.date, title_zh: str = ""
) -> Milestone:
    require_runs(actor, project)
    reporting.review_before_edit(actor=actor, record=project)  # a part of what was approved
    milestone = Milestone(project=project, title_en=title_en, title_zh=title_zh, due_on=due_on)
    milestone.full_clean()
    milestone.save()
    audit_record(
        actor=actor, event_type="milestone.added", obj=milestone, after=snapshot(milestone)
    )
    return milestone


@service
def milestone_complete(
    *, actor, milestone: Milestone, expected_version: int, completed_on: datetime.date
) -> Milestone:
    require_runs(actor, milestone.project)
    reporting.review_before_edit(actor=actor, record=milestone.project)
    return tracked_update(
        actor=actor,
        instance=milestone,
        expected_version=expected_version,
        changes={"completed_on": completed_on},
        allowed={"completed_on"},
        event_type="milestone.completed",
    )


@service
def document_add(*, actor, project: Project, title: str, url: str) -> ProjectDocument:
    """A link about the project; under review it is seen by the public once the project with
    it is approved (an unsettled project is not public)."""
    require_runs(actor, project)
    reporting.review_before_edit(actor=actor, record=project)
    document = ProjectDocument(project=project, title=title, url=url)
    document.full_clean()
    document.save()
    audit_record(actor=actor, event_type="document.added", obj=document, after=snapshot(document))
    return document
