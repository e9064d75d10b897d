"""The log's before and after, as people read them: the fields that changed, by their labels,
values by their names (a choice's label, the record a foreign key points at), long lists and
texts shortened to a count with a link to the whole event."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from counterpart.audit.events import event_name

LONG_LIST = 5
LONG_TEXT = 200


@dataclass
class Value:
    text: str
    cut: bool = False  # shortened here; the event's own page shows it whole


@dataclass
class Change:
    label: str
    before: Value
    after: Value


@dataclass
class ReadableEvent:
    event: object
    name: str
    object_type_name: str
    changes: list[Change] = field(default_factory=list)

    @property
    def cut(self) -> bool:
        return any(c.before.cut or c.after.cut for c in self.changes)


def model_of(object_type: str) -> type[models.Model] | None:
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def object_type_name(object_type: str) -> str:
    model = model_of(object_type)
    return capfirst(model._meta.verbose_name) if model else object_type


def readable(events, *, whole: bool = False) -> list[ReadableEvent]:
    """The events with their changes in words; the records their foreign keys name are read
    once per model for the whole page."""
    events = list(events)
    pending = [(e, model_of(e.object_type), e.changed_fields()) for e in events]
    names = _names_of_related(pending)
    return [
        ReadableEvent(
            event=event,
            name=event_name(event.event_type),
            object_type_name=object_type_name(event.object_type),
            changes=[
                Change(
                    label=_label(model, key),
                    before=_shown(_field(model, key), before, names, whole),
                    after=_shown(_field(model, key), after, names, whole),
                )
                for key, before, after in changed
            ],
        )
        for event, model, changed in pending
    ]


def _field(model, key: str):
    if model is None:
        return None
    try:
        return model._meta.get_field(key)
    except Exception:  # a field since removed: its key is all there is
        return None


def _label(model, key: str) -> str:
    found = _field(model, key)
    if found is not None and hasattr(found, "verbose_name"):
        return capfirst(found.verbose_name)
    return capfirst(key.replace("_", " "))


def _names_of_related(pending) -> dict:
    wanted = defaultdict(set)
    for _event, model, changed in pending:
        for key, before, after in changed:
            found = _field(model, key)
            if isinstance(found, models.ForeignKey):
                target = found.related_model
                wanted[target].update(v for v in (before, after) if isinstance(v, int))
    names = {}
    for target, ids in wanted.items():
        for row in target._default_manager.filter(pk__in=ids):
            names[(target, row.pk)] = str(row)
    return names


def _shown(found, value, names: dict, whole: bool) -> Value:
    if value is None or value == "":
        return Value("—")
    if isinstance(value, bool):
        return Value(_("Yes") if value else _("No"))
    if isinstance(found, models.ForeignKey) and isinstance(value, int):
        return Value(names.get((found.related_model, value), f"#{value}"))
    if found is not None and getattr(found, "choices", None):
        return Value(str(dict(found.flatchoices).get(value, value)))
    if isinstance(value, list):
        if len(value) > LONG_LIST and not whole:
            count = len(value)
            return Value(
                ngettext("%(count)d item", "%(count)d items", count) % {"count": count}, True
            )
        return Value(", ".join(_plain(v) for v in value))
    text = _plain(value)
    if len(text) > LONG_TEXT and not whole:
        return Value(text[:LONG_TEXT] + "…", True)
    return Value(text)


def _plain(value) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_plain(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(_plain(v) for v in value)
    return str(value)
