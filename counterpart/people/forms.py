from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from counterpart.accounts import permissions
from counterpart.accounts.choices import TEAM_GRANTABLE, Role
from counterpart.places.forms import OrganizationChoiceField


class StaffingForm(forms.Form):
    """An organization and a role the actor may give there (the service checks the pair)."""

    organization = OrganizationChoiceField(label=_("Organization"), queryset=None)
    role = forms.ChoiceField(label=_("Role"))

    def __init__(self, *args, actor, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        offered = Role.values if permissions.is_programme_office(actor) else TEAM_GRANTABLE
        self.fields["role"].choices = [(v, label) for v, label in Role.choices if v in offered]


class InvitationForm(StaffingForm):
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    display_name = forms.CharField(label=_("Name"), max_length=150, required=False)
    language = forms.ChoiceField(
        label=_("Language of the e-mail"), choices=settings.LANGUAGES, initial="en"
    )
    field_order = ["email", "display_name", "organization", "role", "language"]


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
