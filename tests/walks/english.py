"""English where a Chinese or Uyghur reader looks: a text of the English catalogue shown as text,
a button's label, a placeholder or a tooltip, and English month names or "a.m." in Uyghur dates.
What people typed (names, titles, descriptions) is theirs to write in any language and is left
out; interface text built in code or stored in the database in English is what this catches."""

import functools
import re
from html.parser import HTMLParser

from babel.messages.pofile import read_po
from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import translation

from counterpart.audit.changes import readable
from counterpart.audit.models import AuditEvent
from counterpart.interchange.models import ImportFile

SHOWN_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")
HIDDEN_ELEMENTS = {"script", "style", "template", "code", "pre"}
LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z'’\-]*(?:[ ,.:;/()&]+[A-Za-z][A-Za-z'’\-]*)*")
ENGLISH_TIME = re.compile(
    r"\b[ap]\.m\.|\b(?:January|February|March|April|June|July|August|"
    r"September|October|November|December)\b"
)


VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class VisibleText(HTMLParser):
    """The text a reader sees: text nodes outside scripts and code, and the attributes a browser
    shows (tooltips, placeholders, the labels screen readers read, buttons' values). Text marked
    as in another language (`lang`, as the language switcher names each language in its own)
    is not the page's."""

    def __init__(self):
        super().__init__()
        self.texts: list[str] = []
        self._hidden = 0
        self._open: list[tuple[str, bool]] = []  # (tag, in another language)
        self._language = None

    def _foreign(self) -> bool:
        return any(foreign for _tag, foreign in self._open)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self._language = attrs.get("lang")
        if tag in HIDDEN_ELEMENTS:
            self._hidden += 1
        if tag not in VOID:
            foreign = bool(attrs.get("lang")) and attrs.get("lang") != self._language
            self._open.append((tag, foreign))
        if self._foreign() or (attrs.get("lang") and attrs["lang"] != self._language):
            return
        for name in SHOWN_ATTRIBUTES:
            if attrs.get(name):
                self.texts.append(attrs[name])
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.texts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in HIDDEN_ELEMENTS and self._hidden:
            self._hidden -= 1
        for index in range(len(self._open) - 1, -1, -1):  # close up to the matching tag
            if self._open[index][0] == tag:
                del self._open[index:]
                break

    def handle_data(self, data):
        if not self._hidden and not self._foreign() and data.strip():
            self.texts.append(" ".join(data.split()))


@functools.cache
def catalogue(language: str) -> tuple[set[str], list[re.Pattern]]:
    """The interface's English texts: whole ones, and those with placeholders as patterns.
    Texts the language's translation keeps as they are (API, the licences' names) are left
    out."""
    folder = {"zh-hans": "zh_Hans"}.get(language, language)
    path = settings.BASE_DIR / "locale" / folder / "LC_MESSAGES" / "django.po"
    with open(path, "rb") as po:
        catalogue = read_po(po)
    whole, patterns = set(), []
    for message in catalogue:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in ids:
            if not text or text in strings:
                continue
            if re.search(r"%(\(\w+\))?[sd]", text):
                parts = re.split(r"%(?:\(\w+\))?[sd]", text)
                if sum(len(p.strip(" ·:,.()")) for p in parts) >= 8:
                    patterns.append(re.compile(".+?".join(re.escape(p) for p in parts)))
            elif re.search(r"[A-Za-z]{2}", text):
                whole.add(" ".join(text.split()))
    return whole, patterns


TRANSLATED = {"name_en": ("name_zh", "name_ug"), "title_en": ("title_zh",)}
PEOPLES_DATA = {
    "places",
    "pairings",
    "funding",
    "projects",
    "talent",
    "care",
    "exchanges",
    "enterprise",
    "accounts",
}


def typed_by_people() -> tuple[str, set[str]]:
    """What people typed into the demo's records, left out wherever it shows (one text, its
    values apart on lines of their own: a text is in one of them when it is in the whole); and
    the English names and titles that have a Chinese one, which a Chinese or Uyghur page must
    not show."""
    typed, named = set(), set()
    for model in apps.get_models():
        if model._meta.app_label not in PEOPLES_DATA:
            continue
        fields = [
            field.name
            for field in model._meta.concrete_fields
            if isinstance(field, (models.CharField, models.TextField)) and not field.choices
        ]
        for row in model.objects.values(*fields) if fields else []:
            for field, value in row.items():
                value = " ".join((value or "").split())
                translated = any(row.get(other) for other in TRANSLATED.get(field, ()))
                if value:
                    (named if translated else typed).add(value)
    for summary in ImportFile.objects.values_list("summary", flat=True):
        typed.update(summary.get("headers", {}).values())  # the headers files were written with
    return "\n".join(sorted(typed - named)), named


def english_on(html: str, language: str, typed: str, named: set[str]) -> set[str]:
    """The English texts a page in `language` shows, apart from what people typed."""
    whole, patterns = catalogue(language)
    parser = VisibleText()
    parser.feed(html)
    found = set()
    for text in parser.texts:
        if text in typed:
            continue
        english = _english_in(text, whole, patterns, typed, named)
        if not english and language == "ug":
            english = "".join(ENGLISH_TIME.findall(text))
        if english:
            found.add(english)
    return found


def _english_in(text: str, whole: set[str], patterns: list[re.Pattern], typed, named) -> str:
    for run in LATIN_RUN.findall(text):
        run = run.strip(" ,.:;/()&")
        if (run in whole or run in named) and run not in typed:
            return run
    for pattern in patterns:
        found = pattern.search(text)
        if found and found.group(0) not in typed:
            return found.group(0)
    return ""


def audit_in_english() -> dict:
    """Every event the demo wrote, as the log shows it (beyond the pages the walk opens): its
    kind of record, its event and every field's label are in the reader's language."""
    events = list(AuditEvent.objects.order_by("pk"))

    def words(language: str) -> list[list[str]]:  # read while the language is active
        with translation.override(language):
            return [
                [str(e.name), str(e.object_type_name), *(str(c.label) for c in e.changes)]
                for e in readable(events, whole=True)
            ]

    english, found = words("en"), {}
    for language in ("zh-hans", "ug"):
        for event, en, there in zip(events, english, words(language), strict=True):
            for words_en, words_there in zip(en, there, strict=True):
                if words_en == words_there and re.search("[a-z]{2}", words_en):
                    where = f"/audit/{event.pk}/ ({event.event_type})"
                    found.setdefault((language, words_en), set()).add(where)
    return found
