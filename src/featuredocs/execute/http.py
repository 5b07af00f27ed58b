"""An ``http`` block's request sent to the project's URLconf with Django's test client,
and what its answer says about the page.

A server error (5xx) is the page's to report, and so is a 400 naming a field the request
left out (Django REST framework's *This field is required.*): the documented body is
missing it. Any other 4xx depends on who asks and on the rows the test database holds,
and is counted as not judged. A success is held to the answer the page shows: its status,
and the names and JSON types of its body.
"""

from __future__ import annotations

import json
import re
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


def documented_status(answer: str) -> int | None:
    """The status a documented answer shows (``HTTP/1.1 201 Created``), if any."""
    match = _STATUS.match(answer.lstrip())
    return int(match["status"]) if match else None


def differences(answer: str, answer_line: int, status: int, content: bytes, content_type: str) -> list[tuple[int, str]]:
    """(page line, what differs) between a documented answer, shown from page line
    ``answer_line``, and the real one: its status, the names its JSON leaves out, and
    values of another JSON type (a number shown as a string). Values themselves depend on
    the rows, and are not compared; nor is anything in a documented body that is not JSON."""
    found = []
    shown = documented_status(answer)
    if shown is not None and shown != status:
        found.append((answer_line, f"answered {status}, the page shows {shown}"))
    body, offset = _body(answer)
    documented = _json(body.encode("utf-8"))
    real = _json(content) if "json" in content_type else None
    if documented is None or real is None:
        return found
    lines = body.split("\n")
    for path, said in _compared(documented, real, ()):
        found.append((answer_line + offset + _key_line(lines, path), said))
    return found


_STATUS = re.compile(r"HTTP/[\d.]+\s+(?P<status>\d{3})\b")
_SHOWN_NAMES = 8


def _body(answer: str) -> tuple[str, int]:
    """The JSON part of a documented answer, and the line it starts on within it."""
    if not _STATUS.match(answer.lstrip()):
        return answer, 0
    head, blank, body = answer.partition("\n\n")
    return (body, head.count("\n") + 2) if blank else ("", 0)


def _json(data: bytes) -> Any:
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return None


def _compared(documented: Any, real: Any, path: tuple[str, ...]) -> list[tuple[tuple[str, ...], str]]:
    """What ``real`` lacks or types otherwise than ``documented``, by the path of names
    leading to it (a list's items compared by their first)."""
    if isinstance(documented, dict) and isinstance(real, dict):
        found = []
        for name, value in documented.items():
            if name not in real:
                has = ", ".join(f"`{key}`" for key in list(real)[:_SHOWN_NAMES])
                more = ", …" if len(real) > _SHOWN_NAMES else ""
                found.append(((*path, name), f"answers without `{name}` (it has {has}{more})"))
            else:
                found.extend(_compared(value, real[name], (*path, name)))
        return found
    if isinstance(documented, list) and isinstance(real, list):
        return _compared(documented[0], real[0], path) if documented and real else []
    shown, given = _kind(documented), _kind(real)
    if path and shown and given and shown != given:
        return [(path, f"answers `{path[-1]}` as {given}, the page shows {shown}")]
    return []


def _kind(value: Any) -> str | None:
    """A JSON value's type as a reader names it; None for null (it depends on the row)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an object" if isinstance(value, dict) else "a list"


def _key_line(lines: list[str], path: tuple[str, ...]) -> int:
    """The line of the body (from 0) where the last name of ``path`` is written, each name
    looked for below the one before it; the first line when it is not found."""
    at = 0
    for name in path:
        pattern = re.compile(rf'"{re.escape(name)}"\s*:')
        found = next((index for index in range(at, len(lines)) if pattern.search(lines[index])), None)
        if found is None:
            return at
        at = found
    return at
