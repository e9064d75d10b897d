"""The header's navigation by task: at most seven entries, each a menu of the pages for that
task the reader may open (or one page), the one holding the current page marked."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from counterpart.accounts import permissions
from counterpart.funding import selectors as funding
from counterpart.funding.scorecard import may_see_scorecard
from counterpart.interchange.kinds import kinds_for


def _anyone(user) -> bool:
    return True


def _signed_in(user) -> bool:
    return user.is_authenticated


def _imports(user) -> bool:
    return bool(user.is_authenticated and kinds_for(user))


@dataclass(frozen=True)
class Link:
    label: str
    name: str  # the page's URL name
    shown: Callable = _anyone


MENUS: list[tuple[str, list[Link]]] = [
    (
        _("Programme"),
        [
            Link(_("Overview"), "home"),
            Link(_("Pairings"), "pairings:list"),
            Link(_("Pairing design"), "design:scenarios"),
            Link(_("Organizations"), "places:organizations"),
            Link(_("Regions"), "places:regions"),
        ],
    ),
    (
        _("Money"),
        [
            Link(_("Ledger"), "funding:list", funding.may_see_entries),
            Link(_("Scorecard"), "funding:scorecard", may_see_scorecard),
            Link(_("Rates and rules"), "funding:settings", permissions.can_read_audit),
        ],
    ),
    (_("Projects"), [Link(_("Projects"), "projects:list")]),
    (_("People"), [Link(_("Talent"), "talent:home")]),
    (
        _("Cooperation"),
        [
            Link(_("Remote care"), "care:home"),
            Link(_("Exchanges"), "exchanges:home"),
            Link(_("Enterprise"), "enterprise:home"),
        ],
    ),
    (
        _("Reports"),
        [
            Link(_("Dashboard"), "dashboard"),
            Link(_("Report builder"), "reports:builder"),
            Link(_("Search"), "search:page"),
            Link(_("Open data"), "opendata:home"),
            Link(_("API"), "api:openapi-view"),
        ],
    ),
    (
        _("Administration"),
        [
            Link(_("Reviews"), "reporting:reviews", _signed_in),
            Link(_("Audit log"), "audit:log", permissions.can_read_audit),
            Link(_("People and access"), "people:list", permissions.administers_people),
            Link(_("Import"), "interchange:home", _imports),
        ],
    ),
]


@dataclass(frozen=True)
class Shown:
    label: str
    url: str
    current: bool


@dataclass(frozen=True)
class Menu:
    label: str
    links: list[Shown]

    @property
    def current(self) -> bool:
        return any(link.current for link in self.links)

    @property
    def only(self) -> Shown | None:
        """The menu's one page, when it has one: shown as a link, not a menu."""
        return self.links[0] if len(self.links) == 1 else None


def navigation(user, path: str) -> list[Menu]:
    """The menus with the pages the user may open; the page whose address is the longest
    start of `path` is the current one."""
    menus = [
        (label, [(link.label, reverse(link.name)) for link in links if link.shown(user)])
        for label, links in MENUS
    ]
    starts = [url for _label, links in menus for _l, url in links if _within(path, url)]
    current = max(starts, key=len, default=None)
    return [
        Menu(str(label), [Shown(str(text), url, url == current) for text, url in links])
        for label, links in menus
        if links
    ]


def _within(path: str, url: str) -> bool:
    return path == url or (url != "/" and path.startswith(url))
