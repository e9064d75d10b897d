"""People sent for fixed terms: professionals, the posts they fill, the matching that places
them, their placements with extensions and hand-overs, and the knowledge they leave behind.

Privacy (house rule 7): a professional's name is seen only by their own organization and the
programme office; receiving teams see applicants by number, specialty, seniority and languages.
Local staff who are mentored or trained are described by role or counted, never named.
"""

import datetime

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from counterpart.projects.models import BilingualTitle


class Specialty(models.TextChoices):
    PAEDIATRICS = "paediatrics", _("Paediatrics")
    OPHTHALMOLOGY = "ophthalmology", _("Ophthalmology")
    CARDIOLOGY = "cardiology", _("Cardiology")
    ORTHOPAEDICS = "orthopaedics", _("Orthopaedics")
    GENERAL_SURGERY = "general_surgery", _("General surgery")
    INTERNAL_MEDICINE = "internal_medicine", _("Internal medicine")
    OBSTETRICS = "obstetrics", _("Obstetrics and gynaecology")
    ANAESTHESIOLOGY = "anaesthesiology", _("Anaesthesiology")
    NURSING = "nursing", _("Nursing")
    HOSPITAL_MANAGEMENT = "hospital_management", _("Hospital management")
    LANGUAGE_TEACHING = "language_teaching", _("Language teaching")
    MATHEMATICS_TEACHING = "mathematics_teaching", _("Mathematics teaching")
    SCIENCE_TEACHING = "science_teaching", _("Science teaching")
    VOCATIONAL_TEACHING = "vocational_teaching", _("Vocational teaching")
    CIVIL_ENGINEERING = "civil_engineering", _("Civil engineering")
    AGRICULTURE = "agriculture", _("Agriculture")
    INFORMATION_TECHNOLOGY = "information_technology", _("Information technology")
    FINANCE = "finance", _("Finance")
    PUBLIC_ADMINISTRATION = "public_administration", _("Public administration")


class Seniority(models.IntegerChoices):
    JUNIOR = 1, _("Junior")
    INTERMEDIATE = 2, _("Intermediate")
    SENIOR = 3, _("Senior (associate chief, associate professor)")
    CHIEF = 4, _("Chief (chief physician, professor)")


class Language(models.TextChoices):
    """Working languages (what a post needs), not anyone's origin."""

    MANDARIN = "zh", _("Mandarin Chinese")
    UYGHUR = "ug", _("Uyghur")
    KAZAKH = "kk", _("Kazakh")
    RUSSIAN = "ru", _("Russian")
    ENGLISH = "en", _("English")


class Term(models.IntegerChoices):
    SIX = 6, _("6 months")
    TWELVE = 12, _("1 year")
    EIGHTEEN = 18, _("18 months")
    THIRTY_SIX = 36, _("3 years")


class ProfessionalKind(models.TextChoices):
    OFFICIAL = "official", _("Official")
    PROFESSIONAL = "professional", _("Professional")


class Professional(models.Model):
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
    version = models.PositiveIntegerField(default=1, editable=False)
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


class PostStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Post(BilingualTitle):
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
    version = models.PositiveIntegerField(default=1, editable=False)
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

    def __str__(self) -> str:
        return f"{self.first_id} + {self.second_id}"


class Optimal(models.TextChoices):
    APPLICANT = "applicant", _("Best for the professionals")
    POST = "post", _("Best for the institutions")


class MatchRunStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    PUBLISHED = "published", _("Published")
    DISCARDED = "discarded", _("Discarded")


class MatchRun(models.Model):
    """One run of the matching: what went in, what came out, and how good it is."""

    optimal = models.CharField(
        _("optimal for"), max_length=10, choices=Optimal.choices, default=Optimal.APPLICANT
    )
    algorithm = models.CharField(_("algorithm"), max_length=100)
    status = models.CharField(
        _("status"), max_length=10, choices=MatchRunStatus.choices, default=MatchRunStatus.PROPOSED
    )
    inputs = models.JSONField(_("inputs"))  # professionals, posts, places, both sides' lists
    result = models.JSONField(_("result"))  # [professional id, post id] pairs
    statistics = models.JSONField(_("statistics"))
    created_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("match run")
        verbose_name_plural = _("match runs")

    def __str__(self) -> str:
        return _("Match run %(number)s") % {"number": self.pk}


class PlacementStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    EXTENDED = "extended", _("Extended")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Placement(models.Model):
    """A professional's term at a post; the successor takes over when it ends."""

    professional = models.ForeignKey(
        Professional, on_delete=models.PROTECT, related_name="placements"
    )
    post = models.ForeignKey(Post, on_delete=models.PROTECT, related_name="placements")
    match_run = models.ForeignKey(
        MatchRun, null=True, blank=True, on_delete=models.PROTECT, related_name="placements"
    )
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"))
    withdrawn = models.BooleanField(_("withdrawn"), default=False)
    extended = models.BooleanField(_("extended"), default=False)
    predecessor = models.OneToOneField(
        "self",
        verbose_name=_("takes over from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="successor",
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["post", "start_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="placement_in_order"
            ),
        ]
        verbose_name = _("placement")
        verbose_name_plural = _("placements")

    def __str__(self) -> str:
        return f"{self.post} · {self.start_date:%Y-%m-%d}–{self.end_date:%Y-%m-%d}"

    def status_on(self, day: datetime.date) -> str:
        if self.withdrawn:
            return PlacementStatus.WITHDRAWN
        if day < self.start_date:
            return PlacementStatus.PLANNED
        if day > self.end_date:
            return PlacementStatus.COMPLETED
        return PlacementStatus.EXTENDED if self.extended else PlacementStatus.ACTIVE


class ExtensionStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class Extension(models.Model):
    """A request to stay longer; approved by the receiving team or the programme office."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="extensions")
    new_end_date = models.DateField(_("new end date"))
    reason = models.TextField(_("reason"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ExtensionStatus.choices,
        default=ExtensionStatus.REQUESTED,
    )
    requested_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.placement_id} → {self.new_end_date:%Y-%m-%d} ({self.status})"


class WorkLoad(models.Model):
    """A month's teaching and clinical load of a placement."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="workloads")
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    teaching_hours = models.PositiveIntegerField(_("teaching hours"), default=0)
    patients_seen = models.PositiveIntegerField(_("patients seen"), default=0)
    operations = models.PositiveIntegerField(_("operations"), default=0)

    class Meta:
        ordering = ["placement", "month"]
        constraints = [
            models.UniqueConstraint(fields=["placement", "month"], name="workload_once"),
        ]

    def __str__(self) -> str:
        return f"{self.placement_id} {self.month:%Y-%m}"


class Mentorship(models.Model):
    """An experienced person mentors a local staff member of the receiving institution."""

    institution = models.ForeignKey(
        "places.Organization",
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="mentorships",
    )
    mentor = models.ForeignKey(
        Professional,
        verbose_name=_("mentor (a professional sent)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mentorships",
    )
    local_mentor_role = models.CharField(
        _("or a local senior, by role"), max_length=150, blank=True
    )
    mentee_role = models.CharField(
        _("mentee, by role"),
        max_length=150,
        help_text=_("A role, not a name: e.g. “young Russian-language teacher”."),
    )
    started_on = models.DateField(_("started on"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    goals = models.TextField(_("goals"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-started_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(mentor__isnull=False) | ~Q(local_mentor_role=""),
                name="mentorship_has_mentor",
            ),
        ]
        verbose_name = _("mentorship")
        verbose_name_plural = _("mentorships")

    def __str__(self) -> str:
        return self.mentee_role


class MentorshipMeeting(models.Model):
    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("held on"))
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1)
    topic = models.CharField(_("topic"), max_length=300, blank=True)

    class Meta:
        ordering = ["held_on", "id"]

    def __str__(self) -> str:
        return f"{self.mentorship_id} {self.held_on:%Y-%m-%d}"


class Training(models.Model):
    """A course or workshop at a receiving institution; attendees are counted, not listed."""

    institution = models.ForeignKey(
        "places.Organization",
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="trainings",
    )
    trainer = models.ForeignKey(
        Professional,
        verbose_name=_("given by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="trainings",
    )
    topic = models.CharField(_("topic"), max_length=300)
    held_on = models.DateField(_("held on"))
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=1)
    attendees = models.PositiveIntegerField(_("attendees"))
    local_staff_trained = models.PositiveIntegerField(
        _("of whom local staff"), help_text=_("Counted in “local staff trained”.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(local_staff_trained__lte=F("attendees")),
                name="trained_within_attendees",
            ),
        ]
        verbose_name = _("training")
        verbose_name_plural = _("trainings")

    def __str__(self) -> str:
        return self.topic
