"""Many rows in few statements, for the bulk paths (a file's ledger entries and their reviews).

Django's `bulk_create` compiles every field of every object through the ORM (and on SQLite caps a
statement at 999 parameters): at a million entries that costs more than the database's own work.
Here values pass as they are, except dates and times, which go through the backend's adapters.
PostgreSQL takes the rows by COPY, with keys drawn from the table's sequence beforehand; SQLite
takes as many rows per INSERT as it has parameters, and returns their keys.
"""

import itertools
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from operator import attrgetter

from django.db import connection, models
from django.utils import timezone

SQLITE_FALLBACK_PARAMETERS = 999  # a SQLite built without a larger limit


def insert_rows(model: type[models.Model], objects: list[models.Model]) -> None:
    """Insert unsaved objects of a model with an auto primary key, and set their keys."""
    if not objects:
        return
    pk = model._meta.pk
    fields = [f for f in model._meta.concrete_fields if f is not pk]
    now = timezone.now()
    for field in fields:
        if getattr(field, "auto_now_add", False) or getattr(field, "auto_now", False):
            for obj in objects:
                if getattr(obj, field.attname) is None:
                    setattr(obj, field.attname, now)
    values_of = attrgetter(*(field.attname for field in fields))
    keys = insert_values(model, [f.attname for f in fields], [values_of(obj) for obj in objects])
    alias, pk_name = connection.alias, pk.attname
    for obj, key in zip(objects, keys, strict=True):
        obj.__dict__[pk_name] = key  # what `obj.pk = key` does, without its descriptors
        obj._state.adding = False
        obj._state.db = alias


def insert_values(model: type[models.Model], columns: list[str], rows: list) -> list[int]:
    """Insert rows given as values, in the order of `columns` (the fields' attnames: `round_id`),
    and return their keys: what `insert_rows` does without making a model object per row."""
    if not rows:
        return []
    fields = [model._meta.get_field(name) for name in columns]
    adapters = [(index, adapt) for index, f in enumerate(fields) if (adapt := _adapter(f))]
    if adapters:
        adapted = []
        for row in rows:
            values = list(row)
            for index, adapt in adapters:
                values[index] = adapt(values[index])
            adapted.append(values)
        rows = adapted
    if connection.vendor == "postgresql":
        return _copy(model, fields, rows)
    return _insert_returning(model, fields, rows)  # the caller of many raises SQLite's cache


BIG_INSERT_ROWS = 10_000
BIG_INSERT_CACHE_KIB = 512 * 1024


@contextmanager
def larger_sqlite_cache(rows: int):
    """Work on many rows at once with this SQLite connection's page cache raised for its
    duration: each row goes into every index of its table, and at a million rows the indexes
    outgrow the usual cache (inserts then wait on reads of index pages, a third of their time).
    Nothing changes on PostgreSQL, whose cache is the server's."""
    if rows < BIG_INSERT_ROWS or connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (usual,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size=-{BIG_INSERT_CACHE_KIB}")
        try:
            yield
        finally:
            cursor.execute(f"PRAGMA cache_size={int(usual)}")


def _copy(model, fields, rows) -> list[int]:
    quote, table, pk = connection.ops.quote_name, model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, pk, len(rows)],
        )
        keys = [key for (key,) in cursor.fetchall()]
        columns = ", ".join(quote(c) for c in [pk, *(f.column for f in fields)])
        with cursor.cursor.copy(f"COPY {quote(table)} ({columns}) FROM STDIN") as copy:
            for key, row in zip(keys, rows, strict=True):
                copy.write_row([key, *row])
    return keys


def _insert_returning(model, fields, rows) -> list[int]:
    quote, pk = connection.ops.quote_name, model._meta.pk.column
    head = (
        f"INSERT INTO {quote(model._meta.db_table)} "
        f"({', '.join(quote(f.column) for f in fields)}) VALUES "
    )
    placeholders = "(" + ", ".join(["?"] * len(fields)) + ")"
    per_statement = max(1, _sqlite_max_parameters() // len(fields))
    keys = []
    with connection.cursor() as cursor:
        # The driver's own cursor, with its own `?` placeholders: Django's would rewrite each
        # statement's 30,000 `%s` into `?` by regular expression, a tenth of the insert's time.
        raw = sqlite3.Cursor.execute
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            raw(
                cursor.cursor,
                head + ", ".join([placeholders] * len(chunk)) + f" RETURNING {quote(pk)}",
                [value for row in chunk for value in row],
            )
            keys.extend(key for (key,) in cursor.fetchall())
    return keys


def _adapter(field: models.Field):
    """None where the driver takes the Python value as it is. Dates repeat across rows, so
    their adapted form is remembered."""
    if isinstance(field, models.DateTimeField):
        return lru_cache(maxsize=1024)(connection.ops.adapt_datetimefield_value)
    if isinstance(field, models.DateField):
        return lru_cache(maxsize=1024)(connection.ops.adapt_datefield_value)
    plain = (models.CharField, models.TextField, models.IntegerField, models.BooleanField)
    if isinstance(field, (*plain, models.ForeignKey)):
        return None
    return lambda value: field.get_db_prep_save(value, connection)


def _sqlite_max_parameters() -> int:
    connection.ensure_connection()
    try:
        return connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    except AttributeError:
        return SQLITE_FALLBACK_PARAMETERS


def add_to_rows(model: type[models.Model], columns: list[str], changes: list[tuple]) -> None:
    """Add amounts to existing rows: each change is (the values to add to `columns`…, key).

    Increments rather than values read earlier, so a row stays right whatever committed since.
    PostgreSQL takes them all in one statement; SQLite runs one short statement per row.
    """
    if not changes:
        return
    quote = connection.ops.quote_name
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            types = [_sql_type(model, column) for column in columns]
            names = ", ".join(quote(c) for c in columns)
            cursor.execute(
                f"UPDATE {table} SET "
                + ", ".join(f"{quote(c)} = {table}.{quote(c)} + d.{quote(c)}" for c in columns)
                + f" FROM unnest({', '.join(f'%s::{t}[]' for t in types)}, %s::bigint[]) "
                f"AS d({names}, key) WHERE {table}.{pk} = d.key",
                [list(column) for column in zip(*changes, strict=True)],
            )
        else:
            cursor.executemany(
                f"UPDATE {table} SET "
                + ", ".join(f"{quote(c)} = {quote(c)} + %s" for c in columns)
                + f" WHERE {pk} = %s",
                changes,
            )


def _sql_type(model, column: str) -> str:
    return model._meta.get_field(column).db_type(connection).split("(")[0]


def chunks(items: Iterable, size: int = 900) -> Iterator[list]:
    """Items in lists of `size` (900: what a query's IN list takes on every database), read
    from a list or a stream as they are needed."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
