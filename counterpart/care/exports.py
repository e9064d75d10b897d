"""Consultations and referrals as files: case codes only, never a patient."""

from django.utils.translation import gettext_lazy as _

from counterpart.core.exports import Column

CONSULTATIONS = [
    Column(_("Case code"), lambda c: c.case_code),
    Column(_("Specialty"), lambda c: c.get_specialty_display()),
    Column(_("From"), lambda c: c.requesting_institution.name),
    Column(_("To"), lambda c: c.consulting_institution.name),
    Column(_("Requested"), lambda c: c.requested_at),
    Column(_("Held"), lambda c: c.held_at),
    Column(_("Status"), lambda c: c.get_status_display()),
    Column(_("Outcome"), lambda c: c.get_outcome_display() if c.outcome else ""),
]

REFERRALS = [
    Column(_("Case code"), lambda r: r.case_code),
    Column(_("From"), lambda r: r.from_institution.name),
    Column(_("To"), lambda r: r.to_institution.name),
    Column(_("Referred on"), lambda r: r.referred_on),
    Column(_("Admitted on"), lambda r: r.admitted_on),
    Column(_("Discharged on"), lambda r: r.discharged_on),
    Column(_("Followed up on"), lambda r: r.follow_up_on),
    Column(_("Status"), lambda r: r.get_status_display()),
]
