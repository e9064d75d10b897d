"""E-mails of notifications, from the work queue: one at once, or each person's daily digest,
in the language of the one who gets it."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from counterpart.core.site import site_url
from counterpart.notifications import selectors
from counterpart.notifications.services import notifications_emailed


def send_notification(*, actor, progress, notification_id: int) -> dict:
    notification = selectors.notification_to_email(pk=notification_id)
    user = notification.user
    if notification.emailed_at is not None or not user.email or not user.is_active:
        return {"sent": 0}
    with transaction.atomic():
        notifications_emailed(ids=[notification.pk])
        sent = _send(user, [notification], "notifications/email/one")
    progress(1, 1)
    return {"sent": sent}


def send_digests(*, actor, progress) -> dict:
    """Each person's notifications of the day gathered into one e-mail (scheduled daily)."""
    waiting = selectors.digests_waiting()
    users = list(waiting.values_list("user", flat=True).distinct().order_by("user"))
    sent = 0
    for done, user_id in enumerate(users, start=1):
        with transaction.atomic():  # each person's digest is sent and marked together
            theirs = list(
                waiting.filter(user_id=user_id).select_related("user").select_for_update()
            )
            if theirs:
                sent += _send(theirs[0].user, theirs, "notifications/email/digest")
                notifications_emailed(ids=[n.pk for n in theirs])
        progress(done, len(users))
    return {"digests": sent}


def _send(user, notifications: list, template: str) -> int:
    with translation.override(user.language):
        context = {
            "user": user,
            "items": [(n.text(user.language), site_url() + n.link) for n in notifications],
            "site": site_url(),
        }
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
