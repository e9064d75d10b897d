"""How long work tells its progress: a job on the queue reports it to the page that follows it;
work run elsewhere (a request, a command) to no one."""

from collections.abc import Callable

Progress = Callable[..., None]  # progress(done, total, step="")


def ignore_progress(done: int, total: int, step: str = "") -> None:
    """The progress of work run outside the queue (a request, a command): no one follows it."""
    return None
