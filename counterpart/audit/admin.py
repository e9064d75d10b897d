from django.contrib import admin

from counterpart.audit.models import AuditEvent
from counterpart.core.admin import ReadOnlyAdmin


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["occurred_at", "actor_label", "event_type", "object_repr"]
    list_filter = ["event_type", "object_type"]
    search_fields = ["object_repr", "actor_label"]
