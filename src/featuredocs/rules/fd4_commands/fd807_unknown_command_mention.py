from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import Finding, Page, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd4_commands.claims import CommandClaims, claims_for
from featuredocs.rules.fd4_commands.hints import command_hint, command_named, knows_commands
from featuredocs.rules.shell import Word
from featuredocs.rules.other_times import named_as_optional
from featuredocs.rules.registry import register


def named_commands(page: Page, claims: CommandClaims, feature: bool) -> list[Word]:
    """The command names this rule checks on a page, without those FD401 checks."""
    if feature:
        declared = claims.declared_lines
        return [word for word in claims.mentions if word.span.line not in declared]
    return [*claims.mentions, *(invocation.command for invocation in claims.invocations)]


@register
class UnknownCommandMention(Rule):
    """A ``manage.py`` command named anywhere in the docs does not exist.

    What it does:
        Reads ``manage.py X`` and ``django-admin X`` wherever they are written in the
        docs tree — inline code and running text on every page (README, commands
        reference, guides), and shell code blocks of pages that are not feature pages —
        and checks that each command exists. In running text only names that must be
        identifiers (``expire_orders``) count, so "run manage.py to …" is not read as a
        command. Feature pages' command headings and code blocks are FD401's. A command
        offered under a condition on what is installed ("`shell_plus`, if you have
        django-extensions installed", ``# needs django-extensions`` beside it) is left
        alone: the settings the check loads may rightly lack that package.

    Why is this bad?
        The README's quick start or a how-to that names a removed command sends every
        reader to ``Unknown command``.

    Example:
        ```markdown
        Cancel stale orders nightly with `python manage.py expire_unpaid`.
        ```

    Use instead:
        ```markdown
        Cancel stale orders nightly with `python manage.py expire_orders`.
        ```

    Fix safety:
        No fix: the mention may be deliberate history; a person decides.
    """

    code = "FD807"
    name = "UnknownCommandMention"
    summary = "management command named in the docs does not exist"
    severity = Severity.ERROR
    needs_facts = True
    all_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        facts = ctx.facts
        if facts is None or not knows_commands(facts):
            return
        claims = claims_for(page, ctx)
        seen: set[tuple[int, int]] = set()
        for word in named_commands(page, claims, ctx.is_feature(page)):
            where = (word.span.line, word.span.column)
            if command_named(facts, word.value) is not None or where in seen:
                continue
            if named_as_optional(page, word.span):  # "`shell_plus`, if django-extensions is installed"
                continue
            seen.add(where)
            yield self.finding(
                page,
                word.span,
                f"command `{word.value}` does not exist",
                command_hint(word.value, facts),
            )
