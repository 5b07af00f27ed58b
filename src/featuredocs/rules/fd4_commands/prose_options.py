"""Options named in sentences: "Pass `--dry-run` to `expire_orders`", "the `--days` option
of `manage.py expire_orders`".

A sentence that names exactly one of the project's commands in inline code (its bare name or
a ``manage.py`` line) is taken to speak of that command's options it names in inline code; a
sentence that names no command speaks of the command its section's heading declares
(``### expire_orders``), if any. Prose names options more loosely than an Options list does (a
sentence may speak of an option still to come, or of another tool's), so a flag is reported
only when the command has a close one: a misspelt or renamed option. A `--[no-]notify` names
both of its flags; one whose stem is a plain flag of the command (`--[no-]urgent` for a
``store_true`` `--urgent`) names a `--no-urgent` that is surely this command's, and missing.
A sentence that also names another program (`git commit`, pip), speaks of a change
("renamed", "deprecated"), or names the close option too (a rename note), or a section about
other times, claims nothing.

A default a sentence gives a real flag right after naming it ("`--batch-size` defaults to
1000, …", "`--days` (default: 7)"), or in parentheses a few words on with no other code or
end of a clause between ("`--batch-size` sets the rows per transaction (200 by default)"),
is read as an Options list's would be, when the value ends its clause: "`--limit`
defaults to 200 on the gateway's side" speaks of something else. So are the values it
lists after the flag for an option with choices ("`--format` takes one of `csv`, `json` or
`xml`"), when one of them at least is a choice and no other flag or sentence comes
between: "`--format` writes `orders.csv`" lists file names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from featuredocs.model import Block, BlockKind, CommandFact, InlineCode, Page, ProjectFacts, Span
from featuredocs.rules.fd4_commands.hints import all_flags, closest_flag, command_named
from featuredocs.rules.fd4_commands.negatable import WRITTEN_LONG_FLAG, forms, only_real_form
from featuredocs.rules.enumerations import PlacedList, choice_values
from featuredocs.rules.fd4_commands.options import DefaultClaim, Name, OptionClaim, default_in
from featuredocs.rules.other_times import at_other_times, speaks_of_change
from featuredocs.rules.page_text import any_line_within, lines_holding, wrapped_onto

_FLAG_CODE = re.compile(rf"(?P<flag>{WRITTEN_LONG_FLAG})(?:[= ]\S+)?")
_LAUNCHED = re.compile(r"(?<![\w.-])(?:manage\.py|django-admin(?:\.py)?)\s+(?P<name>[A-Za-z_][\w-]*)")
#: Inline code that runs some program: `git commit --amend`, `$ pip install x`.
_COMMAND_LINE = re.compile(r"(?:\$\s*)?[a-z][\w.+-]*\s+-{0,2}\w")
_OTHER_PROGRAMS = re.compile(
    r"\b(?:git|pip|npm|npx|yarn|docker|pytest|gunicorn|uvicorn|celery|psql|curl|make|tox|nox"
    r"|ruff|mypy|black|pre-commit|kubectl|helm|ssh|rsync|poetry|uv)\b",
    re.IGNORECASE,
)
#: Where one sentence ends: a full stop (or ! ?) before a space, a blank line, a new item,
#: quote line, table row or heading.
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*(?:\s|$)|\n[ \t>]*(?:\n|[-*+|#]\s|\d{1,9}[.)]\s)|\|")
#: A default given right after the flag: "`--days` defaults to", "(default: 7)", "[default: 7]".
_DEFAULT_WORDS = r"\s*(?:option\s+|flag\s+)?(?:defaults?\s+(?:to|is)\b|[(\[]\s*defaults?\b)"
_DEFAULT_NEXT = re.compile("`*" + _DEFAULT_WORDS, re.I)
_FLAG_THEN_DEFAULT = re.compile(f"`{WRITTEN_LONG_FLAG}`" + _DEFAULT_WORDS, re.I)
#: A few words between the flag and a default in parentheses, with no other code and no
#: end of a clause among them: "`--older-than-hours` hours (default: 48)", "`--batch-size`
#: sets how many orders each transaction holds (200 by default)".
_WORDS_THEN_DEFAULT = (
    r"`*[^`.;:!?()\[\]|]{1,60}?"
    r"(?=[(\[]\s*defaults?\b|\(\s*(?:`[^`]+`|-?\d[\d_.,]*(?:\s*(?:%|[A-Za-z]+))?)\s+by\s+default\b)"
)
_DEFAULT_LATER = re.compile(_WORDS_THEN_DEFAULT, re.I)
_FLAG_THEN_LATER_DEFAULT = re.compile(f"`{WRITTEN_LONG_FLAG}`" + _WORDS_THEN_DEFAULT, re.I)
#: What may follow a default that ends its clause (a bracket closes ``(default: 7)``; a
#: conjunction starts the next one: "defaults to 24 and the `--tier` option …").
_CLAUSE_ENDS = re.compile(r"`*\s*(?:[.,;:!?)\]]|$)|`*\s+(?:and|but|while|whereas)\s+(?![\d`-])", re.I)
_BY_DEFAULT = re.compile(r"`*\s+by\s+default\s*(?=\))", re.I)


@dataclass(frozen=True, slots=True)
class ProseOption:
    """What a sentence says of a real option of ``command`` right after naming it (its
    default, the values it lists), as the item of an Options list would."""

    command: CommandFact
    claim: OptionClaim


@dataclass(frozen=True, slots=True)
class ProseFlag:
    """A flag a sentence names for ``command``, which has a close flag but not this one."""

    command: CommandFact
    flag: str
    span: Span


def prose_flags(
    page: Page, facts: ProjectFacts, claimed: frozenset[Span], declared: Mapping[int, str]
) -> Iterator[ProseFlag]:
    """The flags sentences name for a command that has only a close flag; flags at
    ``claimed`` (those of Options lists and tables) are left to the lists. ``declared``:
    the command each heading line declares."""
    if "`--" not in page.text:
        return
    sections = _declaring_sections(page, declared)
    for sentence in _sentences(page):
        if any(code.text.lstrip().startswith("--") for code in sentence):
            yield from _flags_in(page, facts, sentence, claimed, _section_command(sections, sentence))


def prose_options(
    page: Page, facts: ProjectFacts, claimed: frozenset[Span], declared: Mapping[int, str]
) -> Iterator[ProseOption]:
    """The defaults and values sentences give a command's real options (see the
    module's docstring); ``claimed`` and ``declared`` as for :func:`prose_flags`."""
    if "`--" not in page.text:
        return
    # A line that lists an option is the list's: what it says of the option is read there.
    listing = {span.line for span in claimed}
    lines = [n for n in lines_holding(page, "`--") if n not in listing and _may_describe(page, n)]
    sections = _declaring_sections(page, declared) if lines else []
    for sentence in _sentences(page, lines) if lines else ():
        named = _named_flags(page, facts, sentence, claimed, _section_command(sections, sentence))
        if named is None:
            continue
        command, flags = named
        by_flag = {flag: option for option in command.options for flag in option.flags}
        for flag, span in flags:
            option = next((by_flag[form] for form in forms(flag) if form in by_flag), None)
            default = _default_after(page, span) if option is not None else None
            values = _values_after(page, span, option.choices) if option is not None and option.choices else None
            if default is not None or values is not None:
                claim = OptionClaim(command.name, (Name(flag, span),), None, default, span, values)
                yield ProseOption(command, claim)


