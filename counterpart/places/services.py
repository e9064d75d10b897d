"""Writes for regions and organizations. Keyword-only, atomic, audited (house rules 1 and 2)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.audit.services import audit_record, tracked_update
from counterpart.audit.snapshot import snapshot
from counterpart.core.arguments import UNSET, given
from counterpart.core.service import service
from counterpart.places.centres import centre_of
from counterpart.places.choices import OrganizationKind
from counterpart.places.governments import GOVERNED_LEVELS, government_code, government_names
from counterpart.places.models import LEVEL_DEPTH, Organization, Population, Region, TreeNode
from counterpart.places.org_ids import normalized_org_ref

# What a donor or recipient team may change on its own organization; the rest is the office's.
ORGANIZATION_PROFILE_FIELDS = {"description_en", "description_zh", "website", "contact_email"}
ORGANIZATION_OFFICE_FIELDS = ORGANIZATION_PROFILE_FIELDS | {
    "iati_ref",
    "name_en",
    "name_zh",
    "name_ug",
    "kind",
    "region",
    "parent",
}
REGION_FIELDS = {
    "name_en",
    "name_zh",
    "name_ug",
    "code",
    "level",
    "parent",
}  # all of region_update's


def _place_in_tree(node: TreeNode) -> None:
    """(Re)compute the node's path and its descendants' after a create or a move."""
    old_path = node.path
    node.path = node.path_from_parent()
    type(node).objects.filter(pk=node.pk).update(path=node.path)
    if old_path and old_path != node.path:
        for descendant in type(node).objects.filter(path__startswith=old_path).exclude(pk=node.pk):
            descendant.path = node.path + descendant.path[len(old_path) :]
            type(node).objects.filter(pk=descendant.pk).update(path=descendant.path)


def _check_parent(node: TreeNode, parent: TreeNode | None) -> None:
    if parent is None or node.pk is None:
        return
    if parent.pk == node.pk or parent.is_within(node):
        raise ValidationError(
            {"parent": _("A place cannot sit under itself or its own descendant.")}
        )


def _check_region_level(level: str, parent: Region | None) -> None:
    if parent is not None and LEVEL_DEPTH[level] <= LEVEL_DEPTH[parent.level]:
        raise ValidationError(
            {
                "level": _("A %(level)s cannot sit under a %(parent)s.")
                % {"level": level, "parent": parent.get_level_display()}
            }
        )


@service
def region_create(
    *,
    actor,
    code: str,
    name_en: str,
    name_zh: str = "",
    name_ug: str = "",
    level: str,
    parent: Region | None = None,
    centre: tuple[Decimal, Decimal] | None = None,
) -> Region:
    """A place, and for a prefecture, a county or a corps division its government (an
    organization of the place, accountable for what is brought to it). Its point on the map,
    `centre` (latitude, longitude), is the listed seat of its code's place unless given."""
    permissions.require(permissions.can_manage_programme(actor))
    latitude, longitude = centre or centre_of(code) or (None, None)
    region = Region(
        code=code,
        name_en=name_en,
        name_zh=name_zh,
        name_ug=name_ug,
        level=level,
        parent=parent,
        latitude=latitude,
        longitude=longitude,
    )
    region.full_clean(exclude=["path"])
    _check_region_level(level, parent)
    region.save()
    _place_in_tree(region)
    audit_record(actor=actor, event_type="region.created", obj=region, after=snapshot(region))
    if level in GOVERNED_LEVELS:  # a place that can be assisted comes with its government
        name_en, name_zh, name_ug = government_names(region)
        organization_create(
            actor=actor,
            code=government_code(region),
            name_en=name_en,
            name_zh=name_zh,
            name_ug=name_ug,
            kind=OrganizationKind.LOCAL_GOVERNMENT,
            region=region,
        )
    return region


@service
def region_update(
    *,
    actor,
    region: Region,
    expected_version: int,
    name_en: str = UNSET,
    name_zh: str = UNSET,
    name_ug: str = UNSET,
    code: str = UNSET,
    level: str = UNSET,
    parent: Region | None = UNSET,
) -> Region:
    """The office corrects a region: its names, code, level, or place in the tree."""
    permissions.require(permissions.can_manage_programme(actor))
    changes = given(
        name_en=name_en, name_zh=name_zh, name_ug=name_ug, code=code, level=level, parent=parent
    )

    def fits_in_tree(changed: Region) -> None:  # after the fields' own checks (a level given)
        _check_parent(changed, changed.parent)
        _check_region_level(changed.level, changed.parent)

    region = tracked_update(
        actor=actor,
        instance=region,
        expected_version=expected_version,
        changes=changes,
        allowed=REGION_FIELDS,
        event_type="region.updated",
        validate=fits_in_tree,
    )
    _place_in_tree(region)
    return region


