"""`GET /api/reports/pivot`: a report as the builder makes it (the same question, the same
checks, the same scope): its column headings and rows, the last row and column the totals."""

from django.core.exceptions import ValidationError
from django.http import QueryDict
from ninja import Query, Router, Schema

from counterpart.reports import selectors
from counterpart.reports.forms import report_form

router = Router(tags=["reports"])
WORD = {"max_length": 40}
YEAR = {"ge": 1949, "le": 2100}


class PivotOut(Schema):
    title: str
    currency: str | None = None  # figures in minor units of it (fen for CNY); else plain
    columns: list[str]
    rows: list[list]


@router.get("/reports/pivot", response=PivotOut)
def get_pivot(
    request,
    measure: str = Query(..., **WORD),
    rows: str = Query(..., **WORD),
    columns: str | None = Query(None, **WORD),
    round_id: int | None = Query(None, ge=1, le=2**31 - 1),
    donor_id: int | None = Query(None, ge=1, le=2**31 - 1),
    area_id: int | None = Query(None, ge=1, le=2**31 - 1),
    year_from: int | None = Query(None, **YEAR),
    year_to: int | None = Query(None, **YEAR),
    include_unapproved: bool = False,
):
    """One measure (committed, disbursed, expended, disbursement_rate, projects, posts,
    places) by `rows` and optionally `columns` (donor, prefecture, county, round, year,
    category, status, specialty), filtered; as the caller may see it."""
    asked = {
        "measure": measure,
        "rows": rows,
        "columns": columns or "",
        "round": round_id or "",
        "donor": donor_id or "",
        "area": area_id or "",
        "year_from": year_from or "",
        "year_to": year_to or "",
    }
    if include_unapproved:
        asked["include_unapproved"] = "on"
    query = QueryDict(mutable=True)
    query.update(asked)
    form = report_form(query, actor=request.auth)
    if not form.is_valid():
        raise ValidationError({name: list(errors) for name, errors in form.errors.items()})
    data = form.cleaned_data
    table = selectors.pivot(
        actor=request.auth,
        measure=data["measure"],
        rows=data["rows"],
        columns=data.get("columns") or None,
        asked=form.asked(),
    )
    return {
        "title": table.title,
        "currency": table.currency,
        "columns": table.columns,
        "rows": [[str(row[0]), *row[1:]] for row in table.rows],
    }
