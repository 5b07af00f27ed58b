from __future__ import annotations

import re
from collections.abc import Iterator

from featuredocs.model import CommandFact, Finding, OptionFact, Page, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd4_commands.claims import OptionList, claims_for
from featuredocs.rules.fd4_commands.negatable import forms, forms_in, notation_of
from featuredocs.rules.fd4_commands.parser import action_name
from featuredocs.rules.registry import register

_SUPPRESSED = "==SUPPRESS=="
_WORD = re.compile(r"[\w-]+")


def needs_documenting(option: OptionFact) -> bool:
    """Whether a command's Options list must name this option."""
    # A sub-command's options are documented with the sub-command, in no fixed shape.
    if option.base or option.help == _SUPPRESSED or option.subcommand is not None:
        return False
    return action_name(option.action) not in {"help", "version"}


def documented_names(lists: list[OptionList]) -> set[str]:
    """What counts as documented by these Options lists: every flag and positional they
    name, and every word they contain (a ``--[no-]notify`` in their text is both flags)."""
    names: set[str] = set()
    for found in lists:
        for claim in found.options:
            names.update(form for flag in claim.flags for form in forms(flag.text))
            if claim.positional is not None:
                names.add(claim.positional.text)
        names.update(_WORD.findall(found.text))
        names.update(forms_in(found.text))
    return names


def described_arguments(page: Page, command: CommandFact, found: OptionList) -> set[str]:
    """The positional arguments the prose of the list's section describes: by name
    (``<kind>``, "the kind"), or by naming each of its choices in inline code ("The first
    argument is the report: `aging`, `revenue` or `tax`.")."""
    chain = page.section_at(found.span.line)
    if not chain:
        return set()
    section = chain[-1]
    first, last = section.heading.span.line, section.end_line
    text = "\n".join(page.lines[first - 1 : last])
    words = set(_WORD.findall(text))
    codes = {code.text for code in page.codes if first <= code.span.line <= last}
    return {
        option.dest
        for option in command.options
        if option.positional
        and ({option.dest, option.metavar} & words or (option.choices and set(option.choices) <= codes))
    }


def is_documented(option: OptionFact, names: set[str]) -> bool:
    """Whether ``names`` (from :func:`documented_names`) document the option."""
    if option.positional:
        return bool({option.dest, option.metavar, option.dest.replace("_", "-")} & names)
    return any(flag in names for flag in option.flags)


@register
class UndocumentedOption(Rule):
    """A command's option (or positional argument) is missing from its Options list.

    What it does:
        For each of the project's own commands that a page documents with an Options
        (or Arguments) list, reports the command's options that the list does not
        mention; a positional argument may be described in the prose around the list
        instead. Options every command has (``--verbosity``, ``--settings``, …),
        ``--help`` and options hidden from ``--help`` are not expected. Pages that
        document a command without an Options list are not checked. When the command's
        options could not all be read (static mode), those that were read are real and
        still expected; the others cannot be asked for.

    Why is this bad?
        An option missing from the list is an option nobody knows about; usually it was
        added to the command after the page was written.

    Example:
        ```markdown
        **Options:**
        - `--days`: Age in days (default: 3)
        ```
        while the command also accepts ``--dry-run``.

    Use instead:
        ```markdown
        **Options:**
        - `--days`: Age in days (default: 3)
        - `--dry-run`: Report what would be cancelled without changing anything
        ```

    Fix safety:
        No fix: the description must be written by a person (``featuredocs sync`` adds
        the item with the parser's help text).
    """

    code = "FD405"
    name = "UndocumentedOption"
    summary = "command option not documented"
    severity = Severity.WARNING
    needs_facts = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.facts is None:
            return
        claims = claims_for(page, ctx)
        for command in claims.listed_commands(ctx.facts):
            if not command.project:
                continue
            lists = [found for found in claims.lists_for(command) if found.options]
            if not lists:
                continue
            yield from self._check_command(page, command, lists)

    def _check_command(
        self, page: Page, command: CommandFact, lists: list[OptionList]
    ) -> Iterator[Finding]:
        names = documented_names(lists) | described_arguments(page, command, lists[0])
        for option in command.options:
            if not needs_documenting(option) or is_documented(option, names):
                continue
            shown = notation_of(option) or (option.flags[-1] if option.flags else option.metavar or option.dest)
            kind = "option" if option.flags else "argument"
            yield self.finding(
                page,
                lists[0].span,
                f"{kind} `{shown}` of `{command.name}` is not in its Options list",
                f"help: {option.help}" if option.help else None,
            )
