"""`/reports/`: the report builder. The question is asked in the address, so a report is
bookmarked, shared and downloaded (CSV, XLSX) by its URL."""

from django.shortcuts import render

from counterpart.core.tables import download
from counterpart.reports import selectors
from counterpart.reports.forms import report_form


def report_view(request):
    actor = request.user
    form = report_form(request.GET if "measure" in request.GET else None, actor=actor)
    table = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        table = selectors.pivot(
            actor=actor,
            measure=data["measure"],
            rows=data["rows"],
            columns=data.get("columns") or None,
            asked=form.asked(),
            display=data.get("display") or "table",
        )
        if response := download(request, {table.slug: table}):
            return response
    query = request.GET.copy()
    query.pop("download", None)
    query.pop("format", None)
    return render(
        request,
        "reports/builder.html",
        {"form": form, "table": table, "query": query.urlencode()},
    )
