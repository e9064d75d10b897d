"""Many rows in few statements, for the ledger's bulk path.

Django's `bulk_create` compiles every field of every object through the ORM (and on SQLite caps a
statement at 999 parameters): at a million entries that costs more than the database's own work.
Here one statement carries as many rows as the database takes, and values pass as they are,
except dates and times, which go through the backend's own adapters.
"""

import sqlite3
from operator import attrgetter

from django.db import connection, models
from django.utils import timezone

POSTGRESQL_MAX_PARAMETERS = 65_535
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
    adapters = [(index, adapt) for index, f in enumerate(fields) if (adapt := _adapter(f))]
    quote = connection.ops.quote_name
    head = (
        f"INSERT INTO {quote(model._meta.db_table)} "
        f"({', '.join(quote(f.column) for f in fields)}) VALUES "
    )
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    per_statement = max(1, _max_parameters() // len(fields))
    with connection.cursor() as cursor:
        for start in range(0, len(objects), per_statement):
            chunk = objects[start : start + per_statement]
            params = []
            for obj in chunk:
                values = list(values_of(obj))
                for index, adapt in adapters:
                    values[index] = adapt(values[index])
                params.extend(values)
            cursor.execute(
                head + ", ".join([row] * len(chunk)) + f" RETURNING {quote(pk.column)}", params
            )
            for obj, (key,) in zip(chunk, cursor.fetchall(), strict=True):
                obj.pk = key
                obj._state.adding = False
                obj._state.db = connection.alias


def _adapter(field: models.Field):
    """None where the driver takes the Python value as it is."""
    if isinstance(field, models.DateTimeField):
        return connection.ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return connection.ops.adapt_datefield_value
    plain = (models.CharField, models.TextField, models.IntegerField, models.BooleanField)
    if isinstance(field, (*plain, models.ForeignKey)):
        return None
    return lambda value: field.get_db_prep_save(value, connection)


def _max_parameters() -> int:
    if connection.vendor == "postgresql":
        return POSTGRESQL_MAX_PARAMETERS
    connection.ensure_connection()
    try:
        return connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    except AttributeError:
        return SQLITE_FALLBACK_PARAMETERS
