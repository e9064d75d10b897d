"""A row's pairing, named the way an office writes it: the donor, the recipient place and,
where the two were paired more than once, the round's year (or the date the row is about)."""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from counterpart.interchange.kinds import lookups, readers
from counterpart.interchange.kinds.base import Column, Context
from counterpart.pairings import selectors as pairings


def run_by(context: Context) -> list:
    """The pairings the actor records money and runs projects for."""
    return context.once(
        "pairings run",
        lambda: list(
            pairings.pairings_run_by(actor=context.actor).select_related(
                "donor", "recipient", "round", "parent"
            )
        ),
    )


def worked_on(context: Context) -> list:
    """The pairings the actor's teams work on (either side): exchanges and sales."""
    return context.once(
        "pairings worked on",
        lambda: list(
            pairings.pairings_worked_on(actor=context.actor).select_related(
                "donor", "recipient", "round", "parent"
            )
        ),
    )


def _index(pool: list) -> dict[tuple, list]:
    """The pool's pairings by (donor, recipient, round year or None): a file names the same few
    pairings a million times."""
    table: dict[tuple, list] = {}
    for p in pool:
        table.setdefault((p.donor_id, p.recipient_id, None), []).append(p)
        table.setdefault((p.donor_id, p.recipient_id, p.round.year), []).append(p)
    return table


def columns(pool: Callable[[Context], list]) -> list[Column]:
    name = pool.__name__

    def donors(context: Context):
        return list({p.donor_id: p.donor for p in pool(context)}.values())

    def recipients(context: Context):
        return list({p.recipient_id: p.recipient for p in pool(context)}.values())

    return [
        Column(
            "donor",
            gettext_lazy("Donor"),
            read=lookups.named(f"donors {name}", donors, what=gettext_lazy("donor")),
            required=True,
            example="beijing",
            choices=lookups.choices(donors),
        ),
        Column(
            "recipient",
            gettext_lazy("Recipient place"),
            read=lookups.named(
                f"recipients {name}", recipients, what=gettext_lazy("recipient place")
            ),
            required=True,
            example="653201",
            choices=lookups.choices(recipients),
            fields=("pairing",),
        ),
        Column(
            "round",
            gettext_lazy("Round"),
            read=readers.year,
            example="2010",
            help=gettext_lazy(
                "The round's year; needed only where the donor and place were paired twice."
            ),
        ),
    ]


def pairing_of(
    values: dict, context: Context, pool: Callable[[Context], list], *, on=None
) -> object:
    """The one pairing the row names among `pool`'s (`run_by`, `worked_on`), or a
    ValidationError on its recipient or round."""
    index = context.once(f"index {pool.__name__}", lambda: _index(pool(context)))
    key = (values["donor"].id, values["recipient"].id, values["round"])
    found = index.get(key, [])
    if len(found) > 1 and on is not None:
        found = [
            p for p in found if p.valid_from <= on and (p.valid_to is None or on <= p.valid_to)
        ]
    if len(found) == 1:
        return found[0]
    message = (
        _("%(donor)s has more than one pairing with %(recipient)s: write the round's year.")
        if found
        else _("%(donor)s has no pairing with %(recipient)s that you may record for.")
    )
    raise ValidationError(
        {
            "round" if found else "recipient": message
            % {"donor": values["donor"], "recipient": values["recipient"]}
        }
    )
