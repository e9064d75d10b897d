from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from counterpart.core.forms import DATE, EITHER, VersionedForm
from counterpart.core.widgets import SECTOR_SEARCH, SearchSelect
from counterpart.engine.money import CURRENCIES
from counterpart.places.forms import RegionChoiceField
from counterpart.projects.choices import ActivityStatus, Measure, ResultKind, Standard

SECTOR_ROWS = 4


def preselect_a_single_choice(field: forms.ModelChoiceField) -> None:
    """With one row to choose from, offer it chosen rather than an empty first option."""
    if field.queryset.count() == 1:
        field.empty_label = None


class ProjectFieldsForm(forms.Form):
    """What a project's creation and its later edits share."""

    title_en = forms.CharField(
        label=_("Title (English)"), max_length=300, required=False, help_text=EITHER
    )
    title_zh = forms.CharField(label=_("Title (Chinese)"), max_length=300, required=False)
    description_en = forms.CharField(
        label=_("Description (English)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    description_zh = forms.CharField(
        label=_("Description (Chinese)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=ActivityStatus.choices, initial=ActivityStatus.PIPELINE
    )
    region = RegionChoiceField(
        label=_("Main place"),
        queryset=None,
        help_text=_("Within the place the pairing assists."),
    )
    planned_start = forms.DateField(label=_("Planned start"), widget=DATE, required=False)
    planned_end = forms.DateField(label=_("Planned end"), widget=DATE, required=False)
    actual_start = forms.DateField(label=_("Actual start"), widget=DATE, required=False)
    actual_end = forms.DateField(label=_("Actual end"), widget=DATE, required=False)
    budget = forms.CharField(
        label=_("Budget"), required=False, help_text=_("In the currency below, e.g. 70,000,000")
    )
    currency = forms.ChoiceField(label=_("Currency"), choices=[(c, c) for c in CURRENCIES])
    is_published = forms.BooleanField(label=_("Published on the public portal"), required=False)

    def __init__(self, *args, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions


class SectorSplitMixin(forms.Form):
    """Up to four DAC sectors with the percentage of the project in each."""

    def add_sector_rows(self, sectors) -> None:
        choices = [("", "—"), *[(s.code, f"{s.code} · {s.name}") for s in sectors]]
        for row in range(1, SECTOR_ROWS + 1):
            self.fields[f"sector_{row}"] = forms.ChoiceField(
                label=_("Sector %(row)s") % {"row": row},
                choices=choices,
                required=False,
                widget=SearchSelect(reverse_lazy("projects:sector-options"), SECTOR_SEARCH),
            )
            self.fields[f"percentage_{row}"] = forms.IntegerField(
                label=_("Share of sector %(row)s (%%)") % {"row": row},
                min_value=1,
                max_value=100,
                required=False,
            )

    def sector_split(self) -> dict[str, int]:
        split: dict[str, int] = {}
        for row in range(1, SECTOR_ROWS + 1):
            code = self.cleaned_data.get(f"sector_{row}")
            share = self.cleaned_data.get(f"percentage_{row}")
            if code and share is None:
                self.add_error(f"percentage_{row}", _("Give this sector's share."))
            elif share is not None and not code:
                self.add_error(f"sector_{row}", _("Choose the sector of this share."))
            elif code in split:
                self.add_error(f"sector_{row}", _("This sector is already in the split."))
            elif code:
                split[code] = share
        return split


class ProjectCreateForm(SectorSplitMixin, ProjectFieldsForm):
    pairing = forms.ModelChoiceField(label=_("Pairing"), queryset=None)
    code = forms.SlugField(
        label=_("Code"), max_length=60, help_text=_("Short and unique, e.g. kunyu-hospital")
    )

    field_order = ["pairing", "code"]

    def __init__(self, *args, pairings, sectors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pairing"].queryset = pairings
        self.fields["pairing"].widget.attrs.update(
            {  # the places follow the pairing chosen
                "hx-get": reverse_lazy("projects:place-options"),
                "hx-trigger": "change",
                "hx-target": "#id_region",
                "hx-include": "this",
            }
        )
        self.add_sector_rows(sectors)


class ProjectEditForm(ProjectFieldsForm, VersionedForm):
    pass


class SectorSplitForm(SectorSplitMixin, VersionedForm):
    def __init__(self, *args, sectors, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_sector_rows(sectors)


class MilestoneForm(forms.Form):
    title_en = forms.CharField(
        label=_("Milestone (English)"), max_length=300, required=False, help_text=EITHER
    )
    title_zh = forms.CharField(label=_("Milestone (Chinese)"), max_length=300, required=False)
    due_on = forms.DateField(label=_("Due on"), widget=DATE)


class MilestoneDoneForm(VersionedForm):
    milestone = forms.IntegerField(widget=forms.HiddenInput)
    completed_on = forms.DateField(label=_("Completed on"), widget=DATE)


class PlaceForm(forms.Form):
    region = RegionChoiceField(
        label=_("Place"), queryset=None, help_text=_("Within the place the pairing assists.")
    )
    latitude = forms.DecimalField(
        label=_("Latitude"), max_digits=8, decimal_places=5, required=False
    )
    longitude = forms.DecimalField(
        label=_("Longitude"), max_digits=8, decimal_places=5, required=False
    )

    def __init__(self, *args, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Document title"), max_length=300)
    url = forms.URLField(label=_("Link"), max_length=500, assume_scheme="https")


class ResultForm(forms.Form):
    kind = forms.ChoiceField(label=_("Result type"), choices=ResultKind.choices)
    title_en = forms.CharField(
        label=_("Result (English)"), max_length=300, required=False, help_text=EITHER
    )
    title_zh = forms.CharField(label=_("Result (Chinese)"), max_length=300, required=False)


class IndicatorForm(forms.Form):
    result = forms.ModelChoiceField(label=_("Result"), queryset=None)
    standard = forms.ChoiceField(
        label=_("Standard indicator"),
        choices=[("", _("— none: the project's own —")), *Standard.choices],
        required=False,
        help_text=_("Standard indicators add up across the programme."),
    )
    title_en = forms.CharField(
        label=_("Indicator (English)"), max_length=300, required=False, help_text=EITHER
    )
    title_zh = forms.CharField(label=_("Indicator (Chinese)"), max_length=300, required=False)
    measure = forms.ChoiceField(label=_("Measure"), choices=Measure.choices)
    ascending = forms.BooleanField(label=_("Higher is better"), required=False, initial=True)
    baseline_year = forms.IntegerField(
        label=_("Baseline year"), min_value=1990, max_value=2100, required=False
    )
    baseline_value = forms.DecimalField(
        label=_("Baseline value"), max_digits=16, decimal_places=2, required=False
    )

    def __init__(self, *args, results, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["result"].queryset = results
        preselect_a_single_choice(self.fields["result"])


class PeriodForm(forms.Form):
    indicator = forms.ModelChoiceField(label=_("Indicator"), queryset=None)
    period_start = forms.DateField(label=_("Period start"), widget=DATE)
    period_end = forms.DateField(label=_("Period end"), widget=DATE)
    target = forms.DecimalField(label=_("Target"), max_digits=16, decimal_places=2, required=False)
    actual = forms.DecimalField(label=_("Actual"), max_digits=16, decimal_places=2, required=False)
    # Set when the period is recorded already: saving again then replaces what was read.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, indicators, can_set_target: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = indicators
        preselect_a_single_choice(self.fields["indicator"])
        if not can_set_target:
            del self.fields["target"]
