from django import template

from counterpart.talent.selectors import professional_label

register = template.Library()


@register.simple_tag(takes_context=True)
def seen_name(context, professional) -> str:
    """{% seen_name professional %}: the name, or the applicant number (see the selector)."""
    return professional_label(actor=context["request"].user, professional=professional)
