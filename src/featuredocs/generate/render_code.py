"""Renderers of the sections that describe code: the title, Data Models, Management
Commands and API Endpoints. Each takes the template's section and returns the page's."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from featuredocs.generate import models_text, usage
from featuredocs.model.page import API_FILE, COMMANDS_FILE
from featuredocs.generate.render_base import (
    NOT_APPLICABLE,
    RenderContext,
    block,
    fenced,
    heading,
    labelled_chunk,
    prose,
)
from featuredocs.generate.template_text import TemplateSection
from featuredocs.generate.values import json_text, paginated, response_skeleton
from featuredocs.markdown import github_slug
from featuredocs.model import CommandFact, EndpointFact, ModelFact, OptionFact, QueryParamFact

_TAGLINE = re.compile(r"^(?P<lead>>\s*)\*\*[^*]+\*\*(?P<dash>\s*[-–—:]\s*)(?P<rest>.*)$")
_METHOD_ORDER = ("GET", "POST", "PUT", "PATCH", "DELETE")
_QUERY_METHODS = frozenset({"GET", "HEAD"})
T = TypeVar("T")


# --- title and tagline ----------------------------------------------------------------------


def render_preamble(lines: list[str], ctx: RenderContext) -> list[str]:
    """The H1 becomes the feature's title; the tagline keeps its sentence as a placeholder."""
    result: list[str] = []
    titled = False
    for line in lines:
        if not titled and line.startswith("# "):
            result.append(f"# {ctx.title}")
            titled = True
            continue
        match = _TAGLINE.match(line)
        if match:
            rest = match.group("rest").strip()
            rest = rest if rest.startswith("[") else f"[{rest}]"
            result.append(f"{match.group('lead')}**{ctx.title}**{match.group('dash')}{rest}")
            continue
        result.append(line)
    return result


def _entries(
    section: TemplateSection, items: Sequence[T], render: Callable[[T, TemplateSection | None], list[str]],
    *after: Iterable[str] | str,
) -> list[str]:
    """The section's heading, an entry per item shaped like the template's first
    subsection (its heading level, its prose placeholder), then ``after``."""
    shape = section.children[0] if section.children else None
    return block(heading(section), *(render(item, shape) for item in items), *after)


# --- Data Models -------------------------------------------------------------------------------


def render_data_models(section: TemplateSection, ctx: RenderContext) -> list[str]:
    if not ctx.scope.models:
        return block(heading(section), NOT_APPLICABLE)
    return _entries(section, ctx.scope.models, lambda model, shape: _model(model, shape, ctx))


def _model(model: ModelFact, shape: TemplateSection | None, ctx: RenderContext) -> list[str]:
    level = shape.level if shape is not None else 3
    module = models_text.import_module(model, ctx.facts, ctx.scope.app.name)
    fields = [models_text.field_item(f) for f in models_text.listed_fields(model)]
    indexes = models_text.index_items(model)
    code = [f"from {module} import {model.name}", "", models_text.lookup_example(model)]
    return block(
        "#" * level + " " + model.name,
        prose(shape, "[Description of the model and its purpose]"),
        ["**Fields:**", *fields] if fields else [],
        ["**Indexes:**", *indexes] if indexes else [],
        ["**Usage:**", *fenced("python", code)],
    )


# --- Management Commands --------------------------------------------------------------------------


def render_commands(section: TemplateSection, ctx: RenderContext) -> list[str]:
    if not ctx.scope.commands:
        return block(heading(section), NOT_APPLICABLE)
    return _entries(section, ctx.scope.commands, lambda command, shape: _command(command, shape, ctx))


def _command(command: CommandFact, shape: TemplateSection | None, ctx: RenderContext) -> list[str]:
    level = shape.level if shape is not None else 3
    about = [" ".join(command.help.split())] if command.help.strip() else prose(
        shape, "[Brief description of what the command does]"
    )
    options = [_option_item(o) for o in usage.documented_options(command)]
    return block(
        "#" * level + " " + command.name,
        about,
        fenced("bash", _invocations(command)),
        ["**Options:**", *options] if options else [],
        labelled_chunk(shape, "When to run") or ["**When to run:**", "- [Scenario 1]"],
        _see_commands(command, ctx),
    )


