from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import Edit, Finding, Fix, Page, SettingFact, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd6_config.claims import claims_for
from featuredocs.rules.fd6_config.known import setting as setting_named, setting_names
from featuredocs.rules.fd6_config.settings_claims import INLINE_READ, SettingValueClaim, shown_module_differs
from featuredocs.rules.fd6_config.values import (
    display_default,
    grouped_like,
    normal_code_default,
    same_value,
    shown_apart,
    unit_counted_in,
    with_unit_of,
)
from featuredocs.rules.other_times import at_other_times
from featuredocs.rules.registry import register


@register
class StaleSettingDefault(Rule):
    """The page gives a setting, or a key of one, a default the settings module does not.

    What it does:
        Reads the Default column of a settings table (a *Setting* column naming
        ``DEFAULT_FROM_EMAIL``, ``CATALOG_IMPORT["max_rows"]`` or
        ``ORDER_EXPIRY.window_hours``), the plain values a settings block assigns to the
        project's settings and their keys (``"PAGE_SIZE": 25`` in ``# settings.py``; not
        a block of another file, or under a heading about production, staging, tests or
        examples, nor a setting the project leaves to Django), and a default a sentence
        gives one
        ("``ORDER_EXPIRY["window_hours"]`` hours after it was placed (48 by default)",
        "``DEFAULT_FROM_EMAIL`` (default ``orders@shop.example``)"), and compares each
        value with what the project's
        settings module gives that setting or key when no environment variable is set:
        for ``int(os.getenv("SHOP_IMPORT_MAX_ROWS", "50000"))`` that is ``50000``. A
        setting the project does not set is held to Django's default
        (``SESSION_COOKIE_AGE``: ``1209600``) or to the one the code reading it gives
        (``getattr(settings, "SHOP_PAGE_SIZE", 20)``), when that is a plain string,
        number or boolean.
        Values are compared as FD602 compares a variable's default: quotes, ``True``
        against ``true``, ``50,000`` against ``50000`` and ``48 hours`` against ``48``
        are the same. A number with a unit is compared only when the name counts in that
        unit (``48h`` for ``window_hours``): ``15min`` for a ``TIMEOUT`` kept in seconds
        may well be right. A value the settings module computes (a call the reading cannot
        follow, a path) is never reported, nor a setting that may hold a secret, nor a
        value that names another setting ("defaults to ``DEFAULT_FROM_EMAIL``"), nor a
        table under a heading about the past or the future.

    Why is this bad?
        Readers leave a setting alone because the page says its default suits them; the
        project then behaves otherwise.

    Example:
        ```markdown
        | Setting | Default |
        |---|---|
        | `ORDER_EXPIRY["window_hours"]` | `24` |
        ```
        while ``settings.py`` has ``ORDER_EXPIRY = {"window_hours": 48}``.

    Use instead:
        ```markdown
        | `ORDER_EXPIRY["window_hours"]` | `48` |
        ```

    Fix safety:
        Safe: the documented value is replaced by the settings module's when that value is
        plain, keeping the unit the page wrote after a number and its grouping of thousands;
        in a settings block, written as Python in the block's quotes.
    """

    code = "FD607"
    name = "StaleSettingDefault"
    summary = "setting default differs from the settings module"
    severity = Severity.WARNING
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        assert ctx.facts is not None
        for claim in claims_for(page, ctx).setting_values:
            setting = setting_named(ctx.facts, claim.setting)
            written = setting.default_at(claim.path) if setting is not None else None
            if setting is None or written is None or same_value(claim.value, written) is not False:
                continue
            if claim.in_code and (not setting.project or shown_module_differs(claim.settings_file, ctx.facts)):
                continue  # a block that shows how to set a Django default, or another file
            if _names_a_setting(claim.value, ctx) or ctx.facts.env_var(claim.value.strip()) is not None:
                # "(defaults to `DEFAULT_FROM_EMAIL`)": the value is another setting's;
                # "`SHOP_FROM_EMAIL`, else …": the variable the value is read from
                continue
            if not unit_counted_in(claim.value, claim.path or claim.setting):
                continue  # "15 minutes" for a timeout the settings module keeps in seconds
            if at_other_times(page, claim.value_span.line):
                continue  # under ``### Legacy configuration`` a page tells the values things had
            yield self._stale(page, claim, setting, written)

    def _stale(self, page: Page, claim: SettingValueClaim, setting: SettingFact, written: str) -> Finding:
        named = claim.setting + "".join(f'["{key}"]' for key in claim.path.split(".") if key)
        where = f" ({setting.location})" if setting.location else ""
        documented = claim.value[1:-1] if claim.in_code and claim.value[:1] in "'\"" else claim.value
        shown_written, shown_documented = shown_apart(written, documented, 24)
        return self.finding(
            page,
            claim.value_span,
            f"`{named}` is `{shown_written}` in the settings module, not `{shown_documented}`",
            hint=f"the settings module gives `{written}` when no environment variable is set{where}",
            fix=_fix(claim, named, written),
        )


def _names_a_setting(value: str, ctx: CheckContext) -> bool:
    assert ctx.facts is not None
    named = INLINE_READ.fullmatch(value.strip())
    return named is not None and (bool(named["read"] or named["keys"]) or named["name"] in setting_names(ctx.facts))


def _fix(claim: SettingValueClaim, named: str, written: str) -> Fix | None:
    replacement = _as_python(claim.value, written) if claim.in_code else display_default(written)
    if replacement is None:
        return None
    if not claim.in_code:
        replacement = grouped_like(claim.value, with_unit_of(claim.value, replacement))
    return Fix(f"document `{named}` as `{replacement}`", (Edit(claim.value_span, replacement),))


def _as_python(documented: str, written: str) -> str | None:
    """The settings module's value as a settings block writes it: a number or boolean as
    itself, a string in the quotes the block used."""
    value = normal_code_default(written)
    if isinstance(value, bool | int | float):
        return display_default(written)
    quote = documented[:1]
    if isinstance(value, str) and quote in "'\"" and quote and quote not in value and "\\" not in value:
        return f"{quote}{value}{quote}"
    return None
