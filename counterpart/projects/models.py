"""Projects of a pairing, their sectors, places, milestones and documents, and their results."""

from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from counterpart.core.models import Bilingual, BilingualTitle, CheckedText, Versioned, in_language
from counterpart.projects.choices import ActivityStatus, Category, Measure, ResultKind, Standard

WELLBEING_CATEGORIES = frozenset(
    {
        Category.HEALTH,
        Category.EDUCATION,
        Category.EMPLOYMENT,
        Category.HOUSING,
        Category.ROADS,
        Category.WATER,
        Category.SOCIAL_PROTECTION,
    }
)


class Sector(Bilingual):
    """An OECD DAC 5-digit purpose code, or a 3-digit sector category where no more is said
    (another publisher's file), and the programme category it counts under: what a project
    (and a ledger entry of its own) is about."""

    code = models.CharField(_("DAC code"), max_length=5, primary_key=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)

    class Meta:
        db_table = "funding_sector"  # where it was created, before sectors moved to projects
        ordering = ["code"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def is_wellbeing(self) -> bool:
        return self.category in WELLBEING_CATEGORIES


class Project(BilingualTitle, Versioned, CheckedText):
    pairing = models.ForeignKey(
        "pairings.Pairing",
        verbose_name=_("pairing"),
        on_delete=models.PROTECT,
        related_name="projects",
    )
    code = models.SlugField(
        _("code"), max_length=80, unique=True, help_text=_("Stable; part of the IATI identifier.")
    )
    description_en = models.TextField(_("description (English)"), blank=True)
    description_zh = models.TextField(_("description (Chinese)"), blank=True)
    status = models.CharField(
        _("status"), max_length=1, choices=ActivityStatus.choices, default=ActivityStatus.PIPELINE
    )
    region = models.ForeignKey(
        "places.Region",
        verbose_name=_("main place"),
        on_delete=models.PROTECT,
        related_name="projects",
    )
    implementer = models.ForeignKey(
        "places.Organization",
        verbose_name=_("implementing organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="implemented_projects",
    )
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    budget_minor = models.BigIntegerField(_("budget (minor units)"), default=0)
    currency = models.CharField(_("currency"), max_length=3, default="CNY")
    is_published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pairing__donor__name_en", "title_en"]
        constraints = [
            models.CheckConstraint(condition=Q(budget_minor__gte=0), name="budget_not_negative"),
        ]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    @property
    def description(self) -> str:
        return in_language(self.description_en, self.description_zh)


class ProjectSector(models.Model):
    """A project's share in one sector; a project's shares add up to 100 %."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="sectors")
    sector = models.ForeignKey(
        Sector, verbose_name=_("sector"), on_delete=models.PROTECT, related_name="+"
    )
    percentage = models.PositiveSmallIntegerField(_("percentage"))

    class Meta:
        ordering = ["-percentage", "sector"]
        constraints = [
            models.UniqueConstraint(fields=["project", "sector"], name="project_sector_once"),
            models.CheckConstraint(
                condition=Q(percentage__gte=1, percentage__lte=100), name="percentage_1_to_100"
            ),
        ]
        verbose_name = _("project sector")
        verbose_name_plural = _("project sectors")

    def __str__(self) -> str:
        return f"{self.sector_id} {self.percentage} %"


class ProjectSectorOther(models.Model):
    """A sector of another vocabulary than DAC 5-digit (a publisher's own, DAC 3-digit, SDG
    targets…), kept as an imported file gave it; the programme's shares follow the DAC split."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="other_sectors")
    vocabulary = models.CharField(_("vocabulary"), max_length=3)
    code = models.CharField(_("code"), max_length=60)
    percentage = models.DecimalField(
        _("percentage"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    name = models.CharField(_("name"), max_length=200, blank=True)  # as the file wrote it
    uri = models.URLField(_("vocabulary's address"), max_length=300, blank=True)

    class Meta:
        ordering = ["vocabulary", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "vocabulary", "code"], name="other_sector_once"
            ),
        ]
        verbose_name = _("project sector of another vocabulary")
        verbose_name_plural = _("project sectors of other vocabularies")

    def __str__(self) -> str:
        return f"{self.vocabulary}:{self.code}"


class ProjectBudget(models.Model):
    """What a project plans to spend in one calendar year (IATI's budget periods are a year at
    most); the project's `budget_minor` is its whole."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="budgets")
    year = models.PositiveSmallIntegerField(_("year"))
    amount_minor = models.BigIntegerField(_("amount (minor units)"))
    currency = models.CharField(_("currency"), max_length=3, default="CNY")

    class Meta:
        ordering = ["year"]
        constraints = [
            models.UniqueConstraint(fields=["project", "year"], name="project_budget_once"),
            models.CheckConstraint(
                condition=Q(amount_minor__gte=0), name="budget_year_not_negative"
            ),
        ]
        verbose_name = _("annual budget")
        verbose_name_plural = _("annual budgets")

    def __str__(self) -> str:
        return f"{self.project_id} {self.year}"


class ProjectPlace(models.Model):
    """Another place the project works in, with a point on the map where one is known."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="places")
    region = models.ForeignKey(
        "places.Region", verbose_name=_("place"), on_delete=models.PROTECT, related_name="+"
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "region"], name="project_place_once"),
        ]
        verbose_name = _("project place")
        verbose_name_plural = _("project places")

    def __str__(self) -> str:
        return str(self.region)


class Milestone(BilingualTitle, Versioned):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    due_on = models.DateField(_("due on"))
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")


# A document is a web page or file a reader opens: not ftp:, not anything else.
WEB_ADDRESS = URLValidator(schemes=["https", "http"])


class ProjectDocument(models.Model):
    """A link to a document about the project (a report, a photo page, a contract notice)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("link"), max_length=500, validators=[WEB_ADDRESS])
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-added_at"]
        verbose_name = _("project document")
        verbose_name_plural = _("project documents")

    def __str__(self) -> str:
        return self.title


class Result(BilingualTitle):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="results")
    kind = models.CharField(_("type"), max_length=1, choices=ResultKind.choices)

    class Meta:
        ordering = ["id"]
        verbose_name = _("result")
        verbose_name_plural = _("results")


class Indicator(BilingualTitle):
    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="indicators")
    standard = models.CharField(
        _("standard indicator"), max_length=30, choices=Standard.choices, blank=True
    )
    measure = models.CharField(
        _("measure"), max_length=1, choices=Measure.choices, default=Measure.UNIT
    )
    ascending = models.BooleanField(_("higher is better"), default=True)
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    baseline_value = models.DecimalField(
        _("baseline"), max_digits=16, decimal_places=2, null=True, blank=True
    )

    class Meta:
        ordering = ["id"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")


class IndicatorPeriod(Versioned):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="periods")
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    target = models.DecimalField(
        _("target"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    actual = models.DecimalField(
        _("actual"), max_digits=16, decimal_places=2, null=True, blank=True
    )

    class Meta:
        ordering = ["period_start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")), name="period_in_order"
            ),
            models.UniqueConstraint(
                fields=["indicator", "period_start"], name="indicator_period_once"
            ),
        ]
        verbose_name = _("indicator period")
        verbose_name_plural = _("indicator periods")

    def __str__(self) -> str:
        return f"{self.indicator} {self.period_start:%Y-%m-%d}–{self.period_end:%Y-%m-%d}"
