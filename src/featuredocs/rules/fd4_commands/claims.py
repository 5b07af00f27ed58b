"""What a page says about management commands, as typed claims with spans.

- **Declarations**: ``### expire_orders`` (or ``### `expire_orders` ``) under a section
  titled like *Management Commands*, *Commands* or *CLI*; anywhere in the page, a heading
  that spells ``manage.py expire_orders`` or calls its code a command (*The
  `expire_orders` command*, *`sync` management command*). Template shapes (``### command_name``,
  ``### [Command]``) are placeholders, not commands.
- **Option lists**: items under ``**Options:**``, ``**Command Options**:``,
  ``**Arguments:**`` (or an ``#### Options`` heading, or an options table, or a definition
  list; see :mod:`.option_lists`), attributed to the command whose section they are in.
  A section without a declared command belongs to the one command its own shell blocks
  run, if there is exactly one.
- **Invocations**: ``manage.py X …`` in every shell or language-less code block.
- **Mentions**: ``manage.py X`` in inline code and prose (see :mod:`.mentions`); the flags
  sentences name for a command are read by :mod:`.prose_options`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from featuredocs.model import (
    CommandFact,
    Heading,
    Page,
    ProjectFacts,
    Section,
    Span,
)
from featuredocs.rules.base import CheckContext, per_page
from featuredocs.rules.fd4_commands.config_files import config_invocations
from featuredocs.rules.fd4_commands.examples import (
    TemplateExamples,
    is_placeholder,
    is_shape,
    template_examples,
)
from featuredocs.rules.fd4_commands.hints import command_named
from featuredocs.rules.fd4_commands.mentions import inline_invocations, mentions
from featuredocs.rules.fd4_commands.option_lists import OPTIONS_LABEL, OptionList, lists_in_section
from featuredocs.rules.fd4_commands.options import OptionClaim
from featuredocs.rules.fd4_commands.prose_options import ProseOption, prose_options
from featuredocs.rules.fd4_commands.invocations import BUILTINS, Invocation, invocations_in_block
from featuredocs.rules.shell import Word
from featuredocs.rules.page_text import any_line_within

#: "Management Commands", "Commands", "Invoice Commands", "CLI", "Command Line"; not
#: "Command Bus Architecture", whose sub-headings are not commands.
_COMMANDS_TITLE = re.compile(
    r"\bcommands?(?:\s+reference)?$|management\s+commands?|\bcli\b|\bcommand[- ]line\b",
    re.IGNORECASE,
)
_LAUNCHED = re.compile(r"(?<![\w.-])(?:manage\.py|django-admin(?:\.py)?)\s+(?P<name>[^\s`*]+)")
_CODE = re.compile(r"(`+)\s*(?P<text>.+?)\s*\1")
_NAME = re.compile(r"[A-Za-z_][\w-]*")
_PLAIN_NAME = re.compile(r"(?P<name>[a-z_][a-z0-9_-]*)(?:\s+[-—–:]\s+.*)?")
#: A heading anywhere that calls its code a command: "The `expire_orders` command",
#: "`sync` management command".
_CALLED_COMMAND = re.compile(
    r"(?:the\s+)?`(?P<name>[A-Za-z_][\w-]*)`\s+(?P<managed>management\s+)?command\b", re.IGNORECASE
)
#: Lower-case headings under a commands section that are about commands, not commands.
_SECTION_WORDS = frozenset(
    {"usage", "example", "examples", "options", "arguments", "notes", "scheduling", "cron",
     "overview", "troubleshooting", "setup", "configuration", "output"}
)


@dataclass(frozen=True, slots=True)
class CommandDeclaration:
    """A heading that names a command; ``span`` covers the name."""

    name: str
    span: Span
    heading_line: int


@dataclass(frozen=True, slots=True)
class CommandClaims:
    """``invocations`` are written in code blocks, ``inline_invocations`` in inline code
    (whose commands are also among the ``mentions``)."""

    declarations: tuple[CommandDeclaration, ...] = ()
    invocations: tuple[Invocation, ...] = ()
    option_lists: tuple[OptionList, ...] = ()
    mentions: tuple[Word, ...] = ()
    inline_invocations: tuple[Invocation, ...] = ()

    def lists_for(self, command: CommandFact) -> list[OptionList]:
        """The lists that document ``command``."""
        return [
            found
            for found in self.option_lists
            if found.command == command.name and found.documents(command)
        ]

    def options_for(self, command: CommandFact) -> list[OptionClaim]:
        return [option for found in self.lists_for(command) for option in found.options]

    def listed_commands(self, facts: ProjectFacts) -> Iterator[CommandFact]:
        """Each real command that has an option list on the page, once, in page order
        (a list for an unknown command is FD401's to report)."""
        for name in dict.fromkeys(found.command for found in self.option_lists):
            command = command_named(facts, name)
            if command is not None:
                yield command

    @property
    def options(self) -> list[OptionClaim]:
        return [option for found in self.option_lists for option in found.options]

    @property
    def declared_lines(self) -> frozenset[int]:
        return frozenset(d.heading_line for d in self.declarations)

    @property
    def listed_flags(self) -> frozenset[Span]:
        """Where the option lists write flags: sentences leave those to the lists."""
        return frozenset(flag.span for option in self.options for flag in option.flags)

    @property
    def declared_names(self) -> dict[int, str]:
        """The command each declaring heading's line names."""
        return {d.heading_line: d.name for d in self.declarations}


# --- declarations ------------------------------------------------------------------------


def _name_span(page: Page, heading: Heading, name: str, after: str = "") -> Span:
    line = page.line_text(heading.span.line)
    start = len(line) - len(line.lstrip().lstrip("#"))
    if after and (anchor := line.find(after, start)) >= 0:
        start = anchor + len(after)
    column = line.find(name, start)
    if column < 0:
        return heading.span
    return Span(heading.span.line, column + 1, heading.span.line, column + 1 + len(name))


@lru_cache(maxsize=8192)  # pages repeat the same headings ("Overview", "Options", …)
def _heading_name(source: str, plain: str, under_commands: bool) -> tuple[str, str] | None:
    """(name, text it follows) a heading (its source and plain text) declares, or None."""
    launched = _LAUNCHED.search(source)
    name = launched.group("name").rstrip(".,:;!?)") if launched else ""
    if launched and (under_commands or _in_code(source, launched.start()) or "_" in name):
        # In a plain-text heading elsewhere, "manage.py to …" is prose, not a command.
        return name, launched.group().split()[0]
    if not under_commands:
        called = _CALLED_COMMAND.match(source.strip())
        # "The `celery` command" may be any program's; a name written like a Django
        # command's module (``expire_orders``) or "management command" says whose it is.
        if called and ("_" in called["name"] or called["managed"]):
            return called["name"], ""
        return None
    code = _CODE.search(source)
    if code:
        first = code.group("text").split()[0]
        return (first, "") if _NAME.fullmatch(first) else None
    if is_shape(plain.strip()):
        return plain.strip(), ""
    named = _PLAIN_NAME.fullmatch(plain.strip())
    if named is None or named.group("name") in _SECTION_WORDS:
        return None
    return named.group("name"), ""


def _run_elsewhere(page: Page, plain: str) -> tuple[str, str] | None:
    """A heading that is nothing but a command's module name (``## expire_orders``) names
    that command when the page runs it with ``manage.py`` somewhere: on its own, a
    snake_case heading may be a function's or a task's."""
    name = plain.strip()
    if "_" not in name or not _PLAIN_NAME.fullmatch(name) or " " in name:
        return None
    return (name, "") if name in _launched(page) else None


@per_page
def _launched(page: Page) -> frozenset[str]:
    """The names the page runs with ``manage.py`` or ``django-admin``, anywhere."""
    return frozenset(found["name"].rstrip(".,:;!?)`|\"'") for found in _LAUNCHED.finditer(page.text))


def _in_code(source: str, offset: int) -> bool:
    return any(code.start() <= offset < code.end() for code in _CODE.finditer(source))


def _is_commands_section(section: Section) -> bool:
    return section.level == 2 and bool(_COMMANDS_TITLE.search(section.title.strip()))


def _declarations(
    page: Page, placeholders: frozenset[str]
) -> tuple[list[CommandDeclaration], set[int]]:
    """Declared commands, and the heading lines that are placeholder commands."""
    declared: list[CommandDeclaration] = []
    placeholder_lines: set[int] = set()
    for top in page.sections:
        commands = _is_commands_section(top)
        for section in top.walk():
            heading = section.heading
            found = _heading_name(heading.source, heading.plain, commands and section is not top)
            if found is None:
                found = _run_elsewhere(page, heading.plain)
            if found is None:
                continue
            name, after = found
            if is_placeholder(name, placeholders):
                placeholder_lines.add(section.heading.span.line)
                continue
            if not _NAME.fullmatch(name) or name in BUILTINS:
                continue  # `manage.py --help`, `manage.py help`: not a command
            span = _name_span(page, section.heading, name, after)
            declared.append(CommandDeclaration(name, span, section.heading.span.line))
    return declared, placeholder_lines


# --- attribution ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Attribution:
    """Which command each section is about, from headings and the section's own blocks."""

    declared: dict[int, str]
    placeholders: set[int]
    invoked: dict[int, frozenset[str]]

    def command_of(
        self, section: Section, above: tuple[str, bool] | None
    ) -> tuple[str, bool] | None:
        """The command ``section`` is about and whether a heading declares it (rather than
        a block running it); ``above``: what its parent is about."""
        line = section.heading.span.line
        if line in self.placeholders:
            return None
        if line in self.declared:
            return self.declared[line], True
        names = self.invoked.get(line, frozenset())
        if len(names) == 1:
            return next(iter(names)), False
        if names:
            return None  # several commands: the list could belong to any of them
        return above


def _invoked_by_section(
    page: Page, by_block: dict[int, list[Invocation]], placeholders: frozenset[str]
) -> dict[int, frozenset[str]]:
    """The commands run by the code blocks of each section's own text (subsections
    excluded), blocks nested in lists and quotes included."""
    invoked: dict[int, frozenset[str]] = {}
    running = [
        (first_line, names)
        for first_line, found in by_block.items()
        if (names := {i.name for i in found if not is_placeholder(i.name, placeholders)})
    ]
    if not running:
        return invoked
    for section in page.walk():
        start = section.heading.span.line
        end = section.subsections[0].heading.span.line if section.subsections else None
        end = end - 1 if end is not None else section.end_line
        names = {name for first_line, ran in running if start <= first_line <= end for name in ran}
        if names:
            invoked[start] = frozenset(names)
    return invoked


# --- option lists ----------------------------------------------------------------------------


def _option_lists(
    page: Page, attribution: _Attribution, fillers: frozenset[str]
) -> list[OptionList]:
    found: list[OptionList] = []
    marked = sorted({*attribution.declared, *attribution.invoked})
    for section, (command, declared) in _attributed(page.sections, attribution, None, marked):
        own = attribution.declared.get(section.heading.span.line) == command
        lists = lists_in_section(page, section, command, fillers, own=own)
        found.extend(replace(found_list, declared=declared) for found_list in lists)
    return found


def _attributed(
    sections: tuple[Section, ...],
    attribution: _Attribution,
    above: tuple[str, bool] | None,
    marked: list[int],
) -> Iterator[tuple[Section, tuple[str, bool]]]:
    """Every section about a command, with that command, in page order. ``marked``: the
    sorted heading lines a command is declared or run under; a part of the page about no
    command that holds none of them is about none all through, and is not walked.

    An Options section about no command of its own that follows a sibling declaring one
    (``### Options`` after ``### expire_orders``, a heading a level too high) is taken to
    be about it, as a list its own options must confirm (see :meth:`OptionList.documents`)."""
    before: str | None = None  # the command the previous sibling's heading declares
    for section in sections:
        line = section.heading.span.line
        follows, before = before, attribution.declared.get(line)
        walked = above is not None or any_line_within(marked, line, section.end_line)
        command = attribution.command_of(section, above) if walked else None
        if command is None and follows is not None and OPTIONS_LABEL.fullmatch(section.title.strip()):
            command = (follows, False)
        if command is not None:
            yield section, command
        if walked:
            yield from _attributed(section.subsections, attribution, command, marked)


# --- the page ------------------------------------------------------------------------------


def extract(page: Page, examples: TemplateExamples = TemplateExamples()) -> CommandClaims:
    """Every command claim of one page."""
    placeholders = examples.commands
    by_block = {
        code.first_line: invocations_in_block(page, code) or config_invocations(page, code)
        for code in page.code_blocks
    }
    declarations, placeholder_lines = _declarations(page, placeholders)
    attribution = _Attribution(
        declared={d.heading_line: d.name for d in declarations},
        placeholders=placeholder_lines,
        invoked=_invoked_by_section(page, by_block, placeholders),
    )
    invocations = tuple(
        invocation
        for found in by_block.values()
        for invocation in found
        if not is_placeholder(invocation.name, placeholders)
    )
    inline = tuple(inline_invocations(page))
    named = tuple(word for word in mentions(page, inline) if not is_placeholder(word.value, placeholders))
    return CommandClaims(
        declarations=tuple(declarations),
        invocations=invocations,
        inline_invocations=tuple(found for found in inline if not is_placeholder(found.name, placeholders)),
        option_lists=tuple(_option_lists(page, attribution, examples.items)),
        mentions=named,
    )


def claims_for(page: Page, ctx: CheckContext) -> CommandClaims:
    """The page's claims, extracted once per run and shared by the family's rules."""
    examples = template_examples(ctx.schema)
    return ctx.memo("fd4.claims", page, lambda p: extract(p, examples))


def prose_options_for(page: Page, ctx: CheckContext) -> tuple[ProseOption, ...]:
    """The defaults and values sentences give options (see :mod:`.prose_options`), read
    once per run and shared by FD403 and FD406."""
    if ctx.facts is None:
        return ()
    claims, facts = claims_for(page, ctx), ctx.facts
    return ctx.memo(
        "fd4.prose_options", page,
        lambda p: tuple(prose_options(p, facts, claims.listed_flags, claims.declared_names)),
    )
