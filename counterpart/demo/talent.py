"""People who serve: the seeds' stories with invented names, and a generated round of posts and
professionals (illustrative) for the matching to work on."""

import datetime
import random
from decimal import Decimal

from django.utils import timezone, translation

from counterpart.accounts import selectors as accounts
from counterpart.core.choices import Specialty
from counterpart.demo import lookup
from counterpart.demo.facts import day, document
from counterpart.pairings import selectors as pairings
from counterpart.places import services as places
from counterpart.talent import selectors, services


def load_seed_people(loader) -> None:
    actor = loader.actor
    facts = document("talent.json")
    if selectors.professional_list(actor=actor).filter(name=facts["people"][0]["name"]):
        return
    posts = {}
    for fact in facts["posts"]:
        posts[fact["key"]] = services.post_create(
            actor=actor,
            institution=lookup.organization(actor, fact["institution"]),
            title_en=fact["title_en"],
            title_zh=fact["title_zh"],
            specialty=fact["specialty"],
            places=fact["places"],
            term_months=fact["term_months"],
            start_date=day(fact["start_date"]),
            language=fact["language"],
            status="closed",
        )
        loader.mark(posts[fact["key"]], fact["source"])
    people, placements = {}, {}
    for fact in facts["people"]:
        post = posts[fact["post"]]
        user = fact["username"] and accounts.user_by_username(
            actor=actor, username=fact["username"]
        )
        people[fact["name"]] = services.professional_register(
            actor=actor,
            organization=lookup.organization(actor, fact["organization"]),
            user=user or None,
            name=fact["name"],
            specialty=fact["specialty"],
            seniority=fact["seniority"],
            languages=fact["languages"],
            available_from=day(fact["start_date"]),
            term_months=post.term_months,
        )
        placements[fact["name"]] = services.placement_create(
            actor=actor,
            professional=people[fact["name"]],
            post=post,
            start_date=day(fact["start_date"]),
        )
        loader.mark([people[fact["name"]], placements[fact["name"]]], fact["source"])
    fact = facts["extension"]
    extension = services.extension_request(
        actor=actor,
        placement=placements[fact["professional"]],
        new_end_date=day(fact["new_end_date"]),
        reason=fact["reason"],
        requested_on=day(fact["requested_on"]),
    )
    decided = services.extension_decide(
        actor=actor, extension=extension, approve=True, decided_on=day(fact["decided_on"])
    )
    loader.mark(decided, fact["source"])
    fact = facts["couple"]
    couple = services.couple_create(
        actor=actor, first=people[fact["first"]], second=people[fact["second"]]
    )
    loader.mark(couple, fact["source"])
    _load_knowledge(loader, facts, people, placements)


def _load_knowledge(loader, facts, people, placements) -> None:
    actor = loader.actor
    fact = facts["mentorships"]
    institution = lookup.organization(actor, fact["institution"])
    for n in range(1, fact["mentees"] + 1):
        mentorship = services.mentorship_create(
            actor=actor,
            institution=institution,
            mentor=people[fact["mentor"]],
            mentee_role=fact["role"],
            mentee_field=fact["field"],
            started_on=day(fact["started_on"]),
            goals=fact["goals"],
        )
        meetings = [
            services.mentorship_meeting_add(
                actor=actor,
                mentorship=mentorship,
                held_on=day(fact["started_on"]).replace(month=month, day=10 + n),
                hours=Decimal(fact["meeting_hours"]),
                topic=fact["meeting_topic"],
            )
            for month in fact["meeting_months"]
        ]
        loader.mark([mentorship, *meetings], fact["source"])
    fact = facts["workload"]
    loads = [
        services.workload_record(
            actor=actor,
            placement=placements[fact["professional"]],
            month=day(month),
            teaching_hours=fact["teaching_hours"],
        )
        for month in fact["months"]
    ]
    loader.mark(loads, fact["source"])
    for fact in facts["trainings"]:
        training = services.training_record(
            actor=actor,
            institution=lookup.organization(actor, fact["institution"]),
            trainer=people[fact["trainer"]],
            topic=fact["topic"],
            held_on=day(fact["held_on"]),
            hours=Decimal(fact["hours"]),
            attendees=fact["attendees"],
            local_staff_trained=fact["local_staff_trained"],
        )
        loader.mark(training, fact["source"])


