"""Text the database keeps as data, not as words: a kind of message and its values, put into
words when read, in the reader's language. A review's title, a notification, an inbox line are
stored so, never as English made at the time.

    stored = said("funding.entry", kind=choice(entry, "kind"), amount=money(100, "CNY"),
                  date=entry.value_date, pairing=entry.pairing)
    words(stored)  # "承诺支出 · ¥1.00 · 2024年3月1日 · 北京 → 墨玉县" for a Chinese reader

Each app names its kinds of message in a `phrases` module (found when the apps are ready):
`define("funding.entry", _("%(kind)s · %(amount)s · %(date)s · %(pairing)s"))`. A value is
kept as it is (a number, text someone typed), or typed: a record (named when read, in the
reader's language), a choice (its label), a date, an amount of money, or another phrase.
"""

import datetime
from collections import defaultdict

from babel.core import UnknownLocaleError
from babel.lists import format_list
from django.apps import apps
from django.db import models
from django.utils import translation
from django.utils.formats import date_format
from django.utils.functional import Promise

from counterpart.engine.money import format_minor

PHRASES: dict[str, Promise] = {}


def define(kind: str, message: Promise) -> str:
    """Name a kind of message (a lazy translation with %(name)s placeholders)."""
    PHRASES[kind] = message
    return kind


def money(amount_minor: int, currency: str) -> dict:
    return {"$money": [int(amount_minor), str(currency)]}


def month(day: datetime.date) -> dict:
    """A month (a sale's period), as the reader's language writes one."""
    return {"$month": day.replace(day=1).isoformat()}


def choice(instance: models.Model, field: str) -> dict:
    """The label of a choice field's value, as the reader's language says it."""
    return choice_of(type(instance), field, getattr(instance, field))


def choice_of(model: type[models.Model], field: str, value) -> dict:
    return {"$choice": [model._meta.label_lower, field, str(value)]}


def said(phrase: str, /, **values) -> dict:
    """The message `phrase` with `values`, as JSON the database keeps."""
    if phrase not in PHRASES:
        raise KeyError(f"No phrase {phrase!r} is defined")
    return {"said": phrase, "values": as_data(values)}


def as_data(values: dict) -> dict:
    """Values as JSON the database keeps: records and dates typed, the rest as they are."""
    return {name: as_value(value) for name, value in values.items()}


def as_value(value):
    if isinstance(value, models.Model):
        return {"$record": [value._meta.label_lower, value.pk]}
    if isinstance(value, datetime.datetime):
        raise TypeError("A moment is kept as a date: pass value.date()")
    if isinstance(value, datetime.date):
        return {"$date": value.isoformat()}
    if isinstance(value, Promise):
        raise TypeError("Interface text is a phrase of its own, not a value: use said()")
    return value


def words(stored, language: str | None = None, *, records: dict | None = None) -> str:
    """The stored message in the reader's language (the active one, or `language`)."""
    if language:
        with translation.override(language):
            return words(stored, records=records)
    if not isinstance(stored, dict) or "said" not in stored:
        return "" if stored is None else str(stored)
    message = PHRASES.get(stored["said"])
    if message is None:
        return stored["said"]
    records = records if records is not None else _records_in([stored])
    values = {name: _shown(value, records) for name, value in stored["values"].items()}
    try:
        return str(message) % values
    except (KeyError, TypeError, ValueError):  # a translation that lost a placeholder
        return str(message)


def words_of_all(stored_list) -> list[str]:
    """Many messages at once (a page of them): the records they name are read once per kind."""
    stored_list = list(stored_list)
    records = _records_in(stored_list)
    return [words(stored, records=records) for stored in stored_list]


def worded(value) -> str:
    """One stored value (a record, a choice, a date, money, a message) in the reader's words;
    plain text and numbers as they are."""
    return str(_shown(value, _records_in([{"values": {"value": value}}])))


def in_words(data):
    """A tree of JSON (a summary) with every typed value in it put into words."""
    if isinstance(data, dict):
        if "said" in data or any(key.startswith("$") for key in data):
            return worded(data)
        return {key: in_words(value) for key, value in data.items()}
    if isinstance(data, list):
        return [in_words(value) for value in data]
    return data


def fill(message: Promise, values: dict, *, records: dict | None = None) -> str:
    """A message of the caller's own (a notification kind's) with stored values."""
    records = records if records is not None else _records_in([{"values": values}])
    shown = {name: _shown(value, records) for name, value in values.items()}
    try:
        return str(message) % shown
    except (KeyError, TypeError, ValueError):
        return str(message)


# CLDR has no list patterns for Uyghur (Babel gives English's "and"): its comma and "ۋە".
UYGHUR_LIST = ("، ", " ۋە ")


def listed(items) -> str:
    """Items as the reader's language lists them ('1, 2, and 3', '1、2和3', '1، 2 ۋە 3')."""
    items = [str(item) for item in items]
    language = translation.get_language() or "en"
    if language == "ug" and items:
        comma, last = UYGHUR_LIST
        return last.join(filter(None, [comma.join(items[:-1]), items[-1]]))
    try:
        return format_list(items, locale=translation.to_locale(language))
    except (ValueError, UnknownLocaleError):
        return ", ".join(items)


def _shown(value, records: dict) -> str:
    if isinstance(value, list):
        return listed(_shown(item, records) for item in value)
    if not isinstance(value, dict):
        return value
    if "said" in value:
        return words(value, records=records)
    if "$money" in value:
        return format_minor(*value["$money"])
    if "$date" in value:
        return date_format(datetime.date.fromisoformat(value["$date"]))
    if "$month" in value:
        return date_format(datetime.date.fromisoformat(value["$month"]), "YEAR_MONTH_FORMAT")
    if "$choice" in value:
        label, field, raw = value["$choice"]
        model = _model(label)
        if model is None:
            return str(raw)
        return str(dict(model._meta.get_field(field).flatchoices).get(raw, raw))
    if "$record" in value:
        label, pk = value["$record"]
        found = records.get((label, pk))
        return str(found) if found is not None else f"#{pk}"
    return str(value)


def _model(label: str):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _record_refs(value, wanted: dict) -> None:
    if isinstance(value, dict):
        if "$record" in value:
            label, pk = value["$record"]
            wanted[label].add(pk)
        for inner in value.values():
            _record_refs(inner, wanted)
    elif isinstance(value, list):
        for inner in value:
            _record_refs(inner, wanted)


def _records_in(stored_list) -> dict:
    wanted: dict[str, set] = defaultdict(set)
    for stored in stored_list:
        if isinstance(stored, dict):
            _record_refs(stored.get("values"), wanted)
    found = {}
    for label, pks in wanted.items():
        model = _model(label)
        if model is not None:
            for pk, row in model._default_manager.in_bulk(list(pks)).items():
                found[(label, pk)] = row
    return found
