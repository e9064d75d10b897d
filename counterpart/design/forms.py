"""Pairing design's forms: a scenario from a round, its figures, and a draft round from it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from counterpart.core.forms import DATE, VersionedForm
from counterpart.core.json_input import MOST
from counterpart.places.forms import RegionChoiceField

YUAN = 10**15  # a capacity above a thousand trillion yuan a year is a typing error


class ScenarioForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    round = forms.ModelChoiceField(label=_("Round"), queryset=None, empty_label=None)
    census_year = forms.TypedChoiceField(label=_("Populations of the census of"), coerce=int)
    revenue_year = forms.IntegerField(
        label=_("Fiscal revenue of the year"),
        min_value=1949,
        max_value=2200,
        required=False,
        help_text=_("Left empty: the year before the round."),
    )

    need = forms.ChoiceField(label=_("Weights"), required=False)

    def __init__(self, *args, rounds, census_years, needs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds
        self.fields["census_year"].choices = [(year, year) for year in census_years]
        self.fields["need"].choices = [("", _("Equal: every resident counts the same"))] + [
            (f"{year}|{name}", f"{name} ({year})") for name, year in needs
        ]

    def clean_need(self):
        chosen = self.cleaned_data["need"]
        if not chosen:
            return None
        year, name = chosen.split("|", 1)
        return name, int(year)


class NeedFigureForm(forms.Form):
    region = RegionChoiceField(label=_("Place"), queryset=None)
    name = forms.CharField(
        label=_("Figure"),
        max_length=100,
        help_text=_("What the weight measures, e.g. “need index (poverty headcount, relative)”."),
    )
    year = forms.IntegerField(label=_("Year"), min_value=1949, max_value=2200)
    value = forms.DecimalField(
        label=_("Weight"),
        min_value=0,
        max_value=1000,
        max_digits=9,
        decimal_places=4,
        help_text=_("1 is an average resident; 1.5 counts each resident half as much again."),
    )
    source = forms.CharField(label=_("Source"), max_length=300)

    def __init__(self, *args, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions


class FiguresForm(VersionedForm):
    """Every figure of a scenario, one field each: the donors' capacities and numbers of
    recipients, the recipients' populations, weights and fixed donors, the places left out
    (a population entered brings one in), the group limit, and a donor to add."""

    max_groups = forms.IntegerField(
        label=_("Most prefectures one donor's recipients may span"),
        min_value=1,
        max_value=1000,
        required=False,
    )
    new_donor = forms.ChoiceField(label=_("Add a donor"), required=False)
    new_capacity = forms.DecimalField(
        label=_("Its capacity (yuan a year)"), min_value=0, max_value=YUAN, required=False
    )

    def __init__(self, *args, scenario, names, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.problem = scenario.problem
        self.left_out = scenario.origins.get("left_out", [])
        donors = [d["ref"] for d in self.problem["donors"]]
        fixed = {r: d for d, r in self.problem.get("fixed", [])}
        self.fields["max_groups"].initial = self.problem.get("max_groups_per_donor")
        self.fields["new_donor"].choices = [("", "—")] + [
            (code, name) for code, name in candidates if code not in donors
        ]
        self.donor_rows, self.recipient_rows = [], []
        for donor in self.problem["donors"]:
            ref = donor["ref"]
            self.fields[f"capacity:{ref}"] = forms.DecimalField(
                label=_("Capacity (yuan a year)"),
                min_value=0,
                max_value=YUAN,
                initial=round(donor["capacity"], 2),
            )
            self.fields[f"least:{ref}"] = forms.IntegerField(
                label=_("At least"),
                min_value=0,
                max_value=MOST,
                initial=donor.get("min_recipients", 0),
            )
            self.fields[f"most:{ref}"] = forms.IntegerField(
                label=_("At most"),
                min_value=0,
                max_value=MOST,
                required=False,
                initial=donor.get("max_recipients"),
            )
            self._label_cells(names.get(ref, ref), ref, ("capacity", "least", "most"))
            self.donor_rows.append(
                (names.get(ref, ref), [self[f"{k}:{ref}"] for k in ("capacity", "least", "most")])
            )
        choices = [("", _("any"))] + [(ref, names.get(ref, ref)) for ref in donors]
        for place in self.problem["recipients"] + self.left_out:
            ref = place["ref"]
            self.fields[f"population:{ref}"] = forms.IntegerField(
                label=_("Population"),
                min_value=0,
                max_value=MOST,
                required="population" in place,
                initial=place.get("population"),
            )
            self.fields[f"weight:{ref}"] = forms.DecimalField(
                label=_("Need weight"),
                min_value=0,
                max_value=1000,
                initial=place.get("weight", 1),
            )
            self.fields[f"fixed:{ref}"] = forms.ChoiceField(
                label=_("Fixed to"),
                choices=choices,
                required=False,
                initial=fixed.get(ref, ""),
            )
            self._label_cells(names.get(ref, ref), ref, ("population", "weight", "fixed"))
            self.recipient_rows.append(
                (
                    names.get(ref, ref),
                    "population" not in place,
                    [self[f"{k}:{ref}"] for k in ("population", "weight", "fixed")],
                )
            )

    def _label_cells(self, name: str, ref: str, kinds: tuple[str, ...]) -> None:
        """A cell of the table has no label of its own: its row and column name it."""
        for kind in kinds:
            field = self.fields[f"{kind}:{ref}"]
            field.widget.attrs["aria-label"] = f"{name}: {field.label}"

    def changed_problem(self) -> dict:
        """The scenario's figures as the form has them (cleaned): the engine's input."""
        data, problem = self.cleaned_data, self.problem
        donors = [
            {
                "ref": d["ref"],
                "capacity": float(data[f"capacity:{d['ref']}"]),
                "min_recipients": data[f"least:{d['ref']}"],
                "max_recipients": data[f"most:{d['ref']}"],
            }
            for d in problem["donors"]
        ]
        if data.get("new_donor") and data.get("new_capacity") is not None:
            donors.append({"ref": data["new_donor"], "capacity": float(data["new_capacity"])})
        current = [list(pair) for pair in problem["current"]]
        recipients = []
        for place in problem["recipients"] + self.left_out:
            ref = place["ref"]
            if data[f"population:{ref}"] is None:
                continue
            recipients.append(
                {
                    "ref": ref,
                    "population": data[f"population:{ref}"],
                    "weight": float(data[f"weight:{ref}"]),
                    "group": place.get("group") or ref,
                }
            )
            if "donor" in place:  # a place left out, brought in: its donor is its current one
                current.append([place["donor"], ref])
        return {
            "donors": donors,
            "recipients": recipients,
            "fixed": [
                [data[f"fixed:{r['ref']}"], r["ref"]]
                for r in recipients
                if data[f"fixed:{r['ref']}"]
            ],
            "forbidden": [list(pair) for pair in problem.get("forbidden", [])],
            "max_groups_per_donor": data["max_groups"],
            "current": current,
        }


class DraftRoundForm(VersionedForm):
    year = forms.IntegerField(label=_("Year"), min_value=1949, max_value=2200)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200)
    name_zh = forms.CharField(label=_("Name (Chinese)"), max_length=200, required=False)
    name_ug = forms.CharField(label=_("Name (Uyghur)"), max_length=200, required=False)
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE)
