from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import CommandFact, Finding, OptionFact, Page, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.enumerations import PlacedList, Wording, differences, named
from featuredocs.rules.fd4_commands.claims import claims_for, prose_options_for
from featuredocs.rules.fd4_commands.fd403_stale_option_default import documented_name, option_fact
from featuredocs.rules.fd4_commands.options import OptionClaim
from featuredocs.rules.registry import register


@register
class OptionChoicesDiffer(Rule):
    """The values an Options list gives for an option differ from the parser's choices.

    What it does:
        Reads the values an option's description lists — ``File format, `csv` or
        `json` ``, ``One of `email`, `sms` ``, ```csv`/`json` ``, a table's
        description cell — and, for an option whose parser declares ``choices``,
        reports each listed value the parser rejects. When the list says it is every
        value (it ends in *or*, or follows *one of*, *either*, *choices*), it also
        reports the choices it leaves out, unless the description names them elsewhere.
        A list of examples (*e.g.*, *such as*) is checked only for values the parser
        rejects. Options without ``choices`` take any value: nothing is compared. A
        sentence that lists values right after naming one command's option ("The
        `--format` option takes one of `csv`, `json` or `xml`") is compared too, when one
        of them at least is a choice and no other flag comes between.

    Why is this bad?
        A reader who passes a listed value gets ``invalid choice``; a reader who is
        never told about a value cannot use it.

    Example:
        ```markdown
        - `--format`: File format, `csv`, `xml` or `json` (default: csv)
        ```
        while the command declares ``choices=["csv", "json"]``.

    Use instead:
        ```markdown
        - `--format`: File format, `csv` or `json` (default: csv)
        ```

    Fix safety:
        Unsafe, and only for a complete list: the fix writes the parser's choices, in
        the parser's order and the page's style, in place of the list; the prose around
        a removed value may still speak of it.
    """

    code = "FD406"
    name = "OptionChoicesDiffer"
    summary = "documented option values differ from the parser's choices"
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

    def _check_command(self, page: Page, command: CommandFact, claims: list[OptionClaim]) -> Iterator[Finding]:
        for claim in claims:
            option = option_fact(command, claim) if claim.values is not None else None
            if option is not None and option.choices is not None and claim.values is not None:
                yield from self._compare(page, claim, claim.values, option)

    def _compare(self, page: Page, claim: OptionClaim, values: PlacedList, option: OptionFact) -> Iterator[Finding]:
        assert option.choices is not None
        name = documented_name(claim, option)
        wording = Wording(
            rejected=f"`{{value}}` is not a choice of `{name}`",
            name=name,
            accepts=f"the command's parser accepts {named(option.choices)}",
            fix="list the parser's choices",
        )
        for span, message, hint, fix in differences(values, option.choices, wording):
            yield self.finding(page, span, message, hint, fix)
