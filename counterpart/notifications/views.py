from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from counterpart.core.forms import show_service_errors
from counterpart.core.pagination import page_of
from counterpart.notifications import selectors, services
from counterpart.notifications.choices import Delivery
from counterpart.notifications.kinds import KINDS


class PreferencesForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind, how in KINDS.items():
            self.fields[kind] = forms.ChoiceField(label=how.label, choices=Delivery.choices)


@login_required
def notification_list_view(request):
    actor = request.user
    if request.method == "POST" and request.POST.get("action") == "read":
        ids = [int(v) for v in request.POST.getlist("id") if v.isdigit() and len(v) < 18]
        services.notifications_read(actor=actor, ids=ids or None)
        return redirect("notifications:list")
    form = PreferencesForm(
        request.POST if request.POST.get("action") == "preferences" else None,
        initial=selectors.preferences_of(actor),
    )
    if form.is_bound and form.is_valid():
        try:
            services.notification_preferences_set(actor=actor, choices=form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("notifications:list")
    return render(
        request,
        "notifications/list.html",
        {
            "page": page_of(request, selectors.notification_list(actor=actor)),
            "unread": selectors.notification_list(actor=actor, unread=True).count(),
            "form": form,
        },
    )
