"""An IATI file read as XML: refused (with the line) unless it is a schema-valid 2.0x file
without a DOCTYPE, and the small readings every part of an activity needs (narratives, dates,
values). Versions 2.01 and 2.02 are read as 2.03: the standard's decimal upgrades only add to
it, so their files pass 2.03's schema and mean what they meant.

Publishers' files break the schema in parts the programme does not read (a `capital-spend`
without its percentage, in DFID's 2.01 files): such an element is left out with a note, and
only a problem in what is read refuses the file."""

import datetime
from decimal import Decimal

from django.utils.translation import gettext as _
from lxml import etree

from counterpart.engine.money import minor_digits
from counterpart.interchange.iati import validate
from counterpart.interchange.iati.export import XML_LANG
from counterpart.interchange.kinds.base import Context, Errors
from counterpart.interchange.phrases import UNREAD_ELEMENT

READ_VERSIONS = ("2.01", "2.02", "2.03")
# What the reader takes from an activity; whatever else an activity holds is not kept.
READ_ELEMENTS = frozenset(
    {
        "iati-identifier",
        "reporting-org",
        "title",
        "description",
        "participating-org",
        "activity-status",
        "activity-date",
        "recipient-country",
        "recipient-region",
        "location",
        "sector",
        "budget",
        "planned-disbursement",
        "transaction",
        "result",
        "document-link",
    }
)
PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True
)


def parse(data: bytes, errors: Errors, context: Context):
    """The document, or None with the XML's or the schema's problems (by line)."""
    try:
        document = etree.ElementTree(etree.fromstring(data, PARSER))
    except etree.XMLSyntaxError as error:
        errors.add(error.lineno or 0, "", _("Not XML: %(error)s") % {"error": error.msg})
        return None
    if document.docinfo.doctype:  # entities and external references have no place here
        errors.add(1, "", _("A file with a DOCTYPE declaration is not read."))
        return None
    if document.getroot().tag != "iati-activities":
        errors.add(0, "", _("This is not an iati-activities file."))
        return None
    if document.getroot().get("version") not in READ_VERSIONS:
        errors.add(
            document.getroot().sourceline,
            "iati-activities",
            _("IATI files of versions %(versions)s are read; this one says %(version)r.")
            % {"versions": ", ".join(READ_VERSIONS), "version": document.getroot().get("version")},
        )
        return None
    problems = validate.schema_problems(document)
    if problems and _left_out_unread(document, problems, context):
        problems = validate.schema_problems(document)
    for line, _path, message in problems:
        errors.add(line or 0, "", message)
    return None if errors else document


def _left_out_unread(document, problems, context: Context) -> bool:
    """Remove each element of an activity that breaks the schema and is not read, noting it;
    whether any was."""
    broken = {}
    for _line, path, _message in problems:
        parts = path.split("/")  # '', 'iati-activities', 'iati-activity[2]', 'capital-spend', …
        if len(parts) > 3 and parts[2].startswith("iati-activity"):
            top = "/".join(parts[:4])
            if parts[3].split("[")[0] not in READ_ELEMENTS:
                broken.setdefault(top, None)
    for top in broken:
        for element in document.xpath(top):
            activity = element.getparent()
            context.note(
                element.sourceline or 0,
                UNREAD_ELEMENT,
                id=(activity.findtext("iati-identifier") or "").strip(),
                element=element.tag,
            )
            activity.remove(element)
    return bool(broken)


def texts(element, default_language: str) -> tuple[str, str]:
    """The English and Chinese narratives of an element (the first of another language stands
    in for English when there is none)."""
    english = chinese = other = ""
    if element is None:
        return "", ""
    for narrative in element.findall("narrative"):
        language = (narrative.get(XML_LANG) or default_language or "en").lower()
        text = (narrative.text or "").strip()
        if language.startswith("zh"):
            chinese = chinese or text
        elif language == "en":
            english = english or text
        else:
            other = other or text
    return english or other, chinese


def day(element, attribute: str = "iso-date") -> datetime.date | None:
    if element is None or not element.get(attribute):
        return None
    return datetime.date.fromisoformat(element.get(attribute)[:10])


def minor(text: str, currency: str) -> int:
    value = Decimal(text.strip()).scaleb(minor_digits(currency))
    if value != value.to_integral_value():
        raise ValueError(_("more decimals than %(currency)s has") % {"currency": currency})
    return int(value)
