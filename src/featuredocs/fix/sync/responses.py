"""Refresh documented response bodies: keys the endpoint dropped go, keys it added come.

Conservative, and never touching a value that stays: a key FD504 reports (the endpoint
does not produce it) is removed with its value; a key the endpoint produces is added to
an object that already shows most of the fields (at least half, and no ``...`` saying the
example is abridged), with an empty example value of its type (``""``, ``0``, ``false``,
``null``, nested objects written out), or the first of its choices. A sketch that shows a few fields stays a sketch.
Envelope keys of a paginated list (``count``, ``next`` …) are never added.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from featuredocs.fix.regions import region_edits
from featuredocs.rules.fd5_endpoints.json_text import Kind, Member, Node, parse, unplaced
from featuredocs.fix.sync.scope import Scope, SyncChange
from featuredocs.model import CodeBlock, EndpointFact, Page, ResponseField
from featuredocs.rules.base import CheckContext
from featuredocs.rules.fd3_models.lookup import close_names
from featuredocs.rules.fd5_endpoints.claims import claims_for
from featuredocs.rules.fd5_endpoints.resolve import resolutions_for
from featuredocs.rules.fd5_endpoints.response_shape import RESULTS_KEY
from featuredocs.rules.fd8_code.source import code_lines

_UNIT = "    "
_EMPTY = {"string": '""', "integer": "0", "number": "0", "boolean": "false", "array": "[]", "object": "{}"}


class _Plan:
    """Splices into one block's text: (start, end, replacement), applied from the end."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.splices: list[tuple[int, int, str]] = []

    def result(self) -> str:
        text = self.text
        for start, end, replacement in sorted(self.splices, key=lambda s: (s[0], s[1]), reverse=True):
            text = text[:start] + replacement + text[end:]
        return text


def response_changes(page: Page, ctx: CheckContext, scope: Scope) -> Iterator[SyncChange]:
    if ctx.facts is None:
        return
    resolutions = resolutions_for(page, ctx)
    seen: set[int] = set()
    for response in claims_for(page, ctx).responses:
        resolution = resolutions.get(response.endpoint)
        endpoint = resolution.endpoint if resolution is not None else None
        # The block the body is read from; its keys' places are not needed to edit it.
        code = response.code if response.body.walk_keys() else None
        if endpoint is None or endpoint.response is None or code is None or code.first_line in seen:
            continue
        seen.add(code.first_line)
        if not scope.allows("FD504", code.first_line):
            continue
        change = _refresh(page, code, endpoint)
        if change is not None:
            yield change


def _refresh(page: Page, code: CodeBlock, endpoint: EndpointFact) -> SyncChange | None:
    located = code_lines(page, code)
    texts = [line.text for line in located]
    text = "\n".join(texts)
    # Most bodies need nothing: a plan made from the body read without places (fast, and
    # only for plain JSON) is asked only whether it splices anything.
    unplaced_body = unplaced(text)
    if unplaced_body is not None and not _plan(text, unplaced_body, endpoint).splices:
        return None
    body = parse(text)
    if body is None:
        return None
    new_text = _plan(text, body, endpoint).result()
    if new_text == text:
        return None
    indent = page.line_text(located[0].line)[: located[0].column - 1] if located else ""
    edits = region_edits(
        page, code.first_line, [indent + line for line in new_text.split("\n")], code.first_line + len(texts) - 1
    )
    return SyncChange(f"response fields of `{endpoint.path}`", tuple(edits)) if edits else None


def _plan(text: str, body: Node, endpoint: EndpointFact) -> _Plan:
    plan = _Plan(text)
    assert endpoint.response is not None
    if endpoint.paginated:
        _paginated(plan, body, endpoint.response, endpoint.pagination_keys)
    else:
        _value(plan, body, endpoint.response)
    return plan


def _paginated(plan: _Plan, body: Node, items: tuple[ResponseField, ...], envelope: tuple[str, ...]) -> None:
    """As FD504 reads a paginated list: the envelope, one bare item, or a list of items."""
    if body.kind is not Kind.OBJECT:
        _value(plan, body, items)
        return
    names = {item.name for item in items}
    keys = [member.name for member in body.members]
    if all(key in names for key in keys) or (envelope and not any(key in envelope for key in keys)):
        _object(plan, body, items)
        return
    if not envelope:
        return
    dropped = {i for i, member in enumerate(body.members) if member.name not in envelope}
    _splice(plan, body, dropped, [], {m.name: i for i, m in enumerate(body.members) if i not in dropped}, ())
    for member in body.members:
        if member.name == RESULTS_KEY:
            _value(plan, member.value, items)


