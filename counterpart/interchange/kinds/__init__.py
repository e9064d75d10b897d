"""The kinds of record a spreadsheet brings in, by slug."""

from django.http import Http404

from counterpart.interchange.kinds.base import Kind
from counterpart.interchange.kinds.field import EMPLOYMENT, EVENTS, SALES
from counterpart.interchange.kinds.ledger import LEDGER
from counterpart.interchange.kinds.projects import PROJECTS, RESULTS
from counterpart.interchange.kinds.reference import RATES, REVENUE
from counterpart.interchange.kinds.talent import POSTS, PROFESSIONALS

ORDER = [LEDGER, PROJECTS, RESULTS, POSTS, PROFESSIONALS, EVENTS, EMPLOYMENT, SALES, REVENUE, RATES]
KINDS: dict[str, Kind] = {kind.slug: kind for kind in ORDER}  # the spreadsheets, with templates


def _iati():
    from counterpart.interchange.iati.kind import IATI  # it reads through the kinds. base

    return IATI


def kind_get(slug: str):
    """A spreadsheet kind, or the IATI file ("iati")."""
    if slug == "iati":
        return _iati()
    if slug not in KINDS:
        raise Http404
    return KINDS[slug]


def kinds_for(actor) -> list:
    """The kinds the actor may import (the IATI file last)."""
    return [kind for kind in [*KINDS.values(), _iati()] if kind.may_import(actor)]
