from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from counterpart.core.said import fill
from counterpart.notifications.choices import Delivery
from counterpart.notifications.kinds import KINDS


class Notification(models.Model):
    """Something a person is told: shown in the app, and e-mailed at once or in the daily
    digest as they chose for its kind."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=30)
    values = models.JSONField(default=dict)
    link = models.CharField(max_length=300, blank=True)
    # Reminders carry a key (e.g. the period and the project) so a person is reminded once.
    key = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    delivery = models.CharField(max_length=5, choices=Delivery.choices)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "key"],
                condition=~models.Q(key=""),
                name="notification_once_per_key",
            )
        ]
        indexes = [models.Index(fields=["user", "read_at"])]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return self.text()

    def text(self, language: str | None = None) -> str:
        """In `language` (an e-mail: the one its reader chose), else in the page's."""
        kind = KINDS.get(self.kind)
        if kind is None:
            return self.kind
        message = kind.many if self.values.get("many") else kind.message
        with translation.override(language or translation.get_language()):
            return fill(message, self.values)


class NotificationPreference(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=30)
    delivery = models.CharField(max_length=5, choices=Delivery.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="preference_per_kind")]
        verbose_name = _("notification setting")
        verbose_name_plural = _("notification settings")

    def __str__(self) -> str:
        return f"{self.user} · {self.kind} · {self.delivery}"
