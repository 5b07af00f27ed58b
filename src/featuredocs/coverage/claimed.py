"""What each feature page documents, read with the rule families' own claim extractors and
resolved against the facts: the same reading ``featuredocs check`` does, so coverage and
the rules never disagree about what a page says.

- models and their fields and indexes: FD3's model claims (headings, Fields and Indexes
  lists, field tables, model classes), resolved like FD301 resolves them;
- commands and their options: FD4's declarations (``### expire_orders``) and Options lists;
- endpoints and their query parameters: FD5's endpoint claims that name a method, and its
  Query Parameters lists and query strings, matched to the project's endpoints;
- environment variables and settings: FD6's claims (environment blocks, tables and lists;
  settings blocks and ``settings.NAME`` reads);
- the apps the page is about, as FD606 reads them (``rules/fd6_config/feature_apps.py``):
  what ``new`` links a page to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from featuredocs.markdown.archive import archived_marker
from featuredocs.model import IndexFact, ModelFact, Page, ProjectFacts
from featuredocs.rules.base import CheckContext
from featuredocs.rules.fd3_models.index_match import describes
from featuredocs.rules.fd3_models.lookup import any_field
from featuredocs.rules.fd3_models.resolve import documented_names, resolved_models
from featuredocs.rules.fd4_commands import claims as command_claims
from featuredocs.rules.fd4_commands.fd405_undocumented_option import described_arguments
from featuredocs.rules.fd4_commands.hints import command_named
from featuredocs.rules.fd4_commands.negatable import forms
from featuredocs.rules.fd5_endpoints import claims as endpoint_claims
from featuredocs.rules.fd5_endpoints.declarations import EndpointClaim
from featuredocs.rules.fd5_endpoints.resolve import How, resolve_claim
from featuredocs.rules.fd6_config import claims as config_claims
from featuredocs.rules.fd6_config.feature_apps import covered_apps

ANY_METHOD = "*"  # an endpoint whose methods the facts do not know


def index_key(index: IndexFact) -> str:
    """An index's identity within its model: its name, else its kind and fields."""
    return index.name or f"{index.kind}:{','.join(index.fields)}"


@dataclass
class Claimed:
    """What one page documents, by identity in the facts."""

    rel: str
    title: str
    models: set[str] = field(default_factory=set)  # "orders.Order"
    fields: set[tuple[str, str]] = field(default_factory=set)  # (model label, field)
    indexes: set[tuple[str, str]] = field(default_factory=set)  # (model label, index_key)
    commands: set[str] = field(default_factory=set)
    options: set[tuple[str, str]] = field(default_factory=set)  # (command, dest)
    endpoints: set[tuple[str, str]] = field(default_factory=set)  # (path, method)
    query_params: set[tuple[str, str]] = field(default_factory=set)  # (path, name)
    env_vars: set[str] = field(default_factory=set)
    settings: set[str] = field(default_factory=set)
    apps: set[str] = field(default_factory=set)  # app labels
    #: How the page presents itself to the index: its tagline, and where its links point.
    tagline: str = ""
    links: tuple[str, ...] = ()
    archived: bool = False  # check and sync skip the page; coverage does not count it


def tagline_text(page: Page) -> str:
    """The page's tagline as an index lists it: without its quote marker or bold label, and
    empty while it is still the template's placeholder."""
    if page.tagline is None:
        return ""
    match = _TAGLINE.match(" ".join(page.tagline.source.split()))
    text = match.group("text") if match else " ".join(page.tagline.plain.split())
    return "" if text.startswith("[") and text.endswith("]") else text


_TAGLINE = re.compile(r"^\s*>?\s*(?:\*\*[^*]+\*\*\s*[-–—:]\s*)?(?P<text>.*?)\s*$", re.S)


