"""What every API input shares: a whole number arrives as a JSON integer (not true, 1.0 or
"100") that a database can store (64 bits), and a date as an ISO date string (not a Unix
time), so nothing is read as what it was not meant to be. Pydantic's lax mode would take all
of those."""

import datetime
import types
import typing
from decimal import Decimal

from ninja import Schema
from pydantic import ValidationInfo, field_validator


def _kinds(annotation) -> set:
    """The plain types an annotation admits (`int | None` → {int, NoneType})."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return set().union(*(_kinds(arg) for arg in typing.get_args(annotation)))
    if origin is typing.Annotated:
        return _kinds(typing.get_args(annotation)[0])
    return {origin or annotation}


def _item_kinds(annotation) -> set:
    """For a list annotation, what its items admit."""
    for arg in [annotation, *typing.get_args(annotation)]:
        if typing.get_origin(arg) is list:
            return _kinds(typing.get_args(arg)[0]) if typing.get_args(arg) else set()
    return set()


def _loose(value, kinds: set) -> str | None:
    """Why `value` is not what these kinds take, strictly; None when it is."""
    takes_int = int in kinds and not kinds & {float, Decimal, str}
    if takes_int and (isinstance(value, bool) or type(value) in (float, str, Decimal)):
        return "Give a whole number (an integer, not text, a decimal or true/false)."
    if takes_int and type(value) is int and not -(2**63) <= value < 2**63:
        return "This number is beyond what can be stored (a 64-bit integer)."
    takes_date = kinds & {datetime.date, datetime.datetime} and str not in kinds
    if takes_date and isinstance(value, int | float | bool):
        return "Give an ISO 8601 date (2024-03-01), not a number."
    return None


class InputSchema(Schema):
    @field_validator("*", mode="before")
    @classmethod
    def _strict_kinds(cls, value, info: ValidationInfo):
        annotation = cls.model_fields[info.field_name].annotation
        problem = _loose(value, _kinds(annotation))
        if problem is None and isinstance(value, list):
            items = _item_kinds(annotation)
            problem = next((p for item in value if (p := _loose(item, items))), None)
        if problem:
            raise ValueError(problem)
        return value
