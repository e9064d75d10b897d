"""Reading an IATI 2.03 iati-activities file (the programme's own or another publisher's) into
projects and ledger entries, through the same services as the forms.

A file that is not schema-valid 2.03 XML is refused with the schema's message and line. Each
activity needs its funding organisation and its place known here: an identifier or place the
programme does not know is listed for a person to map once (the mapping is kept for the next
file). What cannot be said in the programme's terms (a transaction type it does not keep, a
qualitative indicator) is left out and listed, never guessed."""

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from lxml import etree

from counterpart.engine.money import minor_digits
from counterpart.funding import selectors as funding
from counterpart.funding.models import TransactionKind
from counterpart.funding.services import (
    BulkError,
    Entry,
    transaction_reverse,
    transactions_record_bulk,
)
from counterpart.interchange import selectors
from counterpart.interchange.iati import validate
from counterpart.interchange.iati.export import XML_LANG
from counterpart.interchange.kinds.base import Context, Errors
from counterpart.interchange.models import MappingKind
from counterpart.pairings import selectors as pairings
from counterpart.places import selectors as places
from counterpart.projects import selectors as projects
from counterpart.projects import services
from counterpart.projects.models import ActivityStatus, Measure, ResultKind

PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True
)
KEPT_TYPES = set(TransactionKind.values)
DAC_5 = {"1", ""}  # sector vocabularies of DAC 5-digit purpose codes
CODE_CHARS = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass
class Unmapped:
    organizations: dict[str, str] = field(default_factory=dict)  # ref -> a name in the file
    places: dict[str, str] = field(default_factory=dict)


def parse(data: bytes, errors: Errors):
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
    if document.getroot().get("version") != "2.03":
        errors.add(
            document.getroot().sourceline,
            "iati-activities",
            _("Only IATI version 2.03 files are read; this one says %(version)r.")
            % {"version": document.getroot().get("version")},
        )
        return None
    try:
        problems = validate.schema_errors(document)
    except validate.StandardMissing as missing:
        errors.add(0, "", str(missing))
        return None
    for problem in problems:
        line, _sep, message = problem.partition(": ")
        errors.add(int(line.removeprefix("line ") or 0), "", message)
    return None if errors else document


def _texts(element, default_language: str) -> tuple[str, str]:
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


def _day(element, attribute: str = "iso-date") -> datetime.date | None:
    if element is None or not element.get(attribute):
        return None
    return datetime.date.fromisoformat(element.get(attribute)[:10])


def _minor(text: str, currency: str) -> int:
    value = Decimal(text.strip()).scaleb(minor_digits(currency))
    if value != value.to_integral_value():
        raise ValueError(_("more decimals than %(currency)s has") % {"currency": currency})
    return int(value)


