"""A new feature page: the template, with every part the code can fill filled.

The page is assembled section by section. Each H2 of the template whose title names a
part of the code (Data Models, Management Commands, Configuration, API Endpoints,
Performance Optimization, Related Documentation) has a renderer; every other section —
the prose a person writes — is kept as the template has it, placeholders included, so
``featuredocs check`` reports it (FD103) until somebody writes it. A team's own template
works the same way: sections with other titles are kept.
"""

from __future__ import annotations

import re

from featuredocs.generate.render_base import Renderer, RenderContext, block, trimmed, verbatim
from featuredocs.generate.render_code import (
    render_commands,
    render_data_models,
    render_endpoints,
    render_preamble,
)
from featuredocs.generate.render_context import (
    render_configuration,
    render_performance,
    render_related,
)
from featuredocs.generate.template_text import TemplateSection, split_template

#: Template H2 titles (folded) and the renderer that writes each from the facts.
RENDERERS: dict[str, Renderer] = {
    "data models": render_data_models,
    "management commands": render_commands,
    "configuration": render_configuration,
    "api endpoints": render_endpoints,
    "performance optimization": render_performance,
    "related documentation": render_related,
}
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def valid_name(name: str) -> bool:
    """A page name is a file name without folders: ``order-expiry``."""
    return bool(_NAME.fullmatch(name)) and not name.endswith(".md")


def feature_title(name: str) -> str:
    """``order-expiry`` → ``Order Expiry``."""
    words = re.split(r"[-_.\s]+", name)
    return " ".join(word[:1].upper() + word[1:] for word in words if word)


def render_page(template: str, ctx: RenderContext) -> str:
    """The whole page as text, ending with one newline."""
    doc = split_template(template)
    parts = [trimmed(render_preamble(doc.preamble, ctx))]
    for section in doc.sections:
        parts.append(trimmed(_render_section(section, ctx)))
    return "\n".join(block(*parts)) + "\n"


def _render_section(section: TemplateSection, ctx: RenderContext) -> list[str]:
    render = RENDERERS.get(section.key)
    return render(section, ctx) if render is not None else verbatim(section, ctx.docs)
