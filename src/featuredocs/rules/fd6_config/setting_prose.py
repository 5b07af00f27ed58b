"""Defaults a sentence gives a setting or one of its keys.

Inline code naming a setting (``DEFAULT_FROM_EMAIL``, ``settings.DEFAULT_FROM_EMAIL``) or a
key of one (``ORDER_EXPIRY["window_hours"]``) may be followed by its default: right after
it, as for a variable (``(default `48`)``, ``defaults to `48```) or after a dash (``– 48
by default``), or later in the same sentence, in parentheses, before any other inline code
(``hours after it was placed (48 by default)``, ``rows (50,000 unless
`SHOP_IMPORT_MAX_ROWS` says otherwise)``, ``(default `EUR`)``), as for a variable (see
:func:`~.env_prose.default_later`). Nothing here says the name is a setting: FD607 compares
the value only where the settings module gives that very setting or key a plain value.
"""

from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import Page
from featuredocs.rules.fd6_config.env_prose import default_after, default_later
from featuredocs.rules.fd6_config.settings_claims import INLINE_KEY, INLINE_READ, SettingValueClaim
from featuredocs.rules.fd8_code.source import inline_part_span


def prose_setting_values(page: Page) -> Iterator[SettingValueClaim]:
    for code in page.codes:
        text = code.text
        if not ("A" <= text[:1] <= "Z" or text.startswith(("settings.", "django.conf.settings."))):
            continue  # most inline code: ruled out before any pattern runs
        named = INLINE_READ.fullmatch(text.strip())
        if named is None:
            continue
        default = default_after(page, code.span) or default_later(page, code.span)
        if default is None:
            continue
        span = inline_part_span(page, code.span, named.start("name"), len(named["name"]))
        if span is not None:
            path = ".".join(key[2] for key in INLINE_KEY.finditer(named["keys"]))
            yield SettingValueClaim(named["name"], path, default[0], default[1], span)
