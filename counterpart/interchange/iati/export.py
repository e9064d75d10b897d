"""IATI 2.03 `iati-activities` and `iati-organisations` files, written as a stream (one
activity in memory at a time, projects read in chunks) so that twenty thousand activities with a
million transactions fit in a few hundred MiB.

What goes in: published, approved projects whose donor has an IATI organisation identifier,
with their approved ledger entries (in their own currency and value date, never the CNY copy),
annual budgets, results and document links. Promises dated in the future are planned
disbursements, not transactions. IATI's ODA-specific codes (flow, finance, aid type) are left
out unless the office sets them: these are domestic transfers, not aid."""

import datetime
import gc
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from lxml import etree

from counterpart.core.memory import cyclic_gc_paused
from counterpart.engine.money import minor_digits, split_by_weights
from counterpart.funding import selectors as funding
from counterpart.funding.choices import TransactionKind
from counterpart.places import selectors as places
from counterpart.projects import selectors as projects

VERSION = "2.03"
CHUNK = 500  # projects read and written at a time
ZH = "zh"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ADMINISTRATIVE = "CN-ADM-"  # a location's reference: the place's GB/T 2260 code after it
OWN_VOCABULARIES = ("98", "99")  # a publisher's own sector codes: each needs its name
# How the programme's kinds of organization are typed in IATI's OrganisationType list.
ORGANISATION_TYPE = {
    "province": "11",
    "municipality": "11",
    "city": "11",
    "local_government": "11",
    "central_agency": "10",
    "state_enterprise": "15",
    "hospital": "15",
    "school": "80",
    "university": "80",
    "company": "70",
    "ngo": "22",
}
PROMISES = {TransactionKind.COMMITMENT, TransactionKind.PLEDGE}
ENTRY = (  # what an activity shows of a ledger entry
    "project_id",
    "kind",
    "value_date",
    "amount_minor",
    "currency_id",
    "description",
    "reference",
    "provider_id",
    "receiver_id",
)
WEB_PAGE = "A12"  # DocumentCategory: activity web page


@dataclass
class Codes:
    """What the office chose to declare for every activity (empty: left out), and whether a
    total budget is spread over the project's years where it has no yearly ones."""

    flow_type: str = ""
    finance_type: str = ""
    aid_type: str = ""
    spread_budgets: bool = False


@dataclass(frozen=True)
class Budget:
    start: datetime.date
    end: datetime.date
    amount_minor: int
    currency: str


def budgets_of(project, *, spread: bool) -> list[Budget]:
    """A project's yearly budgets; with `spread`, a project that has none but a total budget
    and both ends dated gets the total shared over its years by their days (parts exact)."""
    yearly = [
        Budget(
            datetime.date(b.year, 1, 1), datetime.date(b.year, 12, 31), b.amount_minor, b.currency
        )
        for b in project.budgets.all()
    ]
    start = project.planned_start or project.actual_start
    end = project.planned_end or project.actual_end
    if yearly or not spread or not project.budget_minor or not start or not end or end < start:
        return yearly
    periods = [
        (max(start, datetime.date(year, 1, 1)), min(end, datetime.date(year, 12, 31)))
        for year in range(start.year, end.year + 1)
    ]
    days = [(last - first).days + 1 for first, last in periods]
    parts = split_by_weights(project.budget_minor, days)
    return [
        Budget(first, last, part, project.currency)
        for (first, last), part in zip(periods, parts, strict=True)
    ]


@dataclass
class Outcome:
    activities: int = 0
    transactions: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (project code, why)


def amount(amount_minor: int, currency: str) -> str:
    """Minor units as the decimal IATI writes ('123450' CNY -> '1234.50')."""
    digits = minor_digits(currency)
    return str(Decimal(amount_minor).scaleb(-digits)) if digits else str(amount_minor)


def _narratives(parent, english: str, chinese: str = "") -> None:
    if english:
        etree.SubElement(parent, "narrative").text = english
    if chinese:
        etree.SubElement(parent, "narrative", {XML_LANG: ZH}).text = chinese


def _organisation(parent, tag: str, organization, **attributes) -> None:
    """An organization element: its identifier where it has one, its names always."""
    if organization.iati_ref:
        attributes["ref"] = organization.iati_ref
    kind = ORGANISATION_TYPE.get(organization.kind)
    if kind:
        attributes["type"] = kind
    element = etree.SubElement(parent, tag, attributes)
    _narratives(element, organization.name_en, organization.name_zh)


