from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import Edit, EnvVarFact, Finding, Fix, Page, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd6_config.claims import EnvVarClaim, claims_for
from featuredocs.rules.fd6_config.known import env_var, setting_names
from featuredocs.rules.fd6_config.values import display_default, looks_secret, same_value, shown, shown_apart, with_unit_of
from featuredocs.rules.other_times import at_other_times
from featuredocs.rules.registry import register


@register
class StaleEnvironmentDefault(Rule):
    """The page gives an optional variable a default the code does not use.

    What it does:
        Compares the value the page documents for an optional environment variable (in an
        ``# Optional`` group, with a ``# default`` comment, or in a Default column) with the
        default the code falls back to. Values are compared leniently: quotes, ``True``
        against ``true``, ``30`` against ``"30"`` or ``30s`` (a unit is the reader's
        help), and ``a, b`` against ``"a,b"`` are the same. A block under an
        *Optional* heading or label gives defaults too; one under a heading naming a
        deployment environment (*Staging*, *Production*) or starting with such a comment
        (``# .env.production``) gives that environment's values, not defaults. A Python
        example's read gives a default too: ``os.getenv("X", "48")``,
        ``env.int("X", default=48)``, ``config("X", default=48)``. So does a sentence,
        right after the variable or the words that call it one: "``X`` (default ``48``)",
        "the ``X`` environment variable defaults to ``48``", "``X`` (env var, default ``48``)";
        a name no words call a variable ("comes from ``X`` (default ``48``)") only when
        the project reads a variable by that name and has no setting by it. A heading about the past or the future (``### Legacy configuration``) gives the
        defaults things had or will have, which are not checked.

    Why is this bad?
        Readers leave a variable unset because the page says the default suits them; the
        code then behaves differently from what they chose.

    Example:
        ```bash
        # Optional configuration (with defaults)
        ORDER_EXPIRY_MINUTES=30
        ```
        while the code reads ``env.int("ORDER_EXPIRY_MINUTES", default=45)``.

    Use instead:
        ```bash
        # Optional configuration (with defaults)
        ORDER_EXPIRY_MINUTES=45
        ```

    Fix safety:
        Safe: the documented value is replaced by the code's default when that default is
        a plain value. Secret-looking variables get no fix and their values are masked.
    """

    code = "FD602"
    name = "StaleEnvironmentDefault"
    summary = "environment variable default differs from the code"
    severity = Severity.WARNING
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        assert ctx.facts is not None
        for claim in claims_for(page, ctx).env_vars:
            var = env_var(ctx.facts, claim.name)
            if var is None or not claim.is_default or claim.value is None:
                continue
            if not var.has_default or var.default is None or var.secret:
                continue
            if not claim.called and claim.name in setting_names(ctx.facts):
                continue  # "`DEBUG` (default `False`)" may speak of the setting
            if same_value(claim.value, var.default) is not False:
                continue
            if at_other_times(page, claim.span.line):
                continue  # under ``### Legacy configuration`` a page tells the defaults things had
            yield self._stale(page, claim, var)

    def _stale(self, page: Page, claim: EnvVarClaim, var: EnvVarFact) -> Finding:
        assert claim.value is not None and var.default is not None
        documented, actual = shown(claim.name, claim.value), shown(claim.name, var.default)
        where = f" ({var.locations[0]})" if var.locations else ""
        shown_actual, shown_documented = shown_apart(actual, documented, 16)
        return self.finding(
            page,
            claim.value_span or claim.span,
            f"`{claim.name}` defaults to `{shown_actual}` in code, not `{shown_documented}`",
            hint=f"the code's default is `{actual}`{where}",
            fix=default_fix(claim, var),
        )


def default_fix(claim: EnvVarClaim, var: EnvVarFact) -> Fix | None:
    """The edit that documents the code's default in place of the stale one (shared with sync)."""
    if claim.value_span is None or var.default is None or looks_secret(claim.name):
        return None
    replacement = display_default(var.default)
    if replacement is None:
        return None
    replacement = with_unit_of(claim.value, replacement)
    return Fix(
        f"document `{claim.name}` default as `{replacement}`",
        (Edit(claim.value_span, replacement),),
    )
