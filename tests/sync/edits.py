"""What people do to pages between two syncs: rewrite a description, add a paragraph,
reorder a list. And what a page's people wrote, so a test can look for it afterwards."""

from __future__ import annotations

import re
from dataclasses import dataclass

from featuredocs.model import Page, ProjectFacts
from featuredocs.rules.fd3_models.claims import extract as model_claims
from featuredocs.rules.fd4_commands.claims import extract as command_claims

FIELD_ITEM = re.compile(r"^- `(?P<name>\w+)` \((?P<type>[^)]*)\): (?P<description>.+)$")
OPTION_ITEM = re.compile(r"^- `(?P<flag>--[\w-]+)`: (?P<description>.+?)(?: \(default: [^)]*\))?$")


@dataclass(frozen=True)
class Rewrite:
    """Replace the description of the ``index``-th field item of a page."""

    page: str
    index: int
    text: str

    def apply(self, texts: dict[str, str]) -> None:
        lines = texts[self.page].split("\n")
        items = [n for n, line in enumerate(lines) if FIELD_ITEM.match(line)]
        n = items[self.index % len(items)]
        match = FIELD_ITEM.match(lines[n])
        assert match is not None
        lines[n] = lines[n][: match.start("description")] + self.text
        texts[self.page] = "\n".join(lines)


@dataclass(frozen=True)
class Paragraph:
    """Add a paragraph of prose right under the ``index``-th H2 heading of a page."""

    page: str
    index: int
    text: str

    def apply(self, texts: dict[str, str]) -> None:
        lines = texts[self.page].split("\n")
        headings = [n for n, line in enumerate(lines) if line.startswith("## ")]
        n = headings[self.index % len(headings)]
        lines[n + 1 : n + 1] = ["", self.text]
        texts[self.page] = "\n".join(lines)


@dataclass(frozen=True)
class Swap:
    """Swap the ``index``-th field item of a page with the item after it."""

    page: str
    index: int

    def apply(self, texts: dict[str, str]) -> None:
        lines = texts[self.page].split("\n")
        pairs = [
            n for n in range(len(lines) - 1) if FIELD_ITEM.match(lines[n]) and FIELD_ITEM.match(lines[n + 1])
        ]
        if pairs:
            n = pairs[self.index % len(pairs)]
            lines[n], lines[n + 1] = lines[n + 1], lines[n]
        texts[self.page] = "\n".join(lines)


def field_descriptions(page: Page, facts: ProjectFacts) -> list[str]:
    """Descriptions of the listed fields that the model (in ``facts``) still has."""
    found = []
    for claim in model_claims(page).models:
        models = facts.models_named(claim.name)
        if len(models) != 1:
            continue
        names = {f.name for f in models[0].fields}
        for field in claim.fields:
            match = FIELD_ITEM.match(page.line_text(field.span.line))
            if match and field.name in names:
                found.append(match.group("description"))
    return found


def option_descriptions(page: Page, facts: ProjectFacts) -> list[str]:
    """Descriptions (without their default) of the listed options the command still has."""
    found = []
    for options in command_claims(page).option_lists:
        command = facts.command(options.command)
        for claim in options.options if command is not None else ():
            match = OPTION_ITEM.match(page.line_text(claim.span.line))
            if match and command is not None and command.option(match.group("flag")) is not None:
                found.append(match.group("description"))
    return found
