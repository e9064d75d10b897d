"""The programme as it stands on the day the demo is loaded, dated from that day so that it
works on any day: Beijing's projects in its Hotan places with budget left and figures due this
quarter, a round of people serving now, and the demo professional's current term in Hotan with
her successor planned. All of it illustrative: the seeds tell the stories, not these records."""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from counterpart.accounts import selectors as accounts
from counterpart.demo import lookup
from counterpart.engine.periods import period_containing
from counterpart.funding import services as funding
from counterpart.pairings import selectors as pairings
from counterpart.projects import services as projects
from counterpart.talent import selectors as talent_selectors
from counterpart.talent import services as talent

SOURCE = "illustrative (dated from the day the demo is loaded)"
BEIJING_IN_HOTAN = {  # place → (project, its title in Chinese, budget in yuan, hospital beds)
    "653201": ("Hotan City: township clinics, phase 2", "和田市乡镇卫生院二期", 36_000_000, 120),
    "653221": ("Hotan County: boarding school dormitories", "和田县寄宿制学校宿舍", 28_000_000, 0),
    "653224": ("Lop County: county hospital ward", "洛浦县人民医院病房楼", 42_000_000, 200),
    "653222": ("Moyu County: village clinics", "墨玉县村卫生室", 18_000_000, 60),
}
SERVING_FOR_DAYS = 150  # the current round's terms began this long ago
CODE_PREFIX = "now-"


def load_today(loader) -> None:
    actor = loader.actor
    if lookup.project(actor, f"{CODE_PREFIX}beijing-653201") is not None:
        return
    today = timezone.localdate()
    made = []
    for place, (title_en, title_zh, budget, beds) in BEIJING_IN_HOTAN.items():
        made.extend(_project(actor, today, place, title_en, title_zh, budget, beds))
    made.extend(_serving_now(actor, today, random.Random(today.toordinal())))
    made.extend(_professionals_term(actor, today))
    loader.mark(made, SOURCE)


def _project(actor, today, place, title_en, title_zh, budget, beds) -> list:
    pairing = lookup.pairing(actor, "beijing", place)
    project = projects.project_create(
        actor=actor,
        pairing=pairing,
        code=f"{CODE_PREFIX}beijing-{place}",
        title_en=title_en,
        title_zh=title_zh,
        status="2",  # being built
        sectors={"12230": 100} if beds else {"11220": 100},
        actual_start=today - datetime.timedelta(days=120),
        planned_end=today + datetime.timedelta(days=400),
        budget_minor=budget * 100,
        is_published=True,
    )
    committed = funding.transaction_record(
        actor=actor,
        kind="2",
        pairing=pairing,
        project=project,
        amount_minor=budget * 100,
        currency="CNY",
        value_date=today - datetime.timedelta(days=100),
        description=title_zh,
    )
    paid = funding.transaction_record(  # the first instalment: most of the budget is left
        actor=actor,
        kind="3",
        pairing=pairing,
        project=project,
        amount_minor=budget * 100 * 30 // 100,
        currency="CNY",
        value_date=today - datetime.timedelta(days=40),
        description=title_zh,
    )
    made = [project, committed, paid]
    if beds:
        made.extend(_beds_due(actor, project, today, beds))
    return made


def _beds_due(actor, project, today, beds: int) -> list:
    """Last quarter's beds reported; this quarter's target set and its actual due."""
    result = projects.result_create(
        actor=actor, project=project, kind="1", title_en="Beds in use", title_zh="床位投入使用"
    )
    indicator = projects.indicator_create(
        actor=actor,
        result=result,
        title_en="Hospital beds",
        title_zh="医院床位",
        standard="hospital_beds",
    )
    this = period_containing(today, "quarter")
    last = period_containing(this.start - datetime.timedelta(days=1), "quarter")
    reported = projects.indicator_period_record(
        actor=actor,
        indicator=indicator,
        period_start=last.start,
        period_end=last.end,
        target=Decimal(beds // 2),
        actual=Decimal(beds // 2 - 5),
    )
    due = projects.indicator_period_record(
        actor=actor,
        indicator=indicator,
        period_start=this.start,
        period_end=this.end,
        target=Decimal(beds),
    )
    return [result, indicator, reported, due]


def _serving_now(actor, today, rng) -> list:
    """One term begun a few months ago at each generated institution: the people serving
    now, sent by the donor of the place."""
    made = []
    start = today - datetime.timedelta(days=SERVING_FOR_DAYS)
    institutions = {
        post.institution for post in talent_selectors.post_list(actor=actor, status="open")
    }
    for institution in sorted(institutions, key=lambda i: i.code):
        specialty = "paediatrics" if institution.kind == "hospital" else "mathematics_teaching"
        post = talent.post_create(
            actor=actor,
            institution=institution,
            title_en="Visiting specialist, this year's term",
            title_zh="本年度援派专家",
            specialty=specialty,
            places=1,
            term_months=12,
            start_date=start,
            status="closed",
        )
        donor = _donor_of(actor, institution.region)
        if donor is None:
            continue
        professional = talent.professional_register(
            actor=actor,
            organization=donor,
            name=f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}{rng.choice(GIVEN).lower()}",
            specialty=specialty,
            seniority=rng.choice([2, 3, 4]),
            languages=["zh"],
            available_from=start,
            term_months=12,
        )
        placement = talent.placement_create(
            actor=actor, professional=professional, post=post, start_date=start
        )
        made.extend([post, professional, placement])
    return made


def _professionals_term(actor, today) -> list:
    """After Karamay, the demo professional teaches Russian in Hotan City; her successor is
    planned for the day after her term ends, so that an extension moves the successor."""
    school = lookup.organization(actor, "demo-653201-school")
    user = accounts.user_by_username(actor=actor, username="professional")
    her = talent_selectors.professional_list(actor=actor).filter(user=user).first()
    if school is None or her is None:
        return []
    earlier = talent_selectors.placement_list(actor=actor).filter(professional=her)
    last_end = max((p.end_date for p in earlier), default=today - datetime.timedelta(days=400))
    start = max(today - datetime.timedelta(days=300), last_end + datetime.timedelta(days=1))
    post = talent.post_create(
        actor=actor,
        institution=school,
        title_en="Russian teacher",
        title_zh="俄语教师",
        specialty="language_teaching",
        places=1,
        term_months=18,
        start_date=start,
        language="ru",
        status="closed",
    )
    current = talent.placement_create(actor=actor, professional=her, post=post, start_date=start)
    successor = talent.professional_register(
        actor=actor,
        organization=her.organization,
        name="Zhou Yiran",
        specialty="language_teaching",
        seniority=3,
        languages=["zh", "ru"],
        available_from=current.end_date + datetime.timedelta(days=1),
        term_months=12,
    )
    planned = talent.placement_create(
        actor=actor,
        professional=successor,
        post=post,
        start_date=current.end_date + datetime.timedelta(days=1),
    )
    return [post, current, successor, planned]


def _donor_of(actor, region):
    pairing = pairings.pairing_assisting(region=region, round=lookup.round_of(actor, 2010))
    return pairing.donor if pairing is not None else None


SURNAMES = ["Zhang", "Wang", "Li", "Zhao", "Chen", "Yang", "Huang", "Zhou", "Wu", "Xu"]
GIVEN = ["Wei", "Fang", "Min", "Jing", "Lei", "Yan", "Jun", "Hui", "Qiang", "Xia"]
