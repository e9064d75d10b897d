"""The totals and balances kept beside the ledger: what a batch adds to them, planned in one read
and checked against the running bound before anything is written."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from counterpart.core.bulk import add_to_rows, chunks, insert_rows
from counterpart.funding.models import LedgerBalance, LedgerTotal

# A running total (by pairing, place, type, year and category; or a project's committed and
# disbursed) stays within this many fen either way: a thousand trillion yuan.
MAX_RUNNING_MINOR = 10**17


def plan_totals(deltas: dict[tuple, list[int]]) -> tuple[list, list]:
    """The stored totals to add to and those to create, checked against the running bound:
    one read for the lot."""
    if not deltas:
        return [], []
    pairing_ids = {key[1] for key in deltas}
    years = {key[4] for key in deltas}
    key_columns = (
        "donor_id",
        "pairing_id",
        "region_id",
        "kind",
        "year",
        "category",
        "public",
        "approved",
    )
    stored = {
        tuple(row[2:]): row[:2]
        for row in LedgerTotal.objects.filter(
            pairing_id__in=pairing_ids, year__in=years
        ).values_list("pk", "amount_minor", *key_columns)
    }
    changed, created = [], []
    for key, (amount, entries) in deltas.items():
        total_id, before = stored.get(key, (None, 0))
        _refuse_past_the_bound(before + amount)
        if total_id is not None:
            changed.append((amount, entries, total_id))
        else:
            donor_id, pairing_id, region_id, kind, year, category, public, approved = key
            created.append(
                LedgerTotal(
                    donor_id=donor_id,
                    pairing_id=pairing_id,
                    region_id=region_id,
                    kind=kind,
                    year=year,
                    category=category,
                    public=public,
                    approved=approved,
                    amount_minor=amount,
                    entries=entries,
                )
            )
    return changed, created


def plan_balances(deltas: dict[tuple, list[int]]) -> tuple[list, list]:
    """The stored balances to add to and those to create, checked like the totals."""
    if not deltas:
        return [], []
    stored: dict[tuple, tuple[int, int, int]] = {}
    columns = ("pk", "pairing_id", "project_id", "committed_minor", "disbursed_minor")
    project_ids = sorted({project for _pairing, project in deltas if project is not None})
    for chunk in chunks(project_ids):
        for pk, pairing, project, committed, disbursed in LedgerBalance.objects.filter(
            project_id__in=chunk
        ).values_list(*columns):
            stored[(pairing, project)] = (pk, committed, disbursed)
    pairing_ids = sorted({pairing for pairing, project in deltas if project is None})
    for chunk in chunks(pairing_ids):
        for pk, pairing, _none, committed, disbursed in LedgerBalance.objects.filter(
            pairing_id__in=chunk, project__isnull=True
        ).values_list(*columns):
            stored[(pairing, None)] = (pk, committed, disbursed)
    changed, created = [], []
    for (pairing, project), (committed, disbursed) in deltas.items():
        pk, committed_before, disbursed_before = stored.get((pairing, project), (None, 0, 0))
        _refuse_past_the_bound(committed_before + committed)
        _refuse_past_the_bound(disbursed_before + disbursed)
        if pk is not None:
            changed.append((committed, disbursed, pk))
        else:
            created.append(
                LedgerBalance(
                    pairing_id=pairing,
                    project_id=project,
                    committed_minor=committed,
                    disbursed_minor=disbursed,
                )
            )
    return changed, created


def _refuse_past_the_bound(running_minor: int) -> None:
    if abs(running_minor) > MAX_RUNNING_MINOR:
        raise ValidationError(
            {
                "amount_minor": _(
                    "This would carry a running total of the ledger to %(total)s fen, past the "
                    "%(limit)s fen it keeps within. No programme reaches it: check the amounts."
                )
                % {"total": f"{running_minor:,}", "limit": f"{MAX_RUNNING_MINOR:,}"}
            }
        )


def write_derived(totals: tuple[list, list], balances: tuple[list, list]) -> None:
    """Apply planned totals and balances: increments to the rows there, inserts of new ones."""
    add_to_rows(LedgerTotal, ["amount_minor", "entries"], totals[0])
    insert_rows(LedgerTotal, totals[1])
    add_to_rows(LedgerBalance, ["committed_minor", "disbursed_minor"], balances[0])
    insert_rows(LedgerBalance, balances[1])
