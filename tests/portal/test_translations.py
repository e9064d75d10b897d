from pathlib import Path

from babel.messages.pofile import read_po

import counterpart

CATALOG = Path(counterpart.__file__).parent / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"


def test_every_string_has_a_simplified_chinese_translation():
    with CATALOG.open("rb") as handle:
        catalog = read_po(handle)
    untranslated = [
        m.id
        for m in catalog
        if m.id and (not m.string or m.fuzzy or (isinstance(m.string, tuple) and not all(m.string)))
    ]
    assert untranslated == []