def _invocations(command: CommandFact) -> list[str]:
    common, advanced = usage.example_invocations(command)
    lines = ["# Basic usage", f"python manage.py {usage.usage_line(command)}"]
    if common:
        lines += ["", "# Common examples", *common]
    if advanced:
        lines += ["", "# Advanced example", advanced]
    return lines


def _option_item(option: OptionFact) -> str:
    name = usage.shown_flag(option) if option.flags else option.dest
    text = usage.with_choices(usage.description(option), option.choices) or "[Description]"
    if not option.flags and option.required:
        text += " (required)"
    default = usage.default_text(option)
    return f"- `{name}`: " + (usage.with_default(text, default) if default is not None else text)


def _see_commands(command: CommandFact, ctx: RenderContext) -> str:
    if not ctx.docs.has(COMMANDS_FILE):
        return ""
    anchor = github_slug(command.name)
    target = ctx.docs.link(COMMANDS_FILE)
    if ctx.docs.has_anchor(COMMANDS_FILE, anchor):
        target += f"#{anchor}"
    return f"**See** [Commands Reference]({target}) **for complete command documentation.**"


# --- API Endpoints ----------------------------------------------------------------------------------


def endpoint_methods(endpoint: EndpointFact) -> list[str | None]:
    """The methods to document, in a stable order; [None] when they are unknown."""
    if endpoint.methods is None:
        return [None]
    known = [m for m in _METHOD_ORDER if m in endpoint.methods]
    return known + sorted(m for m in endpoint.methods if m not in _METHOD_ORDER)


def endpoint_title(method: str | None, path: str) -> str:
    return f"{method} {path}" if method else path


def render_endpoints(section: TemplateSection, ctx: RenderContext) -> list[str]:
    if not ctx.scope.endpoints:
        return block(heading(section), NOT_APPLICABLE)
    each_method = [(endpoint, method) for endpoint in ctx.scope.endpoints for method in endpoint_methods(endpoint)]
    return _entries(section, each_method, lambda pair, shape: _endpoint(*pair, shape), _see_api(ctx))


def _endpoint(endpoint: EndpointFact, method: str | None, shape: TemplateSection | None) -> list[str]:
    level = shape.level if shape is not None else 3
    params = endpoint.query_params if method is None or method in _QUERY_METHODS else ()
    params = tuple(p for p in params if p.source != "format")
    return block(
        "#" * level + " " + endpoint_title(method, endpoint.path),
        prose(shape, "[Description of what this endpoint does]"),
        ["**Request:**", *fenced("http", [f"{method or 'GET'} {endpoint.path} HTTP/1.1"])],
        ["**Query Parameters:**", *(query_param_item(p) for p in params)] if params else [],
        _response(endpoint, method),
    )


def query_param_item(param: QueryParamFact) -> str:
    return f"- {usage.query_param_text(param)}"


def _response(endpoint: EndpointFact, method: str | None) -> list[str]:
    if endpoint.response is None or method == "DELETE":
        return []
    body = response_skeleton(endpoint.response)
    if endpoint.paginated and method in (None, "GET"):
        body = paginated(body, endpoint.pagination_keys)
    return ["**Response:**", *fenced("json", json_text(body).splitlines())]


def api_anchor(ctx: RenderContext) -> str | None:
    """The ``api.md`` anchor of this feature's endpoints: the app's section, else the
    first endpoint's own heading."""
    candidates = [github_slug(ctx.scope.app.label.replace("_", " ").title())]
    for endpoint in ctx.scope.endpoints:
        for method in endpoint_methods(endpoint):
            candidates.append(github_slug(endpoint_title(method, endpoint.path)))
    return next((a for a in candidates if ctx.docs.has_anchor(API_FILE, a)), None)


def _see_api(ctx: RenderContext) -> str:
    if not ctx.docs.has(API_FILE):
        return ""
    anchor = api_anchor(ctx)
    target = ctx.docs.link(API_FILE) + (f"#{anchor}" if anchor else "")
    return f"**See** [API Reference]({target}) **for complete API documentation.**"
