"""IATI organisation identifiers: an agency prefix from the org-id.guide list, then the
organisation's number in that register. Chinese bodies are registered as `CN-USCI-` and their
18-character Unified Social Credit Identifier, whose last character is a check digit."""

import re

from django.utils.translation import gettext as _

USCI_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
USCI_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# Country code (or XM/XI for international bodies), agency, then the identifier itself; no
# character the IATI rules forbid in identifiers (/ & | ?) and no space.
_SHAPE = re.compile(r"^(?:[A-Z]{2})-[A-Z0-9]{2,12}-[A-Za-z0-9._:-]{1,80}\Z")


def usci_check_digit(first_17: str) -> str:
    total = sum(USCI_ALPHABET.index(c) * w for c, w in zip(first_17, USCI_WEIGHTS, strict=True))
    return USCI_ALPHABET[(31 - total % 31) % 31]


def usci_problem(code: str) -> str | None:
    """What is wrong with a Unified Social Credit Identifier, or None."""
    if len(code) != 18:
        return _("a Unified Social Credit Identifier has 18 characters, not %(count)s") % {
            "count": len(code)
        }
    bad = sorted({c for c in code if c not in USCI_ALPHABET})
    if bad:
        return _("a Unified Social Credit Identifier has no %(letters)s") % {
            "letters": "".join(bad)
        }
    if usci_check_digit(code[:17]) != code[17]:
        return _("the last character (the check digit) does not match the other 17: a typo?")
    return None


def normalized_org_ref(text: str) -> str:
    """The identifier as IATI writes it ('cn-usci-9135 0100 M000 100Y 43' ->
    'CN-USCI-91350100M000100Y43'), or ValueError saying what is wrong."""
    compact = re.sub(r"\s+", "", text or "")
    prefix, _sep, rest = compact.partition("-")
    agency, _sep, number = rest.partition("-")
    ref = f"{prefix.upper()}-{agency.upper()}-{number}"
    if not _SHAPE.match(ref):
        raise ValueError(
            _(
                "an organisation identifier is a country code, an agency and a number, such as "
                "CN-USCI-91350100M000100Y43"
            )
        )
    if agency.upper() == "USCI":
        number = number.upper()
        problem = usci_problem(number)
        if problem:
            raise ValueError(problem)
        ref = f"{prefix.upper()}-USCI-{number}"
    return ref
