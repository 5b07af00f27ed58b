"""The generated parts of ``docs/README.md``, ``docs/commands.md`` and ``docs/api.md``.

Each builder receives the file's hand-written part (parsed) and leaves out what people
already wrote: a feature page the index already links to, a command or endpoint whose
heading anchor already exists. Hand-written text wins; the region fills the gaps, so a
page's ``../commands.md#expire_orders`` link always finds its heading.

Headings are chosen for their GitHub anchors: ``## expire_orders`` gives
``#expire_orders``; an app's group in ``api.md`` takes the anchor the feature pages link
to (``../api.md#products`` gives ``## Products``), else the app's label.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar
from urllib.parse import unquote

from featuredocs.coverage.claimed import ANY_METHOD, Claimed, endpoint_keys
from featuredocs.generate import usage
from featuredocs.generate.render_code import endpoint_methods, endpoint_title
from featuredocs.generate.scope import app_commands, app_endpoints
from featuredocs.markdown import github_slug
from featuredocs.model import (
    CommandFact,
    EndpointFact,
    Page,
    ProjectFacts,
    QueryParamFact,
    ResponseField,
)
from featuredocs.rules.fd5_endpoints.claims import extract as endpoint_extract
from featuredocs.rules.fd5_endpoints.declarations import ClaimKind

K = TypeVar("K")


@dataclass(frozen=True)
class FeaturePage:
    claimed: Claimed  # what the page documents, and its rel, title and tagline
    api_fragments: tuple[str, ...] = ()  # anchors it links to in api.md

    @property
    def rel(self) -> str:  # under the docs root
        return self.claimed.rel

    @property
    def title(self) -> str:
        return self.claimed.title

    @property
    def tagline(self) -> str:
        return self.claimed.tagline


@dataclass(frozen=True)
class IndexInputs:
    facts: ProjectFacts
    features: tuple[FeaturePage, ...]


def _linked(outside: Page, rels: Iterable[str]) -> set[str]:
    """Which of ``rels`` (under the docs root) the hand-written part links to, however the
    link spells the path (``./features/x.md``, ``../docs/features/x.md``), as FD204 reads it."""
    folder = os.path.dirname(os.path.abspath(outside.path))
    root = folder
    for _ in Path(outside.rel).parent.parts:
        root = os.path.dirname(root)
    targets = set()
    for link in outside.links:
        path = link.target.split("#")[0].split("?")[0]
        if path and "://" not in path and not path.startswith(("/", "mailto:")):
            file = os.path.normpath(os.path.join(folder, unquote(path)))
            targets.add(Path(os.path.relpath(file, root)).as_posix())
    return targets & set(rels)


def _documented_by(pages: Iterable[FeaturePage]) -> str:
    links = [f"[{f.title}]({f.rel})" for f in pages]
    if not links:
        return "No feature page documents it yet."
    return "Documented in " + ", ".join(links) + "."


def _documenting(features: Iterable[FeaturePage], keys: Callable[[Claimed], Iterable[K]]) -> dict[K, list[FeaturePage]]:
    """The pages that document each of ``keys(page.claimed)``, in page order: looked up
    once per command or endpoint, not searched for among all pages each time."""
    found: dict[K, list[FeaturePage]] = {}
    for feature in features:
        for key in keys(feature.claimed):
            found.setdefault(key, []).append(feature)
    return found


# --- README.md ------------------------------------------------------------------------------


def readme_content(inputs: IndexInputs, outside: Page, references: dict[str, str]) -> str:
    """Feature pages (title link and tagline) and ``references`` (rel → description) the
    hand-written index does not link yet."""
    linked = _linked(outside, [f.rel for f in inputs.features] + list(references))
    pages = sorted((f for f in inputs.features if f.rel not in linked), key=lambda f: f.title.casefold())
    items = [f"- [{f.title}]({f.rel})" + (f" - {_rebased(f.tagline, f.rel)}" if f.tagline else "")
             for f in pages]
    refs = [f"- [{_ref_title(rel)}]({rel}) - {text}" for rel, text in references.items() if rel not in linked]
    parts = []
    if items:
        parts.append("## Features\n\n" + "\n".join(items))
    if refs:
        parts.append("## Reference\n\n" + "\n".join(refs))
    return "\n\n".join(parts)


_INLINE_LINK = re.compile(r"(!?\[[^\]]*\]\()(<[^>]*>|[^)\s]*)")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _rebased(text: str, rel: str) -> str:
    """``text`` from the page ``rel`` with its relative links pointing from the docs root,
    where the index is: ``[x](y.md)`` in ``features/a.md`` becomes ``[x](features/y.md)``."""
    folder = posixpath.dirname(rel)

    def rebase(match: re.Match[str]) -> str:
        target = match.group(2)
        bare = target.strip("<>")
        if not bare or bare.startswith("/") or _SCHEME.match(bare):
            return match.group(0)
        if bare.startswith("#"):
            moved = rel + bare
        else:
            path, mark, rest = bare.partition("#")
            moved = posixpath.normpath(posixpath.join(folder, path)) + mark + rest
        return match.group(1) + (f"<{moved}>" if target.startswith("<") else moved)

    return _INLINE_LINK.sub(rebase, text)


def _ref_title(rel: str) -> str:
    return {"commands.md": "Management Commands", "api.md": "API Reference"}.get(rel, rel)


# --- commands.md ---------------------------------------------------------------------------------


def commands_content(inputs: IndexInputs, outside: Page) -> str:
    commands = [c for app in inputs.facts.own_apps() for c in app_commands(inputs.facts, app)]
    if not commands:
        return "The project has no management commands of its own."
    documenting = _documenting(inputs.features, lambda claimed: claimed.commands)
    sections = [
        _command_section(command, documenting.get(command.name, []))
        for command in sorted(commands, key=lambda c: c.name)
        if github_slug(command.name) not in outside.anchors
    ]
    return "\n\n".join(sections)


def _command_section(command: CommandFact, documenting: list[FeaturePage]) -> str:
    about = " ".join(command.help.split())
    parts = [
        f"## {command.name}",
        about,
        "```text\nusage: manage.py " + usage.usage_line(command, arguments_first=False) + "\n```",
        _options_table(command),
        _documented_by(documenting),
    ]
    return "\n\n".join(part for part in parts if part)


def _options_table(command: CommandFact) -> str:
    options = usage.documented_options(command)
    if not options:
        return "No options besides the ones every command has."
    rows = ["| Option | Default | Description |", "| --- | --- | --- |"]
    for option in options:
        name = usage.shown_flag(option) if option.flags else option.dest
        shown = name if usage.is_flag(option) or not option.flags else f"{name} {usage.metavar(option)}"
        default = usage.default_text(option)
        cells = [f"`{shown}`", f"`{default}`" if default is not None else "", usage.description(option) or ""]
        rows.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(rows)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# --- api.md ------------------------------------------------------------------------------------------


def api_content(inputs: IndexInputs, outside: Page) -> str:
    groups = [(app, app_endpoints(inputs.facts, app)) for app in inputs.facts.own_apps()]
    groups = [(app, endpoints) for app, endpoints in groups if endpoints]
    if not groups:
        return "The project serves no endpoints of its own."
    written = endpoint_keys(
        (c for c in endpoint_extract(outside).endpoints if c.kind is ClaimKind.HEADING), inputs.facts
    )
    documenting = _documenting(inputs.features, lambda claimed: claimed.endpoints)
    sections = []
    for app, endpoints in groups:
        title = group_title(app.label, endpoints, inputs.features, outside)
        missing = [
            (endpoint, method)
            for endpoint in endpoints
            for method in endpoint_methods(endpoint)
            if github_slug(endpoint_title(method, endpoint.path)) not in outside.anchors
            and (endpoint.path, method or ANY_METHOD) not in written
        ]
        if missing or github_slug(title) not in outside.anchors and _linked_anchor(title, inputs):
            body = [_endpoint_section(e, m, documenting.get((e.path, m or ANY_METHOD), [])) for e, m in missing]
            sections.append("\n\n".join([f"## {title}", *body]))
    return "\n\n".join(sections)


def _linked_anchor(title: str, inputs: IndexInputs) -> bool:
    slug = github_slug(title)
    return any(slug in f.api_fragments for f in inputs.features)


def group_title(label: str, endpoints: tuple[EndpointFact, ...], features: tuple[FeaturePage, ...],
                outside: Page) -> str:
    """The heading of an app's endpoints: the anchor its feature pages link to, if it is
    missing and spelled like a title; otherwise the app's label as a title."""
    paths = {e.path for e in endpoints}
    wanted: Counter[str] = Counter()
    for feature in features:
        if any(path in paths for path, _ in feature.claimed.endpoints):
            wanted.update(a for a in feature.api_fragments if a not in outside.anchors)
    for fragment, _ in wanted.most_common():
        title = " ".join(word.capitalize() for word in fragment.split("-"))
        if title and github_slug(title) == fragment:
            return title
    return label.replace("_", " ").title()


