from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from counterpart.core.models import Bilingual, CheckedText, Versioned
from counterpart.engine.quotas import ppm_to_percent
from counterpart.pairings.choices import Confidence


class PairingRound(Bilingual, Versioned, CheckedText):
    """A round of the programme (1997, 2010, …) under which pairings are made."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_zh = models.TextField(_("description (Chinese)"), blank=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("pairing round")
        verbose_name_plural = _("pairing rounds")


class Pairing(Versioned, CheckedText):
    """A donor organization assists a recipient region from one date to another."""

    round = models.ForeignKey(
        PairingRound, verbose_name=_("round"), on_delete=models.PROTECT, related_name="pairings"
    )
    donor = models.ForeignKey(
        "places.Organization",
        verbose_name=_("donor"),
        on_delete=models.PROTECT,
        related_name="pairings_as_donor",
    )
    recipient = models.ForeignKey(
        "places.Region",
        verbose_name=_("recipient"),
        on_delete=models.PROTECT,
        related_name="pairings_as_recipient",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent pairing"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sub_pairings",
        help_text=_("For a city-level sub-pairing: the province-level pairing it belongs to."),
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    source = models.CharField(_("source"), max_length=300, blank=True)
    confidence = models.CharField(
        _("confidence"), max_length=10, choices=Confidence.choices, default=Confidence.MEDIUM
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["donor__path", "recipient__path", "valid_from"]
        indexes = [models.Index(fields=["donor", "recipient"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="pairing_ends_after_start",
            )
        ]
        verbose_name = _("pairing")
        verbose_name_plural = _("pairings")

    def __str__(self) -> str:
        return f"{self.donor} → {self.recipient} ({self.valid_from:%Y}–{self.valid_to or ''})"

    @property
    def accountable_donor_id(self) -> int:
        """Money of a city-level sub-pairing counts for the donor of the pairing above it."""
        return self.parent.donor_id if self.parent_id else self.donor_id

    def is_active_on(self, day) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


class YearRangeRule(Versioned, CheckedText):
    """A rule of a round that holds from a first year to a last one (or on), per donor or for all.

    Rules of one kind for the same round and donor may not cover the same year.
    """

    first_year = models.PositiveSmallIntegerField(_("first year"))
    last_year = models.PositiveSmallIntegerField(_("last year"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        abstract = True

    def covers(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)

    def check_years(self, same_kind) -> None:
        """Raise on a range that ends before it starts or meets another rule in `same_kind`."""
        from django.core.exceptions import ValidationError

        if self.last_year is not None and self.last_year < self.first_year:
            raise ValidationError({"last_year": _("The last year is before the first year.")})
        for other in same_kind.exclude(pk=self.pk):
            if self.first_year <= (other.last_year or 9999) and other.first_year <= (
                self.last_year or 9999
            ):
                raise ValidationError({"first_year": _("Another rule already covers these years.")})


class QuotaRule(YearRangeRule):
    """Each donor of a round owes a share of its previous year's fiscal revenue.

    A rule without a donor is the round's default; a donor's own rule overrides it.
    """

    round = models.ForeignKey(
        PairingRound, verbose_name=_("round"), on_delete=models.PROTECT, related_name="quota_rules"
    )
    donor = models.ForeignKey(
        "places.Organization",
        verbose_name=_("donor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="quota_rules",
    )
    share_ppm = models.PositiveIntegerField(_("share (parts per million)"))

    class Meta:
        ordering = ["round", "donor", "first_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "donor", "first_year"], name="quota_rule_unique_start"
            ),
        ]
        verbose_name = _("quota rule")
        verbose_name_plural = _("quota rules")

    def __str__(self) -> str:
        who = self.donor or _("every donor")
        return f"{self.round}: {who} {ppm_to_percent(self.share_ppm)} % from {self.first_year}"

    @property
    def share_percent(self) -> str:
        return ppm_to_percent(self.share_ppm)


class FiscalRevenue(Versioned):
    """A donor's general public budget revenue for one year, the base of its quota."""

    donor = models.ForeignKey(
        "places.Organization",
        verbose_name=_("donor"),
        on_delete=models.PROTECT,
        related_name="fiscal_revenues",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    amount_minor = models.BigIntegerField(_("amount (minor units)"))
    currency = models.CharField(_("currency"), max_length=3, default="CNY")
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        ordering = ["donor", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["donor", "year"], name="fiscal_revenue_unique_year"),
            models.CheckConstraint(
                condition=Q(amount_minor__gte=0), name="fiscal_revenue_not_negative"
            ),
        ]
        verbose_name = _("fiscal revenue")
        verbose_name_plural = _("fiscal revenues")

    def __str__(self) -> str:
        return f"{self.donor} {self.year}"