def _iati_ref_or_error(text: str, organization: Organization | None) -> str:
    """The identifier normalized (spaces out, prefix in capitals), checked, and not another's."""
    if not (text or "").strip():
        return ""
    try:
        ref = normalized_org_ref(text)
    except ValueError as problem:
        raise ValidationError({"iati_ref": str(problem)}) from None
    others = Organization.objects.filter(iati_ref=ref)
    if organization is not None:
        others = others.exclude(pk=organization.pk)
    if others.exists():
        raise ValidationError({"iati_ref": _("Another organization has this identifier.")})
    return ref


@service
def organization_create(
    *,
    actor,
    code: str,
    name_en: str,
    kind: str,
    region: Region,
    name_zh: str = "",
    name_ug: str = "",
    parent: Organization | None = None,
    description_en: str = "",
    description_zh: str = "",
    website: str = "",
    contact_email: str = "",
    iati_ref: str = "",
) -> Organization:
    permissions.require(permissions.can_manage_programme(actor))
    organization = Organization(
        iati_ref=_iati_ref_or_error(iati_ref, None),
        code=code,
        name_en=name_en,
        name_zh=name_zh,
        name_ug=name_ug,
        kind=kind,
        region=region,
        parent=parent,
        description_en=description_en,
        description_zh=description_zh,
        website=website,
        contact_email=contact_email,
    )
    organization.full_clean(exclude=["path"])
    organization.save()
    _place_in_tree(organization)
    audit_record(
        actor=actor,
        event_type="organization.created",
        obj=organization,
        after=snapshot(organization),
    )
    return organization


@service
def organization_update(
    *,
    actor,
    organization: Organization,
    expected_version: int,
    description_en: str = UNSET,
    description_zh: str = UNSET,
    website: str = UNSET,
    contact_email: str = UNSET,
    name_en: str = UNSET,
    name_zh: str = UNSET,
    name_ug: str = UNSET,
    kind: str = UNSET,
    region: Region = UNSET,
    parent: Organization | None = UNSET,
    iati_ref: str = UNSET,
) -> Organization:
    """A team changes its own organization's profile (descriptions, website, contact); the
    office may change its names, kind, place and parent too."""
    permissions.require(permissions.can_edit_organization(actor, organization))
    changes = given(
        description_en=description_en,
        description_zh=description_zh,
        website=website,
        contact_email=contact_email,
        name_en=name_en,
        name_zh=name_zh,
        name_ug=name_ug,
        kind=kind,
        region=region,
        parent=parent,
        iati_ref=iati_ref,
    )
    if "iati_ref" in changes:
        changes["iati_ref"] = _iati_ref_or_error(changes["iati_ref"], organization)
    allowed = (
        ORGANIZATION_OFFICE_FIELDS
        if permissions.can_manage_programme(actor)
        else ORGANIZATION_PROFILE_FIELDS
    )
    if "parent" in changes:
        _check_parent(organization, changes["parent"])
    organization = tracked_update(
        actor=actor,
        instance=organization,
        expected_version=expected_version,
        changes=changes,
        allowed=allowed,
        event_type="organization.updated",
    )
    if "parent" in changes:
        _place_in_tree(organization)
    return organization


@service
def population_record(*, actor, region: Region, year: int, people: int, source: str) -> Population:
    """A census count for a place (the office's): a second count for the same year corrects
    the first, its old figure kept in the log."""
    permissions.require(permissions.can_manage_programme(actor))
    row = Population.objects.filter(region=region, year=year).first()
    before = snapshot(row) if row else None
    row = row or Population(region=region, year=year)
    row.people, row.source = people, source
    row.full_clean()
    row.save()
    event = "population.corrected" if before else "population.recorded"
    audit_record(actor=actor, event_type=event, obj=row, before=before, after=snapshot(row))
    return row
