"""What every app's forms share: showing a service's errors next to the fields they name, the
version an edit was read at, and the date input."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# A title in English, in Chinese, or both: one is enough.
EITHER = gettext_lazy("Or write it in Chinese only: one of the two is enough.")


def show_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Attach each error to its field; errors about fields the form lacks go on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


class VersionedForm(forms.Form):
    """A form editing a record that others may edit too: it carries the version it read."""

    version = forms.IntegerField(widget=forms.HiddenInput)
