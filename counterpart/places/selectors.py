"""Reads for regions and organizations. Both are public directories: every actor sees them all."""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from counterpart.places.models import Organization, Population, Region


def region_list(
    *,
    actor,
    level: str | None = None,
    parent: Region | None = None,
    search: str | None = None,
    within: Region | None = None,
) -> QuerySet[Region]:
    regions = Region.objects.select_related("parent")
    if level:
        regions = regions.filter(level=level)
    if parent is not None:
        regions = regions.filter(parent=parent)
    if within is not None:
        regions = regions.filter(path__startswith=within.path)
    if search:
        regions = regions.filter(
            Q(name_en__icontains=search) | Q(name_zh__icontains=search) | Q(code__iexact=search)
        )
    return regions


def region_get(*, actor, pk: int) -> Region:
    return get_object_or_404(Region.objects.select_related("parent"), pk=pk)


def region_by_code(*, actor, code: str) -> Region | None:
    return Region.objects.filter(code=code).first()


def region_ancestors(region: Region) -> list[Region]:
    ids = region.lineage_ids()[:-1]
    by_id = Region.objects.in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]


def region_depth(region: Region) -> int:
    return region.path.count("/") - 2


def organization_list(
    *,
    actor,
    kind: str | None = None,
    region: Region | None = None,
    search: str | None = None,
    parent: Organization | None = None,
) -> QuerySet[Organization]:
    organizations = Organization.objects.select_related("region", "parent")
    if kind:
        organizations = organizations.filter(kind=kind)
    if region is not None:
        organizations = organizations.filter(region__path__startswith=region.path)
    if parent is not None:
        organizations = organizations.filter(parent=parent)
    if search:
        organizations = organizations.filter(
            Q(name_en__icontains=search) | Q(name_zh__icontains=search) | Q(code__iexact=search)
        )
    return organizations


def organization_get(*, actor, pk: int) -> Organization:
    return get_object_or_404(Organization.objects.select_related("region", "parent"), pk=pk)


def organization_by_code(*, actor, code: str) -> Organization | None:
    return Organization.objects.filter(code=code).first()


def institutions_spoken_for(*, actor, kind: str) -> QuerySet[Organization]:
    """Hospitals, schools… the actor acts for (`permissions.speaks_for_institution`, as a query)."""
    from counterpart.accounts import permissions

    found = organization_list(actor=actor, kind=kind).order_by("name_en")
    if permissions.is_programme_office(actor):
        return found
    return found.filter(permissions.institution_scope_q(actor, ""))


def population_list(regions=None) -> QuerySet[Population]:
    """Census counts (public figures), of `regions` when given."""
    rows = Population.objects.all()
    return rows if regions is None else rows.filter(region__in=regions)


def latest_population(regions) -> dict[int, Population]:
    """Each place's latest census count, for those that have one."""
    latest: dict[int, Population] = {}
    for row in population_list(regions).order_by("region", "-year"):
        latest.setdefault(row.region_id, row)
    return latest
