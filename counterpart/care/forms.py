from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from counterpart.care.choices import ConsultationOutcome, ReferralOutcome
from counterpart.core.choices import Specialty
from counterpart.core.forms import DATE, VersionedForm
from counterpart.places.forms import OrganizationChoiceField

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _this_minute():
    """What a person records as it happens: now, to the minute (the fields' precision)."""
    return timezone.localtime().replace(second=0, microsecond=0)


class ConsultationRequestForm(forms.Form):
    requesting_institution = OrganizationChoiceField(label=_("Requesting hospital"), queryset=None)
    consulting_institution = OrganizationChoiceField(label=_("Consulting hospital"), queryset=None)
    specialty = forms.ChoiceField(label=_("Specialty"), choices=Specialty.choices)
    case_code = forms.CharField(
        label=_("Case code"),
        max_length=30,
        help_text=_(
            "Pseudonymous, e.g. KSG-2017-0042. Never a name, an identity number or a photo."
        ),
    )
    question = forms.CharField(
        label=_("Question"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The clinical question, without anything that identifies the patient."),
    )

    def __init__(self, *args, own, others, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requesting_institution"].queryset = own
        self.fields["consulting_institution"].queryset = others


class ScheduleForm(VersionedForm):
    scheduled_for = forms.DateTimeField(label=_("Scheduled for"), widget=DATETIME)


class HoldForm(VersionedForm):
    held_at = forms.DateTimeField(label=_("Held at"), widget=DATETIME, initial=_this_minute)
    advice = forms.CharField(label=_("Advice"), widget=forms.Textarea(attrs={"rows": 4}))
    outcome = forms.ChoiceField(label=_("Outcome"), choices=ConsultationOutcome.choices)


class CancelForm(VersionedForm):
    reason = forms.CharField(label=_("Why it is cancelled"), max_length=500)


class ReferForm(forms.Form):
    referred_on = forms.DateField(label=_("Referred on"), widget=DATE, initial=timezone.localdate)
    treatment = forms.CharField(
        label=_("Treatment asked for"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class TreatForm(VersionedForm):
    admitted_on = forms.DateField(label=_("Admitted on"), widget=DATE, required=False)
    discharged_on = forms.DateField(label=_("Discharged on"), widget=DATE, required=False)
    treatment = forms.CharField(
        label=_("Treatment"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=[("", "—"), *ReferralOutcome.choices], required=False
    )


class FollowUpForm(VersionedForm):
    follow_up_on = forms.DateField(
        label=_("Followed up on"), widget=DATE, initial=timezone.localdate
    )
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea(attrs={"rows": 2}))
