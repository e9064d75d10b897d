"""Cells that name a record: by its code, by its name in either language, or as a dropdown
writes it ("653201 和田市"). Each table is loaded once per file, in the reader's scope."""

from collections.abc import Callable, Iterable
from typing import Any

from django.utils.translation import gettext as _

from counterpart.interchange.cells import CellError, text
from counterpart.interchange.kinds.base import Context


def table_of(records: Iterable, *, code: str = "code") -> dict[str, Any]:
    """Each record under its code and its names (casefolded); a name two records share is
    left out, so that only the code names either."""
    table: dict[str, Any] = {}
    shared: set[str] = set()
    for record in records:
        for name in (getattr(record, "name_en", ""), getattr(record, "name_zh", "")):
            key = (name or "").casefold()
            if key and key in table and table[key] is not record:
                shared.add(key)
            table.setdefault(key, record)
    for key in shared:
        table.pop(key)
    for record in records:
        table[str(getattr(record, code)).casefold()] = record
    return table


def choice_of(record, *, code: str = "code") -> str:
    """How a dropdown offers a record: its code, then its name."""
    return f"{getattr(record, code)} {getattr(record, 'name', '')}".strip()


def find(table: dict, cell) -> Any | None:
    written = text(cell).casefold()
    return table.get(written) or table.get(written.split(" ")[0] if written else "")


def named(
    name: str, load: Callable[[Context], Iterable], *, what: str, code: str = "code"
) -> Callable[[Any, dict, Context], Any]:
    """A column's reader: the record `cell` names among those `load` gives (cached as `name`)."""

    def read(cell, _row: dict, context: Context):
        table = context.cache.get(name)
        if table is None:
            table = context.once(name, lambda: table_of(list(load(context)), code=code))
        found = table.get(cell.strip().casefold()) if type(cell) is str else None
        if found is None:
            found = find(table, cell)
        if found is None:
            raise CellError(
                _("No %(what)s %(value)r that you may use: write its code.")
                % {"what": what, "value": text(cell)[:60]}
            )
        return found

    return read


def choices(
    load: Callable[[Context], Iterable], *, code: str = "code"
) -> Callable[[Context], list[str]]:
    def offered(context: Context) -> list[str]:
        return [choice_of(record, code=code) for record in load(context)]

    return offered
