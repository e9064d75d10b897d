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

from counterpart.interchange import selectors
from counterpart.interchange.choices import MappingKind
from counterpart.interchange.iati import results
from counterpart.interchange.iati.export import ADMINISTRATIVE, XML_LANG
from counterpart.interchange.iati.money import ActivityRefused, MoneyReading
from counterpart.interchange.iati.parse import day, texts
from counterpart.interchange.kinds.base import Context, Errors
from counterpart.interchange.phrases import (
    DEAD_LINK,
)
from counterpart.pairings import selectors as pairings
from counterpart.places import selectors as places
from counterpart.projects import selectors as projects
from counterpart.projects import services
from counterpart.projects.choices import ActivityStatus

DAC_5 = {"1", ""}  # sector vocabularies of DAC 5-digit purpose codes
DAC_3 = "2"  # DAC 3-digit sector categories: read where the file gives no 5-digit code
CODE_CHARS = re.compile(r"[^A-Za-z0-9_-]+")
WEB_ADDRESS = re.compile(r"https?://[^\s/]+\.[^\s]+$")  # a vocabulary's, kept only if one


@dataclass
class Unmapped:
    organizations: dict[str, str] = field(default_factory=dict)  # ref -> a name in the file
    places: dict[str, str] = field(default_factory=dict)


class Reader(MoneyReading):
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
        self._start_money()

    def know(self, organization, *, key: str) -> None:
        """An organisation made while reading (`--create-missing`), found by its key after."""
        if organization.iati_ref:
            self.by_ref[organization.iati_ref] = organization
        self.by_ref.setdefault(key, organization)
        for name in {organization.name_en, organization.name_zh} - {""}:
            self.by_name[name] = None if name in self.by_name else organization

    # -- who and where --------------------------------------------------------------------

    def organization(self, element, *, required: bool):
        if element is None:
            return None
        ref = (element.get("ref") or "").strip()
        name, name_zh = texts(element, "en")
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
        administrative code ("CN-ADM-653201") or by a mapping; without a location, what its
        recipient country (or region) is mapped to (the place the person chose for "CN")."""
        if activity.find("location") is None:
            for recipient in (
                *activity.findall("recipient-country"),
                *activity.findall("recipient-region"),
            ):
                key = recipient.get("code") or ""
                mapped = self.mappings.get((MappingKind.PLACE, key))
                if mapped is not None:
                    return mapped.region
                if key:
                    self.unmapped.places[key] = texts(recipient, "en")[0] or key
            return None
        for location in activity.findall("location"):
            ref = location.get("ref") or ""
            name, name_zh = texts(location.find("name"), "en")
            if ref.startswith(ADMINISTRATIVE):
                found = places.region_by_code(
                    actor=self.actor, code=ref.removeprefix(ADMINISTRATIVE)
                )
                if found is not None:
                    return found
            key = ref or name or name_zh
            mapped = self.mappings.get((MappingKind.PLACE, key))
            if mapped is not None:
                return mapped.region
            found = places.region_by_code(actor=self.actor, code=ref) if ref else None
            if found is not None:  # a place coded so here: this programme's own export
                return found
            if key:
                self.unmapped.places[key] = name or name_zh or ref
        return None

    def places_of(self, activity) -> list:
        found = []
        for location in activity.findall("location")[1:]:
            ref = (location.get("ref") or "").removeprefix(ADMINISTRATIVE)
            region = places.region_by_code(actor=self.actor, code=ref) if ref else None
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
        dates = {d.get("type"): day(d) for d in element.findall("activity-date")}
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
        except ActivityRefused:
            return False
        except (ValidationError, PermissionDenied, ValueError, InvalidOperation) as problem:
            self._refused(line, identifier, problem)
            return False
        return True

    def _sector_of(self, item) -> str | None:
        """A transaction's own DAC sector, where it gives one the programme knows: a 5-digit
        code, else a 3-digit category."""
        known = self.context.once("sectors", lambda: {s.code for s in projects.sector_list()})
        found = {
            (sector.get("vocabulary") or "1") in DAC_5: sector.get("code")
            for sector in reversed(item.findall("sector"))
            if sector.get("code") in known and (sector.get("vocabulary") or "1") in (*DAC_5, DAC_3)
        }
        return found.get(True) or found.get(False)

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
        title_en, title_zh = texts(element.find("title"), language)
        description_en, description_zh = texts(element.find("description"), language)
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
            historical=self.context.historical,
        )
        if others:
            services.project_other_sectors_set(actor=self.actor, project=project, sectors=others)
        for place in self.places_of(element):
            services.project_place_add(actor=self.actor, project=project, region=place)
        self._budgets(element, identifier, project, currency)
        for link in element.findall("document-link"):
            title, _zh = texts(link.find("title"), language)
            try:
                with transaction.atomic():
                    services.document_add(
                        actor=self.actor,
                        project=project,
                        title=title or link.get("url"),
                        url=link.get("url"),
                    )
            except ValidationError:
                self.context.note(link.sourceline, DEAD_LINK, id=identifier, url=link.get("url"))
        skipped = results.record_results(
            actor=self.actor,
            element=element,
            project=project,
            language=language,
            historical=self.context.historical,
        )
        self.skipped.extend(skipped)
        self._money(element, identifier, project, pairing, currency)
        self.counts["activities"] += 1

    def _sectors(self, element) -> tuple[dict[str, int], list]:
        """The split over DAC 5-digit codes the programme knows, else over 3-digit categories
        (a file that gives both means one split twice); every other sector as it is."""
        dac, others = {}, []
        known = self.context.once("sectors", lambda: {s.code for s in projects.sector_list()})
        sectors = element.findall("sector")
        fine = any(
            (s.get("vocabulary") or "1") in DAC_5 and s.get("code") in known for s in sectors
        )
        read = DAC_5 if fine else {DAC_3}
        for sector in sectors:
            vocabulary, code = sector.get("vocabulary") or "1", sector.get("code")
            percentage = sector.get("percentage")
            if vocabulary in read and code in known:
                dac[code] = int(Decimal(percentage or "100"))
            else:
                uri = sector.get("vocabulary-uri") or ""
                others.append(
                    services.OtherSector(
                        vocabulary,
                        code,
                        Decimal(percentage) if percentage else None,
                        name=texts(sector, "en")[0][:200],
                        uri=uri if WEB_ADDRESS.match(uri) and len(uri) <= 300 else "",
                    )
                )
        return dac, others
