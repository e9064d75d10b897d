"""The search entries follow every save and delete of a record they are made of."""

from django.db import connections
from django.db.models.signals import post_delete, post_migrate, post_save

from counterpart.projects.signals import counting_changed
from counterpart.search import services
from counterpart.search.models import Entry


def _saved(sender, instance, **kwargs):
    services.search_entries_follow(instance)


def _deleted(sender, instance, **kwargs):
    services.search_entries_follow(instance, deleted=True)


def _counted_again(sender, project, **kwargs):
    """A project's sector shares are written in bulk, without a save of their own."""
    services.search_entries_follow(project)


def _migrated(sender, using="default", **kwargs):
    """Records a migration made (the places of GB/T 2260) are found too."""
    if sender.name != "counterpart.search":
        return
    if Entry._meta.db_table in connections[using].introspection.table_names():
        services.search_entries_fill()


def connect() -> None:
    for model in services.TOUCHES:
        post_save.connect(_saved, sender=model, dispatch_uid=f"search-saved-{model.__name__}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"search-gone-{model.__name__}")
    counting_changed.connect(_counted_again, dispatch_uid="search-counted-again")
    post_migrate.connect(_migrated, dispatch_uid="search-migrated")
