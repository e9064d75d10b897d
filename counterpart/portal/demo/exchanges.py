"""Demo exchanges from seed 000: the women's football team in Payzawat (2021) set up with
Guangdong's support, camps and home stays, and the pen-friends programme Jiangsu's cadres began in
late 2018 between teenagers in Lianyungang and Horgos. Counts are illustrative; no child is
stored one by one."""

import datetime

from counterpart.exchanges import services
from counterpart.exchanges.models import ExchangeEvent
from counterpart.pairings.models import Pairing
from counterpart.places import services as places
from counterpart.places.models import Organization, Region

D = datetime.date


def _pairing(donor_code: str, recipient_code: str) -> Pairing:
    return Pairing.objects.get(
        donor__code=donor_code, recipient__code=recipient_code, parent__isnull=True
    )


def load_exchanges(*, actor) -> int:
    if ExchangeEvent.objects.exists():
        return 0
    created = 0
    payzawat = _pairing("guangdong", "653129")
    guangdong = Region.objects.get(code="440000")
    for title, kind, start, end, counts in [
        (
            "Women's football training camp in Payzawat",
            "sports_camp",
            D(2021, 4, 20),
            D(2021, 4, 26),
            {"host_adults": 22, "visiting_adults": 4},
        ),
        (
            "Summer camp in Guangdong for Payzawat pupils",
            "summer_camp",
            D(2019, 7, 15),
            D(2019, 7, 28),
            {"visiting_teenagers": 60, "visiting_adults": 6, "host_teenagers": 60},
        ),
        (
            "Home stays with Guangdong families",
            "home_stay",
            D(2023, 7, 10),
            D(2023, 7, 20),
            {"visiting_teenagers": 30, "host_adults": 45, "host_teenagers": 20},
        ),
    ]:
        hosts_in_xinjiang = kind == "sports_camp"
        services.exchange_event_record(
            actor=actor,
            pairing=payzawat,
            kind=kind,
            title_en=title,
            host_region=payzawat.recipient if hosts_in_xinjiang else guangdong,
            visiting_region=guangdong if hosts_in_xinjiang else payzawat.recipient,
            starts_on=start,
            ends_on=end,
            **counts,
        )
        created += 1
    horgos_pairing = _pairing("jiangsu", "654004")
    lianyungang = Organization.objects.get(code="lianyungang")
    school = Organization.objects.filter(code="lianyungang-middle-school").first()
    if school is None:
        school = places.organization_create(
            actor=actor,
            code="lianyungang-middle-school",
            name_en="Lianyungang middle school",
            name_zh="连云港中学",
            kind="school",
            region=lianyungang.region,
            parent=lianyungang,
        )
    horgos_school = Organization.objects.filter(kind="school", region__code="654004").first()
    if horgos_school is None:
        horgos_school = places.organization_create(
            actor=actor,
            code="horgos-middle-school",
            name_en="Horgos middle school",
            name_zh="霍尔果斯中学",
            kind="school",
            region=horgos_pairing.recipient,
        )
    for host, label, grade, pupils in [
        (school, "Grade 8, Class 1", 8, 42),
        (school, "Grade 8, Class 2", 8, 40),
        (school, "Grade 9, Class 1", 9, 45),
        (horgos_school, "Grade 8, Class 1", 8, 38),
        (horgos_school, "Grade 8, Class 3", 8, 41),
        (horgos_school, "Grade 9, Class 2", 9, 44),
    ]:
        services.school_class_register(
            actor=actor, school=host, label=label, grade=grade, pupils=pupils, language="zh"
        )
        created += 1
    partnerships = services.school_partnerships_match(
        actor=actor, pairing=horgos_pairing, started_on=D(2018, 12, 1)
    )
    for n, partnership in enumerate(partnerships):
        for year in (2019, 2020):
            for start, end in ((D(year, 3, 1), D(year, 7, 10)), (D(year, 9, 1), D(year, 12, 31))):
                services.letters_record(
                    actor=actor,
                    partnership=partnership,
                    term_start=start,
                    term_end=end,
                    from_donor_side=38 + n,
                    from_recipient_side=36 + n,
                )
    return created + len(partnerships)
