"""Who may do what. Every selector and service asks these predicates (house rule 5).

A user's memberships are read once per request and kept on the user object.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django_otp import devices_for_user

from counterpart.accounts.choices import TEAM_GRANTABLE, Role
from counterpart.accounts.models import Membership


def memberships(user) -> list[Membership]:
    cached = getattr(user, "_membership_cache", None)
    if cached is not None:
        return cached
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cached = list(Membership.objects.filter(user=user).select_related("organization__region"))
    user._membership_cache = cached
    return cached


def roles(user) -> set[str]:
    return {m.role for m in memberships(user)}


def is_programme_office(user) -> bool:
    return Role.PROGRAMME_OFFICE in roles(user)


def reads_everything(user) -> bool:
    return bool(roles(user) & {Role.PROGRAMME_OFFICE, Role.AUDITOR})


def can_manage_programme(user) -> bool:
    """Rounds, pairings, regions, quota rules and fiscal revenue."""
    return is_programme_office(user)


def can_read_audit(user) -> bool:
    return reads_everything(user)


def organizations_in_role(user, *role_names: str) -> list:
    return [
        m.organization
        for m in memberships(user)
        if m.organization_id is not None and (not role_names or m.role in role_names)
    ]


def grantable_roles(user, organization) -> tuple[str, ...]:
    """The roles `user` may give and take away in `organization`: every role for the office;
    the team roles for a team administrator of it (or of an organization above it)."""
    if is_programme_office(user):
        return tuple(Role.values)
    admin_of = organizations_in_role(user, Role.TEAM_ADMIN)
    if organization is not None and any(organization.is_within(org) for org in admin_of):
        return TEAM_GRANTABLE
    return ()


def administers_people(user) -> bool:
    """Whether the user gives roles anywhere: the office, or a team administrator."""
    return is_programme_office(user) or bool(organizations_in_role(user, Role.TEAM_ADMIN))


def administered(user, organization_field: str) -> Q | None:
    """Rows whose organization (`organization_field`, e.g. "memberships__organization"; "" for
    organizations themselves) the user administers, as a filter: None (everything) for the
    office; for a team administrator, its organizations and those under them."""
    if is_programme_office(user):
        return None
    prefix = f"{organization_field}__" if organization_field else ""
    return subtree_q(organizations_in_role(user, Role.TEAM_ADMIN), prefix)


def can_suspend(actor, user) -> bool:
    """The office suspends anyone; a team administrator someone whose every role it could have
    given (a person who also acts elsewhere is the office's to stop)."""
    if is_programme_office(actor):
        return True
    held = list(Membership.objects.filter(user=user).select_related("organization"))
    return bool(held) and all(m.role in grantable_roles(actor, m.organization) for m in held)


def can_edit_organization(user, organization) -> bool:
    if is_programme_office(user):
        return True
    own = organizations_in_role(user, Role.DONOR_TEAM, Role.RECIPIENT_TEAM)
    return any(org.pk == organization.pk for org in own)


def can_act_for_donor(user, donor) -> bool:
    """Record funds and run projects for a donor: the office, or the donor's own team (a
    province's team also for the cities under it)."""
    if is_programme_office(user):
        return True
    return any(donor.is_within(org) for org in organizations_in_role(user, Role.DONOR_TEAM))


def serves_region(user, region) -> bool:
    """A recipient team whose place contains `region` (a county team for its townships)."""
    return any(
        region.is_within(org.region) for org in organizations_in_role(user, Role.RECIPIENT_TEAM)
    )


def subtree_q(nodes, field: str = "") -> Q:
    """Rows whose tree node (at `field`, e.g. "donor__") sits under any of `nodes`."""
    q = Q(pk__in=[])
    for node in nodes:
        q |= Q(**{f"{field}path__startswith": node.path})
    return q


def donor_scope_q(user, field: str) -> Q:
    """Rows whose donor organization (at `field`) is one of the user's donor teams or under it."""
    return subtree_q(organizations_in_role(user, Role.DONOR_TEAM), field)


def recipient_scope_q(user, field: str) -> Q:
    """Rows whose region (at `field`) lies in a region one of the user's recipient teams serves."""
    regions = [org.region for org in organizations_in_role(user, Role.RECIPIENT_TEAM)]
    return subtree_q(regions, field)


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def can_manage_post(user, institution) -> bool:
    """Post needs and rank applicants for an institution: the office, or the recipient team of
    the institution's place."""
    return is_programme_office(user) or serves_region(user, institution.region)


def sends_professional(user, professional) -> bool:
    """The donor team of the professional's sending organization (or of one above it)."""
    return any(
        professional.organization.is_within(org)
        for org in organizations_in_role(user, Role.DONOR_TEAM)
    )


def is_the_professional(user, professional) -> bool:
    return bool(professional.user_id) and professional.user_id == getattr(user, "pk", None)


def can_manage_professional(user, professional) -> bool:
    """Edit a profile and its rankings: the professional, their donor team, or the office."""
    return (
        is_the_professional(user, professional)
        or is_programme_office(user)
        or sends_professional(user, professional)
    )


def may_see_professional_name(user, professional) -> bool:
    """Personal data: the professional, their own organization's team and the programme office
    (house rule 7). Auditors, who read everything else, see the applicant number."""
    return can_manage_professional(user, professional)


def speaks_for_institution(user, institution) -> bool:
    """Act for a hospital, school or company: the office; a team of the institution itself or of
    an organization above it (a province's team for its hospitals); or the recipient team of
    the institution's place."""
    if is_programme_office(user):
        return True
    teams = organizations_in_role(user, Role.DONOR_TEAM, Role.RECIPIENT_TEAM)
    return any(institution.is_within(org) for org in teams) or serves_region(
        user, institution.region
    )


def institution_scope_q(user, field: str) -> Q:
    """Rows whose institution (at `field`, e.g. "requesting_institution__") the user speaks for."""
    teams = organizations_in_role(user, Role.DONOR_TEAM, Role.RECIPIENT_TEAM)
    return subtree_q(teams, field) | recipient_scope_q(user, f"{field}region__")


def may_report_for(user, pairing, company=None) -> bool:
    """Report a company's jobs or a product's sales: the pairing's donor team (and the office),
    or the recipient team of the company's place (the pairing's, without a company)."""
    place = company.region if company is not None else pairing.recipient
    return can_act_for_donor(user, pairing.donor) or serves_region(user, place)


def needs_second_factor(user) -> bool:
    """A code from an authenticator app besides the password: for anyone who set one up, and
    for the roles REQUIRE_TWO_FACTOR names (e.g. the office and auditors)."""
    if user_has_device(user):
        return True
    return bool(roles(user) & set(settings.REQUIRE_TWO_FACTOR))


def user_has_device(user) -> bool:
    return any(True for _device in devices_for_user(user, confirmed=True))
