"""`GET /api/search?q=`: what the search box finds, grouped by kind, as the caller may see it."""

from ninja import Query, Router, Schema

from counterpart.core.pagination import MAX_OFFSET
from counterpart.core.text import MAX_QUERY
from counterpart.search import selectors
from counterpart.search.choices import Kind

router = Router(tags=["search"])
KIND = f"^({'|'.join(Kind.values)})$"


class HitOut(Schema):
    id: int
    label: str
    detail: str
    url: str


class GroupOut(Schema):
    kind: Kind
    label: str
    count: int
    results: list[HitOut]

    @staticmethod
    def resolve_results(group) -> list:
        return group.hits


@router.get("/search", response=list[GroupOut])
def get_search(
    request,
    q: str = Query(..., max_length=MAX_QUERY, description="Any part of a name, pinyin or a code."),
    kind: str | None = Query(None, pattern=KIND, description="Only this kind, paged from offset."),
    limit: int = Query(selectors.SHOWN_PER_KIND, ge=1, le=100),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    """Each kind with something found (projects, organizations, places, pairings, posts,
    people, documents): how many, and the first `limit` (or, for one `kind`, the page from
    `offset`). People the caller may not name are found and shown by number only."""
    actor = request.auth
    if kind is None:
        return selectors.search(actor=actor, query=q, shown=limit)
    return [selectors.kind_page(actor=actor, query=q, kind=kind, offset=offset, limit=limit)]
