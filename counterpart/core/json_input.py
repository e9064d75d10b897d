"""Reading values from JSON input (a command's INPUT file, an API's body): each checked, a bad
one refused naming its place in the input as the input does (`donors[2].capacity`), in the
reader's language."""

import math

from django.utils.translation import gettext as _

MOST = 2**53  # past this a JSON number is no longer exact as a float


class InputError(ValueError):
    """A value of the input that cannot be read; `where` names it as the input does."""

    def __init__(self, where: str, message: str):
        super().__init__(f"{where}: {message}")
        self.where = where


def listed(data: dict, key: str) -> list:
    found = data.get(key, [])
    if not isinstance(found, list):
        raise InputError(key, _("A list is needed here."))
    return found


def ref(value, where: str, *, empty: bool = False) -> str:
    if not isinstance(value, str) or not (value.strip() or empty) or len(value) > 200:
        raise InputError(where, _("A reference is text of 1 to 200 characters."))
    if any(0xD800 <= ord(c) <= 0xDFFF or ord(c) < 32 for c in value):
        raise InputError(where, _("A reference holds no control characters."))
    return value.strip()


def number(value, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(where, _("A number is needed here."))
    if not math.isfinite(value) or value < 0 or value > MOST:
        raise InputError(where, _("A number from 0 to 2⁵³ is needed here."))
    return float(value)


def whole(value, where: str, *, least: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not least <= value <= MOST:
        raise InputError(
            where, _("A whole number from %(least)s to 2⁵³ is needed here.") % {"least": least}
        )
    return value
