from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from counterpart.core.choices import Language, Specialty
from counterpart.core.forms import DATE, EITHER, VersionedForm
from counterpart.core.widgets import PEOPLE_SEARCH, SearchSelect
from counterpart.places.forms import OrganizationChoiceField
from counterpart.talent.choices import (
    LocalRole,
    Optimal,
    PostStatus,
    ProfessionalKind,
    Seniority,
    Term,
)


class ProfessionalForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=150,
        help_text=_("Seen only by your organization's team and the programme office."),
    )
    kind = forms.ChoiceField(label=_("Serving as"), choices=ProfessionalKind.choices)
    specialty = forms.ChoiceField(label=_("Specialty"), choices=Specialty.choices)
    seniority = forms.TypedChoiceField(label=_("Seniority"), choices=Seniority.choices, coerce=int)
    languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    available_from = forms.DateField(label=_("Available from"), widget=DATE)
    term_months = forms.TypedChoiceField(label=_("Term wanted"), choices=Term.choices, coerce=int)


class ProfessionalRegisterForm(ProfessionalForm):
    organization = OrganizationChoiceField(label=_("Sending organization"), queryset=None)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.order_fields(["organization"])


class ProfessionalEditForm(ProfessionalForm, VersionedForm):
    pass


class PostFieldsForm(forms.Form):
    title_en = forms.CharField(
        label=_("Title (English)"), max_length=300, required=False, help_text=EITHER
    )
    title_zh = forms.CharField(label=_("Title (Chinese)"), max_length=300, required=False)
    specialty = forms.ChoiceField(label=_("Specialty"), choices=Specialty.choices)
    places = forms.IntegerField(label=_("Places"), min_value=1, max_value=500, initial=1)
    term_months = forms.TypedChoiceField(label=_("Term"), choices=Term.choices, coerce=int)
    start_date = forms.DateField(label=_("Start date"), widget=DATE)
    min_seniority = forms.TypedChoiceField(
        label=_("Lowest seniority"), choices=Seniority.choices, coerce=int
    )
    language = forms.ChoiceField(
        label=_("Working language needed"),
        choices=[("", _("Any")), *Language.choices],
        required=False,
    )
    requirements = forms.CharField(
        label=_("Requirements"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class PostCreateForm(PostFieldsForm):
    institution = OrganizationChoiceField(label=_("Receiving institution"), queryset=None)

    def __init__(self, *args, institutions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = institutions
        self.order_fields(["institution"])


class PostEditForm(PostFieldsForm, VersionedForm):
    status = forms.ChoiceField(label=_("Status"), choices=PostStatus.choices)


class MatchRunForm(forms.Form):
    optimal = forms.ChoiceField(
        label=_("The matching is best for"), choices=Optimal.choices, initial=Optimal.APPLICANT
    )


class ExtensionRequestForm(forms.Form):
    new_end_date = forms.DateField(label=_("New end date"), widget=DATE)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class ExtensionDecisionForm(forms.Form):
    extension = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class WithdrawForm(VersionedForm):
    reason = forms.CharField(label=_("Why it is withdrawn"), max_length=500)


class WorkLoadForm(forms.Form):
    month = forms.DateField(label=_("Month"), widget=DATE, help_text=_("Any day of the month."))
    teaching_hours = forms.IntegerField(label=_("Teaching hours"), min_value=0, initial=0)
    patients_seen = forms.IntegerField(label=_("Patients seen"), min_value=0, initial=0)
    operations = forms.IntegerField(label=_("Operations"), min_value=0, initial=0)


class MentorshipForm(forms.Form):
    institution = OrganizationChoiceField(label=_("Institution"), queryset=None)
    mentor = forms.ModelChoiceField(
        label=_("Mentor (a professional sent)"), queryset=None, required=False
    )
    local_mentor_role = forms.ChoiceField(
        label=_("Or a local senior, by role"),
        choices=[("", "—"), *LocalRole.choices],
        required=False,
    )
    mentee_role = forms.ChoiceField(
        label=_("Mentee, by role"),
        choices=LocalRole.choices,
        help_text=_("Mentees are recorded by role and field, never by name."),
    )
    mentee_field = forms.ChoiceField(
        label=_("Mentee's field"), choices=[("", "—"), *Specialty.choices], required=False
    )
    started_on = forms.DateField(label=_("Started on"), widget=DATE)
    goals = forms.CharField(
        label=_("Goals"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, institutions, mentors, label, **kwargs):
        """`label(professional)`: how the actor may see each mentor (the one name rule)."""
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = institutions
        self.fields["mentor"].queryset = mentors
        self.fields["mentor"].label_from_instance = lambda p: (
            f"{label(p)} · {p.get_specialty_display()}"
        )
        self.fields["mentor"].widget = SearchSelect(
            reverse_lazy("talent:professional-options"), PEOPLE_SEARCH
        )
        self.fields["mentor"].widget.choices = self.fields["mentor"].choices


class MeetingForm(forms.Form):
    held_on = forms.DateField(label=_("Held on"), widget=DATE)
    hours = forms.DecimalField(label=_("Hours"), max_digits=5, decimal_places=1, min_value=0)
    topic = forms.CharField(label=_("Topic"), max_length=300, required=False)


class TrainingForm(forms.Form):
    institution = OrganizationChoiceField(label=_("Institution"), queryset=None)
    trainer = forms.ModelChoiceField(label=_("Given by"), queryset=None, required=False)
    topic = forms.CharField(label=_("Topic"), max_length=300)
    held_on = forms.DateField(label=_("Held on"), widget=DATE)
    hours = forms.DecimalField(label=_("Hours"), max_digits=6, decimal_places=1, min_value=0)
    attendees = forms.IntegerField(label=_("Attendees"), min_value=0)
    local_staff_trained = forms.IntegerField(label=_("Of whom local staff"), min_value=0)

    def __init__(self, *args, institutions, trainers, label, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = institutions
        self.fields["trainer"].queryset = trainers
        self.fields["trainer"].label_from_instance = label
        self.fields["trainer"].widget = SearchSelect(
            reverse_lazy("talent:professional-options"), PEOPLE_SEARCH
        )
        self.fields["trainer"].widget.choices = self.fields["trainer"].choices
