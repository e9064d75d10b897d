from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.table import Table

from counterpart.accounts import selectors, services
from counterpart.accounts.choices import Role
from counterpart.accounts.services import system_actor
from counterpart.places import selectors as places


class Command(BaseCommand):
    help = "People and their access: invite someone, list people, suspend or reactivate them."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        invite = actions.add_parser("invite", help="Invite a person by e-mail.")
        invite.add_argument("email")
        invite.add_argument("--organization", required=True, help="The organization's code.")
        invite.add_argument("--role", required=True, choices=Role.values)
        invite.add_argument("--name", default="", help="The person's name, for the e-mail.")
        invite.add_argument(
            "--language", default="en", choices=[code for code, _name in settings.LANGUAGES]
        )
        listing = actions.add_parser("list", help="List people and their roles.")
        listing.add_argument("--organization", help="Only this organization's (its code).")
        listing.add_argument("--role", choices=Role.values)
        listing.add_argument("--search", default="", help="Part of a username, name or e-mail.")
        listing.add_argument("--suspended", action="store_true", help="Only suspended people.")
        for name, text in (("suspend", "Suspend a person"), ("reactivate", "Reactivate one")):
            change = actions.add_parser(name, help=f"{text}: sign-in, browsers and tokens.")
            change.add_argument("username")
            change.add_argument("--reason", required=True)

    def handle(self, *args, action, **options):
        actor = system_actor()
        try:
            getattr(self, f"_{action}")(actor, Console(), **options)
        except ValidationError as error:
            raise CommandError("; ".join(_messages(error))) from None

    def _invite(self, actor, console, *, email, organization, role, name, language, **_options):
        invitation = services.invitation_create(
            actor=actor,
            email=email,
            organization=self._organization(actor, organization),
            role=role,
            display_name=name,
            language=language,
        )
        console.print(
            f"Invited {invitation.email} to {invitation.organization} as "
            f"{invitation.get_role_display()}; the e-mail goes out when a worker runs "
            f"(counterpart worker). The link works until {invitation.expires_at:%Y-%m-%d %H:%M}."
        )

    def _list(self, actor, console, *, organization, role, search, suspended, **_options):
        people = selectors.user_list(
            actor=actor,
            search=search,
            role=role or "",
            organization=self._organization(actor, organization) if organization else None,
            active=False if suspended else None,
        )
        table = Table(title=f"{people.count()} people")
        for column in ("username", "name", "e-mail", "status", "roles"):
            table.add_column(column)
        for person in people:
            table.add_row(
                person.username,
                person.display_name,
                person.email,
                "active" if person.is_active else "suspended",
                "\n".join(
                    f"{m.get_role_display()} · {m.organization}" for m in person.memberships.all()
                ),
            )
        console.print(table)

    def _suspend(self, actor, console, *, username, reason, **_options):
        services.user_suspend(actor=actor, user=self._user(actor, username), reason=reason)
        console.print(f"Suspended {username}: signed out everywhere, API tokens revoked.")

    def _reactivate(self, actor, console, *, username, reason, **_options):
        services.user_reactivate(actor=actor, user=self._user(actor, username), reason=reason)
        console.print(f"Reactivated {username}.")

    def _organization(self, actor, code: str):
        found = places.organization_by_code(actor=actor, code=code)
        if found is None:
            raise CommandError(f"--organization: no organization has the code {code!r}")
        return found

    def _user(self, actor, username: str):
        found = selectors.user_list(actor=actor).filter(username=username).first()
        if found is None:
            raise CommandError(f"username: no one is called {username!r}")
        return found


def _messages(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items()]
    return error.messages
