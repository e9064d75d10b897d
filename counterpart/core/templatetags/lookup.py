from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """{{ mapping|get_item:key }}: a dictionary's value for a key held in a variable."""
    return mapping.get(key) if hasattr(mapping, "get") else None
