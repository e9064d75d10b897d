"""The audit log as a file, with the filters on screen."""

import json

from django.utils.translation import gettext_lazy as _

from counterpart.audit.events import event_name
from counterpart.core.exports import Column

EVENTS = [
    Column(_("When"), lambda e: e.occurred_at),
    Column(_("Who"), lambda e: e.actor_label),
    Column(_("Event"), lambda e: event_name(e.event_type)),
    Column(_("Event code"), lambda e: e.event_type),
    Column(_("Object type"), lambda e: e.object_type),
    Column(_("Object id"), lambda e: e.object_id),
    Column(_("Object"), lambda e: e.object_repr),
    Column(_("Before"), lambda e: json.dumps(e.before, ensure_ascii=False) if e.before else ""),
    Column(_("After"), lambda e: json.dumps(e.after, ensure_ascii=False) if e.after else ""),
    Column(_("Reason"), lambda e: e.reason),
]
