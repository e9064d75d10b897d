"""How long work tells its progress: a job on the queue reports it to the page that follows it;
work run elsewhere (a request, a command) to no one."""

import threading
from collections.abc import Callable
from contextlib import contextmanager

from counterpart.core.said import PHRASES, said, words

Progress = Callable[..., None]  # progress(done, total, step="")
PROGRESS_EVERY = 5000  # rows of a file between two reports of its progress (a second or less)


def ignore_progress(done: int, total: int, step: str = "") -> None:
    """The progress of work run outside the queue (a request, a command): no one follows it."""
    return None


def tick(progress: Progress, done: int, total: int, step: str) -> None:
    """Report progress every PROGRESS_EVERY rows of a step."""
    if done % PROGRESS_EVERY == 0:
        progress(done, max(total, done), step)


def step_words(step: str) -> str:
    """A step of work in the reader's language where it is one of the named steps
    (`define("job-step:read", _("reading the rows"))`); else as the work said it (the name of a
    file it writes)."""
    kind = f"job-step:{step}"
    return words(said(kind)) if kind in PHRASES else step


@contextmanager
def beating(call: Callable[[], None], *, every: float = 0.5):
    """Call `call` every `every` seconds, from a thread of its own, while the block runs: a
    command's sign of life through a step that cannot report (a long commit); `call` says
    something only when nothing was said for a second, so no wait is much past that."""
    stop = threading.Event()

    def beat() -> None:
        while not stop.wait(every):
            call()

    beating_thread = threading.Thread(target=beat, daemon=True)
    beating_thread.start()
    try:
        yield
    finally:
        stop.set()
        beating_thread.join()
