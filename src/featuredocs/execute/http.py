"""An ``http`` block's request sent to the project's URLconf with Django's test client,
and what its answer says about the page.

A server error (5xx) is the page's to report, and so is a 400 naming a field the request
left out (Django REST framework's *This field is required.*): the documented body is
missing it. Any other 4xx depends on who asks and on the rows the test database holds,
and is counted as not judged.
"""

from __future__ import annotations

import json
from typing import Any

_SET_BY_CLIENT = frozenset({"host", "content-length"})
_REQUIRED = "This field is required."


def parse_request(text: str) -> tuple[str, str, dict[str, str], str]:
    """Method, path, headers (lower-case names) and body of an HTTP request as written."""
    head, _, body = text.replace("\r\n", "\n").partition("\n\n")
    first, *header_lines = head.split("\n")
    method, path = first.split()[:2]
    headers = {}
    for line in header_lines:
        name, colon, value = line.partition(":")
        if colon:
            headers[name.strip().lower()] = value.strip()
    return method.upper(), path, headers, body.strip()


def send(text: str, client: Any) -> Any:
    """The request ``text`` sent with ``client``; Django's response."""
    method, path, headers, body = parse_request(text)
    content_type = headers.pop("content-type", "application/octet-stream")
    extra = {name: value for name, value in headers.items() if name not in _SET_BY_CLIENT}
    return client.generic(method, path, data=body.encode("utf-8"), content_type=content_type, headers=extra)


def verdict(status: int, content: bytes, logged_in: bool) -> tuple[bool, str]:
    """(whether the page is to blame, what to say) for an answer that is no success;
    ``logged_in``: whether the request was sent as a logged-in user."""
    if status >= 500:
        return True, f"answered {status}"
    if status == 400:
        missing = _required_fields(content)
        if missing:
            return True, "answered 400: " + ", ".join(f"`{name}`" for name in missing) + " is required"
        return False, "were answered 400"
    if status in (401, 403):
        return False, "were refused (401, 403)" if logged_in else "were refused without a login (--login)"
    if status == 404:
        return False, "asked for rows the test database lacks (404)"
    return False, f"were answered {status}"


def _required_fields(content: bytes) -> list[str]:
    """The fields a validation error says are required, in its order."""
    try:
        errors = json.loads(content)
    except (ValueError, UnicodeDecodeError):
        return []
    if not isinstance(errors, dict):
        return []
    return [name for name, messages in errors.items() if isinstance(messages, list) and _REQUIRED in messages]
