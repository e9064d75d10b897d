"""What every app's forms share: showing a service's errors next to the fields they name."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def show_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Attach each error to its field; errors about fields the form lacks go on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


class VersionedForm(forms.Form):
    """A form editing a record that others may edit too: it carries the version it read."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class DashboardFilterForm(forms.Form):
    """The dashboard's filters and the currency its figures are shown in."""

    round = forms.ModelChoiceField(label=_("Round"), queryset=None, required=False)
    donor = forms.ModelChoiceField(
        label=_("Donor"), queryset=None, required=False, empty_label=_("All donors")
    )
    area = forms.ModelChoiceField(
        label=_("Prefecture or division"),
        queryset=None,
        required=False,
        empty_label=_("All places"),
    )
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)
    currency = forms.ChoiceField(label=_("Show in"), required=False)
    rate_on = forms.DateField(
        label=_("Rate of"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Figures in another currency use the rate in force on this day."),
    )

    def __init__(self, *args, rounds, donors, areas, years, currencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds
        self.fields["round"].empty_label = _("All rounds")
        self.fields["donor"].queryset = donors
        self.fields["area"].queryset = areas
        self.fields["year"].choices = [("", _("All years"))] + [(y, y) for y in years]
        self.fields["currency"].choices = [(c, c) for c in currencies]
