"""Demo people who serve: the seeds' stories with invented names, and a generated round.

Seed 000: a Beijing paediatrician at Kunyu People's Hospital, the only one in town (2021).
Seed 004: Shanghai doctors in Kashgar's counties; Jining ophthalmologists in Yengisar (2023);
a Beijing Foreign Studies University professor building the Russian major at the Karamay campus,
in her fourth year after extending, whose husband joined her; her mentorship of young teachers.
Every person's name here is invented.
"""

import datetime
import random
from decimal import Decimal

from django.utils import translation

from counterpart.accounts.models import User
from counterpart.places.models import Organization, Region
from counterpart.talent import services
from counterpart.talent.models import Post, Professional, Specialty

D = datetime.date
GENERATED_PREFIX = "demo-"  # the code of every institution of the generated round starts so

# code, English, Chinese, kind, region code: receiving institutions the seeds imply
INSTITUTIONS = [
    (
        "shache-peoples-hospital",
        "Shache County People's Hospital",
        "莎车县人民医院",
        "hospital",
        "653125",
    ),
]

# Posts: key, institution code, title (en, zh), specialty, places, term, start, language
SEED_POSTS = [
    (
        "kunyu-paediatrics",
        "kunyu-peoples-hospital",
        ("Paediatrician", "儿科医生"),
        "paediatrics",
        1,
        12,
        D(2021, 3, 1),
        "",
    ),
    (
        "shache-cardiology",
        "shache-peoples-hospital",
        ("Paediatric cardiologist", "小儿心内科医生"),
        "cardiology",
        1,
        18,
        D(2019, 9, 1),
        "",
    ),
    (
        "yengisar-eyes",
        "yengisar-peoples-hospital",
        ("Ophthalmologists", "眼科医生"),
        "ophthalmology",
        2,
        12,
        D(2023, 3, 1),
        "",
    ),
    (
        "karamay-russian",
        "cupb-karamay",
        ("Professor of Russian", "俄语教授"),
        "language_teaching",
        1,
        36,
        D(2020, 9, 1),
        "ru",
    ),
    (
        "karamay-computing",
        "cupb-karamay",
        ("Lecturer in computing", "计算机讲师"),
        "information_technology",
        1,
        36,
        D(2021, 9, 1),
        "",
    ),
]

# People: name, sending organization code, specialty, seniority, languages, post key, start,
# demo username (if they sign in)
SEED_PEOPLE = [
    ("Gao Ruoxi", "beijing", "paediatrics", 3, ["zh"], "kunyu-paediatrics", D(2021, 3, 1), None),
    ("Han Mei", "beijing", "paediatrics", 2, ["zh"], "kunyu-paediatrics", D(2022, 3, 1), None),
    (
        "Fang Yichen",
        "shanghai",
        "cardiology",
        4,
        ["zh", "en"],
        "shache-cardiology",
        D(2019, 9, 1),
        None,
    ),
    ("Kong Xiaowen", "jining", "ophthalmology", 3, ["zh"], "yengisar-eyes", D(2023, 3, 1), None),
    ("Tian Yu", "jining", "ophthalmology", 2, ["zh"], "yengisar-eyes", D(2023, 3, 1), None),
    (
        "Wang Jiaqi",
        "bfsu",
        "language_teaching",
        4,
        ["zh", "ru", "en"],
        "karamay-russian",
        D(2020, 9, 1),
        "professional",
    ),
    (
        "Liu Chengzhi",
        "beijing",
        "information_technology",
        3,
        ["zh", "en"],
        "karamay-computing",
        D(2021, 9, 1),
        None,
    ),
]

HOSPITAL_SPECIALTIES = [
    "paediatrics",
    "ophthalmology",
    "cardiology",
    "orthopaedics",
    "general_surgery",
    "internal_medicine",
    "obstetrics",
    "anaesthesiology",
    "nursing",
    "hospital_management",
]
SCHOOL_SPECIALTIES = [
    "language_teaching",
    "mathematics_teaching",
    "science_teaching",
    "vocational_teaching",
    "information_technology",
]
SURNAMES = [
    "Zhang",
    "Wang",
    "Li",
    "Zhao",
    "Chen",
    "Yang",
    "Huang",
    "Zhou",
    "Wu",
    "Xu",
    "Sun",
    "Ma",
    "Zhu",
    "Hu",
    "Guo",
    "He",
    "Lin",
    "Luo",
    "Gao",
    "Liang",
]
GIVEN = [
    "Wei",
    "Fang",
    "Min",
    "Jing",
    "Lei",
    "Yan",
    "Jun",
    "Hui",
    "Qiang",
    "Xia",
    "Ping",
    "Hong",
    "Bo",
    "Lan",
    "Ying",
    "Tao",
    "Xin",
    "Yu",
    "Ning",
    "Hao",
]


