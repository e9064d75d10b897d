"""The dashboard's filter form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from counterpart.places.forms import OrganizationChoiceField, RegionChoiceField


class DashboardFilterForm(forms.Form):
    """The dashboard's filters and the currency its figures are shown in."""

    round = forms.ModelChoiceField(label=_("Round"), queryset=None, required=False)
    donor = OrganizationChoiceField(
        label=_("Donor"), queryset=None, required=False, empty_label=_("All donors")
    )
    area = RegionChoiceField(
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

    unapproved = forms.BooleanField(
        label=_("Include figures not yet approved"),
        required=False,
        help_text=_("Entries and results still in review; the public sees approved ones only."),
    )

    def __init__(self, *args, rounds, donors, areas, years, currencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds
        self.fields["round"].empty_label = _("All rounds")
        self.fields["donor"].queryset = donors
        self.fields["area"].queryset = areas
        self.fields["year"].choices = [("", _("All years"))] + [(y, y) for y in years]
        self.fields["currency"].choices = [(c, c) for c in currencies]
