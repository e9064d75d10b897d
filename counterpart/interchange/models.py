"""Files brought in: what was uploaded, what checking it found, and whether it was imported."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from counterpart.interchange.choices import ImportStatus, Licence, MappingKind


class ImportFile(models.Model):
    """One uploaded file of one kind, kept until it is imported (or replaced by a corrected one).

    Checking applies the rows in a transaction that is rolled back, so the preview and the
    errors are exactly what importing would do; importing applies them again, for good."""

    kind = models.CharField(_("kind"), max_length=40)
    filename = models.CharField(_("file name"), max_length=200)
    stored = models.CharField(max_length=300)  # the path in the file storage
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.CHECKING
    )
    rows = models.PositiveIntegerField(_("rows"), default=0)
    summary = models.JSONField(default=dict, blank=True)  # what the check or import found
    errors = models.JSONField(default=list, blank=True)  # [{row, column, messages}], the first
    error_count = models.PositiveIntegerField(default=0)
    job = models.ForeignKey(
        "jobs.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(_("imported"), null=True, blank=True)
    # Why the office enters this file's records into closed periods, as approved history (a
    # past year's ledger); empty for an ordinary import, which closed periods refuse.
    historical = models.TextField(_("history entered because"), blank=True)
    # The office's say-so that what the file names and the programme lacks (organisations,
    # places, pairings) is made from the file rather than mapped: another instance's export.
    create_missing = models.BooleanField(_("creates what is missing"), default=False)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        indexes = [models.Index(fields=["uploaded_by", "uploaded_at"])]
        verbose_name = _("imported file")
        verbose_name_plural = _("imported files")

    def __str__(self) -> str:
        return f"{self.filename} ({self.kind})"


class OpenDataSettings(models.Model):
    """The office's choices for what the programme publishes: one row."""

    licence = models.CharField(
        _("licence"), max_length=20, choices=Licence.choices, default=Licence.CC_BY
    )
    licence_note = models.CharField(_("licence note"), max_length=300, blank=True)
    flow_type = models.CharField(
        _("IATI flow type"),
        max_length=3,
        blank=True,
        help_text=_("Left out when empty: the programme's transfers are domestic, not ODA."),
    )
    finance_type = models.CharField(_("IATI finance type"), max_length=4, blank=True)
    aid_type = models.CharField(_("IATI aid type"), max_length=4, blank=True)
    spread_budgets = models.BooleanField(
        _("spread a total budget over the project's years"),
        default=False,
        help_text=_(
            "For a project with a total budget and no yearly ones: its IATI activity shows "
            "the total shared over the years it runs, by their days."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("open data settings")
        verbose_name_plural = _("open data settings")

    def __str__(self) -> str:
        return self.licence


class IatiMapping(models.Model):
    """What a reference in other publishers' IATI files means here, chosen once by a person and
    used for every later file: an organisation identifier, or a location's reference or name."""

    kind = models.CharField(_("kind"), max_length=20, choices=MappingKind.choices)
    ref = models.CharField(_("reference in the file"), max_length=200)
    organization = models.ForeignKey(
        "places.Organization", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    region = models.ForeignKey(
        "places.Region", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    mapped_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    mapped_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "ref"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "ref"], name="iati_mapping_once"),
        ]
        verbose_name = _("IATI mapping")
        verbose_name_plural = _("IATI mappings")

    def __str__(self) -> str:
        return f"{self.kind} {self.ref}"


class PublishedFile(models.Model):
    """A file of the open data page as last generated: served as it is, with its ETag (the
    SHA-256 of its bytes) and its generation time as Last-Modified."""

    name = models.CharField(_("file"), max_length=120, unique=True)
    stored = models.CharField(max_length=300)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(max_length=64)
    rows = models.PositiveIntegerField(_("rows or activities"), default=0)
    generated_at = models.DateTimeField(_("generated"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("published file")
        verbose_name_plural = _("published files")

    def __str__(self) -> str:
        return self.name
