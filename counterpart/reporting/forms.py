from django import forms
from django.utils.translation import gettext_lazy as _

from counterpart.core.forms import DATE
from counterpart.places.choices import RegionLevel
from counterpart.places.forms import OrganizationChoiceField, RegionChoiceField
from counterpart.reporting.choices import APPROVING_ROLES, PeriodLength, ReviewMode
from counterpart.reporting.services.rules import MAX_LEVELS

SHORT_TEXT = forms.Textarea(attrs={"rows": 2})


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        max_length=2000,
        required=False,
        widget=SHORT_TEXT,
        help_text=_("Needed when you return or reopen a record: say what should change."),
    )


class RulesForm(forms.Form):
    """A round's rules, with its approval chain as up to MAX_LEVELS rows of (who, where)."""

    review_mode = forms.ChoiceField(label=_("Review"), choices=ReviewMode.choices)
    period_length = forms.ChoiceField(label=_("Reporting periods"), choices=PeriodLength.choices)
    closes_after_days = forms.IntegerField(
        label=_("Entry closes this many days after a period ends"),
        required=False,
        min_value=0,
        max_value=366,
        help_text=_("Empty: periods never close."),
    )
    freeze_before = forms.DateField(
        label=_("Data freeze: no ledger entry dated before"), required=False, widget=DATE
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for n in range(1, MAX_LEVELS + 1):
            self.fields[f"role_{n}"] = forms.ChoiceField(
                label=_("Level %(n)s: approved by") % {"n": n},
                choices=[("", "—"), *APPROVING_ROLES],
                required=False,
            )
            self.fields[f"region_level_{n}"] = forms.ChoiceField(
                label=_("Level %(n)s: teams of") % {"n": n},
                choices=[("", "—"), *RegionLevel.choices],
                required=False,
            )

    def levels(self) -> list[tuple[str, str]]:
        data = self.cleaned_data
        return [
            (data[f"role_{n}"], data[f"region_level_{n}"])
            for n in range(1, MAX_LEVELS + 1)
            if data[f"role_{n}"]
        ]


class ReopenForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"))
    organization = OrganizationChoiceField(
        label=_("For the organization"), queryset=None, required=False
    )
    region = RegionChoiceField(
        label=_("Or for the teams of the place"), queryset=None, required=False
    )
    until = forms.DateField(label=_("Open until"), widget=DATE)
    reason = forms.CharField(
        label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, periods, organizations, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [(p.start.isoformat(), p.label) for p in periods]
        self.fields["organization"].queryset = organizations
        self.fields["region"].queryset = regions


class FreezeExceptionForm(forms.Form):
    donor = OrganizationChoiceField(label=_("Donor"), queryset=None)
    until = forms.DateField(label=_("Until"), widget=DATE)
    reason = forms.CharField(
        label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, donors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["donor"].queryset = donors
