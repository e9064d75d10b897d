"""Test data (factory_boy), made through the services as a user's would be: paths, versions and
audit events are the real ones. Each factory's `_service` is the one it calls."""

import datetime

import factory

from counterpart.accounts import services as accounts
from counterpart.accounts.models import User
from counterpart.engine.money import parse_rate
from counterpart.funding import services as funding
from counterpart.funding.models import ExchangeRate, Transaction
from counterpart.pairings import services as pairings
from counterpart.pairings.models import Pairing, PairingRound
from counterpart.places import services as places
from counterpart.places.models import Organization, Region
from counterpart.projects import services as projects
from counterpart.projects.models import Project

PASSWORD = "pw-for-tests-1"


def system():
    return accounts.system_actor()


class ServiceFactory(factory.Factory):
    """Objects made by their app's own service, acting as the system (the office's rights)."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **fields):
        return cls._service(actor=system(), **fields)


class RegionFactory(ServiceFactory):
    class Meta:
        model = Region

    class Params:
        name = None  # the English name, when a test cares

    code = factory.Sequence(lambda n: f"R{n:05d}")
    name_en = factory.LazyAttributeSequence(lambda o, n: o.name or f"Region {n}")
    name_zh = factory.Sequence(lambda n: f"地区{n}")
    level = "county"
    parent = None
    _service = staticmethod(places.region_create)


class OrganizationFactory(ServiceFactory):
    class Meta:
        model = Organization
        rename = {"region_": "region"}

    class Params:
        name = None

    code = factory.Sequence(lambda n: f"org-{n}")
    name_en = factory.LazyAttributeSequence(lambda o, n: o.name or f"Org {n}")
    name_zh = factory.Sequence(lambda n: f"机构{n}")
    kind = "province"
    parent = None
    _service = staticmethod(places.organization_create)


class UserFactory(ServiceFactory):
    """A user who signs in with PASSWORD; given `organization_` and `role`, a member of it."""

    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n}")
    password = PASSWORD
    display_name = factory.Sequence(lambda n: f"Test User {n}")
    organization_ = None
    role = None

    @classmethod
    def _create(cls, model_class, *args, organization_=None, role=None, **fields):
        made = accounts.user_create(actor=system(), **fields)
        if organization_ is not None and role is not None:
            accounts.membership_grant(
                actor=system(), user=made, organization=organization_, role=role
            )
        return made


class PairingRoundFactory(ServiceFactory):
    class Meta:
        model = PairingRound

    year = 2010
    name_en = factory.LazyAttribute(lambda o: f"Round {o.year}")
    starts_on = factory.LazyAttribute(lambda o: datetime.date(o.year, 1, 1))
    _service = staticmethod(pairings.pairing_round_create)


class PairingFactory(ServiceFactory):
    """A published pairing from its round's start; `round_`, `donor` and `recipient` given."""

    class Meta:
        model = Pairing
        rename = {"round_": "round"}

    valid_from = factory.LazyAttribute(lambda o: o.round_.starts_on)
    valid_to = None
    parent = None
    is_published = True
    _service = staticmethod(pairings.pairing_create)


class ProjectFactory(ServiceFactory):
    """A published project of a `pairing`, all of it in one health sector unless told."""

    class Meta:
        model = Project

    code = factory.Sequence(lambda n: f"project-{n}")
    title_en = factory.Sequence(lambda n: f"Project {n}")
    sectors = factory.LazyFunction(lambda: {"12230": 100})
    is_published = True
    _service = staticmethod(projects.project_create)


class EntryFactory(ServiceFactory):
    """A ledger entry (a commitment of ¥1,000 unless told) of a `pairing`."""

    class Meta:
        model = Transaction

    kind = "2"
    amount_minor = 100_000
    currency = "CNY"
    value_date = datetime.date(2020, 6, 1)
    _service = staticmethod(funding.transaction_record)


class ExchangeRateFactory(ServiceFactory):
    class Meta:
        model = ExchangeRate

    base = "USD"
    quote = "CNY"
    valid_on = datetime.date(2017, 1, 1)
    rate = "6.4875"

    @classmethod
    def _create(cls, model_class, *args, rate, **fields):
        return funding.exchange_rate_record(
            actor=system(), rate_scaled=parse_rate(rate), source="tests", **fields
        )
