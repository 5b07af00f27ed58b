"""What each path parameter of a URL pattern accepts, read from the pattern as written.

A ``path()`` parameter is named by its converter (``<int:pk>`` -> ``int``, ``<pk>`` ->
``str``); a ``re_path()`` group by its regex (``(?P<year>[0-9]{4})`` -> ``[0-9]{4}``),
a DRF router's lookup included (``[^/.]+``). Both modes read the same text, so they agree:
a custom converter stays a name, whose regex only a running project could tell.
Importing Django is not needed here (static mode runs without it).
"""

from __future__ import annotations

import re

#: A ``path()`` parameter, as Django reads it: ``<int:pk>`` or ``<pk>``.
ROUTE_PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
_NAMED_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>")


def route_converters(route: str) -> tuple[str, ...]:
    """``int``, ``slug``…, in the order of the route's parameters; ``str`` when unnamed."""
    return tuple(m.group("converter") or "str" for m in ROUTE_PARAM.finditer(route))


def regex_groups(regex: str) -> list[tuple[str | None, str]]:
    """The regex's outermost capturing groups, in order: name (None when unnamed) and
    pattern. Groups inside another capturing group are no parameters of their own, as
    Django's ``normalize`` reads them."""
    groups: list[tuple[str | None, str]] = []
    open_groups: list[tuple[int, str | None, bool]] = []  # content start, name, capturing
    position, in_class = 0, False
    while position < len(regex):
        char = regex[position]
        if char == "\\":
            position += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            position += 1 + regex.startswith("^", position + 1)
            position += regex.startswith("]", position)  # a leading ``]`` is a literal
            continue
        elif char == "(":
            named = _NAMED_GROUP.match(regex, position)
            if named is not None:
                open_groups.append((named.end(), named.group("name"), True))
                position = named.end()
                continue
            capturing = not regex.startswith("(?", position)
            open_groups.append((position + 1, None, capturing))
        elif char == ")" and open_groups:
            start, name, capturing = open_groups.pop()
            if capturing and not any(outer[2] for outer in open_groups):
                groups.append((name, regex[start:position]))
        position += 1
    return groups


def regex_converters(regex: str, params: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The pattern of each of ``params`` (``normalize``'s names: ``year``, or ``_0`` for
    the first unnamed group); ``""`` where the regex cannot be read."""
    groups = regex_groups(regex)
    named = {name: pattern for name, pattern in groups if name is not None}
    unnamed = [pattern for name, pattern in groups if name is None]
    patterns = []
    for param in params:
        if param.startswith("_") and param[1:].isdigit():
            index = int(param[1:])
            patterns.append(unnamed[index] if index < len(unnamed) else "")
        else:
            patterns.append(named.get(param, ""))
    return tuple(patterns)
