"""``featuredocs new``: which page to write, from which template, with which facts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from featuredocs.config import Config
from featuredocs.errors import UsageError
from featuredocs.generate.docs_context import DocsContext
from featuredocs.generate.page import feature_title, render_page, valid_name
from featuredocs.generate.render_base import RenderContext
from featuredocs.generate.scope import feature_scope, find_app
from featuredocs.markdown.schema import packaged_template
from featuredocs.model import ProjectFacts

FEATURES_FOLDER = "features"


@dataclass(frozen=True)
class NewPage:
    """What the user asked for: ``featuredocs new NAME --app APP …``."""

    name: str
    app: str
    models: Sequence[str] = ()
    commands: Sequence[str] = ()
    url_prefix: str | None = None


def page_path(config: Config, name: str) -> Path:
    if not valid_name(name):
        raise UsageError(f"`{name}` is not a page name (letters, digits, `-`, `_`; no `.md`)")
    return config.docs / page_rel(name)


def read_template(config: Config) -> str:
    path = config.template or packaged_template()
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"cannot read the template: {error}", str(path)) from None


def page_rel(name: str) -> str:
    """Where the page ``name`` lives under the docs root."""
    return f"{FEATURES_FOLDER}/{name}.md"


def render_new_page(config: Config, facts: ProjectFacts, request: NewPage, docs: DocsContext) -> str:
    """The text of the new page (nothing is written), linking to what ``docs`` holds."""
    app = find_app(facts, request.app)
    scope = feature_scope(
        facts,
        app,
        config.root,
        models=request.models,
        commands=request.commands,
        url_prefix=request.url_prefix,
    )
    ctx = RenderContext(feature_title(request.name), scope, facts, docs)
    return render_page(read_template(config), ctx)