def _may_describe(page: Page, line: int) -> bool:
    """Whether a line that names a flag may give it a default or values: a default after
    a flag (on this line or, where the sentence wraps, the next), or three spans of
    inline code at least."""
    text = page.line_text(line)
    if text.count("`") >= 6 or _FLAG_THEN_DEFAULT.search(text) is not None:
        return True
    return _FLAG_THEN_LATER_DEFAULT.search(" ".join([text, *wrapped_onto(page, line, 1)])) is not None


def _default_after(page: Page, flag: Span) -> DefaultClaim | None:
    """The default written right after the flag at ``flag``, when its value ends its clause."""
    text, line = page.line_text(flag.line), flag.line
    after = flag.end_column - 1
    if _DEFAULT_NEXT.match(text, after) is None:
        later = _DEFAULT_LATER.match(text, after)
        wraps = wrapped_onto(page, flag.line, 1) if later is None else []
        if later is None and wraps:
            # the sentence wraps: the default opens the next line's words
            later = _DEFAULT_LATER.match(f"{text} {wraps[0]}", after)
            if later is None or later.end() <= len(text):
                return None
            text, line, after = wraps[0], flag.line + 1, later.end() - len(text) - 1
        elif later is None:
            return None
        else:
            after = later.end()
    found = default_in(page, Span(line, 1, line, 1), text, after)
    if found is None or found.span.line != line:
        return None
    end = found.span.end_column - 1
    by_default = _BY_DEFAULT.match(text, end)  # "(200 by default)" ends at its bracket
    return found if _CLAUSE_ENDS.match(text, by_default.end() if by_default else end) else None


def _values_after(page: Page, flag: Span, choices: tuple[str, ...]) -> PlacedList | None:
    """The values listed after the flag at ``flag`` in its own sentence, one a choice at least."""
    found = choice_values(page, flag.line, flag.end_column - 1, choices)
    if found is None or found.span.line != flag.line:
        return None
    between = page.line_text(flag.line)[flag.end_column : found.span.column - 1]
    return None if "`--" in between or _SENTENCE_END.search(between) else found


