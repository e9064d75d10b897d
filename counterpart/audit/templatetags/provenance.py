from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from counterpart.audit.selectors import illustrative_ids

register = template.Library()


@register.simple_tag
def illustrative(record) -> str:
    """{% illustrative sale %}: a mark beside a record whose figures were made up (the demo's).
    One query per record: for short lists; long ones say it once, in a note."""
    if record is None or record.pk not in illustrative_ids(type(record), [record.pk]):
        return ""
    return format_html('<span class="tag low">{}</span>', _("illustrative"))
