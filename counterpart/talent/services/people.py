"""Writes for professionals, couples, posts and both sides' rankings."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from counterpart.accounts import permissions
from counterpart.accounts.choices import Role
from counterpart.audit.services import audit_record, tracked_update
from counterpart.audit.snapshot import snapshot
from counterpart.core.arguments import UNSET, given
from counterpart.core.choices import Language
from counterpart.core.service import service
from counterpart.reporting import selectors as reporting_selectors
from counterpart.reporting import services as reporting
from counterpart.talent.choices import PostStatus, Seniority
from counterpart.talent.models import Couple, Post, PostRanking, Preference, Professional, SentTotal

PROFESSIONAL_FIELDS = {
    "name",
    "kind",
    "specialty",
    "seniority",
    "languages",
    "available_from",
    "term_months",
}
POST_FIELDS = {
    "title_en",
    "title_zh",
    "specialty",
    "places",
    "term_months",
    "start_date",
    "requirements",
    "language",
    "min_seniority",
    "status",
}
MAX_PREFERENCES = 20


def _check_languages(professional: Professional) -> None:
    codes = professional.languages
    if not isinstance(codes, list) or any(code not in Language.values for code in codes):
        raise ValidationError(
            {
                "languages": _("Choose working languages from the list: %(codes)s.")
                % {"codes": ", ".join(Language.values)}
            }
        )
    if len(set(codes)) != len(codes):
        raise ValidationError({"languages": _("A language is listed twice.")})


def _may_register(actor, organization, user) -> bool:
    if permissions.is_programme_office(actor) or any(
        organization.is_within(org)
        for org in permissions.organizations_in_role(actor, Role.DONOR_TEAM)
    ):
        return True
    # A professional signs themselves up for the organization they belong to.
    return (
        user is not None
        and user.pk == getattr(actor, "pk", None)
        and any(
            organization.is_within(org)
            for org in permissions.organizations_in_role(actor, Role.PROFESSIONAL)
        )
    )


@service
def professional_register(
    *,
    actor,
    organization,
    name: str,
    specialty: str,
    seniority: int,
    available_from: datetime.date,
    term_months: int,
    languages: list[str] | None = None,
    kind: str = "professional",
    user=None,
) -> Professional:
    permissions.require(_may_register(actor, organization, user))
    if user is not None and Professional.objects.filter(user=user).exists():
        raise ValidationError({"user": _("This account already has a profile.")})
    professional = Professional(
        organization=organization,
        user=user,
        name=name,
        kind=kind,
        specialty=specialty,
        seniority=seniority,
        languages=list(languages or []),
        available_from=available_from,
        term_months=term_months,
    )
    professional.full_clean()
    _check_languages(professional)
    professional.save()
    audit_record(
        actor=actor,
        event_type="professional.registered",
        obj=professional,
        after=snapshot(professional),
    )
    return professional


@service
def professional_update(
    *,
    actor,
    professional: Professional,
    expected_version: int,
    name: str = UNSET,
    kind: str = UNSET,
    specialty: str = UNSET,
    seniority: int = UNSET,
    languages: list[str] = UNSET,
    available_from: datetime.date = UNSET,
    term_months: int = UNSET,
) -> Professional:
    permissions.require(permissions.can_manage_professional(actor, professional))
    changes = given(
        name=name,
        kind=kind,
        specialty=specialty,
        seniority=seniority,
        languages=languages,
        available_from=available_from,
        term_months=term_months,
    )
    return tracked_update(
        actor=actor,
        instance=professional,
        expected_version=expected_version,
        changes=changes,
        allowed=PROFESSIONAL_FIELDS,
        event_type="professional.updated",
        validate=_check_languages,
    )


@service
def preferences_set(*, actor, professional: Professional, posts: list[Post]) -> list[Preference]:
    """Replace the professional's ranking of posts: `posts` best first, each open, once."""
    permissions.require(permissions.can_manage_professional(actor, professional))
    ids = [post.pk for post in posts]
    if len(set(ids)) != len(ids):
        raise ValidationError({"posts": _("A post is ranked twice.")})
    if len(ids) > MAX_PREFERENCES:
        raise ValidationError(
            {"posts": _("Rank at most %(count)s posts.") % {"count": MAX_PREFERENCES}}
        )
    open_ids = set(
        reporting_selectors.approved_only(
            Post.objects.filter(pk__in=ids, status=PostStatus.OPEN)
        ).values_list("pk", flat=True)
    )
    closed = [post for post in posts if post.pk not in open_ids]
    if closed:
        raise ValidationError(
            {"posts": _("%(post)s is not open for applications.") % {"post": closed[0]}}
        )
    before = list(professional.preferences.values_list("post_id", flat=True))
    professional.preferences.all().delete()
    made = Preference.objects.bulk_create(
        [
            Preference(professional=professional, post=post, rank=n)
            for n, post in enumerate(posts, 1)
        ]
    )
    audit_record(
        actor=actor,
        event_type="preferences.set",
        obj=professional,
        before={"posts": before},
        after={"posts": ids},
    )
    return made


@service
def couple_create(*, actor, first: Professional, second: Professional) -> Couple:
    """Two professionals who will serve in one county or city, or not at all."""
    for partner in (first, second):
        permissions.require(permissions.can_manage_professional(actor, partner))
    if first.pk == second.pk:
        raise ValidationError({"second": _("A couple is two different people.")})
    for field, partner in (("first", first), ("second", second)):
        if (
            Couple.objects.filter(first=partner).exists()
            or Couple.objects.filter(second=partner).exists()
        ):
            raise ValidationError(
                {field: _("%(name)s is already in a couple.") % {"name": partner}}
            )
    low, high = sorted((first, second), key=lambda p: p.pk)
    couple = Couple.objects.create(first=low, second=high)
    audit_record(actor=actor, event_type="couple.created", obj=couple, after=snapshot(couple))
    return couple


