"""The walks of the whole demo share one load of it (a load takes about ten seconds): it is made
once in a transaction that each test runs inside (its own changes rolled back at its end) and
that is rolled back when the walks are done, leaving the database empty for the other tests."""

from dataclasses import dataclass

import pytest
from django.db import transaction

from tests import walk
from tests.walks import english


@dataclass(frozen=True)
class Demo:
    addresses: list[str]  # every page's address, with the first and the last of its records
    typed: str  # what people typed into its records (english.typed_by_people)
    named: set[str]  # the English names that have a Chinese one


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker) -> Demo:
    with django_db_blocker.unblock(), transaction.atomic():
        walk.load_demo()
        typed, named = english.typed_by_people()
        yield Demo(addresses=walk.addresses(), typed=typed, named=named)
        transaction.set_rollback(True)
