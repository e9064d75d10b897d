"""The report builder's question: a measure, what its rows and columns count by, the filters
and how it shows. Asked by GET, so a report's address rebuilds it."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from counterpart.funding import selectors as funding
from counterpart.pairings import selectors as pairings
from counterpart.places import selectors as places
from counterpart.places.forms import OrganizationChoiceField, RegionChoiceField
from counterpart.reports.measures import MEASURES, Asked
from counterpart.reports.selectors import DIMENSIONS, DISPLAYS

YEARS = {"min_value": 1949, "max_value": 2100}
DISPLAY_LABELS = {"table": _("Table"), "bars": _("Bars"), "lines": _("Lines")}


class ReportForm(forms.Form):
    measure = forms.ChoiceField(label=pgettext_lazy("report", "Measure"))
    rows = forms.ChoiceField(label=pgettext_lazy("report", "Rows"))
    columns = forms.ChoiceField(label=pgettext_lazy("report", "Columns"), required=False)
    display = forms.ChoiceField(label=_("Show as"), required=False)
    round = forms.ModelChoiceField(label=_("Round"), queryset=None, required=False)
    donor = OrganizationChoiceField(label=_("Donor"), queryset=None, required=False)
    area = RegionChoiceField(label=_("Place"), queryset=None, required=False)
    year_from = forms.IntegerField(label=_("From year"), required=False, **YEARS)
    year_to = forms.IntegerField(label=_("To year"), required=False, **YEARS)
    include_unapproved = forms.BooleanField(
        label=_("Include figures not yet approved"), required=False
    )

    def __init__(self, *args, rounds, donors, areas, may_see_unapproved: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].choices = [(m.key, m.label) for m in MEASURES.values()]
        dimensions = list(DIMENSIONS.items())
        self.fields["rows"].choices = dimensions
        self.fields["columns"].choices = [("", _("None")), *dimensions]
        self.fields["display"].choices = [(key, DISPLAY_LABELS[key]) for key in DISPLAYS]
        self.fields["round"].queryset = rounds
        self.fields["donor"].queryset = donors
        self.fields["area"].queryset = areas
        if not may_see_unapproved:
            del self.fields["include_unapproved"]

    def clean(self):
        data = super().clean()
        measure = MEASURES.get(data.get("measure"))
        if measure is None:
            return data
        errors = {}
        for name in ("rows", "columns"):
            if data.get(name) and data[name] not in measure.dimensions:
                errors[name] = _("%(measure)s cannot be counted by %(dimension)s.") % {
                    "measure": measure.label,
                    "dimension": DIMENSIONS[data[name]],
                }
        if data.get("rows") and data.get("rows") == data.get("columns"):
            errors["columns"] = _("Choose another dimension than the rows'.")
        for name in ("round", "donor", "area"):
            if data.get(name) is not None and name not in measure.filters:
                errors[name] = _("%(measure)s cannot be filtered by this.") % {
                    "measure": measure.label
                }
        if (data.get("year_from") or data.get("year_to")) and "year" not in measure.filters:
            errors["year_from"] = _("%(measure)s cannot be filtered by this.") % {
                "measure": measure.label
            }
        first, last = data.get("year_from"), data.get("year_to")
        if first is not None and last is not None and first > last:
            errors["year_to"] = _("The last year is before the first.")
        if errors:
            raise ValidationError(errors)
        return data

    def asked(self) -> Asked:
        data = self.cleaned_data
        return Asked(
            round=data.get("round"),
            donor=data.get("donor"),
            area=data.get("area"),
            year_from=data.get("year_from"),
            year_to=data.get("year_to"),
            include_unapproved=bool(data.get("include_unapproved")),
        )


def report_form(data, *, actor) -> ReportForm:
    """The builder's form for `actor`: the rounds, donors and places it may choose among."""
    return ReportForm(
        data,
        initial={"measure": "committed", "rows": "donor", "columns": "year"},
        rounds=pairings.round_list(actor=actor),
        donors=places.organization_list(actor=actor)
        .filter(pk__in=pairings.pairing_list(actor=actor).values("donor"))
        .order_by("name_en"),
        areas=places.region_list(actor=actor).order_by("path"),
        may_see_unapproved=funding.may_see_entries(actor),
    )
