"""Pairing design scenarios: a round's donors and recipients with their figures, solved."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from counterpart.core.models import CheckedText, Versioned
from counterpart.design.choices import ScenarioStatus


class Scenario(Versioned, CheckedText):
    """A what-if of a round's design. `problem` is the engine's input as `design solve` reads
    it (donors by organization code, recipients by place code, with the round's pairings as
    `current`); `origins` says where each figure came from; `result` is what `design solve`
    writes, or None until solved."""

    name = models.CharField(_("name"), max_length=200)
    round = models.ForeignKey(
        "pairings.PairingRound",
        verbose_name=_("round"),
        on_delete=models.PROTECT,
        related_name="design_scenarios",
    )
    census_year = models.PositiveSmallIntegerField(_("census year"))
    revenue_year = models.PositiveSmallIntegerField(_("fiscal revenue of the year"))
    problem = models.JSONField(_("figures"))
    origins = models.JSONField(default=dict)
    status = models.CharField(
        _("status"), max_length=10, choices=ScenarioStatus.choices, default=ScenarioStatus.DRAFT
    )
    result = models.JSONField(null=True, blank=True)
    refusal = models.JSONField(null=True, blank=True)  # the engine's {"code", "params"}
    is_published = models.BooleanField(_("published"), default=False)
    draft_round = models.ForeignKey(
        "pairings.PairingRound",
        verbose_name=_("draft round"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    solved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("design scenario")
        verbose_name_plural = _("design scenarios")

    def __str__(self) -> str:
        return self.name


class NeedFigure(Versioned):
    """A place's need, as a weight: how much one resident counts beside the average (1). The
    office records it with its source (a poverty headcount ratio made relative, an index of its
    own); a scenario may weigh its recipients by one (a county without its own takes its
    prefecture's)."""

    region = models.ForeignKey(
        "places.Region", verbose_name=_("place"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("figure"), max_length=100)
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("weight"), max_digits=9, decimal_places=4)
    source = models.CharField(_("source"), max_length=300)

    class Meta:
        ordering = ["name", "-year", "region__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "name", "year"], name="need_figure_once_a_year"
            ),
            models.CheckConstraint(
                condition=models.Q(value__gte=0) & models.Q(value__lte=1000),
                name="need_figure_in_range",
            ),
        ]
        verbose_name = _("need figure")
        verbose_name_plural = _("need figures")

    def __str__(self) -> str:
        return f"{self.name} {self.year}: {self.region}"
