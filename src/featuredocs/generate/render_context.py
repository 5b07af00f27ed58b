"""Renderers of the sections about the feature's surroundings: Configuration, Performance
Optimization and Related Documentation. Sub-sections they do not know stay as the template
writes them."""

from __future__ import annotations

import re
from collections.abc import Callable

from featuredocs.generate import models_text
from featuredocs.generate.docs_context import ARCHITECTURE_FILE
from featuredocs.generate.render_base import (
    NOT_APPLICABLE,
    RenderContext,
    block,
    fenced,
    heading,
    labelled_chunk,
    prose,
    trimmed,
    verbatim,
)
from featuredocs.generate.render_code import api_anchor
from featuredocs.generate.template_text import TemplateSection
from featuredocs.generate.values import duration_text, env_line, setting_assignment
from featuredocs.markdown import github_slug
from featuredocs.model import CacheKeyFact
from featuredocs.model.page import API_FILE, COMMANDS_FILE, INDEX_FILE

SubRenderer = Callable[[TemplateSection, RenderContext], list[str]]
_KEY_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def _with_children(
    section: TemplateSection, ctx: RenderContext, renderers: dict[str, SubRenderer]
) -> list[str]:
    """The section's own lines, then each sub-section: rendered when known, else kept."""
    parts = [[heading(section), *trimmed(section.lines)]]
    for child in section.children:
        render = renderers.get(child.key)
        parts.append(render(child, ctx) if render else trimmed(verbatim(child, ctx.docs)))
    return block(*parts)


# --- Configuration -----------------------------------------------------------------------------


def render_configuration(section: TemplateSection, ctx: RenderContext) -> list[str]:
    return _with_children(section, ctx, {
        "environment variables": _environment,
        "django settings": _settings,
    })


def _environment(section: TemplateSection, ctx: RenderContext) -> list[str]:
    variables = sorted(ctx.scope.env_vars, key=lambda v: v.name)
    if not variables:
        return block(heading(section), NOT_APPLICABLE)
    required = [env_line(v) for v in variables if v.required]
    optional = [env_line(v) for v in variables if not v.required]
    body = block(
        ["# Required configuration", *required] if required else [],
        ["# Optional configuration (with defaults)", *optional] if optional else [],
    )
    return block(heading(section), fenced("bash", body))


def _settings(section: TemplateSection, ctx: RenderContext) -> list[str]:
    if not ctx.scope.settings:
        return block(heading(section), NOT_APPLICABLE)
    where = next(
        (s.location.path for s in ctx.scope.settings if s.location is not None), "settings.py"
    )
    assignments = block(*(setting_assignment(s).splitlines() for s in ctx.scope.settings))
    return block(heading(section), fenced("python", [f"# {where}", "", *assignments]))


# --- Performance Optimization -------------------------------------------------------------------


def render_performance(section: TemplateSection, ctx: RenderContext) -> list[str]:
    return _with_children(section, ctx, {
        "caching strategy": _caching,
        "database optimization": _database,
    })


def _caching(section: TemplateSection, ctx: RenderContext) -> list[str]:
    groups = _keys_by_ttl(ctx.scope.cache_keys)
    if not groups:
        return block(heading(section), NOT_APPLICABLE)
    intro = prose(section, "[Description of caching approach]")
    if len(groups) == 1:
        ((ttl, keys),) = groups.items()
        return block(heading(section), intro, _cache_block(keys, ttl))
    parts = [heading(section), intro]
    for ttl, keys in groups.items():
        title = "#" * (section.level + 1) + f" `{keys[0].pattern}`"
        parts.append(block(title, _cache_block(keys, ttl)))
    return block(*parts)


NEVER_EXPIRES = "never"  # a TTL group of its own: stored with timeout=None


def _keys_by_ttl(keys: tuple[CacheKeyFact, ...]) -> dict[int | str | None, list[CacheKeyFact]]:
    """One key per pattern (its TTL from the call that stores it), grouped by TTL."""
    by_pattern: dict[str, CacheKeyFact] = {}
    for key in keys:
        known = by_pattern.get(key.pattern)
        if known is None or (_stores(key) and not _stores(known)):
            by_pattern[key.pattern] = key
    groups: dict[int | str | None, list[CacheKeyFact]] = {}
    for key in by_pattern.values():
        ttl: int | str | None = key.timeout if key.timeout is not None else key.timeout_source
        if key.never_expires:
            ttl = NEVER_EXPIRES
        groups.setdefault(ttl, []).append(key)
    return groups