def _month_after(days: int) -> datetime.date:
    """The first of the month after `days` from today: when a generated post's term starts."""
    later = timezone.localdate() + datetime.timedelta(days=days)
    return (later.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


def _label(specialty: str, language: str) -> str:
    with translation.override(language):
        return str(Specialty(specialty).label)


def load_generated_round(loader) -> None:
    """Posts at a hospital and a school in each recipient place of the 2010 round, and
    professionals from the donors, each ranking posts of their specialty, mostly in their
    donor's places; a few couples of a doctor and a teacher. All of it illustrative."""
    actor, count = loader.actor, loader.generated_professionals
    facts = document("talent.json")["generated_round"]
    prefix = facts["institution_prefix"]
    if not count or selectors.post_list(actor=actor).filter(institution__code__startswith=prefix):
        return
    rng = random.Random(facts["seed"])
    round_2010 = lookup.round_of(actor, 2010)
    rounds_pairings = pairings.pairing_list(actor=actor, round=round_2010, top_level=True)
    posts_by_donor: dict[int, list] = {}
    all_posts = []
    created = []
    for pairing in rounds_pairings.select_related("donor", "recipient"):
        region = pairing.recipient
        for kind, specialties, suffix_en, suffix_zh, suffix_ug in (
            ("hospital", facts["hospital_specialties"], "hospital", "医院", "دوختۇرخانىسى"),
            ("school", facts["school_specialties"], "school", "学校", "مەكتىپى"),
        ):
            code = f"{prefix}{region.code.lower()}-{kind}"
            institution = lookup.organization(actor, code)
            if institution is None:
                institution = places.organization_create(
                    actor=actor,
                    code=code,
                    name_en=f"{region.name_en} {suffix_en}",
                    name_zh=f"{region.name_zh}{suffix_zh}",
                    name_ug=f"{region.name_ug} {suffix_ug}" if region.name_ug else "",
                    kind=kind,
                    region=region,
                )
                created.append(institution)
            for specialty in rng.sample(specialties, 3):
                post = services.post_create(
                    actor=actor,
                    institution=institution,
                    title_en=_label(specialty, "en"),
                    title_zh=_label(specialty, "zh-hans"),
                    specialty=specialty,
                    places=rng.randint(1, 5),
                    term_months=rng.choice(facts["terms"]),
                    start_date=_month_after(rng.choice(facts["start_in_days"])),
                    min_seniority=rng.choice([1, 1, 2, 3]),
                )
                posts_by_donor.setdefault(pairing.donor_id, []).append(post)
                all_posts.append(post)
                created.append(post)
    professionals = _generated_professionals(
        actor, facts, rng, count, rounds_pairings, all_posts, posts_by_donor
    )
    couples = _generated_couples(actor, facts, professionals, all_posts, max(1, count // 100))
    loader.mark(created + professionals + couples, facts["source"])


def _generated_professionals(actor, facts, rng, count, rounds_pairings, all_posts, posts_by_donor):
    donors = [pairing.donor for pairing in rounds_pairings.select_related("donor")]
    specialties = sorted({post.specialty for post in all_posts})
    generated = []
    for _n in range(count):
        donor = rng.choice(donors)
        specialty = rng.choice(specialties)
        professional = services.professional_register(
            actor=actor,
            organization=donor,
            name=f"{rng.choice(facts['surnames'])} "
            f"{rng.choice(facts['given_names'])}{rng.choice(facts['given_names']).lower()}",
            specialty=specialty,
            seniority=rng.choice([1, 2, 2, 3, 3, 4]),
            languages=["zh", *rng.sample(["ug", "kk", "ru", "en"], rng.randint(0, 2))],
            available_from=timezone.localdate()
            + datetime.timedelta(days=rng.choice(facts["available_in_days"])),
            term_months=rng.choice(facts["terms"]),
        )
        near = [p for p in posts_by_donor.get(donor.pk, []) if p.specialty == specialty]
        far = [p for p in all_posts if p.specialty == specialty and p not in near]
        wanted = rng.randint(3, 8)
        ranked = rng.sample(near, min(len(near), wanted))
        ranked += rng.sample(far, min(len(far), wanted - len(ranked)))
        services.preferences_set(actor=actor, professional=professional, posts=ranked)
        generated.append(professional)
    return generated


def _generated_couples(actor, facts, generated, all_posts, most: int) -> list:
    """A doctor and a teacher sent by one donor, ranking posts in the same places so that they
    can serve together."""
    teaching = set(facts["school_specialties"])
    teachers: dict[int, list] = {}
    for professional in generated:
        if professional.specialty in teaching:
            teachers.setdefault(professional.organization_id, []).append(professional)
    couples = []
    for doctor in generated:
        if doctor.specialty in teaching or len(couples) >= most:
            continue
        ranked = selectors.preference_list(actor=actor, professional=doctor)
        regions = [p.post.institution.region_id for p in ranked.select_related("post__institution")]
        for teacher in teachers.get(doctor.organization_id, []):
            nearby = [
                post
                for post in all_posts
                if post.specialty == teacher.specialty and post.institution.region_id in regions
            ]
            if nearby:
                nearby.sort(key=lambda post: regions.index(post.institution.region_id))
                services.preferences_set(actor=actor, professional=teacher, posts=nearby[:8])
                couples.append(services.couple_create(actor=actor, first=doctor, second=teacher))
                teachers[doctor.organization_id].remove(teacher)
                break
    return couples
