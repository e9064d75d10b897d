"""Properties of the ledger over generated sequences of records and reversals."""

import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counterpart.funding import selectors, services
from counterpart.funding.models import LedgerBalance, LedgerTotal, Transaction
from tests import factories as f

step = st.one_of(
    st.tuples(
        st.just("record"),
        st.sampled_from(["2", "3", "4"]),
        st.integers(min_value=1, max_value=10**12),
        st.sampled_from(["CNY", "USD"]),
        st.dates(min_value=datetime.date(2015, 1, 1), max_value=datetime.date(2024, 12, 31)),
        st.sampled_from(["12230", "32130", "21020", None]),
    ),
    st.tuples(st.just("reverse"), st.integers(min_value=0, max_value=50)),
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(step, min_size=1, max_size=12))
def test_totals_always_equal_the_sum_of_entries(world, steps):
    # The examples share one database, so the ledger grows across them: the sums must hold
    # for the whole history, not only for one example's entries.
    office = world.user("office")
    if not hasattr(world, "_rates"):
        world._rates = [
            f.ExchangeRateFactory(valid_on=datetime.date(2015, 1, 1), rate="6.2"),
            f.ExchangeRateFactory(valid_on=datetime.date(2020, 1, 1), rate="6.9"),
        ]
        world._project = f.ProjectFactory(
            pairing=world.beijing_hotan_city, sectors={"12230": 60, "16030": 40}
        )
    recorded = []
    for item in steps:
        if item[0] == "record":
            _, kind, amount, currency, day, sector = item
            recorded.append(
                services.transaction_record(
                    actor=office,
                    kind=kind,
                    pairing=world.beijing_hotan_city,
                    amount_minor=amount,
                    currency=currency,
                    value_date=day,
                    sector=sector,
                    project=world._project,
                    reason="generated",
                )
            )
            rate = recorded[-1].rate
            expected_rate_day = (
                datetime.date(2020, 1, 1)
                if day >= datetime.date(2020, 1, 1)
                else datetime.date(2015, 1, 1)
            )
            assert (rate is None) == (currency == "CNY")
            assert rate is None or rate.valid_on == expected_rate_day
        elif recorded:
            target = recorded[item[1] % len(recorded)]
            if (
                target.reverses_id is None
                and not Transaction.objects.filter(reverses=target).exists()
            ):
                recorded.append(
                    services.transaction_reverse(
                        actor=office, transaction=target, reason="generated"
                    )
                )
    entries = list(Transaction.objects.all())
    for kind in ("2", "3", "4"):
        ledger_sum = sum(t.base_amount_minor for t in entries if t.kind == kind)
        shown = sum(row.amount(kind) for row in selectors.totals_by(actor=office, group="year"))
        assert shown == ledger_sum
        by_category = sum(
            row.amount(kind) for row in selectors.totals_by(actor=office, group="category")
        )
        assert by_category == ledger_sum
    assert all(isinstance(t.amount_minor, int) for t in LedgerTotal.objects.all())
    # The kept balances that the disbursement check reads equal the ledger's, per project.
    summed = {}
    for t in entries:
        if t.kind in ("2", "3"):
            balance = summed.setdefault((t.pairing_id, t.project_id), [0, 0])
            balance[0 if t.kind == "2" else 1] += t.base_amount_minor
    kept = {
        (b.pairing_id, b.project_id): [b.committed_minor, b.disbursed_minor]
        for b in LedgerBalance.objects.all()
    }
    assert kept == summed
