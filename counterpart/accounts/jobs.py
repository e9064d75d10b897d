"""E-mails of accounts, sent from the work queue in the language of the one who gets them.
Each link's secret is made here, at sending time, and travels only in the e-mail."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from counterpart.accounts import selectors
from counterpart.accounts.services import invitation_key_issue
from counterpart.core.site import site_url


def send_invitation(*, actor, progress, invitation_id: int) -> dict:
    invitation = selectors.invitation_to_send(pk=invitation_id)
    if not invitation.pending:
        return {"sent": 0}
    with transaction.atomic():  # a mail server that refuses leaves the old link as it was
        key = invitation_key_issue(actor=actor, invitation=invitation)
        link = site_url() + reverse("accounts:invitation", args=[key])
        with translation.override(invitation.language):
            subject = render_to_string(
                "accounts/email/invitation_subject.txt", {"invitation": invitation}
            ).strip()
            body = render_to_string(
                "accounts/email/invitation.txt", {"invitation": invitation, "link": link}
            )
        sent = send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])
    progress(1, 1)
    return {"sent": sent}


def send_password_reset(*, actor, progress, user_id: int, language: str = "en") -> dict:
    user = selectors.active_user(pk=user_id)
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)  # derived from the password: used once
    link = site_url() + reverse("accounts:password_reset_confirm", args=[uid, token])
    with translation.override(language):
        subject = render_to_string("accounts/email/password_reset_subject.txt").strip()
        body = render_to_string("accounts/email/password_reset.txt", {"user": user, "link": link})
    sent = send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    progress(1, 1)
    return {"sent": sent}