class Reader:
    """One file's activities applied as one person, with the mappings known so far."""

    def __init__(self, context: Context, errors: Errors):
        self.context, self.errors, self.actor = context, errors, context.actor
        self.unmapped = Unmapped()
        self.skipped: list[str] = []
        known = list(places.organization_list(actor=None))
        self.by_ref = {o.iati_ref: o for o in known if o.iati_ref}
        self.by_name = {}  # an exact name one organization has (a name two share is no key)
        for organization in known:
            for name in {organization.name_en, organization.name_zh} - {""}:
                self.by_name[name] = None if name in self.by_name else organization
        self.mappings = {(m.kind, m.ref): m for m in selectors.iati_mapping_list()}
        self.pairings = list(
            pairings.pairings_run_by(actor=self.actor).select_related("donor", "recipient")
        )
        self.counts = defaultdict(int)

    # -- who and where --------------------------------------------------------------------

    def organization(self, element, *, required: bool):
        if element is None:
            return None
        ref = (element.get("ref") or "").strip()
        name, name_zh = _texts(element, "en")
        found = self.by_ref.get(ref) if ref else None
        if found is None and not ref:
            found = self.by_name.get(name) or self.by_name.get(name_zh)
        key = ref or name
        mapped = self.mappings.get((MappingKind.ORGANIZATION, key))
        if found is None and mapped is not None:
            found = mapped.organization
        if found is None and required and key:
            self.unmapped.organizations[key] = name or ref
        return found

    def place(self, activity):
        """The activity's main place: its first location the programme knows by its
        administrative code ("CN-ADM-653201") or by a mapping."""
        for location in activity.findall("location"):
            ref = location.get("ref") or ""
            name, name_zh = _texts(location.find("name"), "en")
            if ref.startswith("CN-ADM-"):
                found = places.region_by_code(actor=self.actor, code=ref.removeprefix("CN-ADM-"))
                if found is not None:
                    return found
            key = ref or name or name_zh
            mapped = self.mappings.get((MappingKind.PLACE, key))
            if mapped is not None:
                return mapped.region
            if key:
                self.unmapped.places[key] = name or name_zh or ref
        return None

    def places_of(self, activity) -> list:
        found = []
        for location in activity.findall("location")[1:]:
            ref = location.get("ref") or ""
            if ref.startswith("CN-ADM-"):
                region = places.region_by_code(actor=self.actor, code=ref.removeprefix("CN-ADM-"))
                if region is not None:
                    found.append(region)
        return found

    def pairing(self, donor, region, start: datetime.date | None):
        candidates = [
            p
            for p in self.pairings
            if p.donor_id == donor.pk and (region is None or region.is_within(p.recipient))
        ]
        if len(candidates) > 1 and start is not None:
            candidates = [
                p
                for p in candidates
                if p.valid_from <= start and (p.valid_to is None or start <= p.valid_to)
            ] or candidates
        return candidates[0] if len(candidates) == 1 else None

    # -- one activity ---------------------------------------------------------------------

    def activity(self, element) -> bool:
        line = element.sourceline
        language = element.get(XML_LANG) or "en"
        currency = element.get("default-currency") or "CNY"
        identifier = (element.findtext("iati-identifier") or "").strip()
        reporting = element.find("reporting-org")
        funding_org = element.find("participating-org[@role='1']")
        donor = self.organization(
            funding_org if funding_org is not None else reporting, required=True
        )
        region = self.place(element)
        if donor is None or region is None:
            what = _("its funding organisation") if donor is None else _("its place")
            self.errors.add(
                line,
                "iati-activity",
                _("%(id)s: map %(what)s to the programme's below, then check again.")
                % {"id": identifier, "what": what},
            )
            return False
        dates = {d.get("type"): _day(d) for d in element.findall("activity-date")}
        start = dates.get("2") or dates.get("1")
        pairing = self.pairing(donor, region, start)
        if pairing is None:
            self.errors.add(
                line,
                "participating-org",
                _("%(id)s: %(donor)s has no pairing with %(place)s that you may record for.")
                % {"id": identifier, "donor": donor, "place": region},
            )
            return False
        try:
            with transaction.atomic():
                self._write(
                    element,
                    identifier,
                    reporting,
                    donor,
                    pairing,
                    region,
                    dates,
                    language,
                    currency,
                )
        except (ValidationError, PermissionDenied, ValueError, InvalidOperation) as problem:
            self._refused(line, identifier, problem)
            return False
        return True

    def _refused(self, line: int, identifier: str, problem) -> None:
        if isinstance(problem, PermissionDenied):
            messages = [_("You may not record this activity.")]
        elif isinstance(problem, ValidationError):
            messages = [
                f"{name}: {message}" if name != "__all__" else message
                for name, listed in getattr(
                    problem, "message_dict", {"__all__": problem.messages}
                ).items()
                for message in listed
            ]
        else:
            messages = [str(problem)]
        for message in messages:
            self.errors.add(line, "iati-activity", f"{identifier}: {message}")

    def _code(self, identifier: str, reporting) -> str:
        ref = (reporting.get("ref") or "").strip() if reporting is not None else ""
        code = (
            identifier[len(ref) + 1 :] if ref and identifier.startswith(f"{ref}-") else identifier
        )
        return CODE_CHARS.sub("-", code).strip("-")[:80] or "activity"

    def _write(
        self, element, identifier, reporting, donor, pairing, region, dates, language, currency
    ) -> None:
        code = self._code(identifier, reporting)
        if projects.project_by_code(actor=self.actor, code=code) is not None:
            raise ValidationError(
                {
                    "iati-identifier": _("A project with the code %(code)r is already here.")
                    % {"code": code}
                }
            )
        title_en, title_zh = _texts(element.find("title"), language)
        description_en, description_zh = _texts(element.find("description"), language)
        dac, others = self._sectors(element)
        implementer = self.organization(
            element.find("participating-org[@role='4']"), required=False
        )
        status = element.find("activity-status").get("code") or ActivityStatus.PIPELINE
        project = services.project_create(
            actor=self.actor,
            pairing=pairing,
            code=code,
            title_en=title_en or identifier,
            title_zh=title_zh,
            description_en=description_en,
            description_zh=description_zh,
            status=status if status in ActivityStatus.values else ActivityStatus.PIPELINE,
            region=region,
            implementer=implementer,
            planned_start=dates.get("1"),
            actual_start=dates.get("2"),
            planned_end=dates.get("3"),
            actual_end=dates.get("4"),
            currency=currency,
            is_published=True,
            sectors=dac or None,
        )
        if others:
            services.project_other_sectors_set(actor=self.actor, project=project, sectors=others)
        for place in self.places_of(element):
            services.project_place_add(actor=self.actor, project=project, region=place)
        self._budgets(element, project, currency)
        for link in element.findall("document-link"):
            title, _zh = _texts(link.find("title"), language)
            services.document_add(
                actor=self.actor,
                project=project,
                title=title or link.get("url"),
                url=link.get("url"),
            )
        self._results(element, project, language)
        self._money(element, project, pairing, currency)
        self.counts["activities"] += 1

    def _sectors(self, element) -> tuple[dict[str, int], list]:
        dac, others = {}, []
        known = self.context.once("sectors", lambda: {s.code for s in projects.sector_list()})
        for sector in element.findall("sector"):
            vocabulary, code = sector.get("vocabulary") or "1", sector.get("code")
            percentage = sector.get("percentage")
            if vocabulary in DAC_5 and code in known:
                dac[code] = int(Decimal(percentage or "100"))
            else:
                others.append((vocabulary, code, Decimal(percentage) if percentage else None))
        return dac, others

    def _budgets(self, element, project, currency: str) -> None:
        by_year: dict[tuple[int, str], int] = defaultdict(int)
        for budget in element.findall("budget"):
            value = budget.find("value")
            own = value.get("currency") or currency
            by_year[(_day(budget.find("period-start")).year, own)] += _minor(value.text, own)
        for (year, own), amount in sorted(by_year.items()):
            services.project_budget_set(
                actor=self.actor, project=project, year=year, amount_minor=amount, currency=own
            )

    def _results(self, element, project, language: str) -> None:
        for result in element.findall("result"):
            kind = result.get("type")
            if kind not in ResultKind.values:
                self.skipped.append(_("a result of type %(type)s") % {"type": kind})
                continue
            title_en, title_zh = _texts(result.find("title"), language)
            made = services.result_create(
                actor=self.actor,
                project=project,
                kind=kind,
                title_en=title_en,
                title_zh=title_zh,
            )
            for indicator in result.findall("indicator"):
                self._indicator(made, indicator, language)

    def _indicator(self, result, element, language: str) -> None:
        measure = element.get("measure")
        if measure not in Measure.values:
            self.skipped.append(_("a qualitative or ordinal indicator"))
            return
        title_en, title_zh = _texts(element.find("title"), language)
        baseline = element.find("baseline")
        indicator = services.indicator_create(
            actor=self.actor,
            result=result,
            title_en=title_en,
            title_zh=title_zh,
            measure=measure,
            ascending=element.get("ascending", "1") in ("1", "true"),
            baseline_year=int(baseline.get("year")) if baseline is not None else None,
            baseline_value=(
                Decimal(baseline.get("value"))
                if baseline is not None and baseline.get("value")
                else None
            ),
        )
        for period in element.findall("period"):
            target, actual = period.find("target"), period.find("actual")
            services.indicator_period_record(
                actor=self.actor,
                indicator=indicator,
                period_start=_day(period.find("period-start")),
                period_end=_day(period.find("period-end")),
                target=Decimal(target.get("value"))
                if target is not None and target.get("value")
                else None,
                actual=Decimal(actual.get("value"))
                if actual is not None and actual.get("value")
                else None,
            )

    def _money(self, element, project, pairing, currency: str) -> None:
        entries, negatives = [], []
        for planned in element.findall("planned-disbursement"):
            value = planned.find("value")
            own = value.get("currency") or currency
            entries.append(
                Entry(
                    kind=TransactionKind.COMMITMENT,
                    pairing=pairing,
                    project=project,
                    amount_minor=_minor(value.text, own),
                    currency=own,
                    value_date=_day(value, "value-date") or _day(planned.find("period-start")),
                )
            )
        for item in element.findall("transaction"):
            kind = item.find("transaction-type").get("code")
            if kind not in KEPT_TYPES:
                self.skipped.append(_("a transaction of type %(type)s") % {"type": kind})
                continue
            value = item.find("value")
            own = value.get("currency") or currency
            amount = _minor(value.text, own)
            day = _day(value, "value-date") or _day(item.find("transaction-date"))
            if amount < 0:
                negatives.append((kind, -amount, own, day, item.sourceline))
                continue
            description, _zh = _texts(item.find("description"), "en")
            provider = self.organization(item.find("provider-org"), required=False)
            entries.append(
                Entry(
                    kind=kind,
                    pairing=pairing,
                    project=project,
                    amount_minor=amount,
                    currency=own,
                    value_date=day,
                    provider=provider,
                    receiver=self.organization(item.find("receiver-org"), required=False),
                    description=description[:500],
                    reference=(item.get("ref") or "")[:60],
                )
            )
        if entries:
            try:
                transactions_record_bulk(actor=self.actor, entries=entries, source="IATI")
            except BulkError as refused:
                raise ValidationError(
                    [
                        f"{field}: {m}"
                        for fields in refused.row_errors.values()
                        for field, messages in fields.items()
                        for m in messages
                    ]
                ) from None
        self.counts["transactions"] += len(entries)
        for kind, amount, own, day, line in negatives:
            self._reverse(project, kind, amount, own, day, line)

    def _reverse(self, project, kind, amount, own, day, line) -> None:
        """A negative transaction reverses the entry it mirrors (same type, amount and
        currency, not yet reversed): the ledger only ever corrects by reversal."""
        original = (
            funding.entries_for_publication(project_ids=[project.pk])
            .filter(
                kind=kind,
                amount_minor=amount,
                currency_id=own,
                reverses__isnull=True,
                reversal__isnull=True,
            )
            .order_by("value_date", "id")
            .first()
        )
        if original is None:
            raise ValidationError(
                _(
                    "line %(line)s: a negative transaction that reverses no entry of the same "
                    "type, amount and currency."
                )
                % {"line": line}
            )
        transaction_reverse(
            actor=self.actor, transaction=original, reason=_("Reversed in IATI file")
        )
        self.counts["transactions"] += 1


