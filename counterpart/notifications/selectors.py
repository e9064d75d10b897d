from django.db.models import QuerySet

from counterpart.notifications.choices import Delivery
from counterpart.notifications.kinds import KINDS
from counterpart.notifications.models import Notification, NotificationPreference


def notification_list(*, actor, unread: bool = False) -> QuerySet[Notification]:
    """One's own notifications, newest first."""
    if not getattr(actor, "pk", None):
        return Notification.objects.none()
    notifications = Notification.objects.filter(user=actor).select_related("user")
    return notifications.filter(read_at__isnull=True) if unread else notifications


def preferences_of(user) -> dict[str, str]:
    """How the user gets each kind: their choice, or the kind's default."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "delivery"))
    return {kind: chosen.get(kind, how.default) for kind, how in KINDS.items()}


def notification_to_email(*, pk: int) -> Notification:
    return Notification.objects.select_related("user").get(pk=pk)


def digests_waiting() -> QuerySet[Notification]:
    """Notifications of the daily digest not yet e-mailed, of people who can get one."""
    return Notification.objects.filter(
        delivery=Delivery.DAILY, emailed_at__isnull=True, user__is_active=True
    ).exclude(user__email="")
