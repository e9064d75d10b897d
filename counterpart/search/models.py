from django.db import models
from django.utils.translation import gettext_lazy as _

from counterpart.search.choices import Kind


class Entry(models.Model):
    """One record as the search box finds it: the folded text of its names and codes in every
    language (`text`), and what only those who may see the record's personal data may search
    it by (`private`: a professional's name). Kept by `search.index` as the records change;
    who may see the record is the record's own app's to say, at search time."""

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("record"))
    text = models.TextField(_("text"))
    private = models.TextField(_("private text"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_once")
        ]
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"
