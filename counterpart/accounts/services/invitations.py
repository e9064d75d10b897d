"""Invitations: the office (or a team administrator, for its own organization) asks a person by
e-mail to join an organization in a role. The link works once, for a week; only the hash of
its secret is kept, and the secret itself only ever travels in the e-mail."""

import datetime
import secrets

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from counterpart.accounts import permissions, selectors
from counterpart.accounts.models import Invitation, Membership, User, hash_token
from counterpart.audit.services import audit_record
from counterpart.audit.snapshot import snapshot
from counterpart.core.lookups import related_or_error
from counterpart.core.service import service
from counterpart.jobs.services import job_start

VALID_FOR = datetime.timedelta(days=7)
SEND = "counterpart.accounts.jobs.send_invitation"


@service
def invitation_create(
    *,
    actor,
    email: str,
    organization,
    role: str,
    display_name: str = "",
    language: str = "en",
) -> Invitation:
    """Invite a person to act for `organization` (or its id, checked to exist) in `role`; the
    e-mail with the link goes out on the work queue."""
    # Refused before the form is read: one who gives no roles learns nothing from its errors.
    permissions.require(permissions.administers_people(actor))
    email = email.strip().lower()
    invitation = Invitation(
        email=email,
        display_name=display_name.strip(),
        role=role,
        language=language,
        key_hash=hash_token(secrets.token_urlsafe(32)),  # replaced when the e-mail is sent
        invited_by=actor if getattr(actor, "pk", None) else None,
        expires_at=timezone.now() + VALID_FOR,
    )
    if isinstance(organization, int):
        organization = related_or_error(Invitation, "organization", organization)
    invitation.organization = organization
    invitation.full_clean()
    permissions.require(role in permissions.grantable_roles(actor, invitation.organization))
    pending = selectors.invitation_list(actor=actor, pending=True).filter(
        email=email, organization=invitation.organization, role=role
    )
    if pending.exists():
        raise ValidationError({"email": _("This person is already invited to this role.")})
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(
            {
                "email": _(
                    "Someone with this e-mail address has an account already: give them the "
                    "role on the people page rather than a second account."
                )
            }
        )
    invitation.save()
    audit_record(
        actor=actor,
        event_type="invitation.created",
        obj=invitation,
        after=snapshot(invitation, exclude=("key_hash",)),
    )
    job_start(actor=actor, kind=SEND, params={"invitation_id": invitation.pk})
    return invitation


@service
def invitation_key_issue(*, actor, invitation: Invitation) -> str:
    """A fresh secret for the invitation's link (the one the e-mail carries); the old link stops
    working. Returns the secret, which is not kept."""
    raw = "inv_" + secrets.token_urlsafe(32)
    invitation.key_hash = hash_token(raw)
    invitation.expires_at = timezone.now() + VALID_FOR
    invitation.save(update_fields=["key_hash", "expires_at"])
    audit_record(actor=actor, event_type="invitation.sent", obj=invitation)
    return raw


@service(no_actor="the invited person has no account until the invitation is accepted")
def invitation_accept(*, key: str, username: str, password: str, display_name: str = "") -> User:
    """The invited person chooses a username and a password: their account is made, with the
    role they were invited to. The link then stops working."""
    invitation = selectors.invitation_by_key(key)
    user = User(
        username=username.strip(),
        email=invitation.email,
        display_name=display_name.strip() or invitation.display_name,
        language=invitation.language,
    )
    errors = {}
    try:
        user.full_clean(exclude=["password"])
    except ValidationError as error:
        errors.update(error.message_dict)
    try:
        validate_password(password, user)
    except ValidationError as error:
        errors["password"] = error.messages
    if errors:
        raise ValidationError(errors)
    user.set_password(password)
    user.save()
    membership = Membership.objects.create(
        user=user, organization=invitation.organization, role=invitation.role
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    audit_record(
        actor=user,
        event_type="invitation.accepted",
        obj=invitation,
        after={"user": user.pk, "username": user.username, "membership": membership.pk},
    )
    return user


@service
def invitation_resend(*, actor, invitation: Invitation) -> Invitation:
    """Send the e-mail again, with a new link valid for another week (the old one stops)."""
    permissions.require(
        invitation.role in permissions.grantable_roles(actor, invitation.organization)
    )
    if not invitation.pending:
        raise ValidationError({"invitation": _("This invitation is no longer pending.")})
    audit_record(actor=actor, event_type="invitation.resent", obj=invitation)
    job_start(actor=actor, kind=SEND, params={"invitation_id": invitation.pk})
    return invitation


@service
def invitation_withdraw(*, actor, invitation: Invitation) -> Invitation:
    permissions.require(
        invitation.role in permissions.grantable_roles(actor, invitation.organization)
    )
    if not invitation.pending:
        raise ValidationError({"invitation": _("This invitation is no longer pending.")})
    invitation.withdrawn_at = timezone.now()
    invitation.save(update_fields=["withdrawn_at"])
    audit_record(actor=actor, event_type="invitation.withdrawn", obj=invitation)
    return invitation
