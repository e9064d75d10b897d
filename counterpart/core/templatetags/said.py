from django import template

from counterpart.core import said

register = template.Library()


@register.filter
def worded(value) -> str:
    """{{ effect.rule|worded }}: a value kept as data, in the reader's language."""
    return said.worded(value)
