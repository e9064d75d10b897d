"""Checks of input that services of every app share. Each returns {field: message} for what is
wrong, so that a service can gather all its errors and raise them together, changing nothing
(house rule 8)."""

import datetime

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from counterpart.engine import privacy


def counts_not_negative(**counts: int | None) -> dict[str, str]:
    """Counts of people, letters, hours…: none below zero (None means not given)."""
    return {
        field: _("A count cannot be below zero.")
        for field, value in counts.items()
        if value is not None and value < 0
    }


def dates_in_order(
    start: datetime.date | None, end: datetime.date | None, *, end_field: str
) -> dict[str, str]:
    """An end on or after its start; either may be missing."""
    if start is not None and end is not None and end < start:
        return {end_field: _("The end date is before the start date.")}
    return {}


def text_too_long(**texts: tuple[str, int]) -> dict[str, str]:
    """Each field's text within its length (`field=(text, most characters)`): a database may
    not enforce it (SQLite does not), so the services do."""
    return {
        field: _("At most %(limit)s characters (this has %(count)s).")
        % {"limit": f"{limit:,}", "count": f"{len(text):,}"}
        for field, (text, limit) in texts.items()
        if text is not None and len(text) > limit
    }


# One amount of money in its currency's minor units: 100 billion in the major unit, more than a
# whole programme spends in a year, far from what sums of many of them could overflow.
MAX_AMOUNT_MINOR = 10**13


def amounts_in_range(*, maximum: int = MAX_AMOUNT_MINOR, **amounts: int | None) -> dict[str, str]:
    """Whole numbers of minor units from 0 to `maximum` (None means not given)."""
    errors = {}
    for field, value in amounts.items():
        if value is None:
            continue
        if type(value) is not int:  # not True, not 1.0, not "100"
            errors[field] = _("An amount is a whole number of minor units (fen, cents).")
        elif value < 0:
            errors[field] = _("An amount cannot be below zero.")
        elif value > maximum:
            errors[field] = _("%(amount)s is more than an amount here can be (%(limit)s).") % {
                "amount": f"{value:,}",
                "limit": f"{maximum:,}",
            }
    return errors


PERSONAL_DATA = {
    "identity_number": gettext_lazy("Remove the identity-card number: no one is identified here."),
    "phone": gettext_lazy("Remove the phone number: no one is identified here."),
    "name": gettext_lazy(
        "Remove the name: patients, pupils and local staff are recorded by case code, class "
        "or role, never by name."
    ),
}


# Free text (a question, advice, a reason): long enough for any of them, bounded all the same.
FREE_TEXT_CHARS = 10_000


def personal_data_in(*, names: bool = True, **texts: str | None) -> dict[str, str]:
    """Each field whose text names or identifies a person (engine.privacy says what it finds
    and what it cannot); with `names=False`, identity and phone numbers only."""
    errors = {}
    for field, text in texts.items():
        found = privacy.personal_data_in(text or "")
        if found and (names or found != "name"):
            errors[field] = str(PERSONAL_DATA[found])
    return errors


def personal_data_in_record(
    record: models.Model, *, exempt: tuple[str, ...] = ()
) -> dict[str, str]:
    """`personal_data_in` over every free-text field of a record (text without choices)."""
    return personal_data_in(
        **{
            field.name: getattr(record, field.attname)
            for field in record._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField)
            and not field.choices
            and field.name not in exempt
        }
    )
