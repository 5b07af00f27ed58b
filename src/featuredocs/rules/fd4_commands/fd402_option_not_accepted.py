from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import CommandFact, Finding, Page, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd4_commands.claims import claims_for
from featuredocs.rules.fd4_commands.hints import (
    all_flags,
    flag_hint,
    flag_rename_fix,
    one_form_fix,
    one_form_hint,
)
from featuredocs.rules.fd4_commands.negatable import forms, only_real_form
from featuredocs.rules.fd4_commands.options import Name, OptionClaim
from featuredocs.rules.fd4_commands.prose_options import prose_flags
from featuredocs.rules.registry import register


@register
class OptionNotAccepted(Rule):
    """An Options list (or a sentence) names a flag the command's parser does not have.

    What it does:
        Reads each documented command's Options list (``- `--batch-size`: …`` under
        **Options:** or a bold **Options** title, an options table, or a definition list
        whose term is the option) and checks every
        flag against the flags of the command's real argparse parser. A sentence that
        names one command in inline code (`import_products`, `manage.py import_products`)
        and a flag in inline code ("Pass `--dryrun` to `import_products`"), or a flag
        alone under the command's own heading (`### import_products`), is checked
        too, and reported only when the command has a close flag: a sentence may speak
        of an option still to come, or of another program's (`git commit` with
        `--no-verify`); sentences about a change ("renamed", "deprecated") and sections
        about other times (Future Enhancements, Changelog) are not read.
        Flags are compared as written, never by ``dest``: ``migrate --check`` stores
        into ``check_unapplied`` and is still ``--check``. A flag written
        ``--[no-]notify`` (or ``--(no-)notify``) names both ``--notify`` and
        ``--no-notify``, the two flags of argparse's ``BooleanOptionalAction``, and is
        reported when either is missing: a misspelt one as any unknown flag, one of a
        plain flag (``--[no-]urgent`` for a ``store_true`` ``--urgent``) for the
        ``--no-urgent`` it names. A command whose options could not all be read (static
        mode) is not checked: a flag missing from its facts may still exist.

    Why is this bad?
        ``manage.py`` stops with ``unrecognized arguments`` when a reader uses the
        documented flag; typically the option was renamed.

    Example:
        ```markdown
        **Options:**
        - `--batch`: Rows per batch (default: 500)
        ```

    Use instead:
        ```markdown
        **Options:**
        - `--batch-size`: Rows per batch (default: 500)
        ```

    Fix safety:
        When exactly one flag the list does not document yet is close (compared without
        its dashes), an unsafe fix renames the stale one to it, as ``sync`` does; a
        misspelt ``--[no-]notfy`` is renamed to ``--[no-]notify`` the same way. A
        ``--[no-]urgent`` of which only ``--urgent`` exists gets a safe fix: ``--urgent``,
        written alone.
    """

    code = "FD402"
    name = "OptionNotAccepted"
    summary = "documented option not accepted by the command"
    severity = Severity.ERROR
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.facts is None:
            return
        claims = claims_for(page, ctx)
        for command in claims.listed_commands(ctx.facts):
            if command.options_complete:
                yield from self._check_command(page, command, claims.options_for(command))
        for found in prose_flags(page, ctx.facts, claims.listed_flags, claims.declared_names):
            flags = all_flags(found.command)
            yield self._not_accepted(page, found.command, Name(found.flag, found.span), flags, "named")

    def _check_command(
        self, page: Page, command: CommandFact, options: list[OptionClaim]
    ) -> Iterator[Finding]:
        flags = all_flags(command)
        # a stale flag is renamed only to one that the list does not document yet
        documented = {form for option in options for flag in option.flags for form in forms(flag.text)}
        undocumented = [flag for flag in flags if flag not in documented]
        for option in options:
            for flag in option.flags:
                if not all(form in flags for form in forms(flag.text)):
                    yield self._not_accepted(page, command, flag, undocumented, "documented")

    def _not_accepted(
        self, page: Page, command: CommandFact, flag: Name, renames: list[str], verb: str
    ) -> Finding:
        """The finding for a written flag the command does not take (in all its forms,
        for a ``--[no-]notify``); ``renames``: the flags it may be renamed to."""
        real = only_real_form(flag.text, all_flags(command))
        if real is not None:
            missing = next(form for form in forms(flag.text) if form != real)
            return self.finding(
                page,
                flag.span,
                f"`{flag.text}` names `{missing}` too, which `{command.name}` does not accept",
                one_form_hint(real, command),
                one_form_fix(flag.span, real),
            )
        return self.finding(
            page,
            flag.span,
            f"option `{flag.text}` is {verb} for `{command.name}`, which has no such option",
            flag_hint(flag.text, command),
            flag_rename_fix(flag.text, flag.span, renames),
        )
