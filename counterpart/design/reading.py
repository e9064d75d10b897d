"""A design problem read from JSON (the `design solve` command's INPUT, the API's body): each
value checked, a bad one refused naming its place in the input (`donors[2].capacity`) in the
reader's language; the engine's refusals of input no design can meet put into words."""

from django.utils.translation import gettext as _

from counterpart.core.json_input import InputError, listed, number, ref, whole
from counterpart.engine.design import Design, Donor, Infeasible, Problem, Recipient


def problem_from(data) -> Problem:
    if not isinstance(data, dict):
        raise InputError("$", _("The input is a JSON object with donors and recipients."))
    donors = [_donor(item, f"donors[{n}]") for n, item in enumerate(listed(data, "donors"))]
    recipients = [
        _recipient(item, f"recipients[{n}]") for n, item in enumerate(listed(data, "recipients"))
    ]
    limit = data.get("max_groups_per_donor")
    return Problem(
        donors=donors,
        recipients=recipients,
        fixed=set(_pairs(data, "fixed")),
        forbidden=set(_pairs(data, "forbidden")),
        max_groups_per_donor=None
        if limit is None
        else whole(limit, "max_groups_per_donor", least=1),
        current={recipient: donor for donor, recipient in _pairs(data, "current")},
    )


def problem_dict(problem: Problem) -> dict:
    """A problem as `problem_from` reads it: what is kept of an input, nothing else."""
    return {
        "donors": [
            {
                "ref": d.ref,
                "capacity": d.capacity,
                "min_recipients": d.min_recipients,
                "max_recipients": d.max_recipients,
            }
            for d in problem.donors
        ],
        "recipients": [
            {"ref": r.ref, "population": r.population, "weight": r.weight, "group": r.group}
            for r in problem.recipients
        ],
        "fixed": sorted([d, r] for d, r in problem.fixed),
        "forbidden": sorted([d, r] for d, r in problem.forbidden),
        "max_groups_per_donor": problem.max_groups_per_donor,
        "current": sorted([d, r] for r, d in problem.current.items()),
    }


def result_of(design: Design) -> dict:
    return {
        "assignment": sorted([donor, recipient] for recipient, donor in design.assignment.items()),
        "objective": design.objective,
        "changes": design.changes,
        "proven_optimal": design.proven_optimal,
        "gap": design.gap,
        "seconds": round(design.seconds, 3),
    }


def _donor(item, where: str) -> Donor:
    if not isinstance(item, dict):
        raise InputError(where, _("A donor is an object with a ref and a capacity."))
    least = whole(item.get("min_recipients", 0), f"{where}.min_recipients", least=0)
    most = item.get("max_recipients")
    return Donor(
        ref=ref(item.get("ref"), f"{where}.ref"),
        capacity=number(item.get("capacity"), f"{where}.capacity"),
        min_recipients=least,
        max_recipients=None if most is None else whole(most, f"{where}.max_recipients", least=0),
    )


def _recipient(item, where: str) -> Recipient:
    if not isinstance(item, dict):
        raise InputError(where, _("A recipient is an object with a ref and a population."))
    return Recipient(
        ref=ref(item.get("ref"), f"{where}.ref"),
        population=whole(item.get("population"), f"{where}.population", least=0),
        weight=number(item.get("weight", 1), f"{where}.weight"),
        group=ref(item.get("group", ""), f"{where}.group", empty=True),
    )


def _pairs(data: dict, key: str) -> list[tuple[str, str]]:
    found = []
    for n, pair in enumerate(listed(data, key)):
        where = f"{key}[{n}]"
        if not (isinstance(pair, list) and len(pair) == 2):
            raise InputError(where, _("A pair is [donor, recipient]."))
        found.append((ref(pair[0], f"{where}[0]"), ref(pair[1], f"{where}[1]")))
    return found


# The engine's refusals (engine/design/problem.py `Infeasible.code`), in the reader's language.
def refusal(error: Infeasible) -> str:
    messages = {
        "duplicate": _("A donor or a recipient is listed twice."),
        "no_recipients": _("There are no recipients to pair."),
        "unknown_pair": _(
            "The pair %(donor)s–%(recipient)s in %(what)s names no donor or recipient."
        ),
        "fixed_twice": _("%(recipient)s is fixed to both %(first)s and %(second)s."),
        "fixed_forbidden": _("The pair %(donor)s–%(recipient)s is both fixed and forbidden."),
        "negative_capacity": _("%(donor)s has a capacity below zero."),
        "min_above_max": _("%(donor)s must have at least %(min)s recipients and at most %(max)s."),
        "no_capacity": _("%(donor)s has no capacity but must have recipients."),
        "negative_population": _("%(recipient)s has a population or weight below zero."),
        "no_donor": _("Every donor is forbidden for %(recipient)s (or has no capacity)."),
        "minimums": _("The donors' minimums ask for %(wanted)s recipients; there are %(count)s."),
        "maximums": _("The donors' maximums allow %(room)s recipients; there are %(count)s."),
        "min_unreachable": _("%(donor)s must have %(min)s recipients; only %(count)s may be its."),
        "fixed_above_max": _(
            "%(donor)s is fixed to %(count)s recipients, more than its maximum %(max)s."
        ),
        "fixed_groups": _(
            "%(donor)s is fixed to recipients in %(count)s groups; at most %(limit)s."
        ),
        "combination": _(
            "No design meets the donors' numbers of recipients and the group limit together."
        ),
    }
    message = messages.get(error.code)
    return message % error.params if message else str(error)
