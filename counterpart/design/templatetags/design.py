from django import template
from django.template.defaultfilters import floatformat

from counterpart.engine.money import format_minor

register = template.Library()


@register.filter
def yuan(value):
    """{{ 1234.5|yuan }} -> ¥1,234.50; — for no figure."""
    return "—" if value is None else format_minor(round(value * 100), "CNY")


@register.filter
def percent(share):
    """{{ 0.0123|percent }} -> 1.23 %"""
    return "—" if share is None else f"{floatformat(share * 100, 2)} %"
