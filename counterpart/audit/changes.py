"""The log's before and after, as people read them: the fields that changed, by their labels,
values by their names (a choice's label, the record a foreign key points at), long lists and
texts shortened to a count with a link to the whole event."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from counterpart.audit.events import event_name
from counterpart.core.said import words

LONG_LIST = 5
LONG_TEXT = 200
LANGUAGE_OF_FIELD = {"_en": "en", "_zh": "zh-Hans", "_ug": "ug"}  # name_en, title_zh…

# The log's words for keys that are no field of the record, or a field Django named itself.
KEY_LABELS = {
    "activities": gettext_lazy("activities"),
    "base_total_minor": gettext_lazy("total in yuan, in fen"),
    "changes": gettext_lazy("recipients whose donor changes"),
    "confirmed_at": gettext_lazy("confirmed at"),
    "confirmed_by": gettext_lazy("confirmed by"),
    "create_missing": gettext_lazy("creates what is missing"),
    "created": gettext_lazy("records made"),
    "created_at": gettext_lazy("created at"),
    "created_by": gettext_lazy("created by"),
    "currency": gettext_lazy("currency"),
    "donor": gettext_lazy("donor"),
    "donor_class": gettext_lazy("donor class"),
    "employees": gettext_lazy("employees"),
    "entries": gettext_lazy("entries"),
    "errors": gettext_lazy("problems"),
    "files": gettext_lazy("files"),
    "first": gettext_lazy("first partner"),
    "first_id": gettext_lazy("first entry"),
    "first_review": gettext_lazy("first review"),
    "formerly_poor": gettext_lazy("formerly poor employees"),
    "formerly_poor_indicator": gettext_lazy("indicator of formerly poor employees"),
    "from_donor_side": gettext_lazy("letters from the donor side"),
    "from_recipient_side": gettext_lazy("letters from the recipient side"),
    "gap": gettext_lazy("gap to the optimum"),
    "held_on": gettext_lazy("held on"),
    "historical": gettext_lazy("entered as history"),
    "hours": gettext_lazy("hours"),
    "ids": gettext_lazy("records"),
    "indicator": gettext_lazy("indicator"),
    "jobs_indicator": gettext_lazy("jobs indicator"),
    "last_id": gettext_lazy("last entry"),
    "last_review": gettext_lazy("last review"),
    "levels": gettext_lazy("approval levels"),
    "match_run": gettext_lazy("match run"),
    "mentorship": gettext_lazy("mentorship"),
    "month": gettext_lazy("month"),
    "new_end_date": gettext_lazy("new end date"),
    "objective": gettext_lazy("largest load"),
    "operations": gettext_lazy("operations"),
    "origins": gettext_lazy("sources of the figures"),
    "partnership": gettext_lazy("partnership"),
    "patients_seen": gettext_lazy("patients seen"),
    "period_end": gettext_lazy("period end"),
    "period_start": gettext_lazy("period start"),
    "placement": gettext_lazy("placement"),
    "placements": gettext_lazy("placements"),
    "post": gettext_lazy("post"),
    "posts": gettext_lazy("posts"),
    "professional": gettext_lazy("professional"),
    "project": gettext_lazy("project"),
    "proven_optimal": gettext_lazy("proven optimal"),
    "published_at": gettext_lazy("published at"),
    "reason": gettext_lazy("reason"),
    "recipient_class": gettext_lazy("recipient class"),
    "record": gettext_lazy("record"),
    "recorded_at": gettext_lazy("recorded at"),
    "recorded_by": gettext_lazy("recorded by"),
    "requested_by": gettext_lazy("requested by"),
    "requested_on": gettext_lazy("requested on"),
    "result": gettext_lazy("result"),
    "reviews": gettext_lazy("reviews"),
    "second": gettext_lazy("second partner"),
    "sectors": gettext_lazy("sectors"),
    "source": gettext_lazy("source"),
    "status": gettext_lazy("status"),
    "support": gettext_lazy("enterprise support"),
    "teaching_hours": gettext_lazy("teaching hours"),
    "term_end": gettext_lazy("term end"),
    "term_start": gettext_lazy("term start"),
    "topic": gettext_lazy("topic"),
    "transaction": gettext_lazy("ledger entry"),
    "type": gettext_lazy("kind of record"),
    "user": gettext_lazy("user"),
    "version": gettext_lazy("version"),
}


@dataclass
class Value:
    text: str
    cut: bool = False  # shortened here; the event's own page shows it whole
    lang: str = ""  # the language of a text that is not the reader's (an English name field)
    code: bool = False  # keys and values as the program keeps them (a job's parameters)


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
    object_name: Value  # the record as it is called now, or as it was when it is gone
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
    objects = _objects_of(pending)
    return [
        ReadableEvent(
            event=event,
            name=event_name(event.event_type),
            object_type_name=object_type_name(event.object_type),
            object_name=_object_name(event, model, objects),
            changes=[
                Change(
                    label=_label(model, key),
                    before=_shown(_field(model, key), before, names, whole, key, model),
                    after=_shown(_field(model, key), after, names, whole, key, model),
                )
                for key, before, after in changed
            ],
        )
        for event, model, changed in pending
    ]


def _objects_of(pending) -> dict:
    """The records the events are about, as they are now: read once per model."""
    wanted = defaultdict(set)
    for event, model, _changed in pending:
        if model is not None and event.object_id.isdigit():
            wanted[model].add(int(event.object_id))
    found = {}
    for model, ids in wanted.items():
        for pk, row in model._default_manager.in_bulk(list(ids)).items():
            found[(model, str(pk))] = row
    return found


def _object_name(event, model, objects: dict) -> Value:
    """The record's name in the reader's language; the log's own words (English, as it was
    when the event was written) only for a record that is gone."""
    row = objects.get((model, event.object_id))
    if row is not None:
        return Value(str(row))
    return Value(event.object_repr, lang="en")


def _field(model, key: str):
    if model is None:
        return None
    try:
        return model._meta.get_field(key)
    except Exception:  # a field since removed: its key is all there is
        return None


def _label(model, key: str) -> str:
    """A field's own label where it was given one; else the log's word for the key (a count,
    a list of ids, a field Django named itself in English)."""
    found = _field(model, key)
    verbose = getattr(found, "verbose_name", None)
    if verbose is not None and verbose != key.replace("_", " "):
        return capfirst(verbose)
    return capfirst(KEY_LABELS.get(key, key.replace("_", " ")))


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


def _shown(found, value, names: dict, whole: bool, key: str = "", model=None) -> Value:
    if value is None or value == "":
        return Value("—")
    if key == "type" and model is not None and value == model._meta.model_name:
        return Value(capfirst(model._meta.verbose_name))  # a provenance's kind of record
    if isinstance(value, str) and key[-3:] in LANGUAGE_OF_FIELD:
        return Value(_cut(value, whole).text, _cut(value, whole).cut, LANGUAGE_OF_FIELD[key[-3:]])
    if isinstance(value, bool):
        return Value(_("Yes") if value else _("No"))
    if isinstance(value, dict) and "said" in value:  # a message kept as data
        return Value(words(value))
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
    shown = _cut(_plain(value), whole)
    shown.code = isinstance(value, dict)
    return shown


def _cut(text: str, whole: bool) -> Value:
    if len(text) > LONG_TEXT and not whole:
        return Value(text[:LONG_TEXT] + "…", True)
    return Value(text)


def _plain(value) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_plain(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(_plain(v) for v in value)
    return str(value)
