"""An activity's results, indicators and periods, recorded through the projects' services."""

from decimal import Decimal

from django.utils.translation import gettext as _

from counterpart.interchange.iati.parse import day, texts
from counterpart.projects import services
from counterpart.projects.choices import Measure, ResultKind


def _value(element) -> Decimal | None:
    return Decimal(element.get("value")) if element is not None and element.get("value") else None


def record_results(*, actor, element, project, language: str, historical: str = "") -> list[str]:
    """Record the activity's results (as history, with its reason, when the file is);
    returns what was left out (as the programme does not keep it): results of another type,
    qualitative and ordinal indicators."""
    skipped = []
    for result in element.findall("result"):
        kind = result.get("type")
        if kind not in ResultKind.values:
            skipped.append(_("a result of type %(type)s") % {"type": kind})
            continue
        title_en, title_zh = texts(result.find("title"), language)
        made = services.result_create(
            actor=actor, project=project, kind=kind, title_en=title_en, title_zh=title_zh
        )
        for indicator in result.findall("indicator"):
            if indicator.get("measure") not in Measure.values:
                skipped.append(_("a qualitative or ordinal indicator"))
                continue
            _record_indicator(actor, made, indicator, language, historical)
    return skipped


def _record_indicator(actor, result, element, language: str, historical: str) -> None:
    title_en, title_zh = texts(element.find("title"), language)
    baseline = element.find("baseline")
    indicator = services.indicator_create(
        actor=actor,
        result=result,
        title_en=title_en,
        title_zh=title_zh,
        measure=element.get("measure"),
        ascending=element.get("ascending", "1") in ("1", "true"),
        baseline_year=int(baseline.get("year")) if baseline is not None else None,
        baseline_value=_value(baseline),
    )
    for period in element.findall("period"):
        services.indicator_period_record(
            actor=actor,
            indicator=indicator,
            period_start=day(period.find("period-start")),
            period_end=day(period.find("period-end")),
            target=_value(period.find("target")),
            actual=_value(period.find("actual")),
            historical=historical,
        )
