"""`/search/`: the header's search box, as one types (htmx: the first few of each kind) and as a
page (every kind, or one kind paged)."""

from django.shortcuts import render

from counterpart.core.pagination import page_of
from counterpart.core.text import MAX_QUERY
from counterpart.search import selectors
from counterpart.search.choices import Kind

LIVE_PER_KIND = 3


def search_view(request):
    actor = request.user
    query = request.GET.get("q", "")[:MAX_QUERY]
    kind = request.GET.get("kind")
    context = {"query": query}
    if request.headers.get("HX-Request"):
        groups = selectors.search(actor=actor, query=query, shown=LIVE_PER_KIND)
        return render(request, "search/_live.html", context | {"groups": groups})
    if kind in Kind.values:
        page = page_of(request, selectors.matching(actor=actor, query=query, kind=kind))
        page.hits = selectors.hits(actor=actor, kind=kind, entries=page.object_list)
        return render(
            request,
            "search/page.html",
            context | {"kind": kind, "kind_label": Kind(kind).label, "page": page},
        )
    groups = selectors.search(actor=actor, query=query)
    return render(request, "search/page.html", context | {"groups": groups})
