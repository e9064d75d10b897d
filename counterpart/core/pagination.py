"""Pagination: the API's limit/offset, bounded so no request can overflow a query, and the pages
of list pages."""

from django.core.paginator import Paginator
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

MAX_LIMIT = 1000
MAX_OFFSET = 2**31 - 1


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(100, ge=1, le=MAX_LIMIT)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)


PER_PAGE = 50


def page_of(request, rows, *, per_page: int | None = None, param: str = "page"):
    """One page of `rows` for a list page, with what `core/_pager.html` needs to say which rows
    these are ("51–100 of 852") and to link to the others with the same filters."""
    page = Paginator(rows, per_page or PER_PAGE).get_page(request.GET.get(param))
    query = request.GET.copy()
    query.pop(param, None)
    page.query = query.urlencode()
    page.param = param
    return page
