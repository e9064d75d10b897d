from django import template

from counterpart.engine.money import format_minor

register = template.Library()


@register.filter
def money(amount_minor, currency="CNY"):
    """{{ row.amount_minor|money:"CNY" }} -> ¥1,234.50"""
    if amount_minor is None:
        return ""
    return format_minor(int(amount_minor), currency or "CNY")
