from django import forms
from django.utils.translation import gettext_lazy as _

from counterpart.interchange.choices import Licence


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("CSV or XLSX, with the template's columns (headers in English or Chinese)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
    historical = forms.CharField(
        label=_("Enter as history, because"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "For the office: a past year's records enter closed periods, approved, with this "
            "reason in the audit log. Empty: an ordinary import, which closed periods refuse."
        ),
    )

    create_missing = forms.BooleanField(
        label=_("Make what the file names and this programme lacks"),
        required=False,
        help_text=_(
            "For the office, reading another instance's export: its organizations, places and "
            "pairings are made from the file instead of mapped one by one."
        ),
    )

    def __init__(self, *args, history: bool, missing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not history:  # only the office enters history, of the kinds that keep it
            del self.fields["historical"]
        if not missing:  # and has what an IATI file names made from it
            del self.fields["create_missing"]


class OpenDataSettingsForm(forms.Form):
    licence = forms.ChoiceField(label=_("Licence"), choices=Licence.choices)
    licence_note = forms.CharField(
        label=_("Licence note"),
        required=False,
        max_length=300,
        help_text=_("For another licence: its name and where to read it."),
    )
    flow_type = forms.CharField(
        label=_("IATI flow type"),
        required=False,
        max_length=3,
        help_text=_("Empty: not declared (the transfers are domestic, not ODA)."),
    )
    finance_type = forms.CharField(label=_("IATI finance type"), required=False, max_length=4)
    aid_type = forms.CharField(label=_("IATI aid type"), required=False, max_length=4)
    spread_budgets = forms.BooleanField(
        label=_("Spread a total budget over the project's years"),
        required=False,
        help_text=_(
            "For a project with a total budget and no yearly ones: its IATI activity shows "
            "the total shared over the years it runs, by their days."
        ),
    )
