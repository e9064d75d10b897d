from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from counterpart.core.models import AppendOnly


class AuditEvent(AppendOnly):
    """One change to the data: who, when, what, and the object before and after."""

    occurred_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_label = models.CharField(_("who (as shown then)"), max_length=150)
    event_type = models.CharField(_("event"), max_length=60, db_index=True)
    object_type = models.CharField(_("object type"), max_length=60, db_index=True)
    object_id = models.CharField(_("object id"), max_length=40)
    object_repr = models.CharField(_("object"), max_length=300)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    # sha256 over the content and the previous event's chain_hash (audit/chain.py)
    chain_hash = models.CharField(_("chain hash"), max_length=64, editable=False, default="")

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        when = f"{self.occurred_at:%Y-%m-%d %H:%M}"
        return f"{when} {self.actor_label} {self.event_type} {self.object_repr}"

    def changed_fields(self) -> list[tuple[str, object, object]]:
        before, after = self.before or {}, self.after or {}
        keys = sorted(set(before) | set(after))
        return [(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]


class AuditChainHead(models.Model):
    """The chain's end as the application last wrote it: one row, locked by every append, so
    that events join the chain one at a time and a deleted last event is noticed."""

    length = models.PositiveBigIntegerField(default=0)
    chain_hash = models.CharField(max_length=64)
    last_event = models.ForeignKey(
        AuditEvent, null=True, on_delete=models.PROTECT, related_name="+", db_constraint=False
    )

    class Meta:
        verbose_name = _("audit chain head")
        verbose_name_plural = _("audit chain heads")

    def __str__(self) -> str:
        return f"{self.length} events, {self.chain_hash[:12]}"


class AuditChainCheck(AppendOnly):
    """One walk of the chain: when, how far, the latest verified hash (which an office may
    publish so that anyone can check later) or the first link that did not hold."""

    checked_at = models.DateTimeField(_("checked at"), default=timezone.now)
    length = models.PositiveBigIntegerField(_("events verified"))
    last_hash = models.CharField(_("latest verified hash"), max_length=64)
    broken_at = models.BigIntegerField(_("first broken link"), null=True, blank=True)
    problem = models.TextField(_("problem"), blank=True)

    class Meta:
        ordering = ["-checked_at", "-id"]
        verbose_name = _("audit chain check")
        verbose_name_plural = _("audit chain checks")

    def __str__(self) -> str:
        return f"{self.checked_at:%Y-%m-%d %H:%M} {self.length} {self.last_hash[:12]}"

    @property
    def intact(self) -> bool:
        return self.broken_at is None and not self.problem


class Provenance(models.Model):
    """Where a record's facts come from, when the people it concerns did not enter it: each
    record the demo loads names the seed article or public report it comes from, or says
    `illustrative` where its figures were made up to show the product."""

    ILLUSTRATIVE = "illustrative"

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    source = models.CharField(_("source"), max_length=300)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="provenance_once")
        ]
        indexes = [models.Index(fields=["content_type", "source"])]
        verbose_name = _("provenance")
        verbose_name_plural = _("provenances")

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id}: {self.source}"

    @property
    def is_illustrative(self) -> bool:
        """`illustrative`, or `illustrative (…)` saying what the made-up figures stand for."""
        return self.source.startswith(self.ILLUSTRATIVE)


class AuditCheckpoint(AppendOnly):
    """The chain's head on a day, signed with the site's key (audit/checkpoints.py) and
    published, for copies kept outside the database to check the chain against."""

    day = models.DateField(_("day"), unique=True)
    length = models.PositiveBigIntegerField(_("events"))
    chain_hash = models.CharField(_("chain hash"), max_length=64)
    signature = models.CharField(_("signature"), max_length=100)
    public_key = models.CharField(_("public key"), max_length=60)
    signed_at = models.DateTimeField(_("signed at"), default=timezone.now)

    class Meta:
        ordering = ["-day"]
        verbose_name = _("audit checkpoint")
        verbose_name_plural = _("audit checkpoints")

    def __str__(self) -> str:
        return f"{self.day} {self.length} {self.chain_hash[:12]}"

    def as_json(self) -> dict:
        return {
            "day": self.day.isoformat(),
            "length": self.length,
            "chain_hash": self.chain_hash,
            "signature": self.signature,
            "public_key": self.public_key,
        }
