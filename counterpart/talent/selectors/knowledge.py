"""Knowledge that stays: mentorships and trainings, and the local staff trained."""

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.shortcuts import get_object_or_404

from counterpart.accounts import permissions
from counterpart.core.aggregates import ExactSum
from counterpart.places import selectors as places
from counterpart.talent.models import (
    Mentorship,
    Training,
)
from counterpart.talent.selectors.people import institutions_for_posts
from counterpart.talent.selectors.placements import placement_list


def _institution_scope(actor, field: str) -> Q:
    """Rows at an institution in a recipient team's place, or involving a donor's people."""
    return permissions.recipient_scope_q(actor, f"{field}region__")


def mentorship_list(*, actor) -> QuerySet[Mentorship]:
    mentorships = Mentorship.objects.select_related("institution", "mentor").annotate(
        meeting_count=Count("meetings"), meeting_hours=Sum("meetings__hours")
    )
    if permissions.reads_everything(actor):
        return mentorships
    own = Q(mentor__user=actor) if getattr(actor, "pk", None) else Q(pk__in=[])
    return mentorships.filter(
        own
        | _institution_scope(actor, "institution__")
        | permissions.donor_scope_q(actor, "mentor__organization__")
    )


def mentorship_get(*, actor, pk: int) -> Mentorship:
    return get_object_or_404(
        mentorship_list(actor=actor).prefetch_related(Prefetch("meetings")), pk=pk
    )


def training_list(*, actor) -> QuerySet[Training]:
    trainings = Training.objects.select_related("institution", "trainer")
    if permissions.reads_everything(actor):
        return trainings
    own = Q(trainer__user=actor) if getattr(actor, "pk", None) else Q(pk__in=[])
    return trainings.filter(
        own
        | _institution_scope(actor, "institution__")
        | permissions.donor_scope_q(actor, "trainer__organization__")
    )


def staff_trained_total(*, actor, donor=None, area=None) -> int:
    """Local staff trained in trainings (given by a donor's people, in an area): a count over
    every training, for every reader alike (trainings belong to no pairing that could be
    unpublished, and a count names no one)."""
    trainings = Training.objects.all()
    if donor is not None:
        trainings = trainings.filter(trainer__organization__path__startswith=donor.path)
    if area is not None:
        trainings = trainings.filter(institution__region__path__startswith=area.path)
    return trainings.aggregate(total=ExactSum("local_staff_trained"))["total"] or 0


def knowledge_institutions(*, actor):
    """Where the actor records mentorships and trainings: the institutions of its places, and
    those where its people serve."""
    institutions = institutions_for_posts(actor=actor)
    if not permissions.reads_everything(actor):
        served = placement_list(actor=actor).values("post__institution")
        institutions = institutions | places.organization_list(actor=actor).filter(pk__in=served)
    return institutions.distinct().order_by("name_en")
