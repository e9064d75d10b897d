"""Professionals, couples, preferences, and the institutions each side works for."""

from django.db.models import Min, Q, QuerySet, Sum
from django.shortcuts import get_object_or_404

from counterpart.accounts import permissions
from counterpart.accounts.choices import Role
from counterpart.places import selectors as places
from counterpart.reporting import selectors as reporting
from counterpart.talent.choices import PostStatus, ProfessionalKind
from counterpart.talent.models import Couple, Placement, Post, Preference, Professional, SentTotal
from counterpart.talent.selectors.placements import placement_scope


def professional_list(*, actor) -> QuerySet[Professional]:
    professionals = Professional.objects.select_related("organization", "user")
    if permissions.reads_everything(actor):
        return professionals
    own = Q(user=actor) if getattr(actor, "pk", None) else Q(pk__in=[])
    return professionals.filter(own | permissions.donor_scope_q(actor, "organization__"))


def professionals_named_for(*, actor) -> QuerySet[Professional]:
    """The professionals whose names the actor may see (`may_see_professional_name`, as a
    query): all for the office; one's own profile and those one's donor teams send."""
    if permissions.is_programme_office(actor):
        return Professional.objects.all()
    own = Q(user=actor) if getattr(actor, "pk", None) else Q(pk__in=[])
    return Professional.objects.filter(own | permissions.donor_scope_q(actor, "organization__"))


def professional_label(*, actor, professional: Professional) -> str:
    """The professional's name for those who may see it (rule 7), else their applicant number."""
    if permissions.may_see_professional_name(actor, professional):
        return professional.name
    return str(professional.applicant_label)


def professional_get(*, actor, pk: int) -> Professional:
    return get_object_or_404(professional_list(actor=actor), pk=pk)


def professional_of(*, actor) -> Professional | None:
    """The signed-in professional's own profile, if they have one."""
    if not getattr(actor, "pk", None):
        return None
    return Professional.objects.select_related("organization").filter(user=actor).first()


def couple_of(professional: Professional) -> Couple | None:
    return Couple.objects.filter(Q(first=professional) | Q(second=professional)).first()


def couple_list(*, actor) -> QuerySet[Couple]:
    """The couples the actor sees at least one partner of."""
    visible = professional_list(actor=actor)
    return Couple.objects.filter(Q(first__in=visible) | Q(second__in=visible))


def couple_get(*, actor, pk: int) -> Couple:
    return get_object_or_404(couple_list(actor=actor), pk=pk)


def preference_list(*, actor, professional: Professional) -> QuerySet[Preference]:
    """A professional's ranking, for whoever may see the professional."""
    get_object_or_404(professional_list(actor=actor), pk=professional.pk)
    return professional.preferences.select_related("post__institution__region")


def post_list(*, actor, status: str | None = None, institution=None) -> QuerySet[Post]:
    posts = Post.objects.select_related("institution__region")
    if not permissions.reads_everything(actor):
        open_to_all = Q(status=PostStatus.OPEN) & ~reporting.in_review(Post)
        served = Placement.objects.filter(placement_scope(actor)).values("post_id")
        ranked = Preference.objects.none()
        if getattr(actor, "pk", None):
            ranked = Preference.objects.filter(professional__user=actor).values("post_id")
        posts = posts.filter(
            open_to_all
            | permissions.recipient_scope_q(actor, "institution__region__")
            | Q(pk__in=served)  # closed since: a post one's people serve or served at
            | Q(pk__in=ranked)  # or one ranked
        )
    if status:
        posts = posts.filter(status=status)
    if institution is not None:
        posts = posts.filter(institution=institution)
    return posts


def post_get(*, actor, pk: int) -> Post:
    return get_object_or_404(post_list(actor=actor), pk=pk)


def institutions_for_posts(*, actor):
    """The institutions whose needs the actor may post."""
    organizations = places.organization_list(actor=actor).exclude(
        kind__in=["province", "municipality", "city", "central_agency"]
    )
    if permissions.is_programme_office(actor):
        return organizations
    return organizations.filter(permissions.recipient_scope_q(actor, "region__"))


def sending_organizations(*, actor):
    """The organizations whose people the actor registers: the donor team's own and those
    under it (all, for the office)."""
    organizations = places.organization_list(actor=actor)
    if permissions.is_programme_office(actor):
        return organizations
    teams = permissions.organizations_in_role(actor, Role.DONOR_TEAM)
    return organizations.filter(permissions.subtree_q(teams))


def is_professional_user(actor) -> bool:
    return Role.PROFESSIONAL in permissions.roles(actor)


def people_sent(*, donor=None) -> dict[str, int]:
    """Officials and professionals sent over the years the totals cover, by kind (public:
    counts of people, no one named), and the first year: {"official": …, "professional": …,
    "since": 2011}."""
    totals = SentTotal.objects.all()
    if donor is not None:
        totals = totals.filter(donor=donor)
    found = {kind: 0 for kind in ProfessionalKind.values}
    for kind, count in (
        totals.values("kind").annotate(count=Sum("count")).values_list("kind", "count")
    ):
        found[kind] = count
    found["since"] = totals.aggregate(since=Min("year"))["since"]
    return found
