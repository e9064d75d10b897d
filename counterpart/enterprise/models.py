"""Support to companies in the recipient places, the jobs they report (formerly poor employees
counted, never listed), and recipient products sold in donor markets (consumption assistance).
Money given to a company moves through the ledger, under the support's project."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from counterpart.core.models import NamesNoOne, Versioned
from counterpart.enterprise.choices import SalesChannel, SupportKind


class EnterpriseSupport(Versioned, NamesNoOne):
    company = models.ForeignKey(
        "places.Organization",
        verbose_name=_("company"),
        on_delete=models.PROTECT,
        related_name="supports",
    )
    pairing = models.ForeignKey(
        "pairings.Pairing",
        verbose_name=_("pairing"),
        on_delete=models.PROTECT,
        related_name="enterprise_supports",
    )
    kind = models.CharField(_("kind of support"), max_length=20, choices=SupportKind.choices)
    started_on = models.DateField(_("started on"))
    description = models.TextField(_("description"), blank=True)
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project (its money is in the ledger)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="enterprise_supports",
    )
    # The project's indicators that the company's employment reports fill in.
    jobs_indicator = models.ForeignKey(
        "projects.Indicator", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    formerly_poor_indicator = models.ForeignKey(
        "projects.Indicator", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-started_on", "id"]
        verbose_name = _("enterprise support")
        verbose_name_plural = _("enterprise supports")

    def __str__(self) -> str:
        return f"{self.company} · {self.get_kind_display()}"


class EmploymentReport(NamesNoOne):
    """A company's employees over a period, and how many of them were registered poor."""

    support = models.ForeignKey(
        EnterpriseSupport, on_delete=models.CASCADE, related_name="employment_reports"
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    employees = models.PositiveIntegerField(_("employees"))
    formerly_poor = models.PositiveIntegerField(_("of whom formerly registered poor"))
    wages_paid_minor = models.BigIntegerField(_("wages paid (minor units)"), null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="CNY")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["support", "period_start"]
        constraints = [
            models.UniqueConstraint(fields=["support", "period_start"], name="report_once"),
            models.CheckConstraint(
                condition=Q(formerly_poor__lte=F("employees")), name="poor_within_employees"
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="report_in_order"
            ),
        ]
        verbose_name = _("employment report")
        verbose_name_plural = _("employment reports")

    def __str__(self) -> str:
        return f"{self.support} {self.period_start:%Y-%m}–{self.period_end:%Y-%m}"


class ProductSale(NamesNoOne):
    """A recipient place's product sold in a donor market over a period."""

    pairing = models.ForeignKey(
        "pairings.Pairing",
        verbose_name=_("pairing"),
        on_delete=models.PROTECT,
        related_name="product_sales",
    )
    company = models.ForeignKey(
        "places.Organization",
        verbose_name=_("selling company"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="product_sales",
    )
    product = models.CharField(_("product"), max_length=200)
    market_region = models.ForeignKey(
        "places.Region", verbose_name=_("donor market"), on_delete=models.PROTECT, related_name="+"
    )
    channel = models.CharField(_("channel"), max_length=20, choices=SalesChannel.choices)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    volume = models.DecimalField(_("volume"), max_digits=14, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=20, help_text=_("e.g. tonnes, pieces"))
    value_minor = models.BigIntegerField(_("value (minor units)"))
    currency = models.CharField(_("currency"), max_length=3, default="CNY")
    value_cny_minor = models.BigIntegerField(
        _("value in CNY (minor units)"), help_text=_("At the rate in force at the period's end.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-period_start", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(value_minor__gte=0), name="sale_value_not_negative"),
            models.CheckConstraint(condition=Q(volume__gte=0), name="sale_volume_not_negative"),
        ]
        verbose_name = _("product sale")
        verbose_name_plural = _("product sales")

    def __str__(self) -> str:
        return f"{self.product} · {self.get_channel_display()}"
