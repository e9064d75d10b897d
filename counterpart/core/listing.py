"""List pages: filters (django-filter), a search over names and codes, a sort, and the page.

A list names its filters in a `ListFilter` (its fields, the lookups `q` searches, the orders
`sort` offers); `listed()` applies them to rows the selector has already scoped to the reader and
returns the page, which carries the filters for `core/_list_filters.html` and whose rows are
what an export of the list holds."""

import django_filters
from django import forms
from django.db.models import Q
from django.forms.utils import pretty_name
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_lazy

from counterpart.core.pagination import page_of

SEARCH_WORDS = 6  # more words than this narrow nothing further; they are ignored


class ListFilter(django_filters.FilterSet):
    """`q` finds rows whose `search_fields` hold every word given (names in any language, codes);
    a subclass adds its own filters and a `sort = django_filters.OrderingFilter(...)`."""

    search_fields: tuple[str, ...] = ()

    q = django_filters.CharFilter(
        label=gettext_lazy("Search"), method="search_words", max_length=100
    )

    def search_words(self, rows, _name, value):
        for word in value.split()[:SEARCH_WORDS]:
            found = Q()
            for field in self.search_fields:
                found |= Q(**{f"{field}__icontains": word})
            rows = rows.filter(found)
        return rows

    @property
    def actor(self):
        return getattr(self.request, "user", None)


class Ordering(django_filters.OrderingFilter):
    """A list's sort: its orders and their reverses, labelled in the reader's language."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", gettext_lazy("Sort"))
        super().__init__(*args, **kwargs)

    def build_choices(self, fields, labels):
        """django-filter words "(descending)" once, as the list's module loads (in English):
        here each reverse is worded when shown."""
        choices = []
        for field, param in fields.items():
            label = labels.get(field, labels.get(param, gettext_lazy(pretty_name(param))))
            choices.append((param, label))
            choices.append((f"-{param}", labels.get(f"-{param}", _descending(label))))
        return choices


def _descending_text(label) -> str:
    return gettext("%s (descending)") % label


_descending = lazy(_descending_text, str)


def mine_filter(label=None):
    """A "mine only" switch (the filter's `own_rows` method says what is the reader's own)."""
    return django_filters.BooleanFilter(
        label=label or gettext_lazy("Mine only"), method="own_rows", widget=forms.CheckboxInput
    )


def listed(request, rows, filter_class: type[ListFilter], *, param: str = "page", prefix=None):
    """The page of `rows` the request's filters, search and sort leave; `page.filters` renders
    them and `page.rows` is the whole filtered list (for its export)."""
    filters = filter_class(request.GET or None, queryset=rows, request=request, prefix=prefix)
    filtered = filters.qs
    page = page_of(request, filtered, param=param)
    page.filters = filters
    page.rows = filtered
    return page
