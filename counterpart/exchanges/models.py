"""Exchanges between the paired places (camps, home stays, study visits) and class-to-class pen
pals. Participants are counted by side and age band; minors are never stored one by one."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from counterpart.core.choices import Language
from counterpart.core.models import BilingualTitle, NamesNoOne, Versioned
from counterpart.exchanges.choices import ExchangeKind

# The age bands participants are counted in, for each side.
AGE_BANDS = (
    ("children", _("under 12")),
    ("teenagers", _("12 to 17")),
    ("adults", _("18 and over")),
)
COUNT_FIELDS = tuple(f"{side}_{band}" for side in ("host", "visiting") for band, _l in AGE_BANDS)


class ExchangeEvent(BilingualTitle, Versioned, NamesNoOne):
    pairing = models.ForeignKey(
        "pairings.Pairing",
        verbose_name=_("organizing pairing"),
        on_delete=models.PROTECT,
        related_name="exchange_events",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ExchangeKind.choices)
    host_region = models.ForeignKey(
        "places.Region", verbose_name=_("host place"), on_delete=models.PROTECT, related_name="+"
    )
    visiting_region = models.ForeignKey(
        "places.Region",
        verbose_name=_("visitors' place"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    host_children = models.PositiveIntegerField(_("hosts under 12"), default=0)
    host_teenagers = models.PositiveIntegerField(_("hosts 12 to 17"), default=0)
    host_adults = models.PositiveIntegerField(_("hosts 18 and over"), default=0)
    visiting_children = models.PositiveIntegerField(_("visitors under 12"), default=0)
    visiting_teenagers = models.PositiveIntegerField(_("visitors 12 to 17"), default=0)
    visiting_adults = models.PositiveIntegerField(_("visitors 18 and over"), default=0)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="event_in_order"),
        ]
        verbose_name = _("exchange event")
        verbose_name_plural = _("exchange events")

    @property
    def participants(self) -> int:
        return sum(getattr(self, name) for name in COUNT_FIELDS)


class SchoolClass(NamesNoOne):
    """A class of a school, as one group: its grade, how many pupils, the language it writes."""

    school = models.ForeignKey(
        "places.Organization",
        verbose_name=_("school"),
        on_delete=models.PROTECT,
        related_name="classes",
    )
    grade = models.PositiveSmallIntegerField(_("grade"))
    class_number = models.PositiveSmallIntegerField(
        _("class number"), help_text=_("The class's number within its grade: 3 for Class 3.")
    )
    pupils = models.PositiveSmallIntegerField(_("pupils"))
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["school", "grade", "class_number"]
        constraints = [
            models.UniqueConstraint(fields=["school", "grade", "class_number"], name="class_once"),
            models.CheckConstraint(condition=Q(grade__gte=1, grade__lte=12), name="grade_1_to_12"),
            models.CheckConstraint(
                condition=Q(class_number__gte=1, class_number__lte=99), name="class_number_1_to_99"
            ),
        ]
        verbose_name = _("class")
        verbose_name_plural = _("classes")

    def __str__(self) -> str:
        return f"{self.school} · {self.label}"

    @property
    def label(self) -> str:
        """Grade and number only: a class is never called by a pupil's or teacher's name."""
        return _("Grade %(grade)s, Class %(number)s") % {
            "grade": self.grade,
            "number": self.class_number,
        }


class SchoolPartnership(NamesNoOne):
    """Two classes who write to each other as pen pals."""

    pairing = models.ForeignKey(
        "pairings.Pairing",
        verbose_name=_("pairing"),
        on_delete=models.PROTECT,
        related_name="school_partnerships",
    )
    donor_class = models.ForeignKey(
        SchoolClass, on_delete=models.PROTECT, related_name="partnerships_as_donor"
    )
    recipient_class = models.ForeignKey(
        SchoolClass, on_delete=models.PROTECT, related_name="partnerships_as_recipient"
    )
    started_on = models.DateField(_("started on"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-started_on", "id"]
        verbose_name = _("school partnership")
        verbose_name_plural = _("school partnerships")

    def __str__(self) -> str:
        return f"{self.donor_class} ↔ {self.recipient_class}"

    @property
    def letters_total(self) -> int:
        return sum(c.from_donor_side + c.from_recipient_side for c in self.letter_counts.all())


class LetterCount(NamesNoOne):
    """Letters the two classes wrote in a term: counts, never the letters or their writers."""

    partnership = models.ForeignKey(
        SchoolPartnership, on_delete=models.CASCADE, related_name="letter_counts"
    )
    term_start = models.DateField(_("term start"))
    term_end = models.DateField(_("term end"))
    from_donor_side = models.PositiveIntegerField(_("letters from the donor side"))
    from_recipient_side = models.PositiveIntegerField(_("letters from the recipient side"))

    class Meta:
        ordering = ["partnership", "term_start"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "term_start"], name="letters_once"),
            models.CheckConstraint(
                condition=Q(term_end__gte=F("term_start")), name="term_in_order"
            ),
        ]
        verbose_name = _("letter count")
        verbose_name_plural = _("letter counts")

    def __str__(self) -> str:
        return f"{self.partnership_id} {self.term_start:%Y-%m}"
