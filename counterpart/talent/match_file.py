"""A matching of any instance, read from JSON and written as JSON: the `match-file` command's
INPUT and RESULT (the formats are in the README). Every value is checked and a bad one refused
naming its place in the input (`couples[2].ranking[4][1]`), in the reader's language."""

import json
import time
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from counterpart.core.json_input import InputError, listed, ref, whole
from counterpart.engine.couples import stable_match_couples
from counterpart.engine.matching import prepare

POST, APPLICANT = "post", "applicant"  # what a ranking names


@dataclass
class MatchFile:
    posts: list[str] = field(default_factory=list)
    capacity: list[int] = field(default_factory=list)
    post_prefs: list[list[int]] = field(default_factory=list)
    applicants: list[str] = field(default_factory=list)
    applicant_prefs: list[list[int]] = field(default_factory=list)
    couples: list[tuple[int, int]] = field(default_factory=list)
    couple_prefs: list[list[tuple[int, int]]] = field(default_factory=list)


def match_file_from(data) -> MatchFile:
    if not isinstance(data, dict):
        raise InputError("$", _("The input is a JSON object with posts, singles and couples."))
    found, places = MatchFile(), []
    posts, singles, couples = (listed(data, key) for key in ("posts", "singles", "couples"))
    post_index, where_of = {}, {}
    for n, item in enumerate(posts):
        where = f"posts[{n}]"
        _object(item, where, _("A post is an object with a ref, a capacity and a ranking."))
        post_index[_new_ref(item.get("ref"), f"{where}.ref", where_of, where)] = n
        found.posts.append(item["ref"].strip())
        found.capacity.append(whole(item.get("capacity"), f"{where}.capacity", least=0))
        places.append(ref(item.get("place", ""), f"{where}.place", empty=True))
    applicant_index, where_of = {}, {}
    for n, item in enumerate(singles):
        where = f"singles[{n}]"
        _object(item, where, _("A single is an object with a ref and a ranking."))
        applicant_index[_new_ref(item.get("ref"), f"{where}.ref", where_of, where)] = n
        found.applicants.append(item["ref"].strip())
    for n, item in enumerate(couples):
        where = f"couples[{n}]"
        _object(item, where, _("A couple is an object with two refs and a ranking of pairs."))
        members = item.get("refs")
        if not (isinstance(members, list) and len(members) == 2):
            raise InputError(f"{where}.refs", _("A couple is two applicants' refs."))
        for side, member in enumerate(members):
            member_ref = _new_ref(member, f"{where}.refs[{side}]", where_of, where)
            applicant_index[member_ref] = len(found.applicants)
            found.applicants.append(member_ref)
        found.couples.append((len(found.applicants) - 2, len(found.applicants) - 1))
    for n, item in enumerate(singles):
        found.applicant_prefs.append(_ranking(item, f"singles[{n}]", post_index, POST))
    found.applicant_prefs.extend([] for _member in range(2 * len(couples)))
    for n, item in enumerate(posts):
        found.post_prefs.append(_ranking(item, f"posts[{n}]", applicant_index, APPLICANT))
    for n, item in enumerate(couples):
        found.couple_prefs.append(_pair_ranking(item, f"couples[{n}]", post_index, found, places))
    return found


def match(found: MatchFile, *, optimal: str = "applicant") -> dict:
    """The matching of `found` and what blocks it, as the RESULT file has them."""
    if optimal not in ("applicant", "post"):
        raise InputError("--optimal", _("Choose applicant or post."))
    if optimal == "post" and found.couples:
        raise InputError(
            "--optimal", _("With couples only the applicants propose: leave out --optimal post.")
        )
    started = time.perf_counter()
    args = found.applicant_prefs, found.post_prefs, found.capacity
    if found.couples:
        result = stable_match_couples(*args, found.couples, couple_prefs=found.couple_prefs)
        matched, singles, couples = result.matched, result.blocking, result.couple_blocking
    else:
        instance = prepare(*args)
        matched = instance.solve(optimal)
        singles, couples = instance.blocking_pairs(matched).tolist(), []
    seconds = time.perf_counter() - started
    post, applicant = found.posts, found.applicants
    return {
        "matched": {
            applicant[i]: post[j] if j >= 0 else None for i, j in enumerate(matched.tolist())
        },
        "stable": not singles and not couples,
        "blocking_singles": [[applicant[i], post[j]] for i, j in singles],
        "blocking_couples": [
            [[applicant[m] for m in found.couples[c]], [post[j] for j in pair]]
            for c, pair in couples
        ],
        "seconds": round(seconds, 3),
    }


def _object(item, where: str, message: str) -> None:
    if not isinstance(item, dict):
        raise InputError(where, message)


def _new_ref(value, where: str, where_of: dict, owner: str) -> str:
    """A ref not used before in its kind (posts, or applicants), remembered as `owner`'s."""
    found = ref(value, where)
    if found in where_of:
        raise InputError(
            where, _("%(ref)s is in %(other)s already.") % {"ref": found, "other": where_of[found]}
        )
    where_of[found] = owner
    return found


def _ranking(item: dict, where: str, index: dict, kind: str) -> list[int]:
    ranking = item.get("ranking", [])
    if not isinstance(ranking, list):
        raise InputError(f"{where}.ranking", _("A list is needed here."))
    ranked, seen = [], set()
    for position, value in enumerate(ranking):
        here = f"{where}.ranking[{position}]"
        target = _known(value, here, index, kind)
        if target in seen:
            raise InputError(here, _("%(ref)s is ranked twice.") % {"ref": value})
        seen.add(target)
        ranked.append(target)
    return ranked


def _pair_ranking(item: dict, where: str, index: dict, found: MatchFile, places) -> list:
    ranking = item.get("ranking", [])
    if not isinstance(ranking, list):
        raise InputError(f"{where}.ranking", _("A list is needed here."))
    ranked, seen = [], set()
    for position, pair in enumerate(ranking):
        here = f"{where}.ranking[{position}]"
        if not (isinstance(pair, list) and len(pair) == 2):
            raise InputError(here, _("A couple ranks pairs of posts: [post, post]."))
        first, second = (_known(p, f"{here}[{k}]", index, POST) for k, p in enumerate(pair))
        if first == second and found.capacity[first] < 2:
            places_of = found.capacity[first]
            raise InputError(
                here,
                ngettext(
                    "%(ref)s is named twice but has %(places)s place.",
                    "%(ref)s is named twice but has %(places)s places.",
                    places_of,
                )
                % {"ref": found.posts[first], "places": places_of},
            )
        if places[first] and places[second] and places[first] != places[second]:
            raise InputError(
                here,
                _("A couple serves in one place: %(first)s is in %(a)s, %(second)s in %(b)s.")
                % {
                    "first": found.posts[first],
                    "a": places[first],
                    "second": found.posts[second],
                    "b": places[second],
                },
            )
        if (first, second) in seen:
            raise InputError(here, _("This pair is ranked twice."))
        seen.add((first, second))
        ranked.append((first, second))
    return ranked


def _known(value, where: str, index: dict, kind: str) -> int:
    if isinstance(value, str) and value.strip() in index:
        return index[value.strip()]
    if kind == POST:
        raise InputError(where, _("No post has the ref %(ref)s.") % {"ref": _shown(value)})
    raise InputError(where, _("No applicant has the ref %(ref)s.") % {"ref": _shown(value)})


def _shown(value) -> str:
    """A value as the message shows it: short, one line."""
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return text if len(text) <= 60 else text[:59] + "…"
