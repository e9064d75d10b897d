"""Checks that keep people out of the records (house rule 7): pseudonymous case codes only, and
no identity-card numbers in free text."""

import re

# A resident identity card number: 17 digits and a check character (digit or X), or the old 15.
_IDENTITY_NUMBER = re.compile(r"(?<!\d)(\d{17}[\dXx]|\d{15})(?![\dXx])")
_CASE_CODE = re.compile(r"^[A-Z]{2,6}-\d{2,4}-[A-Z0-9]{2,8}$")
CASE_CODE_EXAMPLE = "KSG-2017-0042"


def has_identity_number(text: str) -> bool:
    return bool(_IDENTITY_NUMBER.search(text or ""))


def is_case_code(text: str) -> bool:
    """A code of the form PLACE-YEAR-SERIAL (e.g. KSG-2017-0042): it cannot be a name."""
    return bool(_CASE_CODE.match(text or ""))
