"""The talent lists' filters, search and sorts (core.listing)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from counterpart.accounts import permissions
from counterpart.core.choices import Specialty
from counterpart.core.listing import ListFilter, Ordering, mine_filter
from counterpart.talent.choices import LocalRole, PostStatus, Seniority
from counterpart.talent.models import Mentorship, Placement, Post, Professional, Training


class PostFilter(ListFilter):
    search_fields = ("title_en", "title_zh", "institution__name_en", "institution__name_zh")
    specialty = django_filters.ChoiceFilter(label=_("Specialty"), choices=Specialty.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=PostStatus.choices)
    mine = mine_filter(_("My institutions only"))
    sort = Ordering(
        fields=(("start_date", "start"), ("title_en", "title"), ("places", "places")),
        field_labels={"start": _("Start date"), "title": _("Title"), "places": _("Places")},
    )

    class Meta:
        model = Post
        fields = []

    def own_rows(self, rows, _name, value):
        if not value:
            return rows
        return rows.filter(permissions.institution_scope_q(self.actor, "institution__"))


class ProfessionalFilter(ListFilter):
    search_fields = ("name", "organization__name_en", "organization__name_zh")
    specialty = django_filters.ChoiceFilter(label=_("Specialty"), choices=Specialty.choices)
    seniority = django_filters.ChoiceFilter(label=_("Seniority"), choices=Seniority.choices)
    mine = mine_filter(_("My organization only"))
    sort = Ordering(
        fields=(("name", "name"), ("available_from", "available"), ("seniority", "seniority")),
        field_labels={
            "name": _("Name"),
            "available": _("Available from"),
            "seniority": _("Seniority"),
        },
    )

    class Meta:
        model = Professional
        fields = []

    def own_rows(self, rows, _name, value):
        if not value:
            return rows
        return rows.filter(permissions.donor_scope_q(self.actor, "organization__"))


class PlacementFilter(ListFilter):
    search_fields = (
        "post__title_en",
        "post__title_zh",
        "post__institution__name_en",
        "post__institution__name_zh",
    )
    specialty = django_filters.ChoiceFilter(
        label=_("Specialty"), field_name="post__specialty", choices=Specialty.choices
    )
    mine = mine_filter(_("My organization only"))
    sort = Ordering(
        fields=(("start_date", "start"), ("end_date", "end")),
        field_labels={"start": _("Start date"), "end": _("End date")},
    )

    class Meta:
        model = Placement
        fields = []

    def own_rows(self, rows, _name, value):
        if not value:
            return rows
        return rows.filter(
            permissions.donor_scope_q(self.actor, "professional__organization__")
            | permissions.institution_scope_q(self.actor, "post__institution__")
        )


class MentorshipFilter(ListFilter):
    search_fields = ("institution__name_en", "institution__name_zh", "goals")
    mentee_role = django_filters.ChoiceFilter(label=_("Mentee, by role"), choices=LocalRole.choices)
    mentee_field = django_filters.ChoiceFilter(label=_("Mentee's field"), choices=Specialty.choices)
    sort = Ordering(
        fields=(("started_on", "start"), ("institution__name_en", "institution")),
        field_labels={"start": _("Started on"), "institution": _("Institution")},
    )

    class Meta:
        model = Mentorship
        fields = []


class TrainingFilter(ListFilter):
    search_fields = ("topic", "institution__name_en", "institution__name_zh")
    year = django_filters.NumberFilter(
        label=_("Year"), field_name="held_on__year", min_value=1949, max_value=2200
    )
    sort = Ordering(
        fields=(("held_on", "held"), ("local_staff_trained", "trained")),
        field_labels={"held": _("Held on"), "trained": _("Of whom local staff")},
    )

    class Meta:
        model = Training
        fields = []