def page_claims(page: Page, ctx: CheckContext) -> Claimed:
    assert ctx.facts is not None
    title = page.title.plain.strip() if page.title is not None else Path(page.rel).stem
    links = tuple(link.target for link in page.links)
    found = Claimed(page.rel, title, tagline=tagline_text(page), links=links,
                    archived=archived_marker(page) is not None)
    _models(page, ctx, found)
    _commands(page, ctx, found)
    _endpoints(page, ctx, found)
    _configuration(page, ctx, found)
    found.apps.update(app.label for app in covered_apps(page, ctx.facts))
    return found


def _models(page: Page, ctx: CheckContext, found: Claimed) -> None:
    for claim, model in resolved_models(page, ctx).found:
        found.models.add(model.label)
        for name in documented_names(claim, model):
            real = any_field(model, name)
            if real is not None:
                found.fields.add((model.label, real.name))
        for index in model.indexes:
            if index.name in claim.mentioned or any(describes(c, index, model) for c in claim.indexes):
                found.indexes.add((model.label, index_key(index)))
    _loose_indexes(page, ctx, found)


def _loose_indexes(page: Page, ctx: CheckContext, found: Claimed) -> None:
    """Indexes listed outside a model section count for the page's one model, if it has one."""
    resolved = resolved_models(page, ctx)
    models: dict[str, ModelFact] = {m.label: m for c, m in resolved.found if not c.from_code}
    if len(models) != 1:
        return
    (model,) = models.values()
    for index in model.indexes:
        if any(describes(c, index, model) for c in resolved.claims.loose_indexes):
            found.indexes.add((model.label, index_key(index)))


def _commands(page: Page, ctx: CheckContext, found: Claimed) -> None:
    assert ctx.facts is not None
    claims = command_claims.claims_for(page, ctx)
    named = {d.name for d in claims.declarations} | {o.command for o in claims.option_lists}
    for name in named:
        command = command_named(ctx.facts, name)  # as the rules ask: a question, not a read of every command
        if command is None:
            continue
        lists = claims.lists_for(command)
        if name not in {d.name for d in claims.declarations} and not lists:
            continue  # a list attributed to the command that is not about it
        found.commands.add(command.name)
        options = [claim for found_list in lists for claim in found_list.options]
        flags = {form for claim in options for flag in claim.flags for form in forms(flag.text)}
        positionals = {claim.positional.text for claim in options if claim.positional}
        described = described_arguments(page, command, lists[0]) if lists else set()  # as FD405 reads them
        for option in command.options:
            if set(option.flags) & flags or (
                not option.flags and ({option.dest, option.metavar} & positionals or option.dest in described)
            ):
                found.options.add((command.name, option.dest))


def _endpoints(page: Page, ctx: CheckContext, found: Claimed) -> None:
    assert ctx.facts is not None
    claims = endpoint_claims.claims_for(page, ctx)
    found.endpoints.update(endpoint_keys(claims.endpoints, ctx.facts))
    for param in claims.query_params:
        endpoint = resolve_claim(ctx.facts, param.endpoint).endpoint
        if endpoint is not None:
            found.query_params.add((endpoint.path, param.name.text))


def endpoint_keys(claims: Iterable[EndpointClaim], facts: ProjectFacts) -> set[tuple[str, str]]:
    """(path, method) of the project's endpoints that claims with a method name; a bare
    path mentions an endpoint, it does not document one."""
    keys: set[tuple[str, str]] = set()
    for claim in claims:
        if not claim.methods:
            continue
        resolution = resolve_claim(facts, claim)
        endpoint = resolution.endpoint if resolution.how is not How.NONE else None
        if endpoint is None:
            continue
        for method in claim.methods:
            if endpoint.methods is None:
                keys.add((endpoint.path, ANY_METHOD))
            elif method.text in endpoint.methods:
                keys.add((endpoint.path, method.text))
    return keys


def _configuration(page: Page, ctx: CheckContext, found: Claimed) -> None:
    claims = config_claims.claims_for(page, ctx)
    found.env_vars.update(claims.env_names)
    found.settings.update(claim.name for claim in claims.settings)
    found.settings.update(claim.setting for claim in claims.setting_keys)
