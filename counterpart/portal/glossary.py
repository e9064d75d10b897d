"""The programme's terms, as the glossary page explains them: (anchor, term, meaning)."""

from django.utils.translation import gettext_lazy as _

TERMS = [
    (
        "round",
        _("Round"),
        _("A period of the programme with its own pairings, such as the round begun in 2010."),
    ),
    (
        "pairing",
        _("Pairing"),
        _(
            "A donor (a province, a city, an agency or a state enterprise) assigned to a "
            "recipient place for a round, from one date to another."
        ),
    ),
    (
        "sub-pairing",
        _("Sub-pairing"),
        _(
            "A city of a donor province assisting part of the province's recipient: Jining under "
            "Shandong, say."
        ),
    ),
    (
        "quota",
        _("Quota"),
        _(
            "What a donor owes in a year: a share of its general public budget revenue of the "
            "year before."
        ),
    ),
    (
        "commitment",
        _("Commitment"),
        _("Money promised to a project or a pairing. Nothing has moved yet."),
    ),
    (
        "disbursement",
        _("Disbursement"),
        _("Money actually paid out against a commitment; the recipient confirms its receipt."),
    ),
    (
        "expenditure",
        _("Expenditure"),
        _("Money spent on the ground, by the project or the place."),
    ),
    (
        "value-date",
        _("Value date"),
        _(
            "The day the money was promised, paid or spent: it decides the year it counts in and "
            "the exchange rate it converts at."
        ),
    ),
    (
        "reversal",
        _("Reversal"),
        _(
            "The ledger is never edited: a mistake is corrected by a new entry that cancels the "
            "wrong one."
        ),
    ),
    (
        "wellbeing-share",
        _("Wellbeing share"),
        _(
            "The part of what was committed that goes to people's wellbeing (health, education, "
            "employment, housing, roads, water, social protection); the programme's line is 80 %."
        ),
    ),
    (
        "county-share",
        _("County-level share"),
        _(
            "The part of what was committed that is spent at county level and below, where people"
            " live."
        ),
    ),
    (
        "rate-in-force",
        _("Rate in force"),
        _(
            "The latest exchange rate recorded on or before a day; an entry converts at the rate "
            "in force on its value date."
        ),
    ),
    (
        "indicator",
        _("Indicator"),
        _(
            "What a result is measured by (jobs created, hospital beds, people lifted out of "
            "poverty), with a baseline, a target and an actual for each period."
        ),
    ),
    (
        "post",
        _("Post"),
        _(
            "A need of a receiving institution: so many places for a specialty, for a term from a"
            " date."
        ),
    ),
    (
        "placement",
        _("Placement"),
        _(
            "A professional serving at a post for a term; it may be extended and is handed over "
            "to a successor."
        ),
    ),
    (
        "nth-choice",
        _("n-th choice"),
        _(
            "Where the post a professional was placed at stood in their own ranking: first choice"
            " is the post they wanted most."
        ),
    ),
    (
        "stable-matching",
        _("Stable matching"),
        _(
            "A placement of professionals at posts such that no professional and post would both "
            "rather have each other than what they got."
        ),
    ),
    (
        "blocking-pair",
        _("Blocking pair"),
        _(
            "A professional and a post who would both rather have each other: a matching with "
            "none is stable."
        ),
    ),
    (
        "couple",
        _("Couple"),
        _(
            "Two professionals who want to serve in one place; the matching places them together "
            "or not at all."
        ),
    ),
    (
        "hand-over",
        _("Hand-over"),
        _(
            "A successor's term begins when the predecessor's ends, with no gap and ideally some "
            "days together."
        ),
    ),
    (
        "case-code",
        _("Case code"),
        _(
            "How a patient is named in remote care: a pseudonymous code, never a name or an "
            "identity number."
        ),
    ),
    (
        "formerly-poor",
        _("Formerly poor"),
        _(
            "People from households once registered as poor: the jobs they got are counted, never"
            " listed."
        ),
    ),
    (
        "review",
        _("Review"),
        _(
            "Records a team enters may need approval, level by level, before they count in public"
            " figures."
        ),
    ),
    (
        "data-freeze",
        _("Data freeze"),
        _(
            "A date before which the ledger of a round takes no new entries, except where the "
            "office grants an exception."
        ),
    ),
]