def _endpoint_section(endpoint: EndpointFact, method: str | None, documenting: list[FeaturePage]) -> str:
    params = [p for p in endpoint.query_params if p.source != "format"]
    if method not in (None, "GET", "HEAD"):
        params = []
    parts = [
        f"### {endpoint_title(method, endpoint.path)}",
        "**Query Parameters:**\n" + "\n".join(_param_item(p) for p in params) if params else "",
        _response_fields(endpoint, method),
        _documented_by(documenting),
    ]
    return "\n\n".join(part for part in parts if part)


def _param_item(param: QueryParamFact) -> str:
    need = "required" if param.required else "optional"
    choices = ": one of " + ", ".join(f"`{c}`" for c in param.choices) if param.choices else ""
    return f"- `{param.name}` ({param.type or 'string'}, {need}){choices}{usage.param_bounds(param)}"


def _response_fields(endpoint: EndpointFact, method: str | None) -> str:
    if endpoint.response is None or method == "DELETE":
        return ""
    text = "**Response fields:** " + _field_list(endpoint.response)
    if endpoint.paginated and method in (None, "GET"):
        keys = ", ".join(f"`{k}`" for k in endpoint.pagination_keys or ("count", "next", "previous", "results"))
        text += f"\n\nPaginated: each page has {keys}."
    return text


def _field_list(fields: tuple[ResponseField, ...]) -> str:
    parts = []
    for field in fields:
        inner = f" ({_field_list(field.children)})" if field.children else ""
        parts.append(f"`{field.name}`{' (list)' if field.many and not inner else ''}{inner}")
    return ", ".join(parts)