def load_talent(*, actor, generated_professionals: int = 1500, seed: int = 2010) -> int:
    """Load the seeds' people and a generated round; returns the records created."""
    created = 0
    if not Professional.objects.filter(name="Wang Jiaqi").exists():
        created += _load_seed_people(actor)
    generated = Post.objects.filter(institution__code__startswith=GENERATED_PREFIX)
    if generated_professionals and not generated.exists():
        created += _load_generated_round(actor, generated_professionals, random.Random(seed))
    return created


def _load_seed_people(actor) -> int:
    created = 0
    for code, name_en, name_zh, kind, region_code in INSTITUTIONS:
        if not Organization.objects.filter(code=code).exists():
            from counterpart.places import services as places

            places.organization_create(
                actor=actor,
                code=code,
                name_en=name_en,
                name_zh=name_zh,
                kind=kind,
                region=Region.objects.get(code=region_code),
            )
            created += 1
    posts = {}
    for key, institution, (
        title_en,
        title_zh,
    ), specialty, places, term, start, language in SEED_POSTS:
        posts[key] = services.post_create(
            actor=actor,
            institution=Organization.objects.get(code=institution),
            title_en=title_en,
            title_zh=title_zh,
            specialty=specialty,
            places=places,
            term_months=term,
            start_date=start,
            language=language,
            status="closed",
        )
        created += 1
    people = {}
    for name, org, specialty, seniority, languages, post_key, start, username in SEED_PEOPLE:
        user = User.objects.filter(username=username).first() if username else None
        people[name] = services.professional_register(
            actor=actor,
            organization=Organization.objects.get(code=org),
            user=user,
            name=name,
            specialty=specialty,
            seniority=seniority,
            languages=languages,
            available_from=start,
            term_months=posts[post_key].term_months,
        )
        services.placement_create(
            actor=actor, professional=people[name], post=posts[post_key], start_date=start
        )
        created += 2
    # She extended by a year; her husband came to serve in the same city.
    professor = people["Wang Jiaqi"]
    placement = professor.placements.get()
    extension = services.extension_request(
        actor=professor.user or actor,
        placement=placement,
        new_end_date=D(2024, 8, 31),
        reason="The Russian major and the new research institute need another year.",
    )
    services.extension_decide(actor=actor, extension=extension, approve=True)
    services.couple_create(actor=actor, first=professor, second=people["Liu Chengzhi"])
    karamay = Organization.objects.get(code="cupb-karamay")
    for n in range(1, 5):
        mentorship = services.mentorship_create(
            actor=actor,
            institution=karamay,
            mentor=professor,
            mentee_role=f"Young Russian-language teacher {n}",
            started_on=D(2021, 3, 1),
            goals="Teach the whole Russian curriculum with confidence; publish a first paper.",
        )
        for month in (3, 5, 9):
            services.mentorship_meeting_add(
                actor=actor,
                mentorship=mentorship,
                held_on=D(2021, month, 10 + n),
                hours=Decimal("1.5"),
                topic="Lesson observation and feedback",
            )
        created += 4
    for month in range(3, 7):
        services.workload_record(
            actor=actor, placement=placement, month=D(2021, month, 1), teaching_hours=32
        )
    services.training_record(
        actor=actor,
        institution=karamay,
        trainer=professor,
        topic="Workshop on teaching and research skills",
        held_on=D(2021, 11, 20),
        hours=Decimal(8),
        attendees=14,
        local_staff_trained=12,
    )
    services.training_record(
        actor=actor,
        institution=Organization.objects.get(code="yengisar-peoples-hospital"),
        trainer=people["Kong Xiaowen"],
        topic="Cataract surgery for county doctors",
        held_on=D(2023, 9, 10),
        hours=Decimal(16),
        attendees=20,
        local_staff_trained=18,
    )
    return created + 6


