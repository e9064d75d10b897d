"""An id named in a request, found among the rows the caller may see, or an error naming the
field (house rules 5 and 8): what is not visible reads the same as what does not exist."""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet


def visible_or_error(rows: QuerySet, pk: int | None, *, field: str, message: str):
    """The row of `rows` with this id, None for no id; `message` may hold %(id)s."""
    if pk is None:
        return None
    found = rows.filter(pk=pk).first()
    if found is None:
        raise ValidationError({field: message % {"id": pk}})
    return found
