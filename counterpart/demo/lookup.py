"""The demo's records by the codes its facts use, read through each app's selectors."""

from counterpart.pairings import selectors as pairings
from counterpart.places import selectors as places
from counterpart.projects import selectors as projects


def region(actor, code: str):
    return places.region_by_code(actor=actor, code=code)


def organization(actor, code: str):
    return places.organization_by_code(actor=actor, code=code) if code else None


def round_of(actor, year: int):
    return pairings.round_list(actor=actor).filter(year=year).first()


def pairing(actor, donor_code: str, recipient_code: str):
    """The pairing of this donor with exactly this place (not a place within it)."""
    donor = organization(actor, donor_code)
    return (
        pairings.pairing_list(actor=actor, donor=donor)
        .filter(donor=donor, recipient__code=recipient_code)
        .first()
    )


def project(actor, code: str):
    return projects.project_by_code(actor=actor, code=code) if code else None
