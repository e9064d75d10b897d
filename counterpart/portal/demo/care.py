"""Demo remote care from seed 004: the Shanghai doctor's online consultation for a child with a
rare heart condition in Kashgar, operated on in Shanghai in August 2017; and Jining's
ophthalmologists in Yengisar (2023). Case codes only; no patient is named."""

import datetime

from django.utils import timezone

from counterpart.care import services
from counterpart.care.models import Teleconsultation
from counterpart.places import services as places
from counterpart.places.models import Organization

# code, English, Chinese, parent (donor) code
HOSPITALS = [
    ("shanghai-partner-hospital", "Shanghai partner hospital", "上海对口支援医院", "shanghai"),
    ("jining-partner-hospital", "Jining partner hospital", "济宁对口支援医院", "jining"),
]


def at(year, month, day, hour=9):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


def load_care(*, actor) -> int:
    if Teleconsultation.objects.exists():
        return 0
    created = 0
    for code, name_en, name_zh, parent_code in HOSPITALS:
        if not Organization.objects.filter(code=code).exists():
            parent = Organization.objects.get(code=parent_code)
            places.organization_create(
                actor=actor,
                code=code,
                name_en=name_en,
                name_zh=name_zh,
                kind="hospital",
                region=parent.region,
                parent=parent,
            )
            created += 1
    shache = Organization.objects.get(code="shache-peoples-hospital")
    shanghai = Organization.objects.get(code="shanghai-partner-hospital")
    heart = services.consultation_request(
        actor=actor,
        requesting_institution=shache,
        consulting_institution=shanghai,
        specialty="cardiology",
        case_code="KSG-2017-0042",
        question="Child with a rare congenital heart condition; local treatment not possible. "
        "Diagnosis and treatment plan?",
        requested_at=at(2017, 7, 3, 10),
    )
    heart = services.consultation_hold(
        actor=actor,
        consultation=heart,
        expected_version=heart.version,
        held_at=at(2017, 7, 4, 15),
        advice="Surgical correction is possible; refer to Shanghai for the operation.",
        outcome="referral",
    )
    referral = services.referral_from_consultation(
        actor=actor, consultation=heart, referred_on=datetime.date(2017, 7, 10)
    )
    referral = services.referral_treat(
        actor=actor,
        referral=referral,
        expected_version=referral.version,
        admitted_on=datetime.date(2017, 8, 1),
        discharged_on=datetime.date(2017, 8, 20),
        treatment="Operation in August 2017.",
        outcome="recovered",
    )
    services.referral_follow_up(
        actor=actor,
        referral=referral,
        expected_version=referral.version,
        follow_up_on=datetime.date(2017, 10, 16),
        notes="Growing normally; no limits on activity.",
    )
    created += 2
    yengisar = Organization.objects.get(code="yengisar-peoples-hospital")
    jining = Organization.objects.get(code="jining-partner-hospital")
    for n, (month, day, wait_hours) in enumerate(
        [(7, 3, 20), (7, 18, 30), (8, 2, 16), (8, 21, 44), (9, 5, 12), (9, 15, 8), (10, 9, 26)],
        start=1,
    ):
        asked = at(2023, month, day)
        consultation = services.consultation_request(
            actor=actor,
            requesting_institution=yengisar,
            consulting_institution=jining,
            specialty="ophthalmology",
            case_code=f"YGS-2023-{n:04d}",
            question="Cataract or other lens opacity; surgery here or elsewhere?",
            requested_at=asked,
        )
        services.consultation_hold(
            actor=actor,
            consultation=consultation,
            expected_version=consultation.version,
            held_at=asked + datetime.timedelta(hours=wait_hours),
            advice="Operable at Yengisar with the visiting team.",
            outcome="advice",
        )
        created += 1
    return created
