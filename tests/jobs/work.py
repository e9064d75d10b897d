"""Job functions for the tests: the queue runs them by their dotted path, as it runs the app's."""

from django.utils.translation import gettext_lazy

from counterpart.core.said import define
from counterpart.places import services as places

# The names of the tests' kinds of work, as each app names its own.
define("job:tests.jobs.work.count_regions", gettext_lazy("Count regions"))
define("job:tests.jobs.work.interrupted", gettext_lazy("Be interrupted"))

ATTEMPTS: list[int] = []


def count_regions(*, actor, progress, names: list[str]) -> dict:
    """Creates a region per name, reporting progress; fails on the name "boom" after writing the
    ones before it (so a failure must roll them back)."""
    from django.db import transaction

    from counterpart.places import selectors

    with transaction.atomic():
        for done, name in enumerate(names, start=1):
            if name == "boom":
                raise RuntimeError("the mail server is down")
            places.region_create(
                actor=actor,
                code=f"T-{name}",
                name_en=name,
                level="country",
                parent=None,
            )
            progress(done, len(names), name)
    return {"regions": selectors.region_list(actor=actor).count()}


def interrupted(*, actor, progress) -> None:
    """Stopped as a killed worker is: not an ordinary error."""
    ATTEMPTS.append(1)
    raise KeyboardInterrupt