def _value(plan: _Plan, node: Node, fields: tuple[ResponseField, ...]) -> None:
    if node.kind is Kind.OBJECT:
        _object(plan, node, fields)
    elif node.kind is Kind.ARRAY:
        for item in node.items:
            _value(plan, item, fields)


def _object(plan: _Plan, node: Node, fields: tuple[ResponseField, ...]) -> None:
    """Drop the keys the endpoint does not produce, rename a key in place when one new
    field takes exactly its place, and add the missing fields to a near-complete object."""
    by_name = {f.name: f for f in fields}
    members = node.members
    renamed = _renames(members, fields)
    for index, member in enumerate(members):
        field = by_name.get(member.name) or renamed.get(index)
        if field is not None and field.children:
            _value(plan, member.value, field.children)
    for index, field in renamed.items():
        plan.splices.append((members[index].start, members[index].key_end, json.dumps(field.name)))
    dropped = {i for i, m in enumerate(members) if m.name not in by_name and i not in renamed}
    at = {m.name: i for i, m in enumerate(members) if m.name in by_name}
    at.update({field.name: i for i, field in renamed.items()})
    missing = [f for f in fields if f.name not in at]
    complete = bool(missing) and not node.ellipsis and len(at) * 2 >= len(fields)
    _splice(plan, node, dropped, missing if complete else [], at, fields)


def _renames(members: list[Member], fields: tuple[ResponseField, ...]) -> dict[int, ResponseField]:
    """Stale keys that a missing field takes the place of: same neighbours on both sides,
    one stale key between them and one missing field (or one whose name is close), and a
    value of the field's shape."""
    names = {f.name for f in fields}
    documented = {m.name for m in members if m.name in names}
    slots: dict[tuple[str | None, str | None], list[int]] = {}
    for index, member in enumerate(members):
        if member.name not in names:
            before = next((m.name for m in reversed(members[:index]) if m.name in names), None)
            after = next((m.name for m in members[index + 1 :] if m.name in names), None)
            slots.setdefault((before, after), []).append(index)
    gaps: dict[tuple[str | None, str | None], list[ResponseField]] = {}
    for position, field in enumerate(fields):
        if field.name not in documented:
            before = next((f.name for f in reversed(fields[:position]) if f.name in documented), None)
            after = next((f.name for f in fields[position + 1 :] if f.name in documented), None)
            gaps.setdefault((before, after), []).append(field)
    renamed: dict[int, ResponseField] = {}
    for slot, indexes in slots.items():
        candidates = [f for f in gaps.get(slot, []) if len(indexes) == 1 and _same_shape(members[indexes[0]].value, f)]
        if len(candidates) > 1:  # several new fields in its place: the one its name is close to
            close = close_names(members[indexes[0]].name, [f.name for f in candidates])
            candidates = [f for f in candidates if close[:1] == [f.name]] if len(close) == 1 else []
        if len(candidates) == 1:
            renamed[indexes[0]] = candidates[0]
    return renamed


def _same_shape(value: Node, field: ResponseField) -> bool:
    if field.many:
        return value.kind is Kind.ARRAY
    if field.children:
        return value.kind is Kind.OBJECT
    return value.kind is Kind.SCALAR


def _splice(
    plan: _Plan,
    node: Node,
    dropped: set[int],
    add: list[ResponseField],
    at: dict[str, int],
    fields: tuple[ResponseField, ...],
) -> None:
    """Remove the ``dropped`` members of ``node`` and insert ``add`` after the member of the
    field that precedes each in ``fields`` (``at`` maps field names to member indexes)."""
    if not dropped and not add:
        return
    text, members = plan.text, node.members
    kept = [i for i in range(len(members)) if i not in dropped]
    if not kept:
        plan.splices.append((node.start + 1, node.end - 1, _render_members(text, node, add)))
        return
    first, last = kept[0], kept[-1]
    if first:
        plan.splices.append((_line_start(text, members[0].start), _line_start(text, members[first].start), ""))
    for index in range(first + 1, len(members)):
        if index in dropped:
            plan.splices.append((*_member_range(text, members[index - 1], members[index]), ""))
    if last < len(members) - 1 and _own_line(text, members[-1].start):
        comma = _comma_after(text, members[last].end)
        if comma is not None:
            plan.splices.append((comma, comma + 1, ""))
    for anchor, group in _anchored(add, at, fields).items():
        if anchor is None:
            plan.splices.append(_before(text, node, members[first], group))
        else:
            offset = members[anchor].end
            plan.splices.append((offset, offset, _after(text, node, members[anchor], group)))


