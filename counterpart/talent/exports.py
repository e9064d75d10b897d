"""Posts, professionals and placements as files (names only for those who may see them)."""

from django.utils.translation import gettext_lazy as _

from counterpart.core.exports import Column
from counterpart.talent import selectors


def posts() -> list[Column]:
    return [
        Column(_("Title"), lambda p: p.title),
        Column(_("Institution"), lambda p: p.institution.name),
        Column(_("Specialty"), lambda p: p.get_specialty_display()),
        Column(_("Places"), lambda p: p.places),
        Column(_("Term (months)"), lambda p: p.term_months),
        Column(_("Start date"), lambda p: p.start_date),
        Column(_("Status"), lambda p: p.get_status_display()),
    ]


def professionals(actor) -> list[Column]:
    return [
        Column(
            _("Professional"), lambda p: selectors.professional_label(actor=actor, professional=p)
        ),
        Column(_("Sending organization"), lambda p: p.organization.name),
        Column(_("Specialty"), lambda p: p.get_specialty_display()),
        Column(_("Seniority"), lambda p: p.get_seniority_display()),
        Column(_("Available from"), lambda p: p.available_from),
        Column(_("Term wanted (months)"), lambda p: p.term_months),
    ]


def _seen_as(actor):
    """A professional by the name (or number) the reader may see; "" for none."""

    def label(professional) -> str:
        if professional is None:
            return ""
        return selectors.professional_label(actor=actor, professional=professional)

    return label


def placements(actor) -> list[Column]:
    who = _seen_as(actor)
    return [
        Column(_("Professional"), lambda p: who(p.professional)),
        Column(_("Post"), lambda p: p.post.title),
        Column(_("Institution"), lambda p: p.post.institution.name),
        Column(_("From"), lambda p: p.start_date),
        Column(_("To"), lambda p: p.end_date),
        Column(_("Extended"), lambda p: p.extended),
        Column(_("Withdrawn"), lambda p: p.withdrawn),
        Column(
            _("Takes over from"),
            lambda p: who(p.predecessor.professional) if p.predecessor_id else "",
        ),
    ]


def mentorships(actor) -> list[Column]:
    """Mentees are roles, never people; a mentor by the name the reader may see."""
    who = _seen_as(actor)
    return [
        Column(_("Institution"), lambda m: m.institution.name),
        Column(_("Mentor"), lambda m: who(m.mentor) or m.get_local_mentor_role_display()),
        Column(_("Mentee"), lambda m: m.get_mentee_role_display()),
        Column(_("Mentee's field"), lambda m: m.get_mentee_field_display()),
        Column(_("Started on"), lambda m: m.started_on),
        Column(_("Ends"), lambda m: m.ended_on),
    ]


def trainings(actor) -> list[Column]:
    who = _seen_as(actor)
    return [
        Column(_("Institution"), lambda t: t.institution.name),
        Column(_("Given by"), lambda t: who(t.trainer)),
        Column(_("Topic"), lambda t: t.topic),
        Column(_("Held on"), lambda t: t.held_on),
        Column(_("Hours"), lambda t: t.hours),
        Column(_("Attendees"), lambda t: t.attendees),
        Column(_("Of whom local staff"), lambda t: t.local_staff_trained),
    ]
