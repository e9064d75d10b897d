"""The IATI Standard ruleset (a JSON document of rules over XPath contexts, as the IATI
Validator applies it), evaluated with lxml: the schema says a file is well formed, the ruleset
says it makes sense (identifiers, sector percentages, dates, budget periods).

Rules that ask the IATI Registry (`idCondition`) are applied as if the identifier were not
registered, the stricter reading. A rule of a kind this module does not know is an error, so
a newer ruleset never passes by being skipped."""

import datetime
import json
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from lxml import etree

NOW = "NOW"


@dataclass(frozen=True)
class Finding:
    rule: str  # the ruleset's id, such as 2.1.2
    severity: str  # error or warning
    message: str
    where: str  # the context element's path in the file

    def __str__(self) -> str:
        return f"{self.severity} {self.rule} at {self.where}: {self.message}"


def load(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def check(document: etree._ElementTree, ruleset: dict, *, today: datetime.date) -> list[Finding]:
    """Every case of every rule in every context of the document."""
    findings: list[Finding] = []
    tree = document.getroottree() if hasattr(document, "getroottree") else document
    for context, rules in ruleset.items():
        for element in tree.xpath(context):
            for name, body in rules.items():
                for case in body.get("cases", []):
                    findings.extend(_case(tree, element, name, case, today))
    return findings


def _case(tree, element, name: str, case: dict, today) -> list[Finding]:
    if name == "loop":
        return _loop(tree, element, case, today)
    if "condition" in case and not _true(element, case["condition"]):
        return []
    passed = RULES[name](element, case, today)
    if passed:
        return []
    info = case.get("ruleInfo", {})
    return [
        Finding(
            rule=info.get("id", name),
            severity=info.get("severity", "error"),
            message=info.get("message", name),
            where=tree.getpath(element),
        )
    ]


def _loop(tree, element, case: dict, today) -> list[Finding]:
    findings = []
    values = sorted({_text(v) for v in element.xpath(case["foreach"])})
    subs = case.get("subs")
    for value in values:
        for name, body in case["do"].items():
            for inner in body.get("cases", []):
                filled = {
                    key: _substitute(item, value) if subs is None or key in subs else item
                    for key, item in inner.items()
                }
                if subs is not None and "condition" in inner and "condition" not in subs:
                    filled["condition"] = _substitute(inner["condition"], value)
                findings.extend(_case(tree, element, name, filled, today))
    return findings


def _substitute(item, value: str):
    if isinstance(item, str):
        return item.replace("$1", value)
    if isinstance(item, list):
        return [_substitute(part, value) for part in item]
    return item


def _true(element, xpath: str) -> bool:
    return bool(element.xpath(f"boolean({xpath})"))


def _text(found) -> str:
    if isinstance(found, str):
        return str(found)
    if isinstance(found, etree._Element):
        return found.text or ""
    return str(found)


def _matches(element, paths: list[str]) -> list:
    found = []
    for path in paths:
        result = element.xpath(path)
        found.extend(result if isinstance(result, list) else [result])
    return found


def _day(text: str, today: datetime.date) -> datetime.date | None:
    if text == NOW:
        return today
    try:
        return datetime.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def _dates(element, path: str, today) -> list[datetime.date]:
    if path == NOW:
        return [today]
    return [d for d in (_day(_text(v), today) for v in element.xpath(path)) if d is not None]


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text.strip())
    except (InvalidOperation, AttributeError):
        return None


# -- the rules: each True when the case holds -------------------------------------------------


def _atleast_one(element, case, today) -> bool:
    return bool(_matches(element, case["paths"]))


def _no_more_than_one(element, case, today) -> bool:
    return len(_matches(element, case["paths"])) <= 1


def _unique(element, case, today) -> bool:
    texts = [_text(v) for v in _matches(element, case["paths"])]
    return len(texts) == len(set(texts))


