from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import CommandFact, Edit, Finding, Fix, OptionFact, Page, Severity, reads
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd4_commands.claims import claims_for, prose_options_for
from featuredocs.rules.fd4_commands.defaults import measured_in, render_default, same_default
from featuredocs.rules.fd4_commands.negatable import forms
from featuredocs.rules.fd4_commands.options import OptionClaim
from featuredocs.rules.registry import register


def option_fact(command: CommandFact, claim: OptionClaim) -> OptionFact | None:
    """Which of the command's options a documented item stands for: by flag, else by the
    positional's name or metavar."""
    by_flag = _options_by_flag(command)
    for form in (form for flag in claim.flags for form in forms(flag.text)):
        found = by_flag.get(form)
        if found is not None:
            return found
    if claim.positional is not None:
        for option in command.options:
            names = {option.dest, option.metavar}
            if option.positional and claim.positional.text in names:
                return option
    return None


def documented_name(claim: OptionClaim, option: OptionFact) -> str:
    """The option as the item names it (its last flag that is the option's, a
    ``--[no-]notify`` as written), for a message; its dest when none is."""
    documented = [flag.text for flag in claim.flags if set(forms(flag.text)) & set(option.flags)]
    return documented[-1] if documented else option.dest


@reads.by_identity(limit=512)
def _options_by_flag(command: CommandFact) -> dict[str, OptionFact]:
    """``command.option(flag)`` for every flag, built once per command."""
    by_flag: dict[str, OptionFact] = {}
    for option in command.options:
        for flag in option.flags:
            by_flag.setdefault(flag, option)  # the first option with the flag, as ``option()``
    return by_flag


@register
class StaleOptionDefault(Rule):
    """A documented option default differs from the default in the command's parser.

    What it does:
        Reads defaults written in Options lists — ``(default: 500)``,
        ``(default: `500`)``, ``Default: 500``, ``defaults to 500``, the
        ``[default: 500]`` of click and docopt help — and compares them
        with the parser's default, leniently: ``'csv'`` and ``csv`` agree, ``off`` and
        ``False`` agree, ``30`` and ``30.0`` agree. A number followed by a unit is
        compared as the number when the unit counts things (``300 rows``) or is the one
        unit the option's flags or help speak of (``12 hours`` for ``--hours``); not when
        it could need converting (``5 minutes`` for a ``--timeout`` in seconds), nor
        when more follows (``24 hours or the setting's value``, ``12-24 hours``). When
        the parser's default is None the command decides in code, so a concrete
        documented value is not reported; prose (``(default: all apps)``) is never
        compared. A sentence that gives one command's flag its default right after
        naming it ("The `--batch-size` option defaults to 1000, …", "`--days`
        (default: 7)") is compared too, when the value ends its clause: "`--limit`
        defaults to 200 on the gateway's side" is about something else.

    Why is this bad?
        A reader relies on the default when leaving the option out; a stale default
        silently changes what the command does to their data.

    Example:
        ```markdown
        - `--batch-size`: Rows per batch (default: 500)
        ```
        while the command declares ``default=1000``.

    Use instead:
        ```markdown
        - `--batch-size`: Rows per batch (default: 1000)
        ```

    Fix safety:
        Safe: the fix replaces only the documented value with the parser's default.
    """

    code = "FD403"
    name = "StaleOptionDefault"
    summary = "documented option default differs from the parser's"
    severity = Severity.WARNING
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.facts is None:
            return
        claims = claims_for(page, ctx)
        for command in claims.listed_commands(ctx.facts):
            yield from self._check_command(page, command, claims.options_for(command))
        for found in prose_options_for(page, ctx):
            yield from self._check_command(page, found.command, [found.claim])

    def _check_command(
        self, page: Page, command: CommandFact, claims: list[OptionClaim]
    ) -> Iterator[Finding]:
        for claim in claims:
            option = option_fact(command, claim)
            if claim.default is None or option is None:
                continue
            measured = measured_in(*option.flags, option.dest, option.help or "")
            if same_default(claim.default.text, option.default, measured) is False:
                yield self._stale(page, claim, option)

    def _stale(self, page: Page, claim: OptionClaim, option: OptionFact) -> Finding:
        assert claim.default is not None
        name = documented_name(claim, option)
        real = option.default or "None"
        replacement = render_default(real, claim.default.text)
        fix = None
        if replacement is not None:
            fix = Fix(
                f"set the documented default of `{name}` to `{replacement}`",
                (Edit(claim.default.span, replacement),),
            )
        return self.finding(
            page,
            claim.default.span,
            f"`{name}` is documented to default to `{claim.default.text}`, "
            f"but defaults to `{replacement or real}`",  # written as the page writes its own
            _source_of(option, real),
            fix,
        )


def _source_of(option: OptionFact, real: str) -> str:
    if option.default_from is None:
        return f"the command's parser declares default={real}"
    return f"the default is read from `{option.default_from}`, {real} where no environment variable overrides it"
