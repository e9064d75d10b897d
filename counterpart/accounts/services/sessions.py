"""Signed-in browsers, kept so that their person sees them and can sign any of them out."""

import datetime

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.module_loading import import_string

from counterpart.accounts.models import User, UserSession
from counterpart.audit.services import audit_record
from counterpart.core.service import bookkeeping, service, step

SEEN_EVERY = datetime.timedelta(minutes=5)  # how often a session's last sight is written


@bookkeeping(why="a browser's session, for the list of where one is signed in")
def session_started(*, user: User, session_key: str, address: str, user_agent: str) -> None:
    """A sign-in (from Django's user_logged_in): the browser's session, recorded."""
    now = timezone.now()
    UserSession.objects.update_or_create(
        session_key=session_key,
        defaults={
            "user": user,
            "last_seen_at": now,
            "address": address[:45],
            "user_agent": user_agent[:300],
        },
    )


@bookkeeping(why="when a browser was last seen")
def session_seen(*, session_key: str) -> None:
    UserSession.objects.filter(
        session_key=session_key, last_seen_at__lt=timezone.now() - SEEN_EVERY
    ).update(last_seen_at=timezone.now())


@bookkeeping(why="a browser signed out, off the list")
def session_forgotten(*, session_key: str) -> None:
    """A sign-out (from Django's user_logged_out)."""
    UserSession.objects.filter(session_key=session_key).delete()


@service
def session_end(*, actor, session: UserSession) -> None:
    """Sign a browser out: one's own, or (the office) anyone's."""
    if session.user_id != actor.pk:
        raise PermissionDenied
    _end([session])
    audit_record(
        actor=actor,
        event_type="session.ended",
        obj=session.user,
        after={"started_at": session.started_at.isoformat(), "address": session.address},
    )


@step
def sessions_end_all(*, user: User) -> int:
    """Every browser of the user signed out now (inside the caller's audited change)."""
    sessions = list(user.sessions.all())
    _end(sessions)
    return len(sessions)


def _end(sessions: list[UserSession]) -> None:
    store: type[SessionBase] = import_string(f"{settings.SESSION_ENGINE}.SessionStore")
    for session in sessions:
        store(session_key=session.session_key).delete()
    UserSession.objects.filter(pk__in=[s.pk for s in sessions]).delete()
