"""One's own notifications and how one gets them."""

import datetime

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.pagination import paginate

from counterpart.core.schemas import InputSchema
from counterpart.notifications import selectors, services
from counterpart.notifications.choices import Delivery

router = Router(tags=["notifications"])


class NotificationOut(Schema):
    id: int
    kind: str
    text: str
    link: str
    created_at: datetime.datetime
    read_at: datetime.datetime | None

    @staticmethod
    def resolve_text(notification) -> str:
        return notification.text()


@router.get("/notifications", response=list[NotificationOut])
@paginate
def list_notifications(request, unread: bool = False):
    """Your notifications, newest first, in your language."""
    return selectors.notification_list(actor=request.auth, unread=unread)


class ReadIn(InputSchema):
    ids: list[int] | None = None


@router.post("/notifications/read", response={200: dict})
def read_notifications(request, payload: ReadIn):
    """Mark yours read: those `ids` name, or all."""
    return {"read": services.notifications_read(actor=request.auth, ids=payload.ids)}


@router.get("/notifications/preferences", response=dict[str, Delivery])
def get_preferences(request):
    """How you get each kind: `now` (e-mail at once), `daily` (digest) or `off`."""
    if not getattr(request.auth, "pk", None):
        raise PermissionDenied(_("Sign in."))
    return selectors.preferences_of(request.auth)


class PreferencesIn(InputSchema):
    choices: dict[str, Delivery]


@router.put("/notifications/preferences", response=dict[str, Delivery])
def set_preferences(request, payload: PreferencesIn):
    """Change how you get the kinds named (`{"choices": {"review_waiting": "daily"}}`)."""
    if not getattr(request.auth, "pk", None):
        raise PermissionDenied(_("Sign in."))
    return services.notification_preferences_set(actor=request.auth, choices=payload.choices)
