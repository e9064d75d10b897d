from django import forms
from django.utils.translation import gettext_lazy as _

from counterpart.core.forms import VersionedForm
from counterpart.core.widgets import NamedSelect


class OrganizationChoiceField(forms.ModelChoiceField):
    """An organization, chosen from a list that narrows as one types its name or pinyin."""

    widget = NamedSelect


class RegionChoiceField(forms.ModelChoiceField):
    """A region, chosen as an organization is; each shown with its level."""

    widget = NamedSelect

    def label_from_instance(self, region):
        return f"{region.name} · {region.get_level_display()}"


class OrganizationProfileForm(VersionedForm):
    description_en = forms.CharField(
        label=_("Description (English)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    description_zh = forms.CharField(
        label=_("Description (Chinese)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    contact_email = forms.EmailField(
        label=_("Contact email"),
        required=False,
        help_text=_("An office address, never a person's own."),
    )


class OrganizationOfficeForm(OrganizationProfileForm):
    """What the programme office sets beyond the profile: the names, and the IATI identifier."""

    name_en = forms.CharField(label=_("Name (English)"), max_length=200)
    name_zh = forms.CharField(label=_("Name (Chinese)"), max_length=200, required=False)
    name_ug = forms.CharField(
        label=_("Name (Uyghur)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"dir": "rtl", "lang": "ug"}),
    )

    iati_ref = forms.CharField(
        label=_("IATI organisation identifier"),
        required=False,
        max_length=120,
        help_text=_("Such as CN-USCI-91350100M000100Y43; projects are published to IATI under it."),
    )
