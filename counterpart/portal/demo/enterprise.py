"""Demo enterprise support from seed 000 and seed 004: Guangdong's 5.4 million yuan for Shufu's
small businesses, whose oil extraction plant has 48 employees, 70 % formerly registered poor;
the Payzawat garment company with Guangdong's capital selling by livestream; plums sorted at the
Jiashi supply-chain hub for donor markets. The sales figures are illustrative: the seeds give
none."""

import datetime
from decimal import Decimal

from counterpart.enterprise import services
from counterpart.enterprise.models import EnterpriseSupport
from counterpart.pairings.models import Pairing
from counterpart.places import services as places
from counterpart.places.models import Organization, Region
from counterpart.projects.models import Project

D = datetime.date

COMPANIES = [
    ("shufu-oil-plant", "Shufu oil extraction plant", "疏附县榨油厂", "653121"),
    ("payzawat-garment-company", "Payzawat garment company", "伽师县服装公司", "653129"),
]


def load_enterprise(*, actor) -> int:
    if EnterpriseSupport.objects.exists():
        return 0
    companies = {}
    for code, name_en, name_zh, region_code in COMPANIES:
        companies[code] = Organization.objects.filter(code=code).first() or (
            places.organization_create(
                actor=actor,
                code=code,
                name_en=name_en,
                name_zh=name_zh,
                kind="company",
                region=Region.objects.get(code=region_code),
            )
        )
    shufu = Pairing.objects.get(donor__code="guangdong", recipient__code="653121")
    payzawat = Pairing.objects.get(donor__code="guangdong", recipient__code="653129")
    oil = services.support_create(
        actor=actor,
        company=companies["shufu-oil-plant"],
        pairing=shufu,
        kind="capital",
        started_on=D(2020, 3, 1),
        description="Part of 5.4 million yuan invested in 18 local business owners; with "
        "capital and technical support the plant grew and opened a second one.",
        project=Project.objects.get(code="shufu-enterprise-capital"),
    )
    services.employment_report(
        actor=actor,
        support=oil,
        period_start=D(2020, 1, 1),
        period_end=D(2021, 6, 30),
        employees=48,
        formerly_poor=34,
    )
    services.support_create(
        actor=actor,
        company=companies["payzawat-garment-company"],
        pairing=payzawat,
        kind="capital",
        started_on=D(2021, 1, 1),
        description="Capital from Guangdong; the director trains staff to sell by livestream.",
        project=Project.objects.get(code="payzawat-garment-company"),
    )
    guangdong = Region.objects.get(code="440000")
    services.product_sale_record(
        actor=actor,
        pairing=payzawat,
        company=companies["payzawat-garment-company"],
        product="Garments",
        market_region=guangdong,
        channel="livestream",
        period_start=D(2021, 7, 1),
        period_end=D(2021, 12, 31),
        volume=Decimal(9500),
        unit="pieces",
        value_minor=38_000_000,
    )
    services.product_sale_record(
        actor=actor,
        pairing=payzawat,
        product="Plums sorted at the Jiashi supply-chain hub",
        market_region=guangdong,
        channel="e_commerce",
        period_start=D(2023, 8, 1),
        period_end=D(2023, 10, 31),
        volume=Decimal(120),
        unit="tonnes",
        value_minor=156_000_000,
    )
    return len(COMPANIES) + 5
