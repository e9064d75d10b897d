"""What an importable kind of record is: its columns (a stable key, a header in each language,
how a cell is read, an example, the codes a dropdown offers) and how its rows reach the
services. A kind never writes itself: it calls the same services as the forms, as the person
who uploaded the file."""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from counterpart.core.bulk import chunks
from counterpart.core.said import said
from counterpart.interchange.cells import CellError, text
from counterpart.interchange.header_names import HEADER_NAMES
from counterpart.interchange.row_keys import RowKeys
from counterpart.jobs.progress import Progress, ignore_progress, tick

MAX_ERRORS = 1000  # enough to fix before trying again; the rest are counted, not listed
KEY_BATCH = 10_000  # rows whose keys are checked for repeats at once


@dataclass(frozen=True)
class Column:
    key: str  # stable, in the template's hidden first row
    label: Any  # a lazy translation: the header in the reader's language
    read: Callable[[Any, dict, "Context"], Any] | None = None  # (cell, row so far, context)
    required: bool = False
    example: str = ""
    choices: Callable[["Context"], list[str]] | None = None  # a dropdown's codes
    help: Any = ""
    fields: tuple[str, ...] = ()  # the services' field names whose errors belong here
    money: bool = False  # takes a unit from its header: "amount (万元)"

    @property
    def example_language(self) -> str:
        """The language an example is written in when it is not the reader's (a title in
        English is an English example on every page)."""
        return {"_en": "en", "_zh": "zh-Hans"}.get(self.key[-3:], "")

    def headers(self) -> set[str]:
        """What a header of this column may say: its key, or its label in any of the languages
        (header_names.py, not the interface's translations)."""
        with translation.override(None):
            english = str(self.label)
        return {name.lower() for name in (self.key, english, *HEADER_NAMES.get(english, ()))}


@dataclass
class Row:
    number: int  # as the spreadsheet numbers it (the header is row 1 or 2)
    values: dict[str, Any]


class Context:
    """What reading and applying one file shares: the actor, the lookups (loaded once), the
    unit of each money column, each column's header as the file writes it, notes on what was
    left out (a title row, a totals row, a column of no kind), by row (0: the file), where its
    progress is reported (`total`: the rows the file was counted to hold), why the office
    enters it as history into closed periods ("" for an ordinary import), and whether what an
    IATI file names and the programme lacks is made from it."""

    def __init__(
        self,
        actor,
        *,
        progress: Progress = ignore_progress,
        total: int = 0,
        historical: str = "",
        create_missing: bool = False,
    ):
        self.actor = actor
        self.progress = progress
        self.total = total
        self.historical = historical
        self.create_missing = create_missing
        self.cache: dict[str, Any] = {}
        self.units: dict[str, int] = {}
        self.headers: dict[str, str] = {}
        self.notes: list[dict] = []
        self.rows = 0  # the rows of data read so far

    def note(self, row: int, phrase: str, **values) -> None:
        """Something left out, as a stored message (interchange/phrases.py) put into words
        for whoever reads the file's page."""
        if len(self.notes) < MAX_ERRORS:
            self.notes.append({"row": row, "message": said(phrase, **values)})

    def tick(self, step: str, done: int) -> None:
        tick(self.progress, done, self.total, step)

    def once(self, name: str, load: Callable[[], Any]) -> Any:
        if name not in self.cache:
            self.cache[name] = load()
        return self.cache[name]


class Errors:
    """Errors by row and column key ('' for the row as a whole; row 0 for the file)."""

    def __init__(self):
        self.cells: dict[tuple[int, str], list[str]] = {}
        self.count = 0

    def add(self, row: int, column: str, message: str) -> None:
        self.count += 1
        if len(self.cells) < MAX_ERRORS:
            self.cells.setdefault((row, column), []).append(str(message))

    def __bool__(self) -> bool:
        return self.count > 0

    def as_list(self) -> list[dict]:
        return [
            {"row": row, "column": column, "messages": messages}
            for (row, column), messages in sorted(self.cells.items())
        ]


class RowsRefused(ValidationError):
    """A file refused: nothing was written. `errors` says where and why."""

    def __init__(self, errors: Errors):
        self.errors = errors
        super().__init__(
            ngettext(
                "%(count)s problem in the file; nothing was imported.",
                "%(count)s problems in the file; nothing was imported.",
                errors.count,
            )
            % {"count": errors.count}
        )


