"""Work that makes millions of small objects at once."""

import gc
from contextlib import contextmanager


@contextmanager
def cyclic_gc_paused():
    """Python's cyclic collector paused for the duration: a million rows are millions of small
    objects made at once, none in a cycle, and the collector would walk them again and again (a
    quarter of an import's time at 300,000 rows). Reference counting frees them as ever; the
    collector runs again afterwards."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
