"""A service is a declared thing (ARCHITECTURE.md, house rule 1): one transaction of its own,
keyword-only parameters with the actor first, and a name in the registry, which the house-rule
tests read (every service that changes data writes an audit event).

    @service
    def pairing_publish(*, actor, pairing, expected_version) -> Pairing: ...

A service that runs without anyone signed in (accepting an invitation: the person has no
account yet) says so and why: `@service(no_actor="…")`."""

import functools
import inspect
from collections.abc import Callable

from django.db import transaction

REGISTRY: dict[str, Callable] = {}  # "module.name" → the service


class NotAService(TypeError):
    """A function declared a service whose parameters break the rule."""


def _check(function: Callable, no_actor: str) -> None:
    parameters = list(inspect.signature(function).parameters.values())
    where = f"{function.__module__}.{function.__qualname__}"
    loose = [p.name for p in parameters if p.kind is not inspect.Parameter.KEYWORD_ONLY]
    if loose:
        raise NotAService(f"{where}: parameters before `*` ({', '.join(loose)})")
    if not no_actor and (not parameters or parameters[0].name != "actor"):
        raise NotAService(f"{where}: the actor comes first (or say why not: no_actor=…)")


def service(function: Callable | None = None, *, no_actor: str = ""):
    """Declare `function` a service: checked as the module loads, atomic, registered."""

    def declare(function: Callable) -> Callable:
        _check(function, no_actor)

        @functools.wraps(function)
        def run(**arguments):
            with transaction.atomic():
                return function(**arguments)

        run.no_actor = no_actor
        REGISTRY[f"{function.__module__}.{function.__name__}"] = run
        return run

    return declare(function) if function is not None else declare
