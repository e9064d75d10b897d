from django import template

register = template.Library()


@register.simple_tag
def widget(field):
    """The field's input, described by its help text and its errors for screen readers."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
    attrs = {"aria-describedby": " ".join(described_by)} if described_by else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def chosen_filters(form) -> str:
    """A filter form's choices in words ("Donor: Beijing · Year: 2024"), for a printed page."""
    if not form.is_bound or not form.is_valid():
        return ""
    said = []
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if value is False or value in (None, "", [], ()):
            continue
        if not hasattr(value, "pk") and getattr(field, "choices", None):
            value = dict(field.choices).get(value, value)
        said.append(f"{field.label}: {value}")
    return " · ".join(said)
