"""Ledger entries from a spreadsheet, through the ledger's bulk service (one batch, one audit
event, every row checked by the same rules as the form)."""

from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy

from counterpart.core.said import as_value, choice_of
from counterpart.funding import selectors as funding
from counterpart.funding.choices import TransactionKind
from counterpart.funding.models import ComplianceRule, Transaction
from counterpart.funding.services import BulkError, Entry, transactions_record_bulk
from counterpart.interchange.kinds import lookups, pairing, readers
from counterpart.interchange.kinds.base import Column, Context, Errors, Kind, Row
from counterpart.pairings import selectors as pairings
from counterpart.places import selectors as places
from counterpart.projects import selectors as projects


def own_projects(context: Context) -> list:
    """The projects of the pairings the actor runs, with what an entry of theirs reads (code,
    titles, pairing, main place, publication): a file may name twenty thousand projects, so
    each is a few fields and the places are shared (a place of its own each took 60 MiB)."""
    regions = context.once("regions", lambda: {r.pk: r for r in _places(context)})
    found = list(
        projects.project_list(actor=context.actor)
        .filter(pairing__in=pairings.pairings_run_by(actor=context.actor))
        .select_related(None)
        .only("id", "code", "title_en", "title_zh", "pairing_id", "region_id", "is_published")
    )
    for project in found:
        project.region = regions[project.region_id]
    return found


def _donors(context: Context) -> dict:
    """The donors of the pairings the actor runs, by id."""
    return context.once("donors", lambda: {p.donor_id: p.donor for p in pairing.run_by(context)})


def _places(context: Context):
    return places.region_list(actor=context.actor)


class LedgerKind(Kind):
    def apply(self, rows: Iterable[Row], context: Context, errors: Errors) -> dict:
        """The rows through the ledger's bulk service as they come: a row's entry is checked
        and written with its chunk, and only its row number is kept (to name it in an error)."""
        numbers = array("q")  # the row of each entry handed on
        sums: dict[tuple[str, str], int] = defaultdict(int)

        def entries() -> Iterator[Entry]:
            for row in rows:
                found = self._pairing(row, context, errors)
                if found is None:
                    continue
                values = row.values
                entry = Entry(
                    kind=values["kind"],
                    pairing=found,
                    amount_minor=values["amount"],
                    currency=values["currency"] or "CNY",
                    value_date=values["value_date"],
                    project=values["project"],
                    region=values["place"],
                    sector=values["sector"] or None,
                    description=values["description"] or "",
                    reason=values["reason"] or "",
                    reference=values["reference"],
                )
                if entry.kind == TransactionKind.COMMITMENT:
                    self._shares_before(context, found, entry.value_date.year)
                sums[(entry.kind, entry.currency)] += entry.amount_minor
                numbers.append(row.number)
                yield entry

        try:
            created = transactions_record_bulk(
                actor=context.actor,
                entries=entries(),
                source="import",
                historical=context.historical,
            )
        except BulkError as refused:
            for index, fields in refused.row_errors.items():
                for field_name, messages in fields.items():
                    for message in messages:
                        errors.add(numbers[index - 1], self.column_of(field_name), message)
            return {}
        if errors:
            return {}
        by_kind: dict[str, dict[str, int]] = defaultdict(dict)
        for (kind, currency), amount in sorted(sums.items()):
            by_kind[kind][currency] = amount
        amounts = [[choice_of(Transaction, "kind", k), a] for k, a in by_kind.items()]
        return {"created": created, "amounts_by_kind": amounts}

    def _pairing(self, row: Row, context: Context, errors: Errors):
        """The row's pairing (in force on its value date where the round is not given)."""
        try:
            return pairing.pairing_of(
                row.values, context, pairing.run_by, on=row.values["value_date"]
            )
        except ValidationError as error:
            self.add_service_errors(row.number, error, errors)
            return None

    def _shares_before(self, context: Context, found, year: int) -> None:
        """The shares of the round, donor and year a commitment counts in, read when the
        file first commits to them: the totals they are read from take the file's entries
        only once all are written."""
        before = context.cache.setdefault("shares_before", {})
        key = (found.round, found.accountable_donor_id, year)
        if key not in before:
            before[key] = self._shares(context, *key)

    def _shares(self, context: Context, round_, donor_id: int, year: int) -> dict:
        donors = _donors(context)
        filters = funding.Filters(
            round=round_, donor=donors.get(donor_id), year=year, include_unapproved=True
        )
        return funding.share_checks(actor=context.actor, filters=filters)

    def effects(self, context: Context) -> list[dict]:
        """The wellbeing and county shares of each donor, round and year the file commits to,
        before and after."""
        found = []
        before = context.cache.get("shares_before", {})
        donors = _donors(context)
        for round_, donor_id, year in sorted(before, key=lambda k: (k[0].year, k[1], k[2])):
            then = before[(round_, donor_id, year)]
            for rule, check in self._shares(context, round_, donor_id, year).items():
                found.append(
                    {
                        "key": f"{round_.year}/{donor_id}/{year}/{rule}",
                        "donor": as_value(donors.get(donor_id)),
                        "round": round_.year,
                        "year": year,
                        "rule": choice_of(ComplianceRule, "kind", rule),
                        "share_ppm": check.share_ppm,
                        "threshold_ppm": check.threshold_ppm,
                        "met": check.met,
                        "before_ppm": then[rule].share_ppm,
                    }
                )
        return found