def _date(parent, tag: str, day: datetime.date, **attributes) -> None:
    etree.SubElement(parent, tag, {**attributes, "iso-date": day.isoformat()})


def _value(parent, amount_minor: int, currency: str, day: datetime.date) -> None:
    element = etree.SubElement(
        parent, "value", {"currency": currency, "value-date": day.isoformat()}
    )
    element.text = amount(amount_minor, currency)


class ActivityWriter:
    def __init__(self, *, codes: Codes, today: datetime.date):
        self.codes = codes
        self.today = today
        self.organizations = {o.pk: o for o in places.organization_list(actor=None)}
        self.accountable = {
            o.region_id: o
            for o in places.organization_list(actor=None, kind="local_government").order_by("pk")
        }

    def activities(self, chunk: list, outcome: Outcome) -> Iterable[etree._Element]:
        """Each project of the chunk as an iati-activity element (or skipped, with why)."""
        ids = [p.pk for p in chunk]
        entries = defaultdict(list)
        rows = funding.entries_for_publication(project_ids=ids).values_list(*ENTRY, named=True)
        for entry in rows.iterator(chunk_size=5000):  # tuples: a model instance costs 20 µs
            entries[entry.project_id].append(entry)
        indicators = defaultdict(list)
        for indicator in projects.results_for_publication(project_ids=ids):
            indicators[indicator.result.project_id].append(indicator)
        for project in chunk:
            if not (project.planned_start or project.actual_start):
                outcome.skipped.append((project.code, "no start date"))
                continue
            outcome.activities += 1
            element = self.activity(project, entries[project.pk], indicators[project.pk], outcome)
            yield element

    def activity(self, project, entries: list, indicators: list, outcome: Outcome):
        donor = project.pairing.donor
        updated = min(project.updated_at, timezone.now())
        activity = etree.Element(
            "iati-activity",
            {
                "last-updated-datetime": updated.replace(microsecond=0).isoformat(),
                XML_LANG: "en",
                "default-currency": project.currency,
            },
        )
        etree.SubElement(activity, "iati-identifier").text = f"{donor.iati_ref}-{project.code}"
        _organisation(activity, "reporting-org", donor)
        _narratives(etree.SubElement(activity, "title"), project.title_en, project.title_zh)
        self._description(activity, project)
        _organisation(activity, "participating-org", donor, role="1")
        authority = self.accountable.get(project.pairing.recipient_id)
        if authority is not None:
            _organisation(activity, "participating-org", authority, role="2")
        if project.implementer is not None:
            _organisation(activity, "participating-org", project.implementer, role="4")
        etree.SubElement(activity, "activity-status", code=project.status)
        self._dates(activity, project)
        etree.SubElement(activity, "recipient-country", code="CN")
        for region, place in self._locations(project):
            self._location(activity, region, place)
        for vocabulary, code, percentage in _dac_split(project.sectors.all()):
            etree.SubElement(
                activity, "sector", vocabulary=vocabulary, code=code, percentage=str(percentage)
            )
        for other in project.other_sectors.all():
            attributes = {"vocabulary": other.vocabulary, "code": other.code}
            if other.uri:
                attributes["vocabulary-uri"] = other.uri
            if other.percentage is not None:
                attributes["percentage"] = f"{other.percentage.normalize():f}"
            sector = etree.SubElement(activity, "sector", attributes)
            if other.name or other.vocabulary in OWN_VOCABULARIES:  # the standard asks one
                _narratives(sector, other.name or other.code, "")
        self._codes(activity)
        for budget in budgets_of(project, spread=self.codes.spread_budgets):
            self._budget(activity, budget)
        future = [e for e in entries if e.kind in PROMISES and e.value_date > self.today]
        for entry in future:
            self._planned(activity, entry, authority)
        for entry in entries:
            if entry.value_date > self.today:
                continue  # a promise dated ahead is planned above; money never moves ahead
            self._transaction(activity, entry, authority)
            outcome.transactions += 1
        for document in project.documents.all():
            link = etree.SubElement(activity, "document-link", format="text/html", url=document.url)
            _narratives(etree.SubElement(link, "title"), document.title)
            etree.SubElement(link, "category", code=WEB_PAGE)
        self._results(activity, indicators)
        return activity

    def _description(self, activity, project) -> None:
        english, chinese = project.description_en, project.description_zh
        if not (english or chinese):  # IATI asks for one; say what the programme knows
            english = (
                f"{project.title_en}: a project of {project.pairing.donor.name_en} in "
                f"{project.region.name_en}, under the {project.pairing.round.year} pairing."
            )
        _narratives(etree.SubElement(activity, "description", type="1"), english, chinese)

    def _dates(self, activity, project) -> None:
        for kind, day in (
            ("1", project.planned_start),
            ("2", project.actual_start),
            ("3", project.planned_end),
            ("4", project.actual_end),
        ):
            if day is None or (kind in ("2", "4") and day > self.today):
                continue  # an actual date is never in the future
            _date(activity, "activity-date", day, type=kind)

    def _locations(self, project):
        yield project.region, None
        for place in project.places.all():
            yield place.region, place

    def _location(self, activity, region, place) -> None:
        # The place's GB/T 2260 code is the publisher's own reference: IATI's geographic
        # vocabularies (GAUL, SALB, GADM, ISO countries, GeoNames, OpenStreetMap) have no
        # entry for a country's own administrative codes, so no `administrative` is made up.
        # The point: the project's own for the place, else the seat of the place's government
        # (places/centres.py), which is approximate (exactness 2) for the region as a whole.
        ref = f"{ADMINISTRATIVE}{region.code}" if region.code.isdigit() else region.code
        location = etree.SubElement(activity, "location", ref=ref)
        _narratives(etree.SubElement(location, "name"), region.name_en, region.name_zh)
        own = place is not None and place.latitude is not None
        at = place if own else region
        if at.latitude is not None:
            point = etree.SubElement(
                location, "point", srsName="http://www.opengis.net/def/crs/EPSG/0/4326"
            )
            etree.SubElement(point, "pos").text = f"{at.latitude} {at.longitude}"
        if not own:
            if region.latitude is not None:
                etree.SubElement(location, "exactness", code="2")
            etree.SubElement(location, "location-class", code="1")  # an administrative region

    def _codes(self, activity) -> None:
        if self.codes.flow_type:
            etree.SubElement(activity, "default-flow-type", code=self.codes.flow_type)
        if self.codes.finance_type:
            etree.SubElement(activity, "default-finance-type", code=self.codes.finance_type)
        if self.codes.aid_type:
            etree.SubElement(activity, "default-aid-type", code=self.codes.aid_type, vocabulary="1")

    def _budget(self, activity, budget: Budget) -> None:
        element = etree.SubElement(activity, "budget", type="1", status="1")
        _date(element, "period-start", budget.start)
        _date(element, "period-end", budget.end)
        _value(element, budget.amount_minor, budget.currency, budget.start)

    def _receiver(self, element, entry, authority) -> None:
        """Who the money went to: the entry's receiver, else the recipient place's government
        (the pairing's other side)."""
        receiver = self.organizations.get(entry.receiver_id) or authority
        if receiver is not None:
            _organisation(element, "receiver-org", receiver)

    def _planned(self, activity, entry, authority) -> None:
        element = etree.SubElement(activity, "planned-disbursement", type="1")
        _date(element, "period-start", entry.value_date)
        _date(element, "period-end", entry.value_date)
        _value(element, entry.amount_minor, entry.currency_id, entry.value_date)
        _organisation(element, "provider-org", self.organizations[entry.provider_id])
        self._receiver(element, entry, authority)

    def _transaction(self, activity, entry, authority) -> None:
        attributes = {"ref": entry.reference} if entry.reference else {}
        element = etree.SubElement(activity, "transaction", attributes)
        etree.SubElement(element, "transaction-type", code=entry.kind)
        _date(element, "transaction-date", entry.value_date)
        _value(element, entry.amount_minor, entry.currency_id, entry.value_date)
        if entry.description:
            _narratives(etree.SubElement(element, "description"), entry.description)
        _organisation(element, "provider-org", self.organizations[entry.provider_id])
        self._receiver(element, entry, authority)

    def _results(self, activity, indicators: list) -> None:
        by_result = defaultdict(list)
        for indicator in indicators:
            by_result[indicator.result].append(indicator)
        for result, measured in by_result.items():
            element = etree.SubElement(
                activity, "result", type=result.kind, **{"aggregation-status": "0"}
            )
            _narratives(etree.SubElement(element, "title"), result.title_en, result.title_zh)
            for indicator in measured:
                self._indicator(element, indicator)

    def _indicator(self, result, indicator) -> None:
        element = etree.SubElement(
            result,
            "indicator",
            measure=indicator.measure,
            ascending="1" if indicator.ascending else "0",
        )
        _narratives(etree.SubElement(element, "title"), indicator.title_en, indicator.title_zh)
        if indicator.baseline_year and indicator.baseline_value is not None:
            etree.SubElement(
                element,
                "baseline",
                year=str(indicator.baseline_year),
                value=f"{indicator.baseline_value.normalize():f}",
            )
        for period in indicator.periods.all():
            if period.target is None and period.actual is None:
                continue
            node = etree.SubElement(element, "period")
            _date(node, "period-start", period.period_start)
            _date(node, "period-end", period.period_end)
            if period.target is not None:
                etree.SubElement(node, "target", value=f"{period.target.normalize():f}")
            if period.actual is not None:
                etree.SubElement(node, "actual", value=f"{period.actual.normalize():f}")