@dataclass
class Kind:
    slug: str
    title: Any
    columns: list[Column]
    row_key: tuple[str, ...] = ()  # the columns that make a row unique: a repeat is refused
    description: Any = ""
    may_import: Callable[[Any], bool] = lambda actor: False
    field_columns: dict[str, str] = field(default_factory=dict)
    keeps_history: bool = False  # the office may enter its records into closed periods

    def column(self, key: str) -> Column:
        return next(column for column in self.columns if column.key == key)

    def column_of(self, field_name: str) -> str:
        """The column a service's error on `field_name` belongs to ('' for the row)."""
        for column in self.columns:
            if field_name == column.key or field_name in column.fields:
                return column.key
        return self.field_columns.get(field_name, "")

    def read_rows(self, rows: Iterable[Row], context: Context, errors: Errors) -> Iterator[Row]:
        """Each row with its cells read by its columns, as it comes (a row with an error is not
        handed on), and the row key checked for repeats within the file, a batch at a time."""
        if not self.row_key:
            yield from (row for row, _key in self._cells_read(rows, context, errors))
            return
        seen = RowKeys()
        for batch in chunks(self._cells_read(rows, context, errors), KEY_BATCH):
            numbers = [row.number for row, _key in batch]
            earlier = seen.earlier_rows([key for _row, key in batch], numbers)
            for (row, _key), first in zip(batch, earlier, strict=True):
                if first:
                    errors.add(
                        row.number,
                        self.row_key[0],
                        _("Row %(row)s has the same %(key)s.")
                        % {"row": first, "key": self._key_names()},
                    )
                else:
                    yield row

    def _cells_read(self, rows: Iterable[Row], context: Context, errors: Errors):
        """(the row with its cells read, its key's hash) for each row without a bad cell."""
        needed = _("This column needs a value.")
        columns = [(c.key, c.read, c.required) for c in self.columns]
        for row in rows:
            cells = row.values
            values: dict[str, Any] = {}
            bad = False
            for key, reader, required in columns:
                cell = cells.get(key)
                if cell is None or (type(cell) is str and not cell.strip()):
                    if required:
                        errors.add(row.number, key, needed)
                        bad = True
                    values[key] = None
                    continue
                try:
                    values[key] = reader(cell, values, context) if reader else text(cell)
                except CellError as error:
                    errors.add(row.number, key, str(error))
                    bad = True
            if not bad:
                key = self.row_key and hash(
                    tuple(
                        (v.casefold() if type(v) is str else text(v).casefold())
                        for v in map(values.__getitem__, self.row_key)
                    )
                )
                yield Row(row.number, values), key

    def _key_names(self) -> str:
        return ", ".join(str(self.column(key).label) for key in self.row_key)

    # -- applying ----------------------------------------------------------------------------

    def apply(self, rows: Iterable[Row], context: Context, errors: Errors) -> dict:
        """Write the rows through the services as they come; errors go to `errors`. Returns a
        summary."""
        created = 0
        for row in rows:
            if self.apply_row(row, context, errors):
                created += 1
        return {"created": created}

    def apply_row(self, row: Row, context: Context, errors: Errors) -> bool:
        """One row through `write_row` in a savepoint, so a refused row leaves the
        transaction usable for the next (every row is checked, the file is refused whole)."""
        try:
            with transaction.atomic():
                self.write_row(row.values, context)
        except ValidationError as error:
            self.add_service_errors(row.number, error, errors)
            return False
        except PermissionDenied:
            errors.add(row.number, "", _("You may not record this row."))
            return False
        except IntegrityError:
            errors.add(
                row.number,
                self.row_key[0] if self.row_key else "",
                _("This row is already recorded (%(key)s).") % {"key": self._key_names()},
            )
            return False
        return True

    def write_row(self, values: dict, context: Context) -> None:
        raise NotImplementedError

    def add_service_errors(self, row: int, error: ValidationError, errors: Errors) -> None:
        if hasattr(error, "error_dict"):
            for field_name, messages in error.message_dict.items():
                for message in messages:
                    errors.add(row, self.column_of(field_name), message)
        else:
            for message in error.messages:
                errors.add(row, "", message)

    def effects(self, context: Context) -> list[dict]:
        """What the applied rows change beyond themselves (a ledger file: its donors' shares,
        before and after), read in the check's transaction once they are applied."""
        return []
