"""On PostgreSQL, a trigram index on the entries' text: a search for a word of three characters
or more reads the index instead of every entry. Where the extension cannot be made (a role
without the right), the search works as before, by reading the table."""

from django.db import DatabaseError, migrations, transaction

INDEX = "search_entry_text_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {INDEX} ON search_entry "
                "USING gin (text gin_trgm_ops)"
            )
    except DatabaseError:  # no right to make the extension: no index, the same results
        pass


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
