"""The template's example commands and option items: kept in a page, they are placeholders
(which FD103 reports), not claims about the project."""

from __future__ import annotations

import re
from dataclasses import dataclass

from featuredocs.model.template import TemplateSchema

#: Command names the template uses as examples; pages that keep them keep a placeholder.
TEMPLATE_COMMANDS = frozenset(
    {
        "command_name", "command_setup", "command_process", "command_verify", "command1",
        "command2", "command", "cmd", "subcommand", "your_command", "my_command",
    }
)
_SHAPE = re.compile(r"^[\[<{].*[\]>}]$|\.\.\.|…|^[A-Z][A-Z0-9_]*$")
_FILLER_COMMAND = re.compile(r"manage\.py\s+([\w-]+)")


@dataclass(frozen=True, slots=True)
class TemplateExamples:
    """What the template shows as examples: command names, and option items (by their
    plain text) such as ``--option-name: Description (default: value)``. A page that keeps
    them kept a placeholder, which FD103 reports; they document nothing here."""

    commands: frozenset[str] = TEMPLATE_COMMANDS
    items: frozenset[str] = frozenset()


def placeholder_commands(schema: TemplateSchema | None) -> frozenset[str]:
    """The template's example command names, from its filler text and the default set."""
    names = set(TEMPLATE_COMMANDS)
    for filler in schema.fillers if schema is not None else ():
        names.update(_FILLER_COMMAND.findall(filler))
    return frozenset(names)


def template_examples(schema: TemplateSchema | None) -> TemplateExamples:
    if _examples_cache and _examples_cache[0][0] is schema:
        return _examples_cache[0][1]
    fillers = schema.fillers if schema is not None else ()
    items = frozenset(f for f in fillers if f.lstrip().startswith("-"))
    examples = TemplateExamples(placeholder_commands(schema), items)
    _examples_cache[:] = [(schema, examples)]
    return examples


# One run reads one template: its examples are worked out once, not once per page.
_examples_cache: list[tuple[TemplateSchema | None, TemplateExamples]] = []


def is_shape(name: str) -> bool:
    """``[Command]``, ``<name>``, ``COMMAND``, ``...``: the shape of a name, not a name."""
    return _SHAPE.search(name) is not None


def is_placeholder(name: str, placeholders: frozenset[str]) -> bool:
    return name in placeholders or is_shape(name)
