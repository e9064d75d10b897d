from django import forms
from django.utils.translation import gettext_lazy as _

from counterpart.core.forms import DATE


class AuditFilterForm(forms.Form):
    """The log's filters; a date that is not one is named, not a server error."""

    actor = forms.CharField(label=_("Who"), required=False, max_length=150)
    object_type = forms.CharField(label=_("Object type"), required=False, max_length=60)
    event_type = forms.CharField(label=_("Event"), required=False, max_length=60)
    date_from = forms.DateField(label=_("From"), required=False, widget=DATE)
    date_to = forms.DateField(label=_("To"), required=False, widget=DATE)
