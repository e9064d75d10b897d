from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from counterpart.audit import selectors, services
from counterpart.audit.changes import readable
from counterpart.audit.exports import EVENTS
from counterpart.audit.forms import AuditFilterForm
from counterpart.core import exports
from counterpart.core.pagination import page_of


@login_required
def audit_log_view(request):
    actor = request.user
    form = AuditFilterForm(request.GET)
    chosen = form.cleaned_data if form.is_valid() else {}
    filters = {
        "actor_label": chosen.get("actor") or None,
        "object_type": chosen.get("object_type") or None,
        "event_type": chosen.get("event_type") or None,
        "date_from": chosen.get("date_from"),
        "date_to": chosen.get("date_to"),
    }
    events = selectors.audit_event_list(actor=actor, **filters)
    if exports.wanted(request):
        return exports.export_response(request, events, EVENTS, name="audit-log")
    page = page_of(request, events)
    return render(
        request,
        "audit/log.html",
        {
            "page": page,
            "rows": readable(page.object_list),
            "form": form,
            "filters": filters,
            "choices": selectors.audit_filter_choices(actor=actor),
            "check": selectors.audit_chain_latest(actor=actor),
            "can_verify": True,  # whoever reads the log may walk the chain
        },
    )


@login_required
@require_POST
def audit_verify_view(request):
    """Those who read the log walk the chain now (the daily job does it anyway); the verdict
    changes nothing of the programme."""
    check = services.audit_chain_check(actor=request.user)
    if check.intact:
        messages.success(
            request, _("The chain holds: %(n)s events verified.") % {"n": check.length}
        )
    else:
        messages.error(request, _("The chain is broken: see below."))
    return redirect("audit:log")


@login_required
def audit_event_view(request, pk: int):
    event = selectors.audit_event_get(actor=request.user, pk=pk)
    return render(request, "audit/event.html", {"row": readable([event], whole=True)[0]})
