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
