"""What waits for the caller (the home page's inbox) and the donor scorecard."""

from ninja import Query, Router, Schema

from counterpart.funding import scorecard
from counterpart.pairings import selectors as pairings
from counterpart.portal.inbox import inbox

router = Router(tags=["portal"])


class InboxRowOut(Schema):
    text: str
    link: str


class InboxItemOut(Schema):
    kind: str
    title: str
    count: int
    link: str
    rows: list[InboxRowOut]

    @staticmethod
    def resolve_rows(item) -> list[dict]:
        return [{"text": text, "link": link} for text, link in item.rows]


@router.get("/inbox", response=list[InboxItemOut])
def get_inbox(request):
    """Each kind of thing waiting for you, how many, the first few and where they are done."""
    return inbox(request.auth)


class ScoreOut(Schema):
    donor_id: int
    donor: str
    quarters: list[str]  # on_time, late, missing or not_due, one per quarter


@router.get("/scorecard", response=list[ScoreOut])
def get_scorecard(request, year: int = Query(..., ge=1990, le=2999), round_id: int | None = None):
    """Each donor's quarters of `year`: its money recorded on time, late or missing."""
    actor = request.auth
    rounds = pairings.round_list(actor=actor)
    round_ = rounds.filter(pk=round_id).first() if round_id else pairings.round_current(actor=actor)
    if round_ is None:
        return []
    _quarters, rows = scorecard.donor_scorecard(actor=actor, round=round_, year=year)
    return [
        {"donor_id": row.donor.pk, "donor": row.donor.name, "quarters": row.marks} for row in rows
    ]