def _startswith(element, case, today) -> bool:
    if case["prefix"] == ["ORG-ID-PREFIX"]:
        return True  # the list of registered agencies is the Registry's: not here
    prefixes = [_text(v) for v in _matches(element, case["prefix"])]
    separator = case.get("separator", "")
    return all(
        any(_text(v).startswith(f"{prefix}{separator}") for prefix in prefixes if prefix)
        for v in _matches(element, case["paths"])
    )


# `all` names a requirement on every element of a kind when `one` is missing.
ONE_OR_ALL = {
    "lang": ".//narrative[not(@xml:lang)]",
    "sector": "transaction[not(sector)]",
    "currency": ".//value[not(@currency)]",
}


def _one_or_all(element, case, today) -> bool:
    if element.xpath(case["one"]):
        return True
    missing = ONE_OR_ALL[case["all"]]  # KeyError: a requirement this module does not know
    return not element.xpath(missing)


def _date_now(element, case, today) -> bool:
    return all(d <= today for d in _dates(element, case["date"], today))


def _date_order(element, case, today) -> bool:
    less, more = _dates(element, case["less"], today), _dates(element, case["more"], today)
    return all(a <= b for a in less for b in more)


def _time_limit(element, case, today) -> bool:
    for start in _dates(element, case["start"], today):
        for end in _dates(element, case["end"], today):
            try:
                limit = start.replace(year=start.year + 1)
            except ValueError:  # 29 February
                limit = start.replace(year=start.year + 1, day=28)
            if end > limit:
                return False
    return True


def _between_dates(element, case, today) -> bool:
    starts, ends = _dates(element, case["start"], today), _dates(element, case["end"], today)
    return all(
        all(s <= day for s in starts) and all(day <= e for e in ends)
        for day in _dates(element, case["date"], today)
    )


def _regex_matches(element, case, today) -> bool:
    pattern = re.compile(case["regex"])
    return all(pattern.search(_text(v)) for v in _matches(element, case["paths"]))


def _regex_no_matches(element, case, today) -> bool:
    pattern = re.compile(case["regex"])
    return not any(pattern.search(_text(v)) for v in _matches(element, case["paths"]))


def _no_spaces(element, case, today) -> bool:
    return all(_text(v) == _text(v).strip() for v in _matches(element, case["paths"]))


def _strict_sum(element, case, today) -> bool:
    values = [_number(_text(v)) for v in _matches(element, case["paths"])]
    if any(v is None for v in values):
        return False
    return sum(values, Decimal(0)) == Decimal(str(case["sum"]))


def _range(element, case, today) -> bool:
    low, high = (
        Decimal(str(case.get("min", "-Infinity"))),
        Decimal(str(case.get("max", "Infinity"))),
    )
    for found in _matches(element, case["paths"]):
        value = _number(_text(found))
        if value is None or not low <= value <= high:
            return False
    return True


def _if_then(element, case, today) -> bool:
    return not _true(element, case["if"]) or _true(element, case["then"])


def _only_one_of(element, case, today) -> bool:
    if _matches(element, case["excluded"]):
        return not _matches(element, case["paths"])
    return len(_matches(element, case["paths"])) == 1


def _dependent(element, case, today) -> bool:
    present = [bool(element.xpath(path)) for path in case["paths"]]
    return not any(present) or all(present)


RULES = {
    "atleast_one": _atleast_one,
    "no_more_than_one": _no_more_than_one,
    "unique": _unique,
    "startswith": _startswith,
    "one_or_all": _one_or_all,
    "date_now": _date_now,
    "date_order": _date_order,
    "time_limit": _time_limit,
    "between_dates": _between_dates,
    "regex_matches": _regex_matches,
    "regex_no_matches": _regex_no_matches,
    "no_spaces": _no_spaces,
    "strict_sum": _strict_sum,
    "sum": _strict_sum,
    "range": _range,
    "if_then": _if_then,
    "only_one_of": _only_one_of,
    "dependent": _dependent,
}