def write_activities(out, *, publisher=None, codes: Codes | None = None) -> Outcome:
    """Write the iati-activities file of one publisher (or of every one) to `out` (a path or a
    binary file)."""
    now = timezone.now().replace(microsecond=0)
    writer = ActivityWriter(codes=codes or Codes(), today=timezone.localdate())
    outcome = Outcome()
    chosen = projects.projects_for_publication(publisher=publisher)
    with cyclic_gc_paused(), etree.xmlfile(out, encoding="utf-8") as xml:
        xml.write_declaration()
        with xml.element(
            "iati-activities", version=VERSION, **{"generated-datetime": now.isoformat()}
        ):
            chunk = []
            for project in chosen.iterator(chunk_size=CHUNK):
                chunk.append(project)
                if len(chunk) == CHUNK:
                    _write_indented(xml, writer.activities(chunk, outcome))
                    chunk = []
                    gc.collect()  # once a chunk, not every few thousand objects
            _write_indented(xml, writer.activities(chunk, outcome))
            xml.write("\n")
    return outcome


def _write_indented(xml, elements: Iterable[etree._Element]) -> None:
    """Each element on its own lines, indented under the root: a file people can read and
    whose problems have lines of their own."""
    for element in elements:
        etree.indent(element, space="  ", level=1)
        xml.write("\n  ", element)


