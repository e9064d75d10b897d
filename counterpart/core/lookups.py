"""An id named in a request, found among the rows the caller may see, or an error naming the
field (house rules 5 and 8): what is not visible reads the same as what does not exist."""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _


def visible_or_error(rows: QuerySet, pk: int | None, *, field: str, message: str):
    """The row of `rows` with this id, None for no id; `message` may hold %(id)s."""
    if pk is None:
        return None
    found = rows.filter(pk=pk).first()
    if found is None:
        raise ValidationError({field: message % {"id": pk}})
    return found


def chosen(rows: QuerySet, raw: str | None):
    """The row of `rows` a filter in the address names (`?organization=7`), or None when it
    names none, names something that is not an id, or names a row the caller may not see."""
    if not raw or not raw.isdigit() or len(raw) > 18:
        return None
    return rows.filter(pk=int(raw)).first()


def related_or_error(model, field: str, pk: int):
    """The object `model.<field>` would point to with this id, or an error naming `<field>_id`:
    for services handed an id by the API, whose app may not import the related one's."""
    related = model._meta.get_field(field).related_model
    found = related._default_manager.filter(pk=pk).first() if 0 < pk < 2**63 else None
    if found is None:
        raise ValidationError(
            {
                f"{field}_id": _("No %(kind)s has the id %(id)s.")
                % {"kind": related._meta.verbose_name, "id": pk}
            }
        )
    return found
