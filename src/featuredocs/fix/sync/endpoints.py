"""Refresh what a page says about its endpoints: methods and query parameters.

- **Methods** in endpoint headings and request lines: a method the view no longer allows
  is dropped from a list of methods (``### GET, PUT /…`` → ``### GET /…``); a single
  method is replaced when exactly one allowed method is not documented elsewhere for the
  endpoint (``### PUT /api/orders/{id}/pay/`` → ``### POST …``), and the request lines
  under that heading follow it, as do the page's links to the heading's anchor.
- **Query Parameters** lists: a parameter the endpoint no longer reads is renamed, its words
  kept, when exactly one parameter the list leaves out looks like its new name (FD503's
  hint), and dropped otherwise; one it now reads is added, as FD510 asks (`` - `name` (type, optional):
  [Description] ``), and a type that
  cannot describe the parameter (``string`` for an integer), a list of values, a
  default the endpoint does not use and a cap its paginator does not set are corrected.
- **Query strings** of request lines (``GET /api/v1/orders/?status=paid HTTP/1.1``) rename a
  parameter so, keeping its value, and lose the other parameters the endpoint does not read. Calls in example code (curl, HTTPie,
  ``requests``) and paths quoted in sentences are left as written: a shell quote or a
  sentence about the parameter cannot be trimmed safely, and FD503 still points at them.

Endpoints whose methods or parameters cannot be known are left alone (FD502 and FD503
are silent on them too).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from featuredocs.fix.regions import line_edit
from featuredocs.fix.sync.judgements import accepted_params, allowed_methods
from featuredocs.fix.sync.lists import ListEditor, LocatedList, insert_in_order, list_of
from featuredocs.fix.sync.scope import Scope, SyncChange
from featuredocs.generate.usage import query_param_text
from featuredocs.model import Edit, EndpointFact, ListItem, Page, QueryParamFact, Span
from featuredocs.markdown.slug import github_slug
from featuredocs.rules.base import CheckContext
from featuredocs.rules.fd2_links.targets import fragment_span
from featuredocs.rules.enumerations import choice_values
from featuredocs.rules.fd5_endpoints.claims import QueryParamClaim, claims_for
from featuredocs.rules.fd5_endpoints.documented import checked_parameter_lists, renamed_to, unlisted_params
from featuredocs.rules.fd5_endpoints.declarations import ClaimKind, EndpointClaim
from featuredocs.rules.fd5_endpoints.param_defaults import differs, documented_default, rendered_default
from featuredocs.rules.fd5_endpoints.param_maximum import documented_maximum
from featuredocs.rules.fd5_endpoints.resolve import Resolution, resolutions_for

_DECLARING = frozenset({ClaimKind.HEADING, ClaimKind.REQUEST})
_TYPE_WORDS = {
    "string": "string", "str": "string", "text": "string",
    "integer": "integer", "int": "integer",
    "number": "number", "float": "number", "decimal": "number", "numeric": "number",
    "boolean": "boolean", "bool": "boolean",
}
_ITEM_TYPE = re.compile(r"\s*(`+)[^`]+\1\s*\(\s*(?P<type>[A-Za-z]+)")


def endpoint_changes(page: Page, ctx: CheckContext, scope: Scope) -> Iterator[SyncChange]:
    if ctx.facts is None:
        return
    claims = claims_for(page, ctx)
    resolutions = resolutions_for(page, ctx)
    yield from _method_changes(page, claims.endpoints, resolutions, scope)
    yield from _query_list_changes(page, ctx, scope)
    yield from _query_string_changes(page, claims.endpoints, resolutions, scope)


# --- methods ---------------------------------------------------------------------------


def _allows(method: str, allowed: tuple[str, ...]) -> bool:
    return method in allowed or method == "OPTIONS" or (method == "HEAD" and "GET" in allowed)


def _key(resolution: Resolution) -> tuple[str, ...]:
    return tuple(endpoint.path for endpoint in resolution.endpoints)


def _method_changes(
    page: Page,
    endpoints: tuple[EndpointClaim, ...],
    resolutions: dict[EndpointClaim, Resolution],
    scope: Scope,
) -> Iterator[SyncChange]:
    documented: dict[tuple[str, ...], set[str]] = {}
    for claim in endpoints:
        resolution = resolutions.get(claim)
        if claim.kind is ClaimKind.HEADING and resolution is not None:
            documented.setdefault(_key(resolution), set()).update(m.text for m in claim.methods)
    replaced: dict[tuple[tuple[str, ...], str], str] = {}
    ordered = sorted(
        (c for c in endpoints if c.kind in _DECLARING and c.methods),
        key=lambda c: c.kind is not ClaimKind.HEADING,
    )
    for claim in ordered:
        resolution = resolutions.get(claim)
        allowed = allowed_methods(resolution) if resolution is not None else None
        if resolution is None or allowed is None:
            continue
        bad = [m for m in claim.methods if not _allows(m.text, allowed)]
        if not bad or not scope.allows("FD502", bad[0].span.line):
            continue
        edit = _method_edit(page, claim, allowed, documented.get(_key(resolution), set()), replaced, _key(resolution))
        if edit is not None:
            links = _links_following(page, claim, edit) if claim.kind is ClaimKind.HEADING else []
            yield SyncChange(f"methods of `{claim.path.text}`", (edit, *links))


def _links_following(page: Page, claim: EndpointClaim, edit: Edit) -> list[Edit]:
    """The page's own links to a heading whose methods change (``#put-apiv1ordersidpay``),
    pointed at its new anchor; a heading whose anchor is numbered (a second one of the
    same text) is left to FD202."""
    heading = next((h for h in page.headings if h.span.line == claim.path.span.line), None)
    if heading is None or heading.slug != github_slug(heading.plain) or edit.span.line != heading.span.line:
        return []
    line = page.line_text(edit.span.line)
    written = line[: edit.span.column - 1] + edit.replacement + line[edit.span.end_column - 1 :]
    new_slug = github_slug(written.lstrip("#").strip().replace("`", ""))
    if new_slug == heading.slug:
        return []
    edits = []
    for link in page.links:
        if link.target.startswith("#") and link.target[1:] == heading.slug:
            span = fragment_span(page, link, heading.slug)
            if span is not None:
                edits.append(Edit(span, new_slug))
    return edits


def _method_edit(
    page: Page,
    claim: EndpointClaim,
    allowed: tuple[str, ...],
    documented: set[str],
    replaced: dict[tuple[tuple[str, ...], str], str],
    key: tuple[str, ...],
) -> Edit | None:
    good = [m for m in claim.methods if _allows(m.text, allowed)]
    first, last = claim.methods[0].span, claim.methods[-1].span
    if good:
        if first.line != last.line:
            return None
        text = page.line_text(first.line)
        separator = _separator(text, claim)
        new = separator.join(m.text for m in good)
        return Edit(Span(first.line, first.column, last.line, last.end_column), new)
    if len(claim.methods) != 1:
        return None
    old = claim.methods[0].text
    new_method = replaced.get((key, old))
    if new_method is None:
        candidates = [m for m in allowed if m not in documented]
        if len(candidates) != 1:
            return None
        new_method = candidates[0]
        if claim.kind is ClaimKind.HEADING:
            replaced[(key, old)] = new_method
    return Edit(first, new_method)


def _separator(text: str, claim: EndpointClaim) -> str:
    if len(claim.methods) < 2:
        return ", "
    a, b = claim.methods[0].span, claim.methods[1].span
    return text[a.end_column - 1 : b.column - 1] or ", "


# --- query parameter lists -----------------------------------------------------------------


def _query_list_changes(page: Page, ctx: CheckContext, scope: Scope) -> Iterator[SyncChange]:
    for listed in checked_parameter_lists(page, ctx):
        labelled, endpoint, accepted = listed.labelled, listed.endpoint, listed.accepted
        missing = unlisted_params(labelled, listed.params, endpoint, accepted) if scope.allows("FD510", labelled.span.line) else []
        edits = _refresh_list(page, list_of(listed.section, labelled), listed.params, endpoint, accepted, missing, scope)
        if edits:
            yield SyncChange(f"query parameters of `{endpoint.path}`", tuple(edits))


def _refresh_list(
    page: Page,
    located: LocatedList,
    params: list[QueryParamClaim],
    endpoint: EndpointFact,
    accepted: frozenset[str],
    missing: list[QueryParamFact],
    scope: Scope,
) -> list[Edit]:
    editor = ListEditor(page, located)
    by_line: dict[int, QueryParamClaim] = {}
    for param in params:
        by_line.setdefault(param.name.span.line, param)  # an item's first name (`a` / `b`)
    facts = {fact.name: fact for fact in endpoint.query_params}
    documented: set[str] = {p.name.text for p in params if p.name.text in accepted}
    kept: dict[str, ListItem] = {}  # the item of each parameter the list keeps
    for item in located.items:
        param = by_line.get(item.span.line)
        if param is None:
            continue
        name = param.name.text
        if name not in accepted:
            if not scope.allows("FD503", param.name.span.line):
                continue
            new_name = renamed_to(name, endpoint, documented)
            if new_name is None or param.name.span.line != param.name.span.end_line:
                editor.delete(item)
                continue
            # renamed in the code: the item keeps its words, as a renamed field's does
            editor.replace(param.name.span, new_name)
            name = new_name
        documented.add(name)
        kept[name] = item
        fact = facts.get(name)
        if fact is not None:
            _retype(page, editor, item.span, fact)
            _correct_values(page, editor, param, fact, scope)
            _correct_default(page, editor, param, endpoint, fact, scope)
            _correct_maximum(page, editor, param, endpoint, fact, scope)
    order = [fact.name for fact in endpoint.query_params]
    for fact in missing:
        if fact.name not in documented:
            insert_in_order(editor, fact.name, order, kept, new_param_item(fact))
    return editor.edits()


def _retype(page: Page, editor: ListEditor, span: Span, fact: QueryParamFact) -> None:
    """Correct a documented type that cannot describe the parameter (``string`` for an
    ``integer``); a number documented as ``integer`` is left as it is."""
    text = page.line_text(span.line)
    match = _ITEM_TYPE.match(text, span.column - 1)
    if match is None or fact.type not in _TYPE_WORDS.values():
        return
    written = match.group("type")
    kind = _TYPE_WORDS.get(written.casefold())
    if kind is None or kind == fact.type or (fact.type == "number" and kind == "integer"):
        return
    replacement = fact.type.capitalize() if written[:1].isupper() else fact.type
    start = match.start("type") + 1
    editor.replace(Span(span.line, start, span.line, start + len(written)), replacement)


def _correct_values(page: Page, editor: ListEditor, param: QueryParamClaim, fact: QueryParamFact, scope: Scope) -> None:
    """The values the item lists, as the parameter accepts them; an ordering parameter's
    list names the fields a reader sorts by most, and is left as it is."""
    span = param.name.span
    if fact.source == "ordering" or span.line != span.end_line:
        return
    found = choice_values(page, span.line, span.end_column - 1, fact.choices)
    editor.correct_values(found, fact.choices, scope, "FD506")


def _correct_default(
    page: Page, editor: ListEditor, param: QueryParamClaim, endpoint: EndpointFact, fact: QueryParamFact, scope: Scope
) -> None:
    """The default the item gives the parameter, as the endpoint applies it (FD507)."""
    written = documented_default(page, param, endpoint) if fact.default is not None else None
    if written is not None and differs(written, fact):
        _replace_in_place(editor, written.span, rendered_default(written, fact), "FD507", scope)


def _correct_maximum(
    page: Page, editor: ListEditor, param: QueryParamClaim, endpoint: EndpointFact, fact: QueryParamFact, scope: Scope
) -> None:
    """The most the item says the parameter takes, as its paginator caps it (FD508)."""
    written = documented_maximum(page, param, endpoint) if fact.maximum is not None else None
    if written is not None and written.value != fact.maximum:
        _replace_in_place(editor, written.span, str(fact.maximum), "FD508", scope)


def _replace_in_place(editor: ListEditor, span: Span, text: str, code: str, scope: Scope) -> None:
    """Write ``text`` over ``span`` where ``scope`` allows ``code``; a value wrapped over
    two lines is left to the writer."""
    if span.line == span.end_line and scope.allows(code, span.line):
        editor.replace(span, text)


def new_param_item(fact: QueryParamFact) -> str:
    return query_param_text(fact)


# --- query strings -----------------------------------------------------------------------------


def _query_string_changes(
    page: Page,
    endpoints: tuple[EndpointClaim, ...],
    resolutions: dict[EndpointClaim, Resolution],
    scope: Scope,
) -> Iterator[SyncChange]:
    for claim in endpoints:
        if not claim.query or claim.kind is not ClaimKind.REQUEST:
            continue
        resolution = resolutions.get(claim)
        endpoint = resolution.endpoint if resolution is not None else None
        accepted = accepted_params(endpoint) if endpoint is not None else None
        if accepted is None:
            continue
        stale = [w for w in claim.query if w.text not in accepted and scope.allows("FD503", w.span.line)]
        if not stale:
            continue
        written = {w.text for w in claim.query}
        renames = {w.text: renamed_to(w.text, endpoint, written) for w in stale}
        edit = _without_params(page, claim, {name for name, new in renames.items() if new is None},
                               {name: new for name, new in renames.items() if new is not None})
        if edit is not None:
            yield SyncChange(f"query string of `{claim.path.text}`", (edit,))


def _without_params(
    page: Page, claim: EndpointClaim, names: set[str], renamed: dict[str, str] | None = None
) -> Edit | None:
    """The claim's query string without the ``names=…`` parts (``?`` goes when none stay),
    and with the ``renamed`` ones under their new names, their values kept."""
    line = claim.path.span.line
    if any(word.span.line != line for word in claim.query):
        return None
    text = page.line_text(line)
    start = text.find("?", claim.path.span.end_column - 1)
    if start < 0:
        return None
    end = start + 1
    match = re.match(r"[^\s`#]*", text[end:])
    end += match.end() if match else 0
    parts = [part for part in text[start + 1 : end].split("&") if part]
    renamed = renamed or {}
    kept = [
        renamed.get(key, key) + separator + value
        for key, separator, value in (part.partition("=") for part in parts) if key not in names
    ]
    query = "?" + "&".join(kept) if kept else ""
    return line_edit(line, text, text[:start] + query + text[end:])
