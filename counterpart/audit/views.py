from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.dateparse import parse_date

from counterpart.audit import selectors


@login_required
def audit_log_view(request):
    actor = request.user
    filters = {
        "actor_label": request.GET.get("actor") or None,
        "object_type": request.GET.get("object_type") or None,
        "date_from": parse_date(request.GET.get("date_from") or ""),
        "date_to": parse_date(request.GET.get("date_to") or ""),
    }
    events = selectors.audit_event_list(actor=actor, **filters)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/log.html",
        {
            "page": page,
            "filters": filters,
            "choices": selectors.audit_filter_choices(actor=actor),
            "query": query.urlencode(),
        },
    )
