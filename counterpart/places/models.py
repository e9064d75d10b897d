from django.db import models
from django.utils.translation import gettext_lazy as _

from counterpart.core.models import Bilingual, CheckedText, Versioned, in_language
from counterpart.places.choices import OrganizationKind, RegionLevel


class TreeNode(models.Model):
    """A tree node kept as a materialized path ("/1/7/42/"): a subtree is one prefix query."""

    path = models.CharField(max_length=255, editable=False, db_index=True, default="")

    class Meta:
        abstract = True

    def path_from_parent(self) -> str:
        parent_path = self.parent.path if self.parent_id else "/"
        return f"{parent_path}{self.pk}/"

    def is_within(self, other: "TreeNode") -> bool:
        return self.path.startswith(other.path)

    def lineage_ids(self) -> list[int]:
        """The ids from the root down to this node, itself last."""
        return [int(part) for part in self.path.strip("/").split("/") if part]


# How deep each level sits: a child must sit deeper than its parent.
LEVEL_DEPTH = {
    RegionLevel.COUNTRY: 0,
    RegionLevel.PROVINCE: 1,
    RegionLevel.PREFECTURE: 2,
    RegionLevel.CORPS: 2,
    RegionLevel.COUNTY: 3,
    RegionLevel.DIVISION: 3,
    RegionLevel.TOWNSHIP: 4,
    RegionLevel.REGIMENT: 4,
}


class Region(Bilingual, TreeNode, Versioned):
    code = models.CharField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("The administrative division code where one exists, else a stable short code."),
    )
    level = models.CharField(_("level"), max_length=20, choices=RegionLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # The seat of its government (places/centres.py), for maps and IATI's location point.
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )

    class Meta:
        ordering = ["path"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name


DONOR_KINDS = frozenset(
    {
        OrganizationKind.PROVINCE,
        OrganizationKind.MUNICIPALITY,
        OrganizationKind.CITY,
        OrganizationKind.CENTRAL_AGENCY,
        OrganizationKind.STATE_ENTERPRISE,
    }
)


class Organization(Bilingual, TreeNode, Versioned, CheckedText):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganizationKind.choices)
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="organizations"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    description_en = models.TextField(_("description (English)"), blank=True)
    description_zh = models.TextField(_("description (Chinese)"), blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(
        _("contact email"), blank=True, help_text=_("An office address, never a person's own.")
    )
    iati_ref = models.CharField(
        _("IATI organisation identifier"),
        max_length=100,
        blank=True,
        help_text=_(
            "Set by the programme office; projects are published to IATI only under one. "
            "Chinese bodies: CN-USCI- and the 18-character credit code."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(
                fields=["iati_ref"], condition=~models.Q(iati_ref=""), name="iati_ref_once"
            )
        ]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self) -> str:
        return self.name

    @property
    def may_assist(self) -> bool:
        """Whether this kind of organization is ever a donor of a pairing."""
        return self.kind in DONOR_KINDS

    @property
    def description(self) -> str:
        return in_language(self.description_en, self.description_zh)


class Population(models.Model):
    """A place's resident population at a census: what per-head figures divide by. A place
    without one has an unknown population, never zero."""

    region = models.ForeignKey(
        Region, verbose_name=_("place"), on_delete=models.CASCADE, related_name="populations"
    )
    year = models.PositiveSmallIntegerField(_("census year"))
    people = models.PositiveBigIntegerField(_("residents"))
    source = models.CharField(_("source"), max_length=300)

    class Meta:
        ordering = ["region", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["region", "year"], name="population_once_a_year"),
            models.CheckConstraint(condition=models.Q(people__gt=0), name="population_counts"),
        ]
        verbose_name = _("population")
        verbose_name_plural = _("populations")

    def __str__(self) -> str:
        return f"{self.region} {self.year}: {self.people:,}"
