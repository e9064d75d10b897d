from django import template

from counterpart.accounts import permissions

register = template.Library()


@register.simple_tag(takes_context=True)
def seen_name(context, professional) -> str:
    """The professional's name for those who may see it, else their applicant number."""
    if permissions.may_see_professional_name(context["request"].user, professional):
        return professional.name
    return professional.applicant_label
