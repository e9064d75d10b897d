"""Posts (a recipient institution's needs) and professionals (the roster of people a donor
sends) from spreadsheets."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from counterpart.core.choices import Language, Specialty
from counterpart.interchange import cells
from counterpart.interchange.kinds import lookups, readers
from counterpart.interchange.kinds.base import Column, Context, Kind
from counterpart.talent import selectors as talent
from counterpart.talent import services
from counterpart.talent.choices import ProfessionalKind, Seniority, Term


def _institutions(context: Context):
    return talent.institutions_for_posts(actor=context.actor)


def _senders(context: Context):
    return talent.sending_organizations(actor=context.actor)


def read_term(cell, _row, _context) -> int:
    months = cells.whole_number(cell, minimum=1, maximum=120)
    if months not in Term.values:
        raise cells.CellError(
            _("A term is %(terms)s months.") % {"terms": ", ".join(map(str, Term.values))}
        )
    return months


def read_languages(cell, _row, context: Context) -> list[str]:
    read = readers.choice(Language)
    return [read(part, {}, context) for part in cells.text(cell).replace("；", ";").split(";")]


class PostsKind(Kind):
    def write_row(self, values: dict, context: Context) -> None:
        institution = values["institution"]
        if talent.post_list(actor=context.actor, institution=institution).filter(
            title_en=values["title_en"] or "",
            title_zh=values["title_zh"] or "",
            start_date=values["start_date"],
        ):
            raise ValidationError(
                {"title_en": _("This institution already has this post from this date.")}
            )
        services.post_create(
            actor=context.actor,
            institution=institution,
            title_en=values["title_en"] or "",
            title_zh=values["title_zh"] or "",
            specialty=values["specialty"],
            term_months=values["term_months"],
            start_date=values["start_date"],
            places=values["places"] or 1,
            requirements=values["requirements"] or "",
            language=values["language"] or "",
            min_seniority=values["min_seniority"] or Seniority.JUNIOR,
        )


POSTS = PostsKind(
    slug="posts",
    title=gettext_lazy("Posts"),
    description=gettext_lazy(
        "Your institutions' needs: a specialty, how many places, for what term from what date. "
        "A post already there (same institution, title and start) is refused."
    ),
    may_import=lambda actor: talent.institutions_for_posts(actor=actor).exists(),
    row_key=("institution", "title_en", "title_zh", "start_date"),
    columns=[
        Column(
            "institution",
            gettext_lazy("Institution"),
            read=lookups.named("institutions", _institutions, what=gettext_lazy("institution")),
            required=True,
            example="hotan-peoples-hospital",
            choices=lookups.choices(_institutions),
        ),
        Column(
            "title_en",
            gettext_lazy("Title (English)"),
            help=gettext_lazy("Or a title in Chinese only: one of the two is enough."),
            example="Cardiologist for the chest-pain centre",
        ),
        Column("title_zh", gettext_lazy("Title (Chinese)"), example="胸痛中心心内科医生"),
        Column(
            "specialty",
            gettext_lazy("Specialty"),
            read=readers.choice(Specialty),
            required=True,
            example="cardiology",
            choices=readers.choices_of(Specialty),
        ),
        Column("places", gettext_lazy("Places"), read=readers.count, example="2"),
        Column(
            "term_months",
            gettext_lazy("Term (months)"),
            read=read_term,
            required=True,
            example="12",
            choices=lambda c: [str(v) for v in Term.values],
        ),
        Column(
            "start_date",
            gettext_lazy("Start date"),
            read=readers.date,
            required=True,
            example="2025-03-01",
        ),
        Column(
            "min_seniority",
            gettext_lazy("Lowest seniority"),
            read=readers.choice(Seniority),
            example="2",
            choices=readers.choices_of(Seniority),
        ),
        Column(
            "language",
            gettext_lazy("Working language needed"),
            read=readers.choice(Language),
            choices=readers.choices_of(Language),
        ),
        Column("requirements", gettext_lazy("Requirements")),
    ],
)


class ProfessionalsKind(Kind):
    def write_row(self, values: dict, context: Context) -> None:
        if talent.professional_list(actor=context.actor).filter(
            organization=values["organization"],
            name=values["name"],
            specialty=values["specialty"],
        ):
            raise ValidationError(
                {"name": _("This organization already has this person in this specialty.")}
            )
        services.professional_register(
            actor=context.actor,
            organization=values["organization"],
            name=values["name"],
            kind=values["kind"] or ProfessionalKind.PROFESSIONAL,
            specialty=values["specialty"],
            seniority=values["seniority"],
            available_from=values["available_from"],
            term_months=values["term_months"],
            languages=values["languages"] or [],
        )


PROFESSIONALS = ProfessionalsKind(
    slug="professionals",
    title=gettext_lazy("Professionals"),
    description=gettext_lazy(
        "The people your organizations send: specialty, seniority, from when and for how long. "
        "Only what matching needs; no identity numbers."
    ),
    may_import=lambda actor: talent.sending_organizations(actor=actor).exists(),
    row_key=("organization", "name", "specialty"),
    columns=[
        Column(
            "organization",
            gettext_lazy("Sending organization"),
            read=lookups.named("senders", _senders, what=gettext_lazy("organization")),
            required=True,
            example="beijing-anzhen-hospital",
            choices=lookups.choices(_senders),
        ),
        Column("name", gettext_lazy("Name"), required=True, example=gettext_lazy("Wang Lan")),
        Column(
            "kind",
            gettext_lazy("Kind"),
            read=readers.choice(ProfessionalKind),
            example="professional",
            choices=readers.choices_of(ProfessionalKind),
        ),
        Column(
            "specialty",
            gettext_lazy("Specialty"),
            read=readers.choice(Specialty),
            required=True,
            example="cardiology",
            choices=readers.choices_of(Specialty),
        ),
        Column(
            "seniority",
            gettext_lazy("Seniority"),
            read=readers.choice(Seniority),
            required=True,
            example="3",
            choices=readers.choices_of(Seniority),
        ),
        Column(
            "available_from",
            gettext_lazy("Available from"),
            read=readers.date,
            required=True,
            example="2025-03-01",
        ),
        Column(
            "term_months",
            gettext_lazy("Term wanted (months)"),
            read=read_term,
            required=True,
            example="12",
            choices=lambda c: [str(v) for v in Term.values],
        ),
        Column(
            "languages",
            gettext_lazy("Working languages"),
            read=read_languages,
            example="zh",
            help=gettext_lazy("Codes separated by ;"),
        ),
    ],
)
