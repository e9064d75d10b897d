"""Currencies, dated exchange rates, sectors, compliance rules and the append-only ledger."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from counterpart.core.models import AppendOnly, Bilingual
from counterpart.engine.money import format_minor, format_rate
from counterpart.funding.choices import RuleKind, TransactionKind
from counterpart.pairings.models import YearRangeRule
from counterpart.projects.choices import Category
from counterpart.projects.models import Sector


class Currency(Bilingual):
    code = models.CharField(_("code"), max_length=3, primary_key=True)
    minor_digits = models.PositiveSmallIntegerField(_("decimals of the minor unit"), default=2)

    class Meta:
        ordering = ["code"]
        verbose_name = _("currency")
        verbose_name_plural = _("currencies")

    def __str__(self) -> str:
        return self.code


class ExchangeRate(models.Model):
    """On `valid_on` and after (until the next rate), one `base` is worth `rate` of `quote`."""

    base = models.ForeignKey(
        Currency, verbose_name=_("from"), on_delete=models.PROTECT, related_name="+"
    )
    quote = models.ForeignKey(
        Currency, verbose_name=_("to"), on_delete=models.PROTECT, related_name="+"
    )
    valid_on = models.DateField(_("valid from"))
    rate_scaled = models.BigIntegerField(_("rate (× 10⁸)"))
    source = models.CharField(_("source"), max_length=300)
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["base", "quote", "-valid_on"]
        constraints = [
            models.UniqueConstraint(fields=["base", "quote", "valid_on"], name="rate_unique_day"),
            models.CheckConstraint(condition=Q(rate_scaled__gt=0), name="rate_above_zero"),
            models.CheckConstraint(condition=~Q(base=models.F("quote")), name="rate_two_sides"),
        ]
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")

    def __str__(self) -> str:
        return f"1 {self.base_id} = {self.rate} {self.quote_id} ({self.valid_on:%Y-%m-%d})"

    @property
    def rate(self) -> str:
        return format_rate(self.rate_scaled)


class ComplianceRule(YearRangeRule):
    """A share of a donor's commitments that must reach a threshold, per round and years.

    A rule without a donor is the round's default; a donor's own rule overrides it.
    """

    round = models.ForeignKey(
        "pairings.PairingRound",
        verbose_name=_("round"),
        on_delete=models.PROTECT,
        related_name="compliance_rules",
    )
    donor = models.ForeignKey(
        "places.Organization",
        verbose_name=_("donor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="compliance_rules",
    )
    kind = models.CharField(_("rule"), max_length=20, choices=RuleKind.choices)
    threshold_ppm = models.PositiveIntegerField(_("threshold (parts per million)"))

    class Meta:
        ordering = ["round", "kind", "donor", "first_year"]
        verbose_name = _("compliance rule")
        verbose_name_plural = _("compliance rules")

    def __str__(self) -> str:
        who = self.donor or _("every donor")
        return f"{self.get_kind_display()} ≥ {self.threshold_percent} % · {who}"

    @property
    def threshold_percent(self) -> str:
        return f"{self.threshold_ppm / 10_000:g}"


class Transaction(AppendOnly):
    """One ledger entry. Never changed, never removed: a mistake is corrected by a reversal.

    Only the composite indexes below and the pairing's are kept (`db_index=False` elsewhere):
    every index slows each of a million inserts, and nothing reads the ledger by its currency,
    rate, sector, provider, receiver or recorder except a refused delete of one of those.
    The database enforces the reversal key only; the others (`db_constraint=False`) are checked
    by the ledger service before it writes, which also locks the pairings and projects it writes
    for until it commits, and are kept from deletion by `PROTECT`, which Django applies itself.
    On PostgreSQL each enforced key is a trigger per row at commit: with all of them, half of
    the bulk path's time at a million entries.
    """

    kind = models.CharField(_("type"), max_length=2, choices=TransactionKind.choices)
    pairing = models.ForeignKey(
        "pairings.Pairing",
        verbose_name=_("pairing"),
        on_delete=models.PROTECT,
        db_constraint=False,
        related_name="transactions",
    )
    # The pairing's donor, kept on the entry so that scoping and sums need no join.
    donor = models.ForeignKey(
        "places.Organization",
        on_delete=models.PROTECT,
        db_index=False,
        db_constraint=False,
        related_name="+",
        editable=False,
    )
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        db_constraint=False,
        db_index=False,
        related_name="transactions",
    )
    provider = models.ForeignKey(
        "places.Organization",
        verbose_name=_("provider"),
        on_delete=models.PROTECT,
        db_index=False,
        db_constraint=False,
        related_name="+",
    )
    receiver = models.ForeignKey(
        "places.Organization",
        verbose_name=_("receiver organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        db_index=False,
        db_constraint=False,
        related_name="+",
    )
    region = models.ForeignKey(
        "places.Region",
        verbose_name=_("receiving place"),
        on_delete=models.PROTECT,
        db_index=False,
        db_constraint=False,
        related_name="+",
    )
    sector = models.ForeignKey(
        Sector,
        verbose_name=_("sector"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        db_index=False,
        db_constraint=False,
        related_name="+",
        help_text=_("Empty: the entry splits across its project's sectors."),
    )
    amount_minor = models.BigIntegerField(_("amount (minor units)"))
    currency = models.ForeignKey(
        Currency,
        verbose_name=_("currency"),
        on_delete=models.PROTECT,
        db_index=False,
        db_constraint=False,
        related_name="+",
    )
    value_date = models.DateField(_("value date"))
    base_amount_minor = models.BigIntegerField(_("amount in CNY (fen)"))
    rate = models.ForeignKey(
        ExchangeRate,
        verbose_name=_("exchange rate"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        db_index=False,
        db_constraint=False,
        related_name="+",
    )
    description = models.CharField(_("description"), max_length=500, blank=True)
    reference = models.CharField(
        _("reference"),
        max_length=60,
        blank=True,
        help_text=_("The provider's own number for the entry (a voucher): recorded once."),
    )
    reason = models.TextField(
        _("reason"),
        blank=True,
        help_text=_("Why a reversal, or why a disbursement goes beyond its commitment."),
    )
    reverses = models.OneToOneField(
        "self",
        verbose_name=_("reverses"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reversal",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.PROTECT,
        db_index=False,
        db_constraint=False,
        related_name="+",
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-value_date", "-id"]
        indexes = [
            models.Index(fields=["donor", "value_date"]),
            models.Index(fields=["value_date", "kind"]),
            models.Index(fields=["project", "kind"]),
            models.Index(fields=["region", "value_date"]),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(amount_minor=0), name="transaction_not_zero"),
            models.UniqueConstraint(
                fields=["provider", "reference"],
                condition=~Q(reference=""),
                name="transaction_reference_once",
            ),
        ]
        verbose_name = _("transaction")
        verbose_name_plural = _("transactions")

    def __str__(self) -> str:
        return (
            f"{self.get_kind_display()} {format_minor(self.amount_minor, self.currency_id)} "
            f"{self.value_date:%Y-%m-%d}"
        )


class ReceiptConfirmation(AppendOnly):
    """A recipient team confirms that a disbursement to its place arrived."""

    transaction = models.OneToOneField(
        Transaction, on_delete=models.PROTECT, related_name="receipt"
    )
    received_on = models.DateField(_("received on"))
    note = models.CharField(_("note"), max_length=500, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("receipt confirmation")
        verbose_name_plural = _("receipt confirmations")

    def __str__(self) -> str:
        return f"{self.transaction} received {self.received_on:%Y-%m-%d}"


class LedgerTotal(models.Model):
    """The ledger summed by what the dashboards filter and group on, kept by the services in the
    same transaction as each entry, so a dashboard reads thousands of rows, not millions.

    An entry with no sector of its own is split across its project's sectors here. Derived data:
    `ledger_totals_rebuild` recomputes it from the ledger, and the tests hold the two equal.
    """

    donor = models.ForeignKey("places.Organization", on_delete=models.CASCADE, related_name="+")
    pairing = models.ForeignKey("pairings.Pairing", on_delete=models.CASCADE, related_name="+")
    region = models.ForeignKey("places.Region", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=2, choices=TransactionKind.choices)
    year = models.PositiveSmallIntegerField()
    category = models.CharField(max_length=20, choices=Category.choices)
    public = models.BooleanField(help_text="No project, or a published one.")
    approved = models.BooleanField(
        default=True, help_text="Entered with review off, or approved along its round's chain."
    )
    amount_minor = models.BigIntegerField(default=0)  # in the base currency
    entries = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["pairing", "region", "kind", "year", "category", "public", "approved"],
                name="ledger_total_key",
            )
        ]
        indexes = [models.Index(fields=["year", "kind"]), models.Index(fields=["donor", "year"])]
        verbose_name = _("ledger total")
        verbose_name_plural = _("ledger totals")

    def __str__(self) -> str:
        return f"{self.pairing_id}/{self.region_id} {self.kind} {self.year} {self.category}"


class LedgerBalance(models.Model):
    """What a project (or a pairing, for entries without a project) has had committed and
    disbursed, in the base currency: the disbursement check reads this one row instead of
    summing the project's history. Kept and rebuilt with `LedgerTotal`."""

    pairing = models.ForeignKey("pairings.Pairing", on_delete=models.CASCADE, related_name="+")
    project = models.ForeignKey(
        "projects.Project", null=True, on_delete=models.CASCADE, related_name="+"
    )
    committed_minor = models.BigIntegerField(default=0)
    disbursed_minor = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["project"], condition=Q(project__isnull=False), name="balance_per_project"
            ),
            models.UniqueConstraint(
                fields=["pairing"], condition=Q(project__isnull=True), name="balance_per_pairing"
            ),
        ]
        verbose_name = _("ledger balance")
        verbose_name_plural = _("ledger balances")

    def __str__(self) -> str:
        return f"{self.pairing_id}/{self.project_id}: {self.committed_minor}/{self.disbursed_minor}"
