import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import counterpart

LOCALE = Path(counterpart.__file__).parent / "locale"


@pytest.mark.parametrize("language", ["zh_Hans", "ug"])
def test_every_string_has_a_translation(language):
    """Simplified Chinese and Uyghur: every string, with the same placeholders as the English."""
    with (LOCALE / language / "LC_MESSAGES" / "django.po").open("rb") as handle:
        catalog = read_po(handle)
    untranslated = [
        m.id
        for m in catalog
        if m.id and (not m.string or m.fuzzy or (isinstance(m.string, tuple) and not all(m.string)))
    ]
    assert untranslated == []
    placeholder = re.compile(r"%\([a-z_0-9]+\)[sdr]|%[sd]|%%")
    mismatched = [
        m.id
        for m in catalog
        if m.id
        and set(placeholder.findall(m.id if isinstance(m.id, str) else m.id[-1]))
        != set(placeholder.findall(m.string if isinstance(m.string, str) else m.string[-1]))
    ]
    assert mismatched == []


def forms_of_the_product() -> list[type]:
    """Every form class the product defines, its modules imported."""
    import importlib
    import pkgutil

    from django import forms

    for module in pkgutil.walk_packages(counterpart.__path__, "counterpart."):
        if module.name.rsplit(".", 1)[-1] == "forms" or ".forms." in module.name:
            importlib.import_module(module.name)
    found, pending = [], [forms.Form, forms.ModelForm]
    while pending:
        for subclass in pending.pop().__subclasses__():
            pending.append(subclass)
            if subclass.__module__.startswith("counterpart."):
                found.append(subclass)
    return found


@pytest.mark.parametrize("language", ["en", "zh-hans", "ug"])
def test_no_two_fields_of_a_form_read_the_same(language):
    """Labels name fields to the reader and to screen readers: two that read alike leave the
    reader guessing (Chinese had 数量 for both the volume and the unit of a sale)."""
    from django.utils import translation

    alike, found = [], forms_of_the_product()
    assert len(found) > 40  # the walk finds the forms
    with translation.override(language):
        for form in found:
            seen: dict[str, str] = {}
            for name, field in form.base_fields.items():
                label = str(field.label) if field.label else name
                if label in seen:
                    alike.append(f"{form.__module__}.{form.__name__}: {seen[label]}, {name}")
                seen[label] = name
    assert alike == []
