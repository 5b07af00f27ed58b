from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import Finding, Page, ProjectFacts, Severity, Span
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd4_commands.claims import claims_for
from featuredocs.rules.fd4_commands.hints import (
    command_hint,
    command_named,
    knows_commands,
    rename_fix,
)
from featuredocs.rules.other_times import named_as_optional
from featuredocs.rules.registry import register


@register
class CommandNotFound(Rule):
    """A feature page documents or runs a management command the project does not have.

    What it does:
        Reads the commands a feature page declares (``### expire_orders`` under
        *Management Commands*) and every ``python manage.py X`` / ``django-admin X`` line
        in its shell code blocks, and checks that each command exists in the project
        (its own apps, Django and installed packages). Facts that do not list Django's
        own commands (a static read) cannot tell a missing command, so nothing is
        reported from them. A line with a comment that it needs a package
        (``python manage.py shell_plus  # needs django-extensions``) is left alone.

    Why is this bad?
        A reader who copies the line gets ``Unknown command`` — usually because the
        command was renamed or removed and the page was not.

    Example:
        ````markdown
        ### expire_unpaid

        ```bash
        python manage.py expire_unpaid --days 3
        ```
        ````

    Use instead:
        ````markdown
        ### expire_orders

        ```bash
        python manage.py expire_orders --days 3
        ```
        ````

    Fix safety:
        When exactly one command has a very close name, an unsafe fix renames it: a
        close name may still be a different command.
    """

    code = "FD401"
    name = "CommandNotFound"
    summary = "management command not found"
    severity = Severity.ERROR
    needs_facts = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        facts = ctx.facts
        if facts is None or not knows_commands(facts):
            return
        claims = claims_for(page, ctx)
        for declaration in claims.declarations:
            if command_named(facts, declaration.name) is None:
                yield self._missing(
                    page, facts, declaration.name, declaration.span,
                    f"command `{declaration.name}` is documented but does not exist",
                )
        for invocation in claims.invocations:
            if command_named(facts, invocation.name) is None and not named_as_optional(page, invocation.command.span):
                asked = "help " if invocation.asks_help else ""
                written = f"{invocation.launcher} {asked}{invocation.name}"
                verb = "asks for help on" if invocation.asks_help else "runs"
                yield self._missing(
                    page, facts, invocation.name, invocation.command.span,
                    f"`{written}` {verb} a command that does not exist",
                )

    def _missing(
        self, page: Page, facts: ProjectFacts, name: str, span: Span, message: str
    ) -> Finding:
        names = [command.name for command in facts.commands]
        fix = rename_fix(name, span, names, "command")
        return self.finding(page, span, message, command_hint(name, facts), fix)
