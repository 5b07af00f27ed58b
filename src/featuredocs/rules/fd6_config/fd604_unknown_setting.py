from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import Finding, Page, ProjectFacts, SettingFact, Severity, reads
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd6_config.claims import claims_for
from featuredocs.rules.fd6_config.known import read_with_default, setting as setting_named, setting_names
from featuredocs.rules.fd6_config.settings_claims import shown_module_differs
from featuredocs.rules.other_times import named_for_other_times
from featuredocs.rules.registry import register
from featuredocs.rules.suggest import closest, suggestion


@register
class UnknownSetting(Rule):
    """The page names a Django setting the project does not define.

    What it does:
        Collects the settings a page names: ``UPPER_CASE`` assignments in its settings
        blocks (under a *Settings* heading, or a block starting with ``# settings.py``) and
        ``settings.NAME`` reads in any python block or inline code. Each must be a setting
        of the project, one its code reads with a default (``getattr(settings, "NAME",
        20)``) or one of Django's own. A block headed by another settings file than the
        ones checked against (``# settings/production.py`` while the facts come from
        ``settings/dev.py``) is left alone; the file the settings module star-imports
        (``# settings/base.py``) and the template's bare ``# settings.py`` are checked.
        A sentence may
        name a setting still to be added, so one named in inline code is reported only
        when the project has a setting it looks misspelt from.

        Tables list settings too: each ``UPPER_CASE`` name in a *Setting* column, or in a
        *Name* column under a heading or bold label about settings (``| `ORDER_EXPIRY` |
        `{...}` | … |``, ``ORDER_EXPIRY["window_hours"]``). A table also lists a library's
        settings the project leaves at their defaults, so such a name is judged like one
        in a sentence: reported only when the project has a setting it looks misspelt
        from.

        Names under a heading about the past or the future (``### Legacy configuration``,
        ``## Future Enhancements``) are not checked, nor names in a sentence that tells of
        a change ("``ORDER_EXPIRE`` was renamed to …", "no longer read").

    Why is this bad?
        Code that reads ``settings.NAME`` fails with ``AttributeError``; a setting copied
        from the page into ``settings.py`` under a stale name is silently ignored.

    Example:
        ```python
        # settings.py
        ORDER_EXPIRY = {"minutes": 30}
        ```
        while the project defines ``ORDER_EXPIRY_CONFIG``.

    Use instead:
        ```python
        # settings.py
        ORDER_EXPIRY_CONFIG = {"minutes": 30}
        ```

    Fix safety:
        No fix: a close name is shown as a hint.
    """

    code = "FD604"
    name = "UnknownSetting"
    summary = "setting not defined"
    severity = Severity.ERROR
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        facts = ctx.facts
        assert facts is not None
        known = setting_names(facts)
        for claim in claims_for(page, ctx).settings:
            if claim.name in known or shown_module_differs(claim.settings_file, facts):
                continue
            hint = _hint(claim.name, facts)
            if claim.inline and hint is None:
                continue  # named in passing: maybe read with a default, maybe still to come
            if named_for_other_times(page, claim.span):
                continue  # a setting that was, or will be: "no longer read", ``### Legacy settings``
            yield self.finding(
                page,
                claim.span,
                f"setting `{claim.name}` is not defined by the project or Django",
                hint=hint,
            )


def _hint(name: str, facts: ProjectFacts) -> str | None:
    setting = _closest_setting(facts, name)
    return suggestion(setting.name, setting.location) if setting is not None else None


def _closest(facts: ProjectFacts, name: str) -> SettingFact | None:
    """The project's setting, or one its code reads with a default (else any), whose name
    is closest to ``name``."""
    candidates = [s.name for s in facts.settings if s.project or read_with_default(s)] or [
        s.name for s in facts.settings
    ]
    match = closest(name, candidates)
    return setting_named(facts, match) if match is not None else None


#: Asked, not read: a page is checked again when the answer changes, not on every new setting.
_closest_setting = reads.asking("fd6.closest-setting", _closest, reading=("settings",))