@service
def couple_dissolve(*, actor, couple: Couple) -> None:
    permissions.require(
        permissions.can_manage_professional(actor, couple.first)
        or permissions.can_manage_professional(actor, couple.second)
    )
    audit_record(actor=actor, event_type="couple.dissolved", obj=couple, before=snapshot(couple))
    couple.delete()


@service
def post_create(
    *,
    actor,
    institution,
    title_en: str,
    specialty: str,
    term_months: int,
    start_date: datetime.date,
    title_zh: str = "",
    places: int = 1,
    requirements: str = "",
    language: str = "",
    min_seniority: int = Seniority.JUNIOR,
    status: str = PostStatus.OPEN,
) -> Post:
    """A need of an institution: so many places for a specialty, for a term from a date."""
    permissions.require(permissions.can_manage_post(actor, institution))
    post = Post(
        institution=institution,
        title_en=title_en,
        title_zh=title_zh,
        specialty=specialty,
        places=places,
        term_months=term_months,
        start_date=start_date,
        requirements=requirements,
        language=language,
        min_seniority=min_seniority,
        status=status,
    )
    post.full_clean()
    post.save()
    audit_record(actor=actor, event_type="post.created", obj=post, after=snapshot(post))
    reporting.review_open(actor=actor, record=post)
    return post


@service
def post_update(
    *,
    actor,
    post: Post,
    expected_version: int,
    title_en: str = UNSET,
    title_zh: str = UNSET,
    specialty: str = UNSET,
    places: int = UNSET,
    term_months: int = UNSET,
    start_date: datetime.date = UNSET,
    requirements: str = UNSET,
    language: str = UNSET,
    min_seniority: int = UNSET,
    status: str = UNSET,
) -> Post:
    """Change a post; reopening it with a later start date asks for the next term's people."""
    permissions.require(permissions.can_manage_post(actor, post.institution))
    reporting.review_before_edit(actor=actor, record=post)
    changes = given(
        title_en=title_en,
        title_zh=title_zh,
        specialty=specialty,
        places=places,
        term_months=term_months,
        start_date=start_date,
        requirements=requirements,
        language=language,
        min_seniority=min_seniority,
        status=status,
    )
    return tracked_update(
        actor=actor,
        instance=post,
        expected_version=expected_version,
        changes=changes,
        allowed=POST_FIELDS,
        event_type="post.updated",
    )


@service
def post_ranking_set(
    *, actor, post: Post, expected_version: int, professional_ids: list[int]
) -> Post:
    """The institution's own order of its applicants (by id), best first; those left out are
    not acceptable to it. The post's version moves: an edit read before is refused."""
    permissions.require(permissions.can_manage_post(actor, post.institution))
    ids = list(professional_ids)
    if len(set(ids)) != len(ids):
        raise ValidationError({"professional_ids": _("An applicant is ranked twice.")})
    applied = set(post.preferences.values_list("professional_id", flat=True))
    strangers = [pid for pid in ids if pid not in applied]
    if strangers:
        raise ValidationError(
            {
                "professional_ids": _("Applicant %(number)s has not applied to this post.")
                % {"number": strangers[0]}
            }
        )
    before = list(post.rankings.values_list("professional_id", flat=True))
    post = tracked_update(
        actor=actor,
        instance=post,
        expected_version=expected_version,
        changes={"ranked_by_hand": True},
        allowed={"ranked_by_hand"},
        event_type="post.ranked_by_hand",
        also=({"professionals": before}, {"professionals": ids}),
    )
    post.rankings.all().delete()
    PostRanking.objects.bulk_create(
        [PostRanking(post=post, professional_id=pid, rank=n) for n, pid in enumerate(ids, 1)]
    )
    return post


@service
def post_ranking_reset(*, actor, post: Post, expected_version: int) -> Post:
    """Back to the rule: specialty fit, language, seniority, term, availability."""
    permissions.require(permissions.can_manage_post(actor, post.institution))
    before = list(post.rankings.values_list("professional_id", flat=True))
    post = tracked_update(
        actor=actor,
        instance=post,
        expected_version=expected_version,
        changes={"ranked_by_hand": False},
        allowed={"ranked_by_hand"},
        event_type="post.ranked_by_rule",
        also=({"professionals": before}, {"professionals": []}),
    )
    post.rankings.all().delete()
    return post


@service
def sent_total_record(*, actor, donor, year: int, kind: str, count: int) -> SentTotal:
    """How many a donor sent in a year, from records older than the platform (the office)."""
    permissions.require(permissions.can_manage_programme(actor))
    if SentTotal.objects.filter(donor=donor, year=year, kind=kind).exists():
        raise ValidationError(
            {
                "year": _("%(donor)s's total for %(year)s is recorded already.")
                % {"donor": donor, "year": year}
            }
        )
    total = SentTotal(donor=donor, year=year, kind=kind, count=count)
    total.full_clean()
    if not 1990 <= year <= timezone.localdate().year:
        raise ValidationError({"year": _("A year from 1990 to this one.")})
    total.save()
    audit_record(actor=actor, event_type="sent_total.recorded", obj=total, after=snapshot(total))
    return total
