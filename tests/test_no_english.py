"""Every page of every role, in Chinese and in Uyghur, on the demo: no text of the English
catalogue shows where the reader sees it (text, a button's label, a placeholder, a tooltip), and
Uyghur dates are in Uyghur words. What people typed (names, titles, descriptions) is theirs to
write in any language and is left out; interface text built in code or stored in the database in
English is what this catches."""

import re
from html.parser import HTMLParser

import pytest
from babel.messages.pofile import read_po
from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import translation

from counterpart.audit.changes import readable
from counterpart.audit.models import AuditEvent
from counterpart.demo.places import DEMO_PASSWORD, USERS
from tests import walk

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


def english_catalogue(language: str) -> tuple[set[str], list[re.Pattern]]:
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


def typed_by_people() -> tuple[set[str], set[str]]:
    """What people typed into the demo's records, left out wherever it shows; and the English
    names and titles that have a Chinese one, which a Chinese or Uyghur page must not show."""
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
    return typed - named, named


def english_in(text: str, whole: set[str], patterns: list[re.Pattern], typed, named) -> str:
    if any(text in value for value in typed):
        return ""
    for run in LATIN_RUN.findall(text):
        run = run.strip(" ,.:;/()&")
        if (run in whole or run in named) and not any(run in value for value in typed):
            return run
    for pattern in patterns:
        found = pattern.search(text)
        if found and not any(found.group(0) in value for value in typed):
            return found.group(0)
    return ""


def audit_in_english() -> dict:
    """Every event the demo wrote, as the log shows it (beyond the pages the walk opens): its
    kind of record, its event and every field's label are in the reader's language."""
    found = {}
    events = list(AuditEvent.objects.order_by("pk"))
    with translation.override("en"):
        english = readable(events, whole=True)
    for language in ("zh-hans", "ug"):
        with translation.override(language):
            shown = readable(events, whole=True)
        for en, there in zip(english, shown, strict=True):
            pairs = [(en.name, there.name), (en.object_type_name, there.object_type_name)]
            pairs += [(a.label, b.label) for a, b in zip(en.changes, there.changes, strict=True)]
            for words_en, words_there in pairs:
                if str(words_en) == str(words_there) and re.search("[a-z]{2}", str(words_en)):
                    where = f"/audit/{there.event.pk}/ ({there.event.event_type})"
                    found.setdefault((language, str(words_en)), set()).add(where)
    return found


@walk.SHOWN_THE_SAME_ON_EVERY_DATABASE
@pytest.mark.django_db
def test_no_english_on_chinese_or_uyghur_pages(client):
    walk.load_demo()
    typed, named = typed_by_people()
    addresses = walk.addresses()
    found: dict[tuple[str, str], set[str]] = {}
    for language in ("zh-hans", "ug"):
        whole, patterns = english_catalogue(language)
        for username in [None, *[row["username"] for row in USERS]]:
            client.logout()  # which forgets the cookies
            if username:
                client.login(username=username, password=DEMO_PASSWORD)
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
            for address in addresses:
                answer = client.get(address)
                if answer.status_code != 200 or "html" not in answer.get("Content-Type", ""):
                    continue
                parser = VisibleText()
                parser.feed(answer.content.decode())
                for text in parser.texts:
                    english = english_in(text, whole, patterns, typed, named)
                    if not english and language == "ug" and not any(text in v for v in typed):
                        english = "".join(ENGLISH_TIME.findall(text))
                    if english:
                        found.setdefault((language, english), set()).add(address)
    found.update(audit_in_english())
    report = "\n".join(
        f"{language}: {english!r} on {len(where)} pages, e.g. {sorted(where)[0]}"
        for (language, english), where in sorted(found.items())
    )
    assert not found, f"{len(found)} English texts:\n{report}"
