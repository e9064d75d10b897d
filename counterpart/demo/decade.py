"""The 2010 round's first decade in aggregate, so that the demo shows the whole programme and
not a corner: every pairing has a programme project with its money year by year and the people
it lifted out of poverty. The totals are the seeds' published figures; how they split by donor,
place, year and sector is made up (and marked illustrative), since single records would be
invented. Yearly records per pairing, as an office migrating its spreadsheets would enter them.

- nearly 170 billion yuan from the assisting provinces and cities over the decade (seed 004);
- more than 80 % of it for people's wellbeing (seed 000): the split below gives 84 %;
- over 3 million rural residents out of poverty by the end of 2020 (seed 000).
"""

import datetime
from decimal import Decimal

from counterpart.accounts import selectors as accounts
from counterpart.accounts.choices import Role
from counterpart.demo import lookup
from counterpart.demo.facts import SEED_000, SEED_004
from counterpart.funding import selectors as funding_selectors
from counterpart.funding import services as funding
from counterpart.funding.services import Entry
from counterpart.notifications.services import notifications_gathered
from counterpart.pairings import selectors as pairings
from counterpart.projects import services as projects
from counterpart.projects.models import Project
from counterpart.talent import services as talent

YEARS = range(2011, 2021)
TOTAL_FEN = 169_800_000_000 * 100  # "nearly 170 billion yuan" over the decade
OUT_OF_POVERTY = 3_000_000  # "over 3 million rural residents … by the end of 2020"
SENT = {"official": 21_000, "professional": 90_000}  # "21,000 officials and over 90,000 …"
GROWTH = Decimal("1.08")  # each year's money, against the year before (illustrative)
# Each donor's part of the whole (illustrative: larger economies give more, as the quota
# rule's share of fiscal revenue makes them).
WEIGHTS = {
    "guangdong": 14,
    "jiangsu": 12,
    "shanghai": 10,
    "beijing": 10,
    "zhejiang": 9,
    "shandong": 9,
    "shenzhen": 5,
    "tianjin": 5,
    "hubei": 4,
    "henan": 4,
    "hebei": 4,
    "liaoning": 3,
    "fujian": 3,
    "hunan": 3,
    "anhui": 3,
    "jiangxi": 2,
    "shanxi": 2,
    "jilin": 2,
    "heilongjiang": 2,
}
# DAC sectors of each programme project (illustrative): 84 % for people's wellbeing.
SECTORS = {
    "11220": 25,  # primary education
    "12230": 20,  # basic health infrastructure
    "16030": 15,  # housing
    "21020": 10,  # road transport
    "14030": 8,  # drinking water and sanitation
    "11330": 6,  # vocational training
    "32130": 12,  # small and medium enterprises
    "15110": 4,  # public administration
}
SOURCE = (
    f"illustrative split of published totals ({SEED_004}: nearly 170 billion yuan in a decade, "
    f"21,000 officials and over 90,000 professionals; {SEED_000}: over 3 million out of poverty)"
)
CODE_PREFIX = "decade-"
TWO_WEEKS = datetime.timedelta(days=14)


