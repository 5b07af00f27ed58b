from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import Finding, Page, SettingFact, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd6_config.claims import claims_for
from featuredocs.rules.fd6_config.known import read_with_default, setting as setting_named
from featuredocs.rules.fd6_config.settings_claims import SettingKeyClaim, shown_module_differs
from featuredocs.rules.other_times import named_for_other_times
from featuredocs.rules.registry import register
from featuredocs.rules.suggest import closest


@register
class UnknownSettingKey(Rule):
    """The page documents a key of a dict setting that the setting does not have.

    What it does:
        Reads the nested keys of dict settings shown in a settings block
        (``FEATURE_CONFIG = {"nested": {"sub_option": …}}`` gives ``nested`` and
        ``nested.sub_option``) and ``settings.NAME["key"]`` reads, and checks each key
        against the setting's real value. Keys below a value the project does not spell
        out as a dict are not checked.

        Prose names keys too: inline code such as ``ORDER_EXPIRY["window_hours"]``, in a
        sentence or a table's cell. Prose also recommends keys a project has not set
        (raise ``CACHES["default"]["TIMEOUT"]``), so there a key is reported only when
        the setting has a close one: a misspelt or renamed key.

        Names under a heading about the past or the future (``### Legacy configuration``,
        ``## Future Enhancements``) are not checked, nor names in a sentence that tells of
        a change ("``ORDER_EXPIRY["window"]`` was renamed to …", "no longer read").

    Why is this bad?
        Code reading ``settings.FEATURE_CONFIG["timeout"]`` raises ``KeyError``; a key
        copied into ``settings.py`` under a stale name is ignored.

    Example:
        ```python
        FEATURE_CONFIG = {"time_out": 30}
        ```

    Use instead:
        ```python
        FEATURE_CONFIG = {"timeout": 30}
        ```

    Fix safety:
        No fix: a close key is shown as a hint.
    """

    code = "FD605"
    name = "UnknownSettingKey"
    summary = "setting key not present"
    severity = Severity.ERROR
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        assert ctx.facts is not None
        reported: set[tuple[str, str]] = set()
        for claim in claims_for(page, ctx).setting_keys:
            setting = setting_named(ctx.facts, claim.setting)
            if setting is None or read_with_default(setting) or not _missing(claim.path, setting):
                continue  # a default is the code's fallback, not the shape a project gives it
            if shown_module_differs(claim.settings_file, ctx.facts):
                continue
            if any(claim.path.startswith(f"{path}.") for s, path in reported if s == claim.setting):
                continue  # the missing parent was reported; its children say nothing new
            suggested = _closest_key(claim.path, setting)
            if claim.inline and suggested is None:
                continue
            if named_for_other_times(page, claim.span):
                continue  # a key that was, or will be: "`X["window"]` was renamed"
            reported.add((claim.setting, claim.path))
            yield self._unknown_key(page, claim, setting, suggested)

    def _unknown_key(
        self, page: Page, claim: SettingKeyClaim, setting: SettingFact, suggested: str | None
    ) -> Finding:
        where = f" ({setting.location})" if setting.location else ""
        hint = f"did you mean `{suggested}`?{where}" if suggested else None
        return self.finding(
            page, claim.span, f"setting `{claim.setting}` has no key `{claim.path}`", hint=hint
        )


def _closest_key(path: str, setting: SettingFact) -> str | None:
    """The setting's key path closest to ``path``, differing only in its last part."""
    parent, _, leaf = path.rpartition(".")
    siblings = [key.rpartition(".")[2] for key in setting.keys if key.rpartition(".")[0] == parent]
    match = closest(leaf, siblings)
    return f"{parent}.{match}" if parent and match else match


def _missing(path: str, setting: SettingFact) -> bool:
    """True only when the setting's known keys show the parent level and lack ``path``."""
    keys = set(setting.keys)
    if path in keys or any(key.startswith(f"{path}.") for key in keys):
        return False
    parent = path.rpartition(".")[0]
    if parent:
        return any(key.startswith(f"{parent}.") for key in keys)
    return bool(keys) or setting.value.strip() == "{}"
