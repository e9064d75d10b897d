"""Who a data command acts as: the person named (--as), else the office user of IMPORT_AS."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError


def command_actor(username: str | None):
    user = (
        get_user_model()
        .objects.filter(username=username or settings.IMPORT_AS, is_active=True)
        .first()
    )
    if user is None and username:
        raise CommandError(f"no active user {username!r}")
    if user is None:
        raise CommandError(
            f"no active user {settings.IMPORT_AS!r} (IMPORT_AS): say who imports, --as USER"
        )
    return user
