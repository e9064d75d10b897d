"""What an IATI file names and the programme lacks, made from the file when the office says so
(`--create-missing`: another instance's export read into this one, even an empty one), before
its activities are read as usual:

- places, from a location's administrative code (`CN-ADM-653201`): a six-digit GB/T 2260 code
  brings its province and prefecture (named by their codes until the office names them), under
  the recipient country; another code, or another publisher's location (by its reference or
  name), is a county-level place under the country itself, unless it names the country; an
  activity without a location is placed in its recipient country, made with its names in the
  three languages (CLDR's, through Babel) when the programme lacks it;
- organisations, from their identifiers and names; an accountable one (role 2) is the
  government of the places of all its activities (the lowest place holding them);
- a pairing of each activity's funder with its accountable organisation's place (else the
  activity's own), in the round of the file's first date, made if there is none.

Nothing here overrides a mapping: an organisation or place the programme knows, or a reference
the office has mapped, is used as it is."""

import datetime
import hashlib
from collections import defaultdict

from babel import Locale
from django.utils.text import slugify

from counterpart.interchange.choices import MappingKind
from counterpart.interchange.iati.export import ADMINISTRATIVE, ORGANISATION_TYPE
from counterpart.interchange.iati.parse import day, texts
from counterpart.interchange.models import IatiMapping
from counterpart.pairings import selectors as pairings
from counterpart.pairings import services as pairing_services
from counterpart.places import selectors as places
from counterpart.places import services as place_services
from counterpart.places.choices import OrganizationKind, RegionLevel
from counterpart.places.governments import government_code
from counterpart.places.org_ids import normalized_org_ref

# IATI's organisation type → the first of the programme's kinds the export types so
KIND_OF_TYPE = {type_: kind for kind, type_ in reversed(ORGANISATION_TYPE.items())}
GB_T_2260_LEVELS = (RegionLevel.PROVINCE, RegionLevel.PREFECTURE, RegionLevel.COUNTY)
MONEY = ("transaction/provider-org", "transaction/receiver-org")


def make(reader, activities: list) -> dict[str, int]:
    """Make what the activities name and the programme lacks; how many of each were made."""
    maker = _Maker(reader)
    for activity in activities:
        maker.places_of(activity)
    governed = defaultdict(list)  # an accountable organisation's key → its activities' places
    for activity in activities:
        accountable, place = activity.find("participating-org[@role='2']"), reader.place(activity)
        if accountable is not None and place is not None:
            governed[_key(accountable)].append(place)
    for activity in activities:
        maker.organizations_of(activity, governed)
    first = min(_dates(activities), default=None)
    for activity in activities:
        maker.pairing_of(activity, first)
    return dict(maker.counts)


def _key(element) -> str:
    return (element.get("ref") or "").strip() or texts(element, "en")[0]


def _dates(activities):
    for activity in activities:
        for element in (
            *activity.findall("activity-date"),
            *activity.findall("transaction/transaction-date"),
            *activity.findall("transaction/value"),
            *activity.findall("planned-disbursement/period-start"),
            *activity.findall("budget/period-start"),
        ):
            found = day(element, "value-date") if element.tag == "value" else day(element)
            if found is not None:
                yield found


