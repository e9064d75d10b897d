"""An activity's money read into the ledger and the project's budgets (part of `Reader`):
yearly budgets (revised ones standing for the year's originals), planned disbursements as
commitments, transactions of the kinds the ledger keeps, negative ones as reversals; what no
ledger can keep (below zero, reversing nothing, no amount) is a note on its line; a currency
with no rate is one problem for the file, not one per amount."""

import datetime
from collections import defaultdict

from django.utils.translation import gettext as _

from counterpart.engine.money import format_minor
from counterpart.funding import selectors as funding
from counterpart.funding.choices import BASE_CURRENCY, TransactionKind
from counterpart.funding.rates import RateBook, missing_rate_message
from counterpart.funding.services import (
    BulkError,
    Entry,
    transaction_reverse,
    transactions_record_bulk,
)
from counterpart.interchange.iati.parse import day, minor, texts
from counterpart.interchange.phrases import (
    NEGATIVE_BUDGET,
    NEGATIVE_PLANNED,
    NO_AMOUNT,
    UNMATCHED_NEGATIVE,
)
from counterpart.projects import services

KEPT_TYPES = set(TransactionKind.values)


class ActivityRefused(Exception):
    """An activity's problems are in the errors, each on its own element's line."""


class MoneyReading:
    """The reader's money: needs its `context`, `errors`, `actor`, `counts`, `skipped`,
    `organization()` and `_sector_of()`."""

    def _start_money(self) -> None:
        self.rates = RateBook()
        # A currency with no rate for an amount: its earliest such date and line, and how many.
        self.unrated: dict[str, tuple[datetime.date, int]] = {}
        self.unrated_count: dict[str, int] = defaultdict(int)

    def _budgets(self, element, identifier, project, currency: str) -> None:
        """A budget a year: the sum of the year's periods; where a year has revised budgets
        (type 2), they stand for its original ones."""
        by_year: dict[tuple[int, str, str], int] = defaultdict(int)
        for budget in element.findall("budget"):
            value = budget.find("value")
            own = value.get("currency") or currency
            year = day(budget.find("period-start")).year
            by_year[(year, own, budget.get("type") or "1")] += minor(value.text, own)
        for (year, own, kind), amount in sorted(by_year.items()):
            if kind != "2" and (year, own, "2") in by_year:
                continue
            if amount < 0:
                self.context.note(
                    element.sourceline,
                    NEGATIVE_BUDGET,
                    id=identifier,
                    year=year,
                    amount=format_minor(amount, own),
                )
                continue
            services.project_budget_set(
                actor=self.actor, project=project, year=year, amount_minor=amount, currency=own
            )

    def _money(self, element, identifier, project, pairing, currency: str) -> None:
        entries, lines, negatives = [], [], []
        for planned in element.findall("planned-disbursement"):
            value = planned.find("value")
            own = value.get("currency") or currency
            amount = minor(value.text, own)
            if amount == 0:  # a plan of nothing says nothing
                continue
            if amount < 0:
                self.context.note(
                    planned.sourceline,
                    NEGATIVE_PLANNED,
                    id=identifier,
                    amount=format_minor(amount, own),
                )
                continue
            entries.append(
                Entry(
                    kind=TransactionKind.COMMITMENT,
                    pairing=pairing,
                    project=project,
                    amount_minor=amount,
                    currency=own,
                    value_date=day(value, "value-date") or day(planned.find("period-start")),
                )
            )
            lines.append(planned.sourceline)
        for item in element.findall("transaction"):
            kind = item.find("transaction-type").get("code")
            if kind not in KEPT_TYPES:
                self.skipped.append(_("a transaction of type %(type)s") % {"type": kind})
                continue
            value = item.find("value")
            own = value.get("currency") or currency
            amount = minor(value.text, own)
            on = day(value, "value-date") or day(item.find("transaction-date"))
            if amount == 0:
                self.context.note(item.sourceline, NO_AMOUNT, id=identifier)
                continue
            if amount < 0:
                negatives.append((kind, -amount, own, item.sourceline))
                continue
            description, _zh = texts(item.find("description"), "en")
            provider = self.organization(item.find("provider-org"), required=False)
            entries.append(
                Entry(
                    kind=kind,
                    pairing=pairing,
                    project=project,
                    amount_minor=amount,
                    currency=own,
                    value_date=on,
                    provider=provider,
                    receiver=self.organization(item.find("receiver-org"), required=False),
                    sector=self._sector_of(item),
                    description=description[:500],
                    reference=(item.get("ref") or "")[:60],
                )
            )
            lines.append(item.sourceline)
        entries, lines = self._rated(entries, lines)
        negatives = [n for n in negatives if n[2] not in self.unrated]
        if entries:
            try:
                transactions_record_bulk(
                    actor=self.actor,
                    entries=entries,
                    source="IATI",
                    historical=self.context.historical,
                )
            except BulkError as refused:
                for row, fields in refused.row_errors.items():
                    for name, messages in fields.items():
                        for message in messages:
                            self.errors.add(lines[row - 1], "transaction", f"{name}: {message}")
                raise ActivityRefused from None
        self.counts["transactions"] += len(entries)
        for kind, amount, own, line in negatives:
            self._reverse(identifier, project, kind, amount, own, line)

    def _rated(self, entries: list, lines: list) -> tuple[list, list]:
        """The entries whose currency has a rate on their date; the others are counted
        towards one problem per currency (`rate_problems`), not one per transaction."""
        kept = ([], [])
        for entry, line in zip(entries, lines, strict=True):
            own = entry.currency
            if own != BASE_CURRENCY and (
                own in self.unrated
                or self.rates.in_force(own, BASE_CURRENCY, entry.value_date) is None
            ):
                self.unrated_count[own] += 1
                first = self.unrated.get(own)
                if first is None or (entry.value_date, line) < first:
                    self.unrated[own] = (entry.value_date, line)
                continue
            kept[0].append(entry)
            kept[1].append(line)
        return kept

    def rate_problems(self) -> None:
        """One error per currency that lacks a rate: the earliest date an amount needs (a rate
        on or before it serves every later one) and how many amounts wait for it."""
        for own, (on, line) in sorted(self.unrated.items()):
            self.errors.add(
                line,
                "transaction",
                _("%(problem)s (%(count)s amounts in %(currency)s wait for it.)")
                % {
                    "problem": missing_rate_message(own, on),
                    "count": self.unrated_count[own],
                    "currency": own,
                },
            )

    def _reverse(self, identifier, project, kind, amount, own, line) -> None:
        """A negative transaction reverses the entry it mirrors (same type, amount and
        currency, not yet reversed): the ledger only ever corrects by reversal."""
        original = (
            funding.entries_for_publication(project_ids=[project.pk])
            .filter(
                kind=kind,
                amount_minor=amount,
                currency_id=own,
                reverses__isnull=True,
                reversal__isnull=True,
            )
            .order_by("value_date", "id")
            .first()
        )
        if original is None:
            self.context.note(
                line, UNMATCHED_NEGATIVE, id=identifier, amount=format_minor(-amount, own)
            )
            return
        transaction_reverse(
            actor=self.actor, transaction=original, reason=_("Reversed in IATI file")
        )
        self.counts["transactions"] += 1