def _declaring_sections(page: Page, declared: Mapping[int, str]) -> list[tuple[int, int, str]]:
    """(first line, last line, command) of each section whose heading declares a command,
    innermost last."""
    if not declared:
        return []
    return [
        (section.heading.span.line, section.end_line, declared[section.heading.span.line])
        for section in page.walk()
        if section.heading.span.line in declared
    ]


def _section_command(sections: list[tuple[int, int, str]], sentence: list[InlineCode]) -> str | None:
    line = sentence[0].span.line
    around = [name for first, last, name in sections if first <= line <= last]
    return around[-1] if around else None


def _flags_in(
    page: Page,
    facts: ProjectFacts,
    sentence: list[InlineCode],
    claimed: frozenset[Span],
    section_command: str | None,
) -> Iterator[ProseFlag]:
    named = _named_flags(page, facts, sentence, claimed, section_command)
    if named is None or not named[0].options_complete:
        return
    command, flags = named
    real = all_flags(command)
    named_flags = {flag for flag, _ in flags}
    for flag, span in flags:
        if all(form in real or any(candidate.startswith(form) for candidate in real) for form in forms(flag)):
            continue  # argparse takes the start of a flag for the flag
        if only_real_form(flag, real) is not None:
            yield ProseFlag(command, flag, span)  # ``--[no-]urgent`` of a plain ``--urgent``
            continue
        close = closest_flag(flag, real)
        if close is not None and close not in named_flags:
            yield ProseFlag(command, flag, span)


def _named_flags(
    page: Page,
    facts: ProjectFacts,
    sentence: list[InlineCode],
    claimed: frozenset[Span],
    section_command: str | None,
) -> tuple[CommandFact, list[tuple[str, Span]]] | None:
    """The one command a sentence speaks of and the flags it names for it (not those at
    ``claimed``); None for a sentence about no command, several, or something else."""
    flags: list[tuple[str, Span]] = []
    commands: set[str] = set()
    for code in sentence:
        text = code.text.strip()
        named = _FLAG_CODE.fullmatch(text)
        launched = _LAUNCHED.search(text)
        first_word = text.split(maxsplit=1)[0] if text else ""
        if named is not None:
            span = _flag_span(page, code, named["flag"])
            if span is not None and span not in claimed:
                flags.append((named["flag"], span))
        elif launched is not None:
            commands.add(launched["name"])
        elif command_named(facts, first_word) is not None:
            commands.add(first_word)  # `expire_orders`, `expire_orders --days 3`
        elif _COMMAND_LINE.match(text):
            return None  # another program's command line: its options are its own
    if not commands and section_command is not None:
        commands.add(section_command)
    if len(commands) != 1 or not flags or _about_something_else(page, sentence):
        return None
    command = command_named(facts, commands.pop())
    return (command, flags) if command is not None else None


def _about_something_else(page: Page, sentence: list[InlineCode]) -> bool:
    first, last = sentence[0].span.line, sentence[-1].span.end_line
    text = "\n".join(page.line_text(n) for n in range(first, last + 1))
    if _OTHER_PROGRAMS.search(text) or speaks_of_change(text):
        return True
    return at_other_times(page, first)


def _flag_span(page: Page, code: InlineCode, flag: str) -> Span | None:
    if code.span.line != code.span.end_line:
        return None
    column = page.line_text(code.span.line).find(flag, code.span.column - 1)
    if column < 0:
        return None
    return Span(code.span.line, column + 1, code.span.line, column + 1 + len(flag))


# --- sentences ------------------------------------------------------------------------


def _prose_blocks(page: Page) -> Iterator[Block]:
    yield from page.preamble
    for section in page.walk():
        yield from section.blocks


def _sentences(page: Page, lines: list[int] | None = None) -> Iterator[list[InlineCode]]:
    """The inline code of each sentence of a block that names a flag, in page order;
    only of blocks that hold one of the sorted ``lines``, when given."""
    for block in _prose_blocks(page):
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST, BlockKind.QUOTE):
            continue
        if lines is not None and not any_line_within(lines, block.span.line, block.span.end_line):
            continue
        if not any(code.text.lstrip().startswith("--") for code in block.codes):
            continue
        run: list[InlineCode] = []
        for code in block.codes:
            if run and _SENTENCE_END.search(_between(page, run[-1].span, code.span)):
                yield run
                run = []
            run.append(code)
        yield run


def _between(page: Page, before: Span, after: Span) -> str:
    """The page's text from the end of ``before`` to the start of ``after``."""
    if before.end_line == after.line:
        return page.line_text(after.line)[before.end_column - 1 : after.column - 1]
    lines = [page.line_text(before.end_line)[before.end_column - 1 :]]
    lines.extend(page.line_text(n) for n in range(before.end_line + 1, after.line))
    lines.append(page.line_text(after.line)[: after.column - 1])
    return "\n".join(lines)
