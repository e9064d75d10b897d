"""The kinds of record that go through review. Each app registers its own when it is ready,
saying where a record belongs (its round, donor and place, for the approval chain's scope), what
to call it, where it is reviewed, and who may edit it (and so submit it)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class Scope:
    round: models.Model
    donor: models.Model | None
    region: models.Model | None
    title: dict  # what the record is called, as a stored message (core/said.py)
    link: str


@dataclass(frozen=True)
class Reviewed:
    scope: Callable[[models.Model], Scope]
    may_edit: Callable[[object, models.Model], bool]
    # False for the ledger: an entry is never reopened; a reversing entry corrects it.
    reopenable: bool = True
    # Why the record can no longer be submitted or approved (a reversed entry), or "".
    settled_elsewhere: Callable[[models.Model], str] = lambda record: ""
    # What `scope` reads through relations, fetched once for a batch of records (an import's).
    scope_reads: tuple[str, ...] = ()


REVIEWED: dict[type[models.Model], Reviewed] = {}


def register(model: type[models.Model], **how) -> None:
    REVIEWED[model] = Reviewed(**how)


def reviewed(record: models.Model) -> Reviewed:
    return REVIEWED[type(record)]
