"""A service is a declared thing (ARCHITECTURE.md, house rule 1): one transaction of its own,
keyword-only parameters with the actor first, and a name in the registry, which the house-rule
tests read (every service that changes data writes an audit event).

    @service
    def pairing_publish(*, actor, pairing, expected_version) -> Pairing: ...

A service that runs without anyone signed in (accepting an invitation: the person has no
account yet) says so and why: `@service(no_actor="…")`; one that computes for minutes before
it writes (a match run) holds no transaction meanwhile and opens one around its writes:
`@service(writes_at_the_end="…")`.

Besides services, a services module declares the two other kinds of function it offers:

- `@step`: a part of services that runs only inside the transaction of the service calling
  it: a write there (an audit event, a versioned update, a notification) or a check that must
  hold at that moment (a period still open). Outside one it refuses to run.
- `@bookkeeping(why="…")`: a write that is no one's act and answers to no audit (a session
  last seen, a token's last use, a job's progress, an e-mail marked sent).

Helpers that neither write nor check are private to their module, or live outside services."""

import functools
import inspect
from collections.abc import Callable

from django.db import transaction

REGISTRY: dict[str, Callable] = {}  # "module.name" → the service
STEPS: dict[str, Callable] = {}
BOOKKEEPING: dict[str, Callable] = {}


class NotAService(TypeError):
    """A function declared a service whose parameters break the rule."""


class OutsideAService(RuntimeError):
    """A step called outside the transaction of a service."""


def _check(function: Callable, no_actor: str) -> None:
    parameters = list(inspect.signature(function).parameters.values())
    where = f"{function.__module__}.{function.__qualname__}"
    loose = [p.name for p in parameters if p.kind is not inspect.Parameter.KEYWORD_ONLY]
    if loose:
        raise NotAService(f"{where}: parameters before `*` ({', '.join(loose)})")
    if not no_actor and (not parameters or parameters[0].name != "actor"):
        raise NotAService(f"{where}: the actor comes first (or say why not: no_actor=…)")


def _name(function: Callable) -> str:
    return f"{function.__module__}.{function.__name__}"


def service(function: Callable | None = None, *, no_actor: str = "", writes_at_the_end: str = ""):
    """Declare `function` a service: checked as the module loads, atomic, registered."""

    def declare(function: Callable) -> Callable:
        _check(function, no_actor)

        @functools.wraps(function)
        def run(**arguments):
            if writes_at_the_end:  # it opens its own transaction around its writes
                return function(**arguments)
            with transaction.atomic():
                return function(**arguments)

        run.no_actor, run.writes_at_the_end = no_actor, writes_at_the_end
        REGISTRY[_name(function)] = run
        return run

    return declare(function) if function is not None else declare


def step(function: Callable) -> Callable:
    """Declare `function` a step of services: it refuses to run outside a transaction, where
    its write or its check would belong to no service."""

    @functools.wraps(function)
    def run(*arguments, **named):
        if not transaction.get_connection().in_atomic_block:
            raise OutsideAService(f"{_name(function)} runs inside a service's transaction.")
        return function(*arguments, **named)

    STEPS[_name(function)] = run
    return run


def bookkeeping(*, why: str):
    """Declare `function` bookkeeping, saying what it keeps: a write outside the audit."""

    def declare(function: Callable) -> Callable:
        function.why = why
        BOOKKEEPING[_name(function)] = function
        return function

    return declare
