"""A second factor: a time-based code from an authenticator app (TOTP, RFC 6238), set up by
the person, required at sign-in once set up, and for the roles the settings name."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from counterpart.accounts import permissions
from counterpart.accounts.models import User
from counterpart.audit.services import audit_record
from counterpart.core.service import service


@service
def totp_device_start(*, actor) -> TOTPDevice:
    """A new, unconfirmed device for the actor (an earlier unconfirmed one is replaced): its
    secret goes into the authenticator app, then a code from the app confirms it."""
    TOTPDevice.objects.filter(user=actor, confirmed=False).delete()
    device = TOTPDevice.objects.create(user=actor, name="authenticator", confirmed=False)
    audit_record(actor=actor, event_type="two_factor.started", obj=actor)
    return device


@service
def totp_device_confirm(*, actor, device: TOTPDevice, code: str) -> TOTPDevice:
    if device.user_id != actor.pk:
        raise PermissionDenied
    if not device.verify_token((code or "").replace(" ", "")):
        raise ValidationError({"code": _("This code is not the one the app shows now.")})
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=actor).exclude(pk=device.pk).delete()
    audit_record(actor=actor, event_type="two_factor.confirmed", obj=actor)
    return device


@service
def totp_devices_remove(*, actor, user: User, reason: str) -> int:
    """Remove a person's second factor (a lost phone): the office for anyone, anyone for
    themselves. They set up a new one at their next sign-in where their role requires it."""
    if actor.pk != user.pk:
        permissions.require(permissions.can_manage_programme(actor))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the second factor is removed.")})
    removed, _kinds = TOTPDevice.objects.filter(user=user).delete()
    audit_record(actor=actor, event_type="two_factor.removed", obj=user, reason=reason)
    return removed
