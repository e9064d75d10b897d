from django import forms
from django.utils.translation import gettext_lazy as _

from counterpart.core.choices import Language
from counterpart.core.forms import DATE, EITHER, VersionedForm
from counterpart.exchanges.choices import ExchangeKind
from counterpart.places.forms import OrganizationChoiceField, RegionChoiceField


class ExchangeEventForm(forms.Form):
    pairing = forms.ModelChoiceField(label=_("Organizing pairing"), queryset=None)
    kind = forms.ChoiceField(label=_("Kind"), choices=ExchangeKind.choices)
    title_en = forms.CharField(
        label=_("Title (English)"), max_length=300, required=False, help_text=EITHER
    )
    title_zh = forms.CharField(label=_("Title (Chinese)"), max_length=300, required=False)
    host_region = RegionChoiceField(label=_("Host place"), queryset=None)
    visiting_region = RegionChoiceField(label=_("Visitors' place"), queryset=None)
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE)
    ends_on = forms.DateField(label=_("Ends on"), widget=DATE)
    host_children = forms.IntegerField(label=_("Hosts under 12"), min_value=0, initial=0)
    host_teenagers = forms.IntegerField(label=_("Hosts 12 to 17"), min_value=0, initial=0)
    host_adults = forms.IntegerField(label=_("Hosts 18 and over"), min_value=0, initial=0)
    visiting_children = forms.IntegerField(label=_("Visitors under 12"), min_value=0, initial=0)
    visiting_teenagers = forms.IntegerField(label=_("Visitors 12 to 17"), min_value=0, initial=0)
    visiting_adults = forms.IntegerField(label=_("Visitors 18 and over"), min_value=0, initial=0)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, regions, pairings=None, **kwargs):
        super().__init__(*args, **kwargs)
        if pairings is None:
            del self.fields["pairing"]
        else:
            self.fields["pairing"].queryset = pairings
        self.fields["host_region"].queryset = regions
        self.fields["visiting_region"].queryset = regions


class ExchangeEventEditForm(VersionedForm, ExchangeEventForm):
    """An exchange stays with the pairing that organized it: no pairing field."""


class SchoolClassForm(forms.Form):
    school = OrganizationChoiceField(label=_("School"), queryset=None)
    grade = forms.IntegerField(label=_("Grade"), min_value=1, max_value=12)
    class_number = forms.IntegerField(
        label=_("Class number"), min_value=1, max_value=99, help_text=_("3 for Class 3.")
    )
    pupils = forms.IntegerField(label=_("Pupils"), min_value=1, max_value=200)
    language = forms.ChoiceField(label=_("Language the class writes in"), choices=Language.choices)

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools


class MatchClassesForm(forms.Form):
    pairing = forms.ModelChoiceField(label=_("Pairing"), queryset=None)
    started_on = forms.DateField(label=_("Starting on"), widget=DATE)

    def __init__(self, *args, pairings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pairing"].queryset = pairings


class LettersForm(forms.Form):
    term_start = forms.DateField(label=_("Term start"), widget=DATE)
    term_end = forms.DateField(label=_("Term end"), widget=DATE)
    from_donor_side = forms.IntegerField(label=_("Letters from the donor side"), min_value=0)
    from_recipient_side = forms.IntegerField(
        label=_("Letters from the recipient side"), min_value=0
    )
