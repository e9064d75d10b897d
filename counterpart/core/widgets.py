"""A choice among many (a thousand people, three hundred sectors): the select holds the chosen
option and the first few; a search box beside it asks the server for the options that match
(htmx), so the page never carries the whole list. The field still accepts any row of its
queryset, so a choice made from search results validates as any other."""

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy

from counterpart.core.text import folded, spellings

OPTIONS_SHOWN = 30
SECTOR_SEARCH = gettext_lazy("Search sectors by code or name")
PEOPLE_SEARCH = gettext_lazy("Search people by name or number")


class NamedSelect(forms.Select):
    """A choice among named records (organizations, regions): every option is on the page, and
    a box before the select (core/filter_select.js) narrows them as one types, by any of the
    record's names, their pinyin, or its code (each option's `data-words`)."""

    NAMES = ("name_en", "name_zh", "name_ug", "code")

    def __init__(self, attrs=None):
        super().__init__({"data-filter": gettext_lazy("Type to narrow the list"), **(attrs or {})})

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        record = getattr(value, "instance", None)
        if record is not None:
            names = (getattr(record, field, "") for field in self.NAMES)
            option["attrs"]["data-words"] = folded(" ".join(spellings(label, *names)))
        return option


class SearchSelect(forms.Select):
    template_name = "core/widgets/search_select.html"

    def __init__(self, options_url: str, search_label, *, limit: int = OPTIONS_SHOWN, attrs=None):
        super().__init__(attrs)
        self.options_url = options_url
        self.search_label = search_label  # what the search box is for, for screen readers
        self.limit = limit

    def optgroups(self, name, value, attrs=None):
        """The empty choice, the chosen one and the first `limit` others."""
        chosen = {str(v) for v in value if v not in (None, "")}
        kept, others = [], 0
        for group_name, options, index in super().optgroups(name, value, attrs):
            shown = []
            for option in options:
                if option["value"] in ("", None) or str(option["value"]) in chosen:
                    shown.append(option)
                elif others < self.limit:
                    shown.append(option)
                    others += 1
            if shown:
                kept.append((group_name, shown, index))
        return kept

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["options_url"] = self.options_url
        context["widget"]["search_label"] = self.search_label
        return context


def options_response(request, rows, label, *, limit: int | None = OPTIONS_SHOWN, empty=None):
    """The `<option>`s of the rows a search (or an earlier choice) leaves, the first `limit` of
    them, after an empty one (`empty` its label), to swap into a select."""
    total = len(rows) if isinstance(rows, list) else rows.count()
    shown = list(rows if limit is None else rows[:limit])
    return render(
        request,
        "core/_options.html",
        {
            "options": [(row.pk, label(row)) for row in shown],
            "empty": empty,
            "more": total - len(shown),
        },
    )
