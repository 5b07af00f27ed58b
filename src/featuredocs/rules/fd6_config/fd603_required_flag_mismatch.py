from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import EnvVarFact, Finding, Page, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd6_config.claims import claims_for
from featuredocs.rules.fd6_config.known import env_var
from featuredocs.rules.fd6_config.values import shown
from featuredocs.rules.other_times import at_other_times
from featuredocs.rules.registry import register


@register
class RequiredFlagMismatch(Rule):
    """The page calls a variable required when the code has a default, or the reverse.

    What it does:
        Reads whether the page documents each variable as required or optional (its
        ``# Required …`` / ``# Optional …`` group, a ``(required)`` note, a Required
        column, a ``#### Required`` heading or a ``**Optional:**`` label above it) and
        compares that with how the code reads it: with a default, or without one so that
        a missing value fails. A heading that only ends in a note (``### SMS (optional)``)
        makes a part of the feature optional, not each variable, and is not read. Nor is
        a block under a heading about the past or the future (``### Legacy configuration``).

    Why is this bad?
        A variable documented as optional that the code requires breaks the first
        deployment that trusts the page; one documented as required that has a default
        makes people invent values they do not need.

    Example:
        ```bash
        # Optional configuration (with defaults)
        PAYMENT_API_KEY=
        ```
        while the code reads ``os.environ["PAYMENT_API_KEY"]``.

    Use instead:
        ```bash
        # Required configuration
        PAYMENT_API_KEY=your_api_key_here
        ```

    Fix safety:
        No fix: moving a line between groups is a change of meaning a person should make.
    """

    code = "FD603"
    name = "RequiredFlagMismatch"
    summary = "environment variable required/optional differs from the code"
    severity = Severity.WARNING
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        assert ctx.facts is not None
        for claim in claims_for(page, ctx).env_vars:
            var = env_var(ctx.facts, claim.name)
            if var is None or claim.required is None:
                continue
            message = mismatch(claim.name, claim.required, var)
            # under ``### Legacy configuration`` a page tells what was required
            if message is not None and not at_other_times(page, claim.span.line):
                where = f" ({var.locations[0]})" if var.locations else ""
                yield self.finding(page, claim.span, message, hint=_hint(claim.name, var) + where)


def mismatch(name: str, documented_required: bool, var: EnvVarFact) -> str | None:
    """Why the documented required/optional flag disagrees with the code; None when it agrees."""
    code_optional = var.has_default and not var.required
    code_required = var.required and not var.has_default
    if documented_required and code_optional:
        return f"`{name}` is documented as required, but the code has a default"
    if not documented_required and code_required:
        return f"`{name}` is documented as optional, but the code requires it"
    return None


def _hint(name: str, var: EnvVarFact) -> str:
    if var.has_default:
        default = shown(name, var.default) if var.default is not None else "None"
        return f"read with default `{default}`"
    return "read without a default"
