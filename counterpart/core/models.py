"""Abstract bases for every app's models: bilingual names and titles, a version that refuses
stale edits (house rule 8), and rows that may only be appended (rule 4 and the audit log)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from counterpart.core.rules import FREE_TEXT_CHARS, personal_data_in_record, text_too_long


def in_language(english: str, chinese: str, uyghur: str = "") -> str:
    """The text in the active language when there is one. A Uyghur reader without a Uyghur text
    gets the Chinese (the region's other written language), then the English; a Chinese reader
    without Chinese gets the English, and an English reader without English the Chinese."""
    language = get_language() or ""
    if language == "ug":
        return uyghur or chinese or english
    if language.startswith("zh"):
        return chinese or english
    return english or chinese


class Bilingual(models.Model):
    """A name in English and Chinese, and in Uyghur where it has one; `name` follows the active
    language."""

    name_en = models.CharField(_("name (English)"), max_length=200)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    name_ug = models.CharField(_("name (Uyghur)"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_language(self.name_en, self.name_zh, self.name_ug)


class BilingualTitle(models.Model):
    """A title in English or in Chinese (or both): a recipient team writes in its own language;
    `title` follows the reader's and falls back to the other."""

    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_zh = models.CharField(_("title (Chinese)"), max_length=300, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        if not (self.title_en.strip() or self.title_zh.strip()):
            raise ValidationError(
                {"title_en": gettext("Write the title in English or in Chinese: one is enough.")}
            )

    @property
    def title(self) -> str:
        return in_language(self.title_en, self.title_zh)


class Versioned(models.Model):
    """A row that several people may edit: each change bumps `version`, and a change made from
    a stale read is refused instead of silently overwriting the other."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


def check_version(row: Versioned, expected_version: int) -> None:
    """Refuse an edit made from version `expected_version` when the row has moved on."""
    if row.version != expected_version:
        raise ValidationError(
            {
                "version": gettext(
                    "Someone else changed this record since you opened it; reload and try again."
                )
            },
            code="conflict",
        )


class AppendOnlyError(RuntimeError):
    """Raised on any attempt to change or remove a record that may only be appended."""


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError(f"{self.model.__name__} rows are append-only.")

    def delete(self):
        raise AppendOnlyError(f"{self.model.__name__} rows are append-only.")


class AppendOnly(models.Model):
    """A row written once and never changed or removed, by instance or by queryset."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} rows are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"{type(self).__name__} rows are append-only.")


class CheckedText(models.Model):
    """Free text within bounds: a TextField (unlimited in the database) holds at most
    FREE_TEXT_CHARS characters; CharFields are held to their max_length by `full_clean`."""

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = text_too_long(
            **{
                field.name: (getattr(self, field.attname), FREE_TEXT_CHARS)
                for field in self._meta.concrete_fields
                if isinstance(field, models.TextField)
            }
        )
        if errors:
            raise ValidationError(errors)


class NamesNoOne(CheckedText):
    """A record of care, exchanges or knowledge work: its free text must not name or identify a
    patient, a pupil or a member of local staff (house rule 7)."""

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = personal_data_in_record(self)
        if errors:
            raise ValidationError(errors)
