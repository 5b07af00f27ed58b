"""Front matter and ``<!-- featuredocs: … -->`` suppression comments."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from featuredocs.model import Suppression

_FENCE = re.compile(rb"---[ \t]*(?:\r\n|\r|\n)")
_CLOSE = re.compile(rb"^(?:---|\.\.\.)[ \t]*$", re.M)
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$")
_YAMLISH = re.compile(r"^(?:[ \t]*#.*|[ \t]*-[ \t].*|[ \t]*-|[ \t]+\S.*|[A-Za-z_][\w.-]*[ \t]*:.*)$")
_SUPPRESSION = re.compile(
    r"<!--\s*featuredocs\s*:\s*(ignore-file|ignore)\b(.*?)-->", re.S | re.I
)
_CODE = re.compile(r"[A-Za-z]+[0-9]*")


def front_matter_end(data: bytes) -> int:
    """Byte offset just past a leading ``---`` front matter block, or 0 when there is none.

    Only a block whose lines all look like YAML counts, so a page that opens with a rule
    (``---``) and a setext heading is not mistaken for front matter.
    """
    opening = _FENCE.match(data)
    if opening is None:
        return 0
    closing = _CLOSE.search(data, opening.end())
    if closing is None:
        return 0
    body = data[opening.end() : closing.start()].decode("utf-8", errors="replace")
    if not all(_YAMLISH.match(line) or not line.strip() for line in body.splitlines()):
        return 0
    end = closing.end()
    for newline in (b"\r\n", b"\r", b"\n"):
        if data.startswith(newline, end):
            return end + len(newline)
    return end


def read_front_matter(block: str) -> Mapping[str, object]:
    """Simple ``key: value`` lines (and ``- item`` lists under a bare key), no PyYAML."""
    values: dict[str, object] = {}
    list_key: str | None = None
    for line in block.splitlines()[1:]:
        stripped = line.strip()
        if stripped.startswith("- ") and list_key is not None:
            current = values.get(list_key)
            items = list(current) if isinstance(current, tuple) else []
            values[list_key] = (*items, _scalar(stripped[2:]))
            continue
        match = _KEY_VALUE.match(line)
        if match is None:
            continue
        key, value = match.group(1), match.group(2)
        if value:
            values[key] = _scalar(value)
            list_key = None
        else:
            values[key] = ()
            list_key = key
    return MappingProxyType(values)


def _scalar(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def mask(data: bytes, end: int) -> bytes:
    """``data`` with its first ``end`` bytes blanked, line breaks kept, offsets unchanged."""
    head = bytes(b if b in b"\r\n" else 0x20 for b in data[:end])
    return head + data[end:]


def suppressions_in(html: str, first_line: int) -> list[Suppression]:
    """Suppression comments in one HTML fragment that starts on page line ``first_line``.

    A suppression's line is the line its comment ends on; it silences the line after.
    """
    found: list[Suppression] = []
    for match in _SUPPRESSION.finditer(html):
        kind, rest = match.group(1).lower(), match.group(2)
        codes = tuple(code.upper() for code in _CODE.findall(rest))
        line = first_line + html.count("\n", 0, match.end())
        found.append(Suppression(line=line, codes=codes, whole_page=kind == "ignore-file"))
    return found