class _Maker:
    def __init__(self, reader):
        self.reader, self.actor = reader, reader.actor
        self.counts: dict[str, int] = defaultdict(int)

    # -- places ------------------------------------------------------------------------------

    def places_of(self, activity) -> None:
        country = self._country(activity)
        if activity.find("location") is None:  # placed by its recipient country: the country
            for element in activity.findall("recipient-country"):
                self._mapped(element.get("code") or "", country)
        for location in activity.findall("location"):
            ref = (location.get("ref") or "").strip()
            name_en, name_zh = texts(location.find("name"), "en")
            if ref.startswith(ADMINISTRATIVE):
                code = ref.removeprefix(ADMINISTRATIVE)
                if code and self._region(code) is None:
                    self._make_place(code, name_en or code, name_zh, country)
                continue
            key = ref or name_en or name_zh
            if ref and self._region(ref) is not None:
                continue  # coded so here: the reader finds it
            if key and (MappingKind.PLACE, key) not in self.reader.mappings:
                if _names_of(country) & {name_en.casefold(), name_zh.casefold()}:
                    self._mapped(key, country)  # the location is the whole country
                    continue
                code = f"iati-{slugify(key, allow_unicode=True) or _digest(key)}"[:40]
                found = self._region(code) or self._made_region(
                    code, name_en or key, name_zh, RegionLevel.COUNTY, country
                )
                self._mapped(key, found)

    def _mapped(self, key: str, region) -> None:
        """A reference read as this place for this file (kept as the file's, not as a
        mapping for the next)."""
        if key:
            self.reader.mappings.setdefault(
                (MappingKind.PLACE, key),
                IatiMapping(kind=MappingKind.PLACE, ref=key, region=region),
            )

    def _region(self, code: str):
        return places.region_by_code(actor=self.actor, code=code)

    def _country(self, activity):
        element = activity.find("recipient-country")
        code = (element.get("code") if element is not None else "") or "CN"
        country = self._region(code)
        if country is None:
            name_en, name_zh = texts(element, "en") if element is not None else ("", "")
            names = _country_names(code)
            country = self._made_region(
                code,
                name_en or names[0] or code,
                name_zh or names[1],
                RegionLevel.COUNTRY,
                None,
                name_ug=names[2],
            )
        return country

    def _make_place(self, code: str, name_en: str, name_zh: str, country) -> None:
        """The place under the country; a GB/T 2260 code's province and prefecture between."""
        steps = [(code, RegionLevel.COUNTY)]
        if code.isdigit() and len(code) == 6:
            steps = []
            for at, level in zip(
                (code[:2] + "0000", code[:4] + "00", code), GB_T_2260_LEVELS, strict=True
            ):
                if at not in dict(steps):
                    steps.append((at, level))
        parent = country
        for at, level in steps:
            found = self._region(at)
            if found is None:
                named = (name_en, name_zh) if at == code else (at, "")
                found = self._made_region(at, *named, level, parent)
            parent = found

    def _made_region(self, code, name_en, name_zh, level, parent, *, name_ug=""):
        self.counts["places"] += 1
        region = place_services.region_create(
            actor=self.actor,
            code=code,
            name_en=name_en[:200],
            name_zh=name_zh[:200],
            name_ug=name_ug[:200],
            level=level,
            parent=parent,
        )
        government = places.organization_by_code(actor=self.actor, code=government_code(region))
        if government is not None:  # made with its place: the file may name it
            self.reader.know(government, key=government.name_en)
        return region

    # -- organisations -----------------------------------------------------------------------

    def organizations_of(self, activity, governed: dict) -> None:
        country = self._country(activity)
        accountable = activity.find("participating-org[@role='2']")
        if accountable is not None and self._known(accountable) is None:
            where = _lowest_holding(governed.get(_key(accountable), [])) or country
            self._make_organization(accountable, OrganizationKind.LOCAL_GOVERNMENT, where)
        for element in (
            activity.find("reporting-org"),
            *activity.findall("participating-org"),
            *(found for path in MONEY for found in activity.findall(path)),
        ):
            if element is not None and _key(element) and self._known(element) is None:
                kind = KIND_OF_TYPE.get(element.get("type") or "", OrganizationKind.NGO)
                self._make_organization(element, kind, country)

    def _known(self, element):
        return self.reader.organization(element, required=False)

    def _make_organization(self, element, kind: str, region) -> None:
        ref = (element.get("ref") or "").strip()
        name_en, name_zh = texts(element, "en")
        try:
            iati_ref = normalized_org_ref(ref) if ref else ""
        except ValueError:
            iati_ref = ""  # not an organisation identifier: the name is its key
        if iati_ref in self.reader.by_ref:  # written otherwise ("cn-usci-…"): the one here
            self.reader.know(self.reader.by_ref[iati_ref], key=ref)
            return
        code = base = slugify(ref or name_en)[:50] or "organization"
        serial = 1
        while places.organization_by_code(actor=self.actor, code=code) is not None:
            serial += 1
            code = f"{base}-{serial}"
        made = place_services.organization_create(
            actor=self.actor,
            code=code,
            name_en=(name_en or ref)[:200],
            name_zh=name_zh[:200],
            kind=kind,
            region=region,
            iati_ref=iati_ref,
        )
        self.reader.know(made, key=ref or name_en)
        self.counts["organizations"] += 1

    # -- pairings ----------------------------------------------------------------------------

    def pairing_of(self, activity, first: datetime.date | None) -> None:
        reader = self.reader
        funding = activity.find("participating-org[@role='1']")
        donor = self._known(funding if funding is not None else activity.find("reporting-org"))
        place = reader.place(activity)
        if donor is None or place is None or first is None:
            return  # the reader says what is missing
        dates = {d.get("type"): day(d) for d in activity.findall("activity-date")}
        if reader.pairing(donor, place, dates.get("2") or dates.get("1")) is not None:
            return
        accountable = activity.find("participating-org[@role='2']")
        government = self._known(accountable) if accountable is not None else None
        recipient = place
        if (
            government is not None
            and government.kind == OrganizationKind.LOCAL_GOVERNMENT
            and place.is_within(government.region)
        ):
            recipient = government.region
        round_ = self._round(first)
        made = pairing_services.pairing_create(
            actor=self.actor,
            round=round_,
            donor=donor,
            recipient=recipient,
            valid_from=round_.starts_on,
            is_published=True,
            source="IATI",
        )
        reader.pairings.append(made)
        self.counts["pairings"] += 1

    def _round(self, first: datetime.date):
        """The latest round begun by the file's first date, else one of that year, made if
        there is none."""
        rounds = list(pairings.round_list(actor=self.actor).order_by("starts_on"))
        begun = [r for r in rounds if r.starts_on <= first]
        if begun:
            return begun[-1]
        same = [r for r in rounds if r.year == first.year]
        if same:
            return same[0]
        self.counts["rounds"] += 1
        return pairing_services.pairing_round_create(
            actor=self.actor,
            year=first.year,
            name_en=f"{first.year} (from an IATI file)",
            name_zh=f"{first.year}年（据IATI文件）",
            starts_on=datetime.date(first.year, 1, 1),
        )


def _country_names(code: str) -> tuple[str, str, str]:
    """A country's English, Chinese and Uyghur names by its ISO 3166 code ('' where unknown)."""
    return tuple(
        Locale.parse(language).territories.get(code.upper(), "") if len(code) == 2 else ""
        for language in ("en", "zh", "ug")
    )


def _names_of(region) -> set[str]:
    return {name.casefold() for name in (region.name_en, region.name_zh, region.name_ug)} - {""}


def _digest(text: str) -> str:
    """A short stable code for a reference with no letters or digits to keep."""
    return hashlib.blake2b(text.encode(), digest_size=6).hexdigest()


def _lowest_holding(regions: list):
    """The lowest place that holds all of these (None for none)."""
    common = None
    for ids in zip(*(region.lineage_ids() for region in regions), strict=False):
        if len(set(ids)) > 1:
            break
        common = ids[0]
    return places.region_list(actor=None).filter(pk=common).first() if common else None
