from django import forms
from django.utils.translation import gettext_lazy as _

from counterpart.core.forms import DATE
from counterpart.enterprise.choices import SalesChannel, SupportKind
from counterpart.places.forms import OrganizationChoiceField, RegionChoiceField


class SupportForm(forms.Form):
    pairing = forms.ModelChoiceField(label=_("Pairing"), queryset=None)
    company = OrganizationChoiceField(label=_("Company"), queryset=None)
    kind = forms.ChoiceField(label=_("Kind of support"), choices=SupportKind.choices)
    started_on = forms.DateField(label=_("Started on"), widget=DATE)
    project = forms.ModelChoiceField(
        label=_("Project"),
        queryset=None,
        required=False,
        help_text=_(
            "The money goes through the ledger under this project; its jobs indicators "
            "are filled in by the employment reports."
        ),
    )
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, pairings, companies, projects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pairing"].queryset = pairings
        self.fields["company"].queryset = companies
        self.fields["project"].queryset = projects


class EmploymentForm(forms.Form):
    period_start = forms.DateField(label=_("Period start"), widget=DATE)
    period_end = forms.DateField(label=_("Period end"), widget=DATE)
    employees = forms.IntegerField(label=_("Employees"), min_value=0)
    formerly_poor = forms.IntegerField(label=_("Of whom formerly registered poor"), min_value=0)
    wages = forms.CharField(
        label=_("Wages paid (CNY)"), required=False, help_text=_("e.g. 1,250,000")
    )


class SaleForm(forms.Form):
    pairing = forms.ModelChoiceField(label=_("Pairing"), queryset=None)
    company = OrganizationChoiceField(label=_("Selling company"), queryset=None, required=False)
    product = forms.CharField(label=_("Product"), max_length=200)
    market_region = RegionChoiceField(label=_("Donor market"), queryset=None)
    channel = forms.ChoiceField(label=_("Channel"), choices=SalesChannel.choices)
    period_start = forms.DateField(label=_("Period start"), widget=DATE)
    period_end = forms.DateField(label=_("Period end"), widget=DATE)
    volume = forms.DecimalField(label=_("Volume"), max_digits=14, decimal_places=2, min_value=0)
    unit = forms.CharField(label=_("Unit"), max_length=20, help_text=_("e.g. tonnes, pieces"))
    value = forms.CharField(label=_("Value"), help_text=_("In the currency below, e.g. 380,000"))
    currency = forms.ChoiceField(label=_("Currency"))

    def __init__(self, *args, pairings, companies, regions, currencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pairing"].queryset = pairings
        self.fields["company"].queryset = companies
        self.fields["market_region"].queryset = regions
        self.fields["currency"].choices = [(c.code, c.code) for c in currencies]
