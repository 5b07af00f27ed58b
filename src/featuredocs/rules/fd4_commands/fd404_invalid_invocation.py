from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from featuredocs.model import CommandFact, Finding, Page, Severity, Span
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd4_commands.claims import claims_for
from featuredocs.rules.fd4_commands.hints import command_named, flag_hint
from featuredocs.rules.fd4_commands.negatable import forms, is_notation
from featuredocs.rules.fd4_commands.parser import UnsupportedParser, rejection
from featuredocs.rules.fd4_commands.invocations import Invocation, is_metavar
from featuredocs.rules.registry import register

_UNRECOGNIZED = re.compile(r"unrecognized arguments: (?P<first>\S+)")
_QUOTED_VALUE = re.compile(r"invalid (?:choice|\w+ value): '(?P<value>.*?)'")
_ARGUMENT = re.compile(r"^argument (?P<flags>\S+?):")


def _culprit(invocation: Invocation, reason: str) -> tuple[Span, str | None]:
    """The span of the argument argparse complains about, and that argument."""
    patterns = (
        (_QUOTED_VALUE, "value", lambda value, word: word == value or word.endswith("=" + value)),
        (_UNRECOGNIZED, "first", lambda value, word: word == value),
        (_ARGUMENT, "flags", lambda value, word: word.split("=")[0] in value.split("/")),
    )
    for pattern, group, matches in patterns:
        found = pattern.search(reason)
        if found is None:
            continue
        for word in invocation.args:
            if matches(found.group(group), word.value):
                return word.span, word.value
    return invocation.command.span, None


def _readings(invocation: Invocation) -> list[Invocation]:
    """The invocation as it runs: an argument written ``--[no-]notify`` runs as
    ``--notify`` and as ``--no-notify``, so it is read once with each."""
    if not any(is_notation(word.value) for word in invocation.args):
        return [invocation]
    return [
        replace(invocation, args=tuple(replace(word, value=forms(word.value)[which]) for word in invocation.args))
        for which in (0, -1)
    ]


@register
class InvalidInvocation(Rule):
    """An example invocation that the command's own argument parser rejects.

    What it does:
        Rebuilds each command's argparse parser from the project's facts (flags,
        actions, nargs, choices, types, required arguments, sub-commands with their own
        options) and parses every
        ``python manage.py X …`` line of the page's shell blocks, inline code and the
        configuration files it shows (a CI workflow's ``run:``, a Procfile, a crontab,
        a Dockerfile's ``CMD [...]``, a Makefile, a supervisor unit) with it, reporting argparse's own reason: an unknown option, a bad choice, a value of the
        wrong type, a missing or an extra argument. Inline code names a command and the
        options a sentence is about, so there nothing is required (not even the
        sub-command an option belongs to) and only what is written is judged. An argument written ``--[no-]notify`` is parsed as
        ``--notify`` and as ``--no-notify``: both must be accepted. Lines with
        placeholders (``[options]``, ``<path>``, ``...``, ``$VAR``) are illustrations and
        are not parsed, and an upper-case word the parser refuses (``--days N``) is read
        as a metavar. A command whose options could not all be read (static mode) is not
        parsed.

    Why is this bad?
        The example is the part of the page people copy; when it fails they stop
        trusting the rest of the page.

    Example:
        ```bash
        python manage.py export_orders --format xml
        ```
        where ``--format`` accepts ``csv`` or ``json``.

    Use instead:
        ```bash
        python manage.py export_orders --format json
        ```

    Fix safety:
        No fix: which argument the author meant cannot be known.
    """

    code = "FD404"
    name = "InvalidInvocation"
    summary = "example invocation rejected by the command's parser"
    severity = Severity.ERROR
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.facts is None:
            return
        claims = claims_for(page, ctx)
        examples = [(invocation, True) for invocation in claims.invocations]
        examples += [(invocation, False) for invocation in claims.inline_invocations]
        for invocation, whole in examples:
            command = command_named(ctx.facts, invocation.name)
            if command is None or invocation.illustrative or not command.options_complete:
                continue
            finding = self._check_invocation(page, command, invocation, whole)
            if finding is not None:
                yield finding

    def _check_invocation(
        self, page: Page, command: CommandFact, invocation: Invocation, whole: bool
    ) -> Finding | None:
        for reading in _readings(invocation):
            finding = self._check_reading(page, command, reading, whole)
            if finding is not None:
                return finding
        return None

    def _check_reading(
        self, page: Page, command: CommandFact, invocation: Invocation, whole: bool
    ) -> Finding | None:
        try:
            # A sentence names a command and the options it is about, not every argument.
            reason = rejection(command, invocation.argv, whole)
        except UnsupportedParser:
            return None  # a parser we cannot rebuild faithfully: stay silent
        if reason is None:
            return None
        span, culprit = _culprit(invocation, reason)
        if culprit is not None and is_metavar(culprit):
            return None  # `--days N`: the page shows the metavar, not a value
        hint = None
        if culprit is not None and culprit.startswith("-") and "unrecognized" in reason:
            hint = flag_hint(culprit.split("=")[0], command)
        return self.finding(
            page,
            span,
            f"`{invocation.launcher} {command.name}` rejects this: {reason}",
            hint,
        )
