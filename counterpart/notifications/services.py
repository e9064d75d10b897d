"""Telling people: a notification for each person concerned (as they chose for its kind),
e-mailed at once on the work queue or gathered into the daily digest. Preferences are each
person's own."""

import contextvars
from collections import defaultdict
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from counterpart.audit.services import audit_record
from counterpart.core.said import as_data
from counterpart.core.service import bookkeeping, service, step
from counterpart.jobs.services import job_start
from counterpart.notifications import selectors
from counterpart.notifications.choices import Delivery
from counterpart.notifications.kinds import KINDS
from counterpart.notifications.models import Notification, NotificationPreference

SEND_NOW = "counterpart.notifications.jobs.send_notification"


_gathering: contextvars.ContextVar["_Gathered | None"] = contextvars.ContextVar(
    "gathering", default=None
)


@contextmanager
@step
def notifications_gathered(*, file: str):
    """What `notify` and `notify_many` would tell inside is gathered and told once at the end:
    a person hears of a kind once, with how many there are (an imported file's 45 submissions
    are one e-mail, not 45). `.discard()` on what it yields tells nothing (a file refused or
    only checked)."""
    gathered = _Gathered()
    token = _gathering.set(gathered)
    try:
        yield gathered
    finally:
        _gathering.reset(token)
    if not gathered.discarded:
        gathered.tell(file)


class _Gathered:
    def __init__(self):
        self.calls: dict[tuple, list[dict]] = defaultdict(list)  # (person, kind): notify's calls
        self.counted: dict[tuple, int] = defaultdict(int)  # (person, kind): notify_many's counts
        self.users: dict = {}
        self.discarded = False

    def discard(self) -> None:
        self.discarded = True

    def add(self, users, kind: str, *, call: dict | None = None, count: int = 0) -> None:
        for user in users:
            self.users[user.pk] = user
            if call is not None:
                self.calls[(user.pk, kind)].append(call)
            else:
                self.counted[(user.pk, kind)] += count

    def tell(self, file: str) -> None:
        for user_id, kind in {**self.calls, **self.counted}:
            calls, counted = (
                self.calls.get((user_id, kind), []),
                self.counted.get((user_id, kind), 0),
            )
            user = self.users[user_id]
            if counted == 0 and (len(calls) == 1 or not KINDS[kind].many):
                for call in calls:
                    notify(**{**call, "users": [user]})
            else:
                _notify_many_now(users=[user], kind=kind, count=len(calls) + counted, file=file)


@step
def notify(*, users, kind: str, values: dict, link: str = "", key: str = "") -> int:
    """Tell each of `users` (inside the caller's transaction); with a `key`, each person at
    most once for it (a reminder). Returns how many were told (inside
    `notifications_gathered`, they are told at its end)."""
    gathering = _gathering.get()
    if gathering is not None:
        call = {"kind": kind, "values": values, "link": link, "key": key}
        gathering.add(list(users), kind, call=call)
        return 0
    return _notify_now(users=users, kind=kind, values=values, link=link, key=key)


@step
def notify_many(*, users, kind: str, count: int, file: str) -> int:
    """Tell each of `users` once that `count` records of a kind came at once from `file` (a
    kind with a `many` message: the bulk paths of imports). Inside `notifications_gathered`
    they join what it tells at its end."""
    gathering = _gathering.get()
    if gathering is not None:
        gathering.add(list(users), kind, count=count)
        return 0
    return _notify_many_now(users=users, kind=kind, count=count, file=file)


def _notify_many_now(*, users, kind: str, count: int, file: str) -> int:
    return _notify_now(
        users=users,
        kind=kind,
        values={"count": count, "file": file, "many": True},
        link=reverse(KINDS[kind].many_link),
    )


def _notify_now(*, users, kind: str, values: dict, link: str, key: str = "") -> int:
    told = 0
    for user in {u.pk: u for u in users if u.is_active}.values():
        delivery = selectors.preferences_of(user)[kind]
        if delivery == Delivery.OFF:
            continue
        if key and Notification.objects.filter(user=user, kind=kind, key=key).exists():
            continue
        try:
            with transaction.atomic():  # a reminder made at the same moment elsewhere wins
                notification = Notification.objects.create(
                    user=user,
                    kind=kind,
                    values=as_data(values),
                    link=link,
                    key=key,
                    delivery=delivery,
                )
        except IntegrityError:
            continue
        if delivery == Delivery.NOW:
            job_start(actor=None, kind=SEND_NOW, params={"notification_id": notification.pk})
        told += 1
    return told


@bookkeeping(why="which notifications an e-mail carried")
def notifications_emailed(*, ids: list[int]) -> None:
    """Marked as sent, in the transaction that sends them (a failed send leaves them unsent)."""
    Notification.objects.filter(pk__in=ids).update(emailed_at=timezone.now())


@service
def notifications_read(*, actor, ids: list[int] | None = None) -> int:
    """Mark one's own notifications read (these, or all)."""
    unread = selectors.notification_list(actor=actor, unread=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read_at=timezone.now())


@service
def notification_preferences_set(*, actor, choices: dict[str, str]) -> dict[str, str]:
    """How one gets each kind: at once, in the daily digest, or not at all."""
    unknown = [kind for kind in choices if kind not in KINDS]
    wrong = [kind for kind, how in choices.items() if how not in Delivery.values]
    if unknown or wrong:
        raise ValidationError(
            {(unknown or wrong)[0]: _("Choose at once, daily or off for each kind.")}
        )
    before = selectors.preferences_of(actor)
    for kind, delivery in choices.items():
        NotificationPreference.objects.update_or_create(
            user=actor, kind=kind, defaults={"delivery": delivery}
        )
    after = selectors.preferences_of(actor)
    audit_record(
        actor=actor,
        event_type="notifications.preferences_set",
        obj=actor,
        before={k: v for k, v in before.items() if after[k] != v},
        after={k: v for k, v in after.items() if before[k] != v},
    )
    return after