def _stores(key: CacheKeyFact) -> bool:
    return key.timeout is not None or key.timeout_source is not None or key.never_expires


def _cache_block(keys: list[CacheKeyFact], ttl: int | str | None) -> list[str]:
    names = _key_names(keys)
    code = [f"{name} = {key.raw}" for name, key in zip(names, keys, strict=True)]
    lines = block(["**Cache Keys:**", *fenced("python", code)])
    if ttl == NEVER_EXPIRES:
        lines += ["", "**TTL**: none (entries never expire)"]
    elif isinstance(ttl, int):
        lines += ["", f"**TTL**: {duration_text(ttl)}"]
    elif isinstance(ttl, str):
        lines += ["", f"**TTL**: set by `{ttl}`"]
    return lines


def _key_names(keys: list[CacheKeyFact]) -> list[str]:
    """``lock_key`` for ``customers:reminders:{}:lock``: the pattern's last word."""
    names: list[str] = []
    for key in keys:
        words = _KEY_WORD.findall(key.pattern.replace("{}", " "))
        base = f"{words[-1].lower()}_key" if words else "cache_key"
        name, number = base, 2
        while name in names:
            name, number = f"{base}_{number}", number + 1
        names.append(name)
    return names


def _database(section: TemplateSection, ctx: RenderContext) -> list[str]:
    items = [
        f"- {item} of {model.name}: [Purpose and performance impact]"
        for model in ctx.scope.models
        for index in models_text.declared_indexes(model)
        if (item := models_text.index_item(index)) is not None
    ]
    indexes = ["**Indexes:**", *items] if items else labelled_chunk(section, "Indexes")
    intro = [line for line in prose(section, "") if line]
    return block(heading(section), intro, indexes, labelled_chunk(section, "Query Patterns"))


# --- Related Documentation -------------------------------------------------------------------------


def render_related(section: TemplateSection, ctx: RenderContext) -> list[str]:
    return _with_children(section, ctx, {
        "core documentation": _core_docs,
        "related features": _related_features,
        "app-specific documentation": _app_docs,
    })


def _core_docs(section: TemplateSection, ctx: RenderContext) -> list[str]:
    docs = ctx.docs
    items: list[str] = []
    if docs.has(ARCHITECTURE_FILE):
        items.append(f"- [Architecture]({docs.link(ARCHITECTURE_FILE)}) - [What to reference]")
    if docs.has(COMMANDS_FILE) and ctx.scope.commands:
        anchor = github_slug(ctx.scope.commands[0].name)
        target = docs.link(COMMANDS_FILE)
        target += f"#{anchor}" if docs.has_anchor(COMMANDS_FILE, anchor) else ""
        items.append(f"- [Commands]({target}) - [What to reference]")
    if docs.has(API_FILE) and ctx.scope.endpoints:
        anchor = api_anchor(ctx)
        target = docs.link(API_FILE) + (f"#{anchor}" if anchor else "")
        items.append(f"- [API Reference]({target}) - [What to reference]")
    if docs.has(INDEX_FILE):
        items.append(f"- [Documentation Index]({docs.link(INDEX_FILE)}) - Complete documentation map")
    return block(heading(section), items or [NOT_APPLICABLE])


def _related_features(section: TemplateSection, ctx: RenderContext) -> list[str]:
    related = _related_apps(ctx)
    items = [
        f"- [{feature.title}]({ctx.docs.link(feature.rel)}) - [How it relates]"
        for feature in ctx.docs.features
        if feature.apps & related
    ]
    return block(heading(section), items or [NOT_APPLICABLE])


def _related_apps(ctx: RenderContext) -> frozenset[str]:
    """This app and the apps its models point to or are pointed at from."""
    own = ctx.scope.app.label
    labels = {own}
    for model in ctx.facts.models:
        for field in model.fields:
            if not field.is_relation or field.related_model is None:
                continue
            target = field.related_model.partition(".")[0]
            if model.app_label == own:
                labels.add(target)
            elif target == own:
                labels.add(model.app_label)
    return frozenset(labels)


def _app_docs(section: TemplateSection, ctx: RenderContext) -> list[str]:
    folder = f"apps/{ctx.scope.app.label}"
    pages = sorted(rel for rel in ctx.docs.files if rel.startswith(folder + "/") and rel.endswith(".md"))
    items = [f"- [{rel.rpartition('/')[2]}]({ctx.docs.link(rel)}) - [What it covers]" for rel in pages]
    return block(heading(section), items or [NOT_APPLICABLE])
