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