def write_organisations(out, *, publishers: list, codes: Codes | None = None) -> int:
    """The iati-organisations file: each publisher with its total budget by year (what its
    published projects plan for the year, per currency)."""
    spread = (codes or Codes()).spread_budgets
    now = timezone.now().replace(microsecond=0)
    with etree.xmlfile(out, encoding="utf-8") as xml:
        xml.write_declaration()
        with xml.element(
            "iati-organisations", version=VERSION, **{"generated-datetime": now.isoformat()}
        ):
            _write_indented(xml, (_organisation_element(o, now, spread) for o in publishers))
            xml.write("\n")
    return len(publishers)


def _organisation_element(organization, now, spread: bool):
    element = etree.Element(
        "iati-organisation",
        {
            "last-updated-datetime": min(organization.updated_at, now)
            .replace(microsecond=0)
            .isoformat(),
            XML_LANG: "en",
            "default-currency": "CNY",
        },
    )
    etree.SubElement(element, "organisation-identifier").text = organization.iati_ref
    _narratives(etree.SubElement(element, "name"), organization.name_en, organization.name_zh)
    _organisation(element, "reporting-org", organization)
    totals: dict[tuple[int, str], int] = defaultdict(int)
    for project in projects.projects_for_publication(publisher=organization):
        for budget in budgets_of(project, spread=spread):
            totals[(budget.start.year, budget.currency)] += budget.amount_minor
    for (year, currency), total in sorted(totals.items()):
        budget = etree.SubElement(element, "total-budget", status="1")
        start = datetime.date(year, 1, 1)
        _date(budget, "period-start", start)
        _date(budget, "period-end", datetime.date(year, 12, 31))
        _value(budget, total, currency, start)
    return element


def _dac_split(splits) -> list[tuple[str, str, int]]:
    """(vocabulary, code, percentage): the 5-digit codes as they are (vocabulary 1); a split
    holding a 3-digit category is given whole by category (vocabulary 2), since each
    vocabulary's percentages must come to 100."""
    splits = list(splits)
    if all(len(s.sector_id) == 5 for s in splits):
        return [("1", s.sector_id, s.percentage) for s in splits]
    by_category: dict[str, int] = {}
    for split in splits:
        category = split.sector_id[:3]
        by_category[category] = by_category.get(category, 0) + split.percentage
    return [("2", code, percentage) for code, percentage in by_category.items()]
