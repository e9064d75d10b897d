"""A record as the audit log keeps it: its fields' values, before and after a change."""

import datetime
import decimal

from django.db import models


def _json_safe(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


def snapshot(instance: models.Model, *, exclude: tuple[str, ...] = ()) -> dict:
    """The instance's concrete fields as JSON-safe values (foreign keys as ids), less what its
    model's `audit_exclude` names (bulky data kept elsewhere, such as a match run's result)."""
    data = {}
    left_out = {
        "id",
        "path",
        "updated_at",
        "password",
        *exclude,
        *getattr(instance, "audit_exclude", ()),
    }
    for field in instance._meta.concrete_fields:
        if field.name in left_out:
            continue
        data[field.name] = _json_safe(getattr(instance, field.attname))
    return data
