"""Professionals and the posts they may fill, with both sides' rankings and couples."""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from counterpart.core.choices import Language, Specialty
from counterpart.core.models import BilingualTitle, Versioned
from counterpart.talent.choices import PostStatus, ProfessionalKind, Seniority, Term


class Professional(Versioned):
    organization = models.ForeignKey(
        "places.Organization",
        verbose_name=_("sending organization"),
        on_delete=models.PROTECT,
        related_name="professionals",
    )
    user = models.OneToOneField(
        "accounts.User",
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="professional",
    )
    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=ProfessionalKind.choices,
        default=ProfessionalKind.PROFESSIONAL,
    )
    specialty = models.CharField(_("specialty"), max_length=40, choices=Specialty.choices)
    seniority = models.PositiveSmallIntegerField(_("seniority"), choices=Seniority.choices)
    languages = models.JSONField(_("working languages"), default=list, blank=True)
    available_from = models.DateField(_("available from"))
    term_months = models.PositiveSmallIntegerField(_("term wanted"), choices=Term.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("professional")
        verbose_name_plural = _("professionals")

    def __str__(self) -> str:
        return self.name

    @property
    def applicant_label(self) -> str:
        """How teams who may not see the name refer to this professional."""
        return _("Applicant %(number)s") % {"number": self.pk}


class Post(BilingualTitle, Versioned):
    """A need at a receiving institution: e.g. two paediatricians for a year from September."""

    institution = models.ForeignKey(
        "places.Organization",
        verbose_name=_("receiving institution"),
        on_delete=models.PROTECT,
        related_name="posts",
    )
    specialty = models.CharField(_("specialty"), max_length=40, choices=Specialty.choices)
    places = models.PositiveSmallIntegerField(
        _("places"), default=1, validators=[MinValueValidator(1)]
    )
    term_months = models.PositiveSmallIntegerField(_("term"), choices=Term.choices)
    start_date = models.DateField(_("start date"))
    requirements = models.TextField(_("requirements"), blank=True)
    language = models.CharField(
        _("working language needed"), max_length=2, choices=Language.choices, blank=True
    )
    min_seniority = models.PositiveSmallIntegerField(
        _("lowest seniority"), choices=Seniority.choices, default=Seniority.JUNIOR
    )
    status = models.CharField(
        _("status"), max_length=10, choices=PostStatus.choices, default=PostStatus.OPEN
    )
    ranked_by_hand = models.BooleanField(_("applicants ranked by hand"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["start_date", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(places__gte=1), name="post_has_places"),
        ]
        verbose_name = _("post")
        verbose_name_plural = _("posts")


class Preference(models.Model):
    """A professional's ranking of a post they would accept (1 = first choice)."""

    professional = models.ForeignKey(
        Professional, on_delete=models.CASCADE, related_name="preferences"
    )
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="preferences")
    rank = models.PositiveSmallIntegerField(_("rank"))

    class Meta:
        ordering = ["professional", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["professional", "post"], name="preference_once"),
            models.UniqueConstraint(fields=["professional", "rank"], name="preference_rank_once"),
        ]
        verbose_name = _("post preference")
        verbose_name_plural = _("post preferences")

    def __str__(self) -> str:
        return f"{self.professional_id} → {self.post_id} #{self.rank}"


class PostRanking(models.Model):
    """An institution's own order of the applicants to a post, where it overrides the rule."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="rankings")
    professional = models.ForeignKey(
        Professional, on_delete=models.CASCADE, related_name="post_rankings"
    )
    rank = models.PositiveSmallIntegerField(_("rank"))

    class Meta:
        ordering = ["post", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["post", "professional"], name="ranking_once"),
            models.UniqueConstraint(fields=["post", "rank"], name="ranking_rank_once"),
        ]
        verbose_name = _("applicant ranking")
        verbose_name_plural = _("applicant rankings")

    def __str__(self) -> str:
        return f"{self.post_id} ← {self.professional_id} #{self.rank}"


class Couple(models.Model):
    """Two professionals who serve in one county or city, or not at all."""

    first = models.OneToOneField(
        Professional, on_delete=models.CASCADE, related_name="couple_as_first"
    )
    second = models.OneToOneField(
        Professional, on_delete=models.CASCADE, related_name="couple_as_second"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(first__lt=F("second")), name="couple_in_order"),
        ]
        verbose_name = _("couple")
        verbose_name_plural = _("couples")

    def __str__(self) -> str:
        return f"{self.first_id} + {self.second_id}"


class SentTotal(models.Model):
    """How many officials or professionals a donor sent in a year, counted rather than listed:
    the programme's years before this platform, kept as the office's spreadsheets kept them."""

    donor = models.ForeignKey(
        "places.Organization",
        verbose_name=_("donor"),
        on_delete=models.PROTECT,
        related_name="sent_totals",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("serving as"), max_length=12, choices=ProfessionalKind.choices)
    count = models.PositiveIntegerField(_("people sent"))

    class Meta:
        ordering = ["year", "donor__code", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["donor", "year", "kind"], name="one_sent_total")
        ]
        verbose_name = _("people sent in a year")
        verbose_name_plural = _("people sent by year")

    def __str__(self) -> str:
        return f"{self.donor} {self.year} {self.get_kind_display()}: {self.count}"
