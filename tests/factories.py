"""Test data made through the services, so paths, versions and audit events are the real ones."""

import datetime
import itertools

from counterpart.accounts import services as accounts
from counterpart.pairings import services as pairings
from counterpart.places import services as places

_counter = itertools.count(1)


def _n() -> int:
    return next(_counter)


def system():
    return accounts.system_actor()


def region(*, level="county", parent=None, name=None, code=None):
    n = _n()
    return places.region_create(
        actor=system(),
        code=code or f"R{n:05d}",
        name_en=name or f"Region {n}",
        name_zh=f"地区{n}",
        level=level,
        parent=parent,
    )


def organization(*, region_, kind="province", parent=None, name=None):
    n = _n()
    return places.organization_create(
        actor=system(),
        code=f"org-{n}",
        name_en=name or f"Org {n}",
        name_zh=f"机构{n}",
        kind=kind,
        region=region_,
        parent=parent,
    )


def user(*, organization_=None, role=None, username=None, password="pw-for-tests-1"):
    n = _n()
    created = accounts.user_create(
        actor=system(),
        username=username or f"user{n}",
        password=password,
        display_name=f"Test User {n}",
    )
    if organization_ is not None and role is not None:
        accounts.membership_grant(
            actor=system(), user=created, organization=organization_, role=role
        )
    return created


def pairing_round(*, year=2010):
    return pairings.pairing_round_create(
        actor=system(), year=year, name_en=f"Round {year}", starts_on=datetime.date(year, 1, 1)
    )


def pairing(
    *, round_, donor, recipient, valid_from=None, valid_to=None, parent=None, is_published=True
):
    return pairings.pairing_create(
        actor=system(),
        round=round_,
        donor=donor,
        recipient=recipient,
        valid_from=valid_from or round_.starts_on,
        valid_to=valid_to,
        parent=parent,
        is_published=is_published,
    )


def exchange_rate(*, base="USD", quote="CNY", valid_on=None, rate="6.4875"):
    from counterpart.engine.money import parse_rate
    from counterpart.funding import services as funding

    return funding.exchange_rate_record(
        actor=system(),
        base=base,
        quote=quote,
        valid_on=valid_on or datetime.date(2017, 1, 1),
        rate_scaled=parse_rate(rate),
        source="tests",
    )


def project(*, pairing, sectors=None, code=None, is_published=True, **fields):
    from counterpart.projects import services as projects

    n = _n()
    return projects.project_create(
        actor=system(),
        pairing=pairing,
        code=code or f"project-{n}",
        sectors=sectors if sectors is not None else {"12230": 100},
        is_published=is_published,
        **{"title_en": f"Project {n}", **fields},
    )


def entry(*, pairing, kind="2", amount_minor=100_000, currency="CNY", value_date=None, **fields):
    from counterpart.funding import services as funding

    return funding.transaction_record(
        actor=system(),
        kind=kind,
        pairing=pairing,
        amount_minor=amount_minor,
        currency=currency,
        value_date=value_date or datetime.date(2020, 6, 1),
        **fields,
    )