LEDGER = LedgerKind(
    slug="ledger",
    title=gettext_lazy("Ledger entries"),
    description=gettext_lazy(
        "Commitments, disbursements and expenditure, one row each, in any currency with a rate "
        "for its date. Your reference makes each row recorded once."
    ),
    may_import=lambda actor: pairings.pairings_run_by(actor=actor).exists(),
    keeps_history=True,
    row_key=("reference",),
    columns=[
        Column(
            "reference",
            gettext_lazy("Reference"),
            required=True,
            example="BJ-2024-0001",
            help=gettext_lazy("Your own number for the entry (a voucher): each is recorded once."),
        ),
        Column(
            "kind",
            gettext_lazy("Type"),
            read=readers.choice(TransactionKind),
            required=True,
            example="2",
            choices=readers.choices_of(TransactionKind),
            fields=("kind",),
        ),
        Column(
            "value_date",
            gettext_lazy("Value date"),
            read=readers.date,
            required=True,
            example="2024-03-01",
            help=gettext_lazy("2024-03-01 or 2024年3月1日"),
        ),
        *pairing.columns(pairing.run_by),
        Column(
            "project",
            gettext_lazy("Project"),
            read=lookups.named("projects", own_projects, what=gettext_lazy("project")),
            example="",
            choices=lookups.choices(own_projects),
        ),
        Column(
            "place",
            gettext_lazy("Receiving place"),
            read=lookups.named("places", _places, what=gettext_lazy("place")),
            fields=("region",),
            help=gettext_lazy(
                "Within the recipient place; empty: the project's place or the recipient."
            ),
        ),
        Column(
            "sector",
            gettext_lazy("Sector"),
            read=lookups.named(
                "sectors",
                lambda c: projects.sector_list(actor=c.actor),
                what=gettext_lazy("sector"),
            ),
            example="12230",
            choices=lookups.choices(lambda c: projects.sector_list(actor=c.actor)),
            help=gettext_lazy("DAC 5-digit code; empty follows the project's sectors."),
        ),
        *readers.money_columns(
            "amount",
            gettext_lazy("Amount"),
            required=True,
            example="300",
            unit_example="万元",
            fields=("amount_minor",),
        ),
        Column(
            "description",
            gettext_lazy("Description"),
            example=gettext_lazy("Hotan hospital, phase 1"),
        ),
        Column("reason", gettext_lazy("Reason")),
    ],
)
