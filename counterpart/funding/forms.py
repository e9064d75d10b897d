from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from counterpart.core.widgets import SECTOR_SEARCH, SearchSelect
from counterpart.funding.choices import RuleKind, TransactionKind
from counterpart.places.forms import OrganizationChoiceField

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SectorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, sector):
        return f"{sector.code} · {sector.name} · {sector.get_category_display()}"


class TransactionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=TransactionKind.choices)
    pairing = forms.ModelChoiceField(label=_("Pairing"), queryset=None)
    project = forms.ModelChoiceField(
        label=_("Project"), queryset=None, required=False, empty_label=_("No project")
    )
    amount = forms.CharField(
        label=_("Amount"), help_text=_("In the currency below, e.g. 5,400,000")
    )
    currency = forms.ChoiceField(label=_("Currency"))
    value_date = forms.DateField(label=_("Value date"), widget=DATE)
    sector = SectorChoiceField(
        label=_("Sector"),
        queryset=None,
        required=False,
        empty_label=_("Follow the project's sectors"),
    )
    description = forms.CharField(label=_("Description"), max_length=500, required=False)
    reference = forms.CharField(
        label=_("Reference"),
        max_length=60,
        required=False,
        help_text=_("Your own number for this entry (a voucher); the ledger takes it once."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed when a disbursement goes beyond what was committed."),
    )

    def __init__(self, *args, pairings, projects, sectors, currencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pairing"].queryset = pairings
        self.fields["pairing"].widget.attrs.update(
            {  # the projects follow the pairing chosen
                "hx-get": reverse_lazy("funding:record-projects"),
                "hx-trigger": "change",
                "hx-target": "#id_project",
                "hx-include": "this",
            }
        )
        self.fields["project"].queryset = projects
        self.fields["sector"].queryset = sectors
        self.fields["sector"].widget = SearchSelect(
            reverse_lazy("projects:sector-options"), SECTOR_SEARCH
        )
        self.fields["sector"].widget.choices = self.fields["sector"].choices
        self.fields["currency"].choices = [(c.code, f"{c.code} · {c.name}") for c in currencies]


class ReverseForm(forms.Form):
    reason = forms.CharField(label=_("Why is this entry reversed?"), max_length=1000)


class ReceiptForm(forms.Form):
    received_on = forms.DateField(label=_("Received on"), widget=DATE)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class ExchangeRateForm(forms.Form):
    base = forms.ChoiceField(label=_("From currency"))
    quote = forms.ChoiceField(label=_("To currency"), initial="CNY")
    valid_on = forms.DateField(label=_("In force from"), widget=DATE)
    rate = forms.CharField(
        label=_("Rate"),
        help_text=_("Units of the second currency for one of the first, e.g. 7.1730"),
    )
    source = forms.CharField(label=_("Source"), max_length=200)

    def __init__(self, *args, currencies, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(c.code, c.code) for c in currencies]
        self.fields["base"].choices = self.fields["quote"].choices = choices


class ComplianceRuleForm(forms.Form):
    round = forms.ModelChoiceField(label=_("Round"), queryset=None)
    donor = OrganizationChoiceField(
        label=_("Donor"),
        queryset=None,
        required=False,
        empty_label=_("Every donor of the round"),
    )
    kind = forms.ChoiceField(label=_("Rule"), choices=RuleKind.choices)
    threshold = forms.DecimalField(
        label=_("Line (%)"), min_value=0, max_value=100, max_digits=7, decimal_places=4
    )
    first_year = forms.IntegerField(label=_("First year"), min_value=1990, max_value=2100)
    last_year = forms.IntegerField(
        label=_("Last year"), min_value=1990, max_value=2100, required=False
    )
    notes = forms.CharField(label=_("Notes"), max_length=500, required=False)

    def __init__(self, *args, rounds, donors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds
        self.fields["donor"].queryset = donors
