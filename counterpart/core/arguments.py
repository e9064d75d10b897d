"""Update services take each field they may change as a typed keyword argument of its own; a
field left out is not changed. UNSET is what "left out" looks like (None is a value: it clears
a date)."""

from typing import Any


class Unset:
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> bool:
        return False


UNSET: Any = Unset()


def given(**values) -> dict:
    """The arguments that were given, as the changes to make."""
    return {name: value for name, value in values.items() if value is not UNSET}
