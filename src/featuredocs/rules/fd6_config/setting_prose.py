"""Defaults a sentence gives a setting or one of its keys.

Inline code naming a setting (``DEFAULT_FROM_EMAIL``, ``settings.DEFAULT_FROM_EMAIL``) or a
key of one (``ORDER_EXPIRY["window_hours"]``) may be followed by its default: right after
it, as for a variable (``(default `48`)``, ``defaults to `48```) or after a dash (``– 48
by default``), or later in the same sentence, in parentheses, before any other inline code
(``hours after it was placed (48 by default)``, ``rows (50,000 unless
`SHOP_IMPORT_MAX_ROWS` says otherwise)``). Nothing
here says the name is a setting: FD607 compares the value only where the settings module
gives that very setting or key a plain value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from featuredocs.model import Page, Span
from featuredocs.rules.fd6_config.env_prose import default_after
from featuredocs.rules.fd6_config.settings_claims import INLINE_KEY, INLINE_READ, SettingValueClaim
from featuredocs.rules.fd8_code.source import inline_part_span
from featuredocs.rules.page_text import Joined, wrapped_onto

#: A default given later in the sentence, in parentheses: ``(48 by default``, ``(48 hours
#: by default``, ``(`EUR` unless``; the words before it hold no other code, no end of a sentence or a table cell.
_LATER = re.compile(
    r"^[^`.;:!?()|]{0,60}?\(\s*(?:`(?P<code>[^`]+)`|(?P<plain>-?\d[\d,]*(?:\.\d+)?|true|false))"
    r"(?:\s*[a-z]{1,12})?\s+(?:by\s+default\b|unless\b)",  # a unit may follow the number
    re.IGNORECASE,
)
#: A default right after a dash, a comma or "is": ``– 5000 by default``, ``is `EUR` by default``.
_BESIDE = re.compile(
    r"^\s*(?:[–—-]{1,2}|,|is|are)\s+(?:`(?P<code>[^`]+)`|(?P<plain>-?\d[\d,]*(?:\.\d+)?|true|false))"
    r"(?:\s*[a-z]{1,12})?\s+by\s+default\b",
    re.IGNORECASE,
)


def prose_setting_values(page: Page) -> Iterator[SettingValueClaim]:
    for code in page.codes:
        text = code.text
        if not ("A" <= text[:1] <= "Z" or text.startswith(("settings.", "django.conf.settings."))):
            continue  # most inline code: ruled out before any pattern runs
        named = INLINE_READ.fullmatch(text.strip())
        if named is None:
            continue
        default = default_after(page, code.span) or _later(page, code.span)
        if default is None:
            continue
        span = inline_part_span(page, code.span, named.start("name"), len(named["name"]))
        if span is not None:
            path = ".".join(key[2] for key in INLINE_KEY.finditer(named["keys"]))
            yield SettingValueClaim(named["name"], path, default[0], default[1], span)


def _later(page: Page, span: Span) -> tuple[str, Span] | None:
    """The default given later in the sentence, on the name's line or the line its
    paragraph wraps onto (not one that starts a block of its own)."""
    line = span.end_line
    joined = Joined.of(line, [page.line_text(line), *wrapped_onto(page, line, 1)])
    after = span.end_column - 1
    found = _LATER.match(joined.text[after:]) or _BESIDE.match(joined.text[after:])
    if found is None:
        return None
    group = "code" if found["code"] is not None else "plain"
    value_span = joined.span(after + found.start(group), after + found.end(group))
    if value_span.line != value_span.end_line:
        return None  # a value broken over the two lines is left alone
    return found[group], value_span
