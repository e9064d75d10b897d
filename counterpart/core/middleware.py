"""A request body that nothing behind could use is answered here, naming what is wrong: one too
large (413), JSON nested deeper than any record of ours (400, told before it is parsed: Python's
parser recurses, so 5,000 levels would exhaust its stack), or JSON holding text no database can
store (a lone surrogate such as "\\ud800", which JSON allows and UTF-8 does not; 422 naming the
field)."""

import json
import re

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.utils.translation import gettext as _

WRITES = {"POST", "PUT", "PATCH", "DELETE"}
JSON_MAX_DEPTH = 32  # the deepest record the API takes is three levels (a training's rows)
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_BRACKET = re.compile(rb"[\[\]{}]")


def refusal(errors: dict[str, list[str]], status: int) -> JsonResponse:
    """The API's shape for a refused request (counterpart.api answers ValidationError so)."""
    return JsonResponse(
        {"detail": _("The request was not accepted."), "errors": errors}, status=status
    )


def unstorable_text_at(value, path: str = "") -> str | None:
    """The path ("items.2.name") of the first string that UTF-8 cannot encode, or None."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return path or "__all__"
        return None
    if isinstance(value, dict):
        children = value.items()
    elif isinstance(value, list):
        children = enumerate(value)
    else:
        return None
    for key, child in children:
        if isinstance(key, str) and unstorable_text_at(key) is not None:
            return f"{path}.{key}".strip(".") if path else "__all__"
        found = unstorable_text_at(child, f"{path}.{key}" if path else str(key))
        if found is not None:
            return found
    return None


def json_depth(body: bytes) -> int:
    """How deep the arrays and objects of a JSON text nest, without parsing it (brackets inside
    strings do not count)."""
    depth = deepest = 0
    for bracket in _JSON_BRACKET.findall(_JSON_STRING.sub(b"", body)):
        if bracket in b"[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


class RequestBodyGuard:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in WRITES and request.content_type == "application/json":
            try:
                body = request.body
            except RequestDataTooBig:
                limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
                message = _("The request body is larger than %(limit)s bytes.") % {
                    "limit": f"{limit:,}"
                }
                return refusal({"__all__": [message]}, status=413)
            if json_depth(body) > JSON_MAX_DEPTH:
                message = _("The request nests more than %(limit)s levels deep.") % {
                    "limit": JSON_MAX_DEPTH
                }
                return refusal({"__all__": [message]}, status=400)
            try:
                data = json.loads(body) if body else None
            except (ValueError, RecursionError):
                data = None  # not JSON: the API says so itself
            field = unstorable_text_at(data)
            if field is not None:
                message = _("This text holds characters that cannot be stored (a lone surrogate).")
                return refusal({field: [message]}, status=422)
        return self.get_response(request)


class PermissionsPolicy:
    """Refuses every page the browser features none uses (settings.PERMISSIONS_POLICY)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
