"""The reference data the product ships, put back where a database has lost it."""

from django.db import transaction

from counterpart.funding.models import Currency
from counterpart.funding.reference import reference_data_load
from counterpart.projects.models import Sector


@transaction.atomic
def reference_data_restore() -> None:
    """Currencies and DAC sectors as the product ships them (a migration loads them first; a
    test database that was flushed has lost them). Reference data, not anyone's record: it
    changes only when the product does, so it writes no audit event."""
    reference_data_load(Currency, Sector)