def _label(specialty: str, language: str) -> str:
    with translation.override(language):
        return str(Specialty(specialty).label)


def _load_generated_round(actor, count: int, rng: random.Random) -> int:
    """Posts at a hospital and a school in each recipient place, and `count` professionals
    from the donors, each ranking posts of their specialty, mostly in their donor's places."""
    from counterpart.pairings.models import Pairing
    from counterpart.places import services as places

    created = 0
    pairings = list(
        Pairing.objects.filter(parent__isnull=True, round__year=2010).select_related(
            "donor", "recipient"
        )
    )
    posts_by_donor: dict[int, list[Post]] = {}
    all_posts: list[Post] = []
    for pairing in pairings:
        region = pairing.recipient
        for kind, specialties, suffix_en, suffix_zh in (
            ("hospital", HOSPITAL_SPECIALTIES, "hospital", "医院"),
            ("school", SCHOOL_SPECIALTIES, "school", "学校"),
        ):
            code = f"{GENERATED_PREFIX}{region.code.lower()}-{kind}"
            institution = Organization.objects.filter(code=code).first()
            if institution is None:
                institution = places.organization_create(
                    actor=actor,
                    code=code,
                    name_en=f"{region.name_en} {suffix_en}",
                    name_zh=f"{region.name_zh}{suffix_zh}",
                    kind=kind,
                    region=region,
                )
                created += 1
            for specialty in rng.sample(specialties, 3):
                post = services.post_create(
                    actor=actor,
                    institution=institution,
                    title_en=_label(specialty, "en"),
                    title_zh=_label(specialty, "zh-hans"),
                    specialty=specialty,
                    places=rng.randint(1, 5),
                    term_months=rng.choice([6, 12, 12, 18, 36]),
                    start_date=rng.choice([D(2027, 3, 1), D(2027, 9, 1)]),
                    min_seniority=rng.choice([1, 1, 2, 3]),
                )
                posts_by_donor.setdefault(pairing.donor_id, []).append(post)
                all_posts.append(post)
                created += 1
    donors = [p.donor for p in pairings]
    specialties = sorted({post.specialty for post in all_posts})
    generated = []
    for _n in range(count):
        donor = rng.choice(donors)
        specialty = rng.choice(specialties)
        professional = services.professional_register(
            actor=actor,
            organization=donor,
            name=f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}{rng.choice(GIVEN).lower()}",
            specialty=specialty,
            seniority=rng.choice([1, 2, 2, 3, 3, 4]),
            languages=["zh", *rng.sample(["ug", "kk", "ru", "en"], rng.randint(0, 2))],
            available_from=D(2027, rng.choice([1, 3, 6]), 1),
            term_months=rng.choice([6, 12, 12, 18, 36]),
        )
        near = [p for p in posts_by_donor.get(donor.pk, []) if p.specialty == specialty]
        far = [p for p in all_posts if p.specialty == specialty and p not in near]
        wanted = rng.randint(3, 8)
        ranked = rng.sample(near, min(len(near), wanted))
        ranked += rng.sample(far, min(len(far), wanted - len(ranked)))
        services.preferences_set(actor=actor, professional=professional, posts=ranked)
        generated.append(professional)
        created += 2
    # A few couples: a doctor and a teacher sent by one donor, who rank posts in the same
    # places so that they can serve together.
    teachers: dict[int, list[Professional]] = {}
    for professional in generated:
        if professional.specialty in SCHOOL_SPECIALTIES:
            teachers.setdefault(professional.organization_id, []).append(professional)
    couples = 0
    for doctor in generated:
        if doctor.specialty in SCHOOL_SPECIALTIES or couples >= max(1, count // 100):
            continue
        regions = [
            p.post.institution.region_id
            for p in doctor.preferences.select_related("post__institution")
        ]
        for teacher in teachers.get(doctor.organization_id, []):
            nearby = [
                post
                for post in all_posts
                if post.specialty == teacher.specialty and post.institution.region_id in regions
            ]
            if nearby:
                nearby.sort(key=lambda post: regions.index(post.institution.region_id))
                services.preferences_set(actor=actor, professional=teacher, posts=nearby[:8])
                services.couple_create(actor=actor, first=doctor, second=teacher)
                teachers[doctor.organization_id].remove(teacher)
                couples += 1
                break
    created += couples
    return created
