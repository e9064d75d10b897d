"""IATI's code lists (from the standard's files beside the schemas): the active codes of a list,
with their English names, to check what the office declares."""

from functools import cache

from lxml import etree

from counterpart.interchange.iati.validate import standard_file


@cache
def items(name: str) -> dict[str, str]:
    """Active code -> English name of the code list `name` (such as "FlowType")."""
    document = etree.parse(str(standard_file(f"codelists/{name}.xml")))
    found = {}
    for item in document.iterfind("codelist-items/codelist-item"):
        if item.get("status", "active") != "active":
            continue
        english = item.find("name/narrative")
        found[item.findtext("code")] = english.text if english is not None else ""
    return found


def codes(name: str) -> set[str]:
    return set(items(name))