def load_decade(loader) -> None:
    actor = loader.actor
    round_2010 = lookup.round_of(actor, 2010)
    chosen = [
        p
        for p in pairings.pairing_list(actor=actor, round=round_2010, top_level=True)
        .select_related("donor", "recipient")
        .order_by("donor__code", "recipient__code")
        if p.donor.code in WEIGHTS
    ]
    if not chosen or lookup.project(actor, _code(chosen[0])) is not None:
        return
    shares = _shares(chosen)
    yearly = _by_year(TOTAL_FEN)
    made, entries = [], []
    for pairing in chosen:
        share = shares[pairing.pk]
        amounts = [amount * share // TOTAL_FEN for amount in yearly]
        project = projects.project_create(
            actor=actor,
            pairing=pairing,
            code=_code(pairing),
            title_en=f"{pairing.donor.name_en} assists {pairing.recipient.name_en}, 2011–2020",
            title_zh=f"{pairing.donor.name_zh}对口支援{pairing.recipient.name_zh}（2011—2020年）",
            description_en="The decade's money and results of the pairing, year by year.",
            description_zh="结对十年的资金与成效（按年汇总）。",
            status="4",  # closed: the decade is over
            sectors=SECTORS,
            actual_start=datetime.date(2011, 1, 1),
            actual_end=datetime.date(2020, 12, 31),
            budget_minor=sum(amounts),
            is_published=True,
        )
        for year, amount in zip(YEARS, amounts, strict=True):
            for kind, month in (("2", 3), ("3", 10)):  # committed in spring, paid in autumn
                entries.append(
                    Entry(
                        kind=kind,
                        pairing=pairing,
                        amount_minor=amount,
                        currency="CNY",
                        value_date=datetime.date(year, month, 15),
                        project=project,
                        description=f"{year}年度对口援疆资金（汇总）",
                        reference=f"{_code(pairing)}-{year}-{kind}",
                    )
                )
        made.extend([project, *_results(actor, project, share)])
    with notifications_gathered(file="") as told:
        told.discard()  # history: no one is asked to confirm 2011's money
        funding.transactions_record_bulk(actor=actor, entries=entries, source=SOURCE)
    made.extend(_receipts(actor, [p for p in made if isinstance(p, Project)]))
    made.extend(_people_sent(actor, {p.donor for p in chosen}))
    loader.mark(made, SOURCE)
    loader.created += len(entries)


def _receipts(actor, programme_projects) -> list:
    """Where the demo has a team for the place, it confirmed each year's money two weeks after
    it was paid: the decade is closed, not waiting in that team's inbox."""
    disbursed = funding_selectors.transaction_list(actor=actor).filter(
        kind="3", project__in=programme_projects
    )
    confirmed = []
    for entry in disbursed.select_related("region"):
        team = accounts.members(role=Role.RECIPIENT_TEAM, serving=entry.region).first()
        if team is not None:
            confirmed.append(
                funding.receipt_confirm(
                    actor=team, transaction=entry, received_on=entry.value_date + TWO_WEEKS
                )
            )
    return confirmed


def _people_sent(actor, donors) -> list:
    """The decade's officials and professionals, per donor and year: each donor its weight's
    part, each year a tenth, the remainders to the first, so that the totals are the seed's."""
    made = []
    weight = sum(WEIGHTS[d.code] for d in donors)
    ordered = sorted(donors, key=lambda d: d.code)
    for kind, total in SENT.items():
        cells = {
            (d.code, year): total * WEIGHTS[d.code] // weight // len(YEARS)
            for d in ordered
            for year in YEARS
        }
        cells[(ordered[0].code, YEARS[0])] += total - sum(cells.values())
        for donor in ordered:
            for year in YEARS:
                made.append(
                    talent.sent_total_record(
                        actor=actor,
                        donor=donor,
                        year=year,
                        kind=kind,
                        count=cells[(donor.code, year)],
                    )
                )
    return made


def _code(pairing) -> str:
    return f"{CODE_PREFIX}{pairing.donor.code}-{pairing.recipient.code}".lower()


def _shares(chosen) -> dict[int, int]:
    """Each pairing's part of the total in fen: its donor's weight, shared equally among the
    donor's places; what rounding leaves goes to the last."""
    places = {}
    for pairing in chosen:
        places[pairing.donor.code] = places.get(pairing.donor.code, 0) + 1
    weight = sum(WEIGHTS[code] for code in places)
    shares = {
        p.pk: TOTAL_FEN * WEIGHTS[p.donor.code] // (weight * places[p.donor.code]) for p in chosen
    }
    shares[chosen[-1].pk] += TOTAL_FEN - sum(shares.values())
    return shares


def _by_year(total: int) -> list[int]:
    """The total over the decade's years, each GROWTH times the one before."""
    factors = [GROWTH**n for n in range(len(YEARS))]
    amounts = [int(total * factor / sum(factors)) for factor in factors]
    amounts[-1] += total - sum(amounts)
    return amounts


def _results(actor, project, share: int) -> list:
    result = projects.result_create(
        actor=actor,
        project=project,
        kind="2",
        title_en="Rural residents out of poverty",
        title_zh="农村贫困人口脱贫",
    )
    indicator = projects.indicator_create(
        actor=actor,
        result=result,
        title_en="People lifted out of poverty",
        title_zh="脱贫人口",
        standard="out_of_poverty",
    )
    period = projects.indicator_period_record(
        actor=actor,
        indicator=indicator,
        period_start=datetime.date(2011, 1, 1),
        period_end=datetime.date(2020, 12, 31),
        actual=Decimal(OUT_OF_POVERTY * share // TOTAL_FEN),
    )
    return [result, indicator, period]
