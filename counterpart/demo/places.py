"""Regions, organizations and the demo's users."""

from counterpart.accounts import selectors as account_selectors
from counterpart.accounts import services as accounts
from counterpart.demo.facts import rows
from counterpart.funding.services import reference_data_restore
from counterpart.places import selectors, services
from counterpart.places.centres import centre_of
from counterpart.places.governments import government_code

DEMO_PASSWORD = "counterpart-demo"
GOVERNMENT = "the place's government, named as such bodies are (public fact)"
USERS = rows("users.csv")  # username, display name, organization code, role: invented people


def load_places(loader) -> None:
    reference_data_restore()
    actor = loader.actor
    for row in rows("regions.csv"):
        if selectors.region_by_code(actor=actor, code=row["code"]) is None:
            parent = selectors.region_by_code(actor=actor, code=row["parent"])
            region = services.region_create(
                actor=actor,
                code=row["code"],
                name_en=row["name_en"],
                name_zh=row["name_zh"],
                name_ug=row["name_ug"],
                level=row["level"],
                parent=parent,
                centre=centre_of(row["seat"]),  # a corps division's: its city's seat
            )
            loader.mark(region, row["source"])
            government = selectors.organization_by_code(actor=actor, code=government_code(region))
            loader.mark(government, GOVERNMENT)  # made with its place, as every place's is
    counted = set(selectors.population_list().values_list("region__code", "year"))
    for row in rows("population.csv"):  # census counts, for figures per head
        if (row["code"], int(row["year"])) not in counted:
            region = selectors.region_by_code(actor=actor, code=row["code"])
            people = services.population_record(
                actor=actor,
                region=region,
                year=int(row["year"]),
                people=int(row["people"]),
                source=row["source"],
            )
            loader.mark(people, row["source"])
    for row in rows("organizations.csv"):
        if selectors.organization_by_code(actor=actor, code=row["code"]) is None:
            organization = services.organization_create(
                actor=actor,
                code=row["code"],
                name_en=row["name_en"],
                name_zh=row["name_zh"],
                name_ug=row["name_ug"],
                kind=row["kind"],
                region=selectors.region_by_code(actor=actor, code=row["region"]),
                parent=selectors.organization_by_code(actor=actor, code=row["parent"])
                if row["parent"]
                else None,
            )
            loader.mark(organization, row["source"])


def load_users(loader) -> None:
    actor = loader.actor
    for row in USERS:
        user = account_selectors.user_by_username(actor=actor, username=row["username"])
        if user is None:
            user = accounts.user_create(
                actor=actor,
                username=row["username"],
                password=DEMO_PASSWORD,
                display_name=row["display_name"],
                email=f"{row['username']}@example.org",
                is_superuser=row["role"] == "programme_office",
            )
            loader.mark(user, "illustrative (an invented person)")
        organization = selectors.organization_by_code(actor=actor, code=row["organization"])
        if not account_selectors.has_membership(
            user=user, organization=organization, role=row["role"]
        ):
            accounts.membership_grant(
                actor=actor, user=user, organization=organization, role=row["role"]
            )
