"""Load the demo programme through the services, idempotently: what exists is left as it is."""

import csv
import datetime
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from django.utils.text import slugify

from counterpart.accounts import services as accounts
from counterpart.accounts.models import User
from counterpart.engine.money import parse_major, parse_rate
from counterpart.funding import services as funding
from counterpart.funding.models import ComplianceRule, Currency, ExchangeRate, Sector
from counterpart.funding.reference import reference_data_load
from counterpart.pairings import services as pairings
from counterpart.pairings.models import Pairing, PairingRound, QuotaRule
from counterpart.places import services as places
from counterpart.places.models import Organization, Region
from counterpart.portal.demo import people
from counterpart.portal.demo import places as facts
from counterpart.portal.demo import projects as seed_projects
from counterpart.portal.demo.care import load_care
from counterpart.portal.demo.enterprise import load_enterprise
from counterpart.portal.demo.exchanges import load_exchanges
from counterpart.portal.demo.talent import load_talent
from counterpart.projects import services as projects
from counterpart.projects.models import Project

PAIRINGS_FILE = Path(__file__).with_name("pairings_2010.csv")
ROUND_2010_START = datetime.date(2010, 1, 1)


def org_code(name_en: str) -> str:
    return slugify(name_en)


class DemoLoader:
    def __init__(
        self,
        *,
        actor,
        step: Callable[[str], None] = lambda _label: None,
        generated_professionals: int = 1500,
    ):
        self.actor = actor
        self.generated_professionals = generated_professionals
        self.step = step
        self.created = 0
        with PAIRINGS_FILE.open(encoding="utf-8") as handle:
            self.rows = list(csv.DictReader(handle))

    def load(self) -> int:
        reference_data_load(Currency, Sector)
        self.step("regions")
        self.load_regions()
        self.step("organizations")
        self.load_organizations()
        self.step("rounds and pairings")
        self.load_pairings()
        self.step("quotas")
        self.load_quotas()
        self.step("exchange rates and rules")
        self.load_rates_and_rules()
        self.step("projects, money and results")
        self.load_projects()
        self.step("users")
        self.load_users()
        self.step("people who serve")
        self.created += load_talent(
            actor=self.actor, generated_professionals=self.generated_professionals
        )
        self.step("field programmes")
        self.created += load_care(actor=self.actor)
        self.created += load_exchanges(actor=self.actor)
        self.created += load_enterprise(actor=self.actor)
        return self.created

    def region(self, code, name_en, name_zh, level, parent) -> Region:
        found = Region.objects.filter(code=code).first()
        if found is None:
            found = places.region_create(
                actor=self.actor,
                code=code,
                name_en=name_en,
                name_zh=name_zh,
                level=level,
                parent=parent,
            )
            self.created += 1
        return found

    def organization(self, code, name_en, name_zh, kind, region, parent=None) -> Organization:
        found = Organization.objects.filter(code=code).first()
        if found is None:
            found = places.organization_create(
                actor=self.actor,
                code=code,
                name_en=name_en,
                name_zh=name_zh,
                kind=kind,
                region=region,
                parent=parent,
            )
            self.created += 1
        return found

    def load_regions(self) -> None:
        china = self.region(*facts.COUNTRY, "country", None)
        for code, name_en, name_zh, _kind in facts.PROVINCES:
            self.region(code, name_en, name_zh, "province", china)
        xinjiang = self.region(*facts.XINJIANG, "province", china)
        corps = self.region(*facts.CORPS, "corps", xinjiang)
        for code, name_en, name_zh, province_code in facts.DONOR_CITIES:
            self.region(
                code, name_en, name_zh, "prefecture", Region.objects.get(code=province_code)
            )
        parents = {"Xinjiang": xinjiang, "Xinjiang Production and Construction Corps": corps}
        for row in self.rows:
            parent_name = row["recipient_parent"]
            if parent_name not in parents:
                parents[parent_name] = self.region(
                    facts.REGION_CODES[parent_name],
                    parent_name,
                    row["recipient_parent_zh"],
                    "prefecture",
                    xinjiang,
                )
            self.region(
                facts.REGION_CODES[row["recipient"]],
                row["recipient"],
                row["recipient_zh"],
                row["recipient_level"],
                parents[parent_name],
            )
        for code, name_en, name_zh, level, parent_name in facts.EXTRA_REGIONS:
            parent = Region.objects.get(name_en=parent_name)
            self.region(code, name_en, name_zh, level, parent)

    def load_organizations(self) -> None:
        for code, name_en, name_zh, kind in facts.PROVINCES:
            self.organization(
                org_code(name_en), name_en, name_zh, kind, Region.objects.get(code=code)
            )
        for code, name_en, name_zh, province_code in facts.DONOR_CITIES:
            province = Region.objects.get(code=province_code)
            self.organization(
                org_code(name_en),
                name_en,
                name_zh,
                "city",
                Region.objects.get(code=code),
                Organization.objects.get(code=org_code(province.name_en)),
            )
        for code, name_en, name_zh, kind, region_code, parent_code in facts.INSTITUTIONS:
            parent = Organization.objects.get(code=parent_code) if parent_code else None
            self.organization(
                code, name_en, name_zh, kind, Region.objects.get(code=region_code), parent
            )

    def load_pairings(self) -> None:
        if not PairingRound.objects.filter(year=1997).exists():
            pairings.pairing_round_create(
                actor=self.actor,
                year=1997,
                name_en="Pairing assistance to Xinjiang, 1997",
                name_zh="1997年对口援疆",
                starts_on=datetime.date(1997, 1, 1),
                ends_on=datetime.date(2009, 12, 31),
                description_en="The first round, which the 2010 round renewed and widened.",
            )
            self.created += 1
        round_2010 = PairingRound.objects.filter(year=2010).first()
        if round_2010 is None:
            round_2010 = pairings.pairing_round_create(
                actor=self.actor,
                year=2010,
                name_en="Pairing assistance to Xinjiang, 2010 round",
                name_zh="2010年新一轮对口援疆",
                starts_on=ROUND_2010_START,
                description_en="19 provinces and municipalities, central organs and state "
                "enterprises paired with Xinjiang's prefectures, counties and "
                "corps divisions.",
                description_zh="19个省市、中央国家机关和中央企业结对支援新疆各地州、县市和兵团师市。",
            )
            self.created += 1
        for row in self.rows:
            self.pairing(
                round_2010,
                org_code(row["donor"]),
                facts.REGION_CODES[row["recipient"]],
                row["source"],
                row["confidence"],
            )
        for donor_name, recipient_name, parent_donor, source in facts.SUB_PAIRINGS:
            recipient_code = facts.REGION_CODES[recipient_name]
            parent = Pairing.objects.get(
                round=round_2010, donor__code=org_code(parent_donor), recipient__code=recipient_code
            )
            self.pairing(
                round_2010, org_code(donor_name), recipient_code, source, "medium", parent=parent
            )

    def pairing(
        self, round_, donor_code, recipient_code, source, confidence, parent=None, published=True
    ):
        donor = Organization.objects.get(code=donor_code)
        recipient = Region.objects.get(code=recipient_code)
        if Pairing.objects.filter(round=round_, donor=donor, recipient=recipient).exists():
            return
        pairings.pairing_create(
            actor=self.actor,
            round=round_,
            donor=donor,
            recipient=recipient,
            valid_from=ROUND_2010_START,
            parent=parent,
            is_published=published,
            source=source,
            confidence=confidence,
        )
        self.created += 1

    def load_quotas(self) -> None:
        round_2010 = PairingRound.objects.get(year=2010)
        if not QuotaRule.objects.filter(round=round_2010, donor=None).exists():
            pairings.quota_rule_create(
                actor=self.actor,
                round=round_2010,
                share_ppm=5_000,
                first_year=2011,
                notes="Demo value within the programme's 0.3 %–0.6 % range; set the real one.",
            )
            self.created += 1
        for donor_name, hundred_millions in facts.FISCAL_REVENUE_2019.items():
            donor = Organization.objects.get(code=org_code(donor_name))
            if donor.fiscal_revenues.filter(year=2019).exists():
                continue
            yuan = Decimal(hundred_millions) * 100_000_000
            pairings.fiscal_revenue_record(
                actor=self.actor,
                donor=donor,
                year=2019,
                amount_minor=parse_major(yuan, "CNY"),
                source="Provincial budget report for 2019 (approximate)",
            )
            self.created += 1

    def load_rates_and_rules(self) -> None:
        for valid_on, rate, source in seed_projects.USD_RATES:
            if not ExchangeRate.objects.filter(base="USD", quote="CNY", valid_on=valid_on).exists():
                funding.exchange_rate_record(
                    actor=self.actor,
                    base="USD",
                    quote="CNY",
                    valid_on=valid_on,
                    rate_scaled=parse_rate(rate),
                    source=source,
                )
                self.created += 1
        round_2010 = PairingRound.objects.get(year=2010)
        for kind, threshold_ppm, notes in seed_projects.RULES:
            if not ComplianceRule.objects.filter(round=round_2010, kind=kind).exists():
                funding.compliance_rule_create(
                    actor=self.actor,
                    round=round_2010,
                    kind=kind,
                    threshold_ppm=threshold_ppm,
                    first_year=2010,
                    notes=notes,
                )
                self.created += 1

    def load_projects(self) -> None:
        round_2010 = PairingRound.objects.get(year=2010)
        for donor_code, recipient_code, source, confidence in seed_projects.EXTRA_PAIRINGS:
            # Inferred from an article, not from the pairings list: a draft for the office to check.
            self.pairing(
                round_2010, donor_code, recipient_code, source, confidence, published=False
            )
        for fact in seed_projects.PROJECTS:
            if Project.objects.filter(code=fact["code"]).exists():
                continue
            self.project(fact)
            self.created += 1

    def project(self, fact: dict) -> None:
        donor_code, recipient_code = fact["pairing"]
        pairing = Pairing.objects.get(donor__code=donor_code, recipient__code=recipient_code)
        implementer = fact.get("implementer")
        project = projects.project_create(
            actor=self.actor,
            pairing=pairing,
            code=fact["code"],
            title_en=fact["title_en"],
            title_zh=fact["title_zh"],
            description_en=fact["description_en"],
            region=Region.objects.get(code=fact["region"]),
            status=fact["status"],
            sectors=fact["sectors"],
            actual_start=fact.get("actual_start"),
            actual_end=fact.get("actual_end"),
            budget_minor=parse_major(fact.get("budget", "0"), "CNY"),
            implementer=Organization.objects.get(code=implementer) if implementer else None,
            is_published=True,
        )
        for title_en, title_zh, due_on, completed_on in fact.get("milestones", []):
            milestone = projects.milestone_add(
                actor=self.actor,
                project=project,
                title_en=title_en,
                title_zh=title_zh,
                due_on=due_on,
            )
            projects.milestone_complete(
                actor=self.actor,
                milestone=milestone,
                expected_version=milestone.version,
                completed_on=completed_on,
            )
        for kind, yuan, value_date in fact.get("money", []):
            funding.transaction_record(
                actor=self.actor,
                kind=kind,
                pairing=pairing,
                project=project,
                amount_minor=parse_major(yuan, "CNY"),
                currency="CNY",
                value_date=value_date,
                description=fact["title_en"],
            )
        for title_en, title_zh, indicators, (start, end) in fact.get("results", []):
            result = projects.result_create(
                actor=self.actor, project=project, kind="2", title_en=title_en, title_zh=title_zh
            )
            for standard, title, actual in indicators:
                indicator = projects.indicator_create(
                    actor=self.actor, result=result, title_en=title, standard=standard
                )
                projects.indicator_period_record(
                    actor=self.actor,
                    indicator=indicator,
                    period_start=start,
                    period_end=end,
                    actual=Decimal(actual),
                )

    def load_users(self) -> None:
        for username, display_name, org, role in people.DEMO_USERS:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = accounts.user_create(
                    actor=self.actor,
                    username=username,
                    password=people.DEMO_PASSWORD,
                    display_name=display_name,
                    email=f"{username}@example.org",
                    is_superuser=role == "programme_office",
                )
                self.created += 1
            organization = Organization.objects.get(code=org)
            if not user.memberships.filter(organization=organization, role=role).exists():
                accounts.membership_grant(
                    actor=self.actor, user=user, organization=organization, role=role
                )
                self.created += 1


STEPS = 9