def read(data: bytes, context: Context, errors: Errors, progress) -> dict:
    """Apply the file's activities (each all or nothing; the caller keeps or rolls back the
    whole); returns the summary, with what needs mapping."""
    document = parse(data, errors)
    if document is None:
        return {}
    reader = Reader(context, errors)
    activities = document.getroot().findall("iati-activity")
    for done, activity in enumerate(activities, start=1):
        reader.activity(activity)
        progress(done, len(activities), "activities")
    return {
        "created": reader.counts["activities"],
        "activities": len(activities),
        "transactions": reader.counts["transactions"],
        "skipped": sorted(set(reader.skipped)),
        "unmapped": {
            "organization": reader.unmapped.organizations,
            "place": reader.unmapped.places,
        },
    }


class IatiKind:
    """The IATI file as an importable kind: no template, a mapping step instead."""

    slug = "iati"
    title = gettext_lazy("IATI activities")
    description = gettext_lazy(
        "An iati-activities file (version 2.03), this programme's or another publisher's: "
        "activities become projects, with their budgets, results and transactions."
    )
    columns: list = []
    row_key: tuple = ()

    @staticmethod
    def may_import(actor) -> bool:
        return pairings.pairings_run_by(actor=actor).exists()

    def run(self, data: bytes, context: Context, errors: Errors, progress) -> tuple[int, dict]:
        summary = read(data, context, errors, progress)
        return summary.get("activities", 0), summary


IATI = IatiKind()