def _anchored(
    add: list[ResponseField], at: dict[str, int], fields: tuple[ResponseField, ...]
) -> dict[int | None, list[ResponseField]]:
    """New fields grouped by the member they follow (None: before the first one)."""
    order = [f.name for f in fields]
    groups: dict[int | None, list[ResponseField]] = {}
    for field in add:
        position = order.index(field.name)
        anchor = next((at[name] for name in reversed(order[:position]) if name in at), None)
        groups.setdefault(anchor, []).append(field)
    return groups


def _member_range(text: str, previous: Member, member: Member) -> tuple[int, int]:
    if _own_line(text, member.start):
        end = member.end
        comma = _comma_after(text, end)
        end = comma + 1 if comma is not None else end
        line_end = text.find("\n", end)
        if line_end >= 0 and not text[end:line_end].strip():
            end = line_end + 1
        elif line_end < 0 and not text[end:].strip():
            end = len(text)
        return _line_start(text, member.start), end
    return previous.end, member.end


def _after(text: str, node: Node, anchor: Member, add: list[ResponseField]) -> str:
    if _own_line(text, anchor.start):
        indent = _indent_at(text, anchor.start)
        unit = _unit(text, node, indent)
        return "".join(f",\n{indent}{_render_member(f, indent, unit)}" for f in add)
    return "".join(f", {_render_member(f, '', '')}" for f in add)


def _before(text: str, node: Node, first: Member, add: list[ResponseField]) -> tuple[int, int, str]:
    if _own_line(text, first.start):
        indent = _indent_at(text, first.start)
        unit = _unit(text, node, indent)
        offset = _line_start(text, first.start)
        return offset, offset, "".join(f"{indent}{_render_member(f, indent, unit)},\n" for f in add)
    rendered = "".join(f"{_render_member(f, '', '')}, " for f in add)
    return first.start, first.start, rendered


def _render_members(text: str, node: Node, add: list[ResponseField]) -> str:
    """The inside of an object that keeps none of its members."""
    if not add:
        return ""
    if "\n" not in text[node.start : node.end]:
        return " " + ", ".join(_render_member(f, "", "") for f in add) + " "
    outer = _indent_at(text, node.start)
    inner = outer + _UNIT
    return "\n" + ",\n".join(inner + _render_member(f, inner, _UNIT) for f in add) + "\n" + outer


def _render_member(field: ResponseField, indent: str, unit: str) -> str:
    """``"name": value``; ``indent`` is the member line's, ``unit`` one level ('' inline)."""
    return f'"{field.name}": {_render_value(field, indent, unit)}'


def _render_value(field: ResponseField, indent: str, unit: str) -> str:
    if field.children:
        if not field.many:
            return _render_object(field.children, indent, unit)
        if not unit:
            return f"[{_render_object(field.children, '', '')}]"
        inner = indent + unit
        return f"[\n{inner}{_render_object(field.children, inner, unit)}\n{indent}]"
    if field.many:
        return "[]"
    if field.choices:  # a value it may take, where an empty one could not be
        return json.dumps(field.choices[0])
    return _EMPTY.get(field.type or "", "null")


def _render_object(fields: tuple[ResponseField, ...], indent: str, unit: str) -> str:
    """An object whose braces sit on lines indented by ``indent``."""
    if not unit:
        return "{" + ", ".join(_render_member(f, "", "") for f in fields) + "}"
    inner = indent + unit
    members = ",\n".join(inner + _render_member(f, inner, unit) for f in fields)
    return "{\n" + members + "\n" + indent + "}"


def _own_line(text: str, offset: int) -> bool:
    """Whether only whitespace precedes ``offset`` on its line."""
    return not text[text.rfind("\n", 0, offset) + 1 : offset].strip()


def _line_start(text: str, offset: int) -> int:
    start = text.rfind("\n", 0, offset) + 1
    return start if not text[start:offset].strip() else offset


def _indent_at(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    line = text[start:offset]
    return line[: len(line) - len(line.lstrip())]


def _unit(text: str, node: Node, indent: str) -> str:
    outer = _indent_at(text, node.start)
    return indent[len(outer) :] if indent.startswith(outer) and len(indent) > len(outer) else _UNIT


def _comma_after(text: str, offset: int) -> int | None:
    match = re.compile(r"\s*(?://[^\n]*\s*)?,").match(text, offset)
    return match.end() - 1 if match else None
