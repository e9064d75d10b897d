from django import forms
from django.utils.translation import gettext_lazy as _

from counterpart.core.forms import DATE, VersionedForm
from counterpart.pairings import selectors
from counterpart.pairings.choices import Confidence
from counterpart.places import selectors as places
from counterpart.places.forms import OrganizationChoiceField, RegionChoiceField


class PairingFieldsForm(forms.Form):
    """The fields a pairing's creation and its later edits share."""

    parent = forms.ModelChoiceField(
        label=_("Parent pairing"),
        queryset=None,
        required=False,
        help_text=_("Only for a city-level sub-pairing, e.g. Jining under Shandong."),
    )
    valid_from = forms.DateField(label=_("Valid from"), widget=DATE)
    valid_to = forms.DateField(
        label=_("Valid to"), widget=DATE, required=False, help_text=_("Leave empty while it runs.")
    )
    is_published = forms.BooleanField(label=_("Published on the public portal"), required=False)
    source = forms.CharField(label=_("Source"), max_length=300, required=False)
    confidence = forms.ChoiceField(
        label=_("Confidence"), choices=Confidence.choices, initial=Confidence.MEDIUM
    )
    notes = forms.CharField(
        label=_("Notes"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = selectors.pairing_list(actor=actor, top_level=True)


class PairingCreateForm(PairingFieldsForm):
    round = forms.ModelChoiceField(label=_("Round"), queryset=None)
    donor = OrganizationChoiceField(label=_("Donor"), queryset=None)
    recipient = RegionChoiceField(label=_("Recipient"), queryset=None)

    field_order = ["round", "donor", "recipient", "parent", "valid_from", "valid_to"]

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, actor=actor, **kwargs)
        self.fields["round"].queryset = selectors.round_list(actor=actor)
        self.fields["donor"].queryset = places.organization_list(actor=actor).order_by("name_en")
        self.fields["recipient"].queryset = places.region_list(actor=actor)


class PairingEditForm(PairingFieldsForm, VersionedForm):
    reason = forms.CharField(label=_("Reason for the change"), max_length=500, required=False)


class PairingEndForm(VersionedForm):
    valid_to = forms.DateField(label=_("Last day of the pairing"), widget=DATE)
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)


class FiscalRevenueForm(forms.Form):
    donor = OrganizationChoiceField(label=_("Donor"), queryset=None)
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2100)
    amount = forms.CharField(
        label=_("Revenue (yuan)"),
        help_text=_("General public budget revenue, e.g. 581,710,000,000"),
    )
    source = forms.CharField(label=_("Source"), max_length=300, required=False)

    def __init__(self, *args, donors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["donor"].queryset = donors
