"""What a page's cache claims are: a key as written, a lifetime and the keys it is for;
and which text reads as a key."""

from __future__ import annotations

import re
from dataclasses import dataclass

from featuredocs.model import InlineCode, Span
from featuredocs.rules.fd7_cache.durations import Duration
from featuredocs.rules.fd7_cache.patterns import HOLE, pattern_from_text

KEY_SHAPE = re.compile(r"[^\s`'\"]+")


@dataclass(frozen=True, slots=True)
class CacheKeyClaim:
    pattern: str  # holes as {}: "orders:{}:summary"
    text: str  # as written
    span: Span
    inline: bool = False  # named in passing, in prose


@dataclass(frozen=True, slots=True)
class TtlClaim:
    """A documented lifetime; ``plain`` when the duration stands alone (safe to rewrite)."""

    seconds: float
    duration: Duration | None  # None for a code timeout (``timeout=60 * 15``)
    span: Span
    keys: tuple[CacheKeyClaim, ...]
    plain: bool = False



def code_claim(code: InlineCode, *, inline: bool = False) -> CacheKeyClaim:
    return CacheKeyClaim(pattern_from_text(code.text), code.text, code.span, inline)


def is_key_text(text: str, *, strict: bool) -> bool:
    if not KEY_SHAPE.fullmatch(text) or pattern_from_text(text) == HOLE or len(text) < 2:
        return False
    if text.startswith("-") or re.fullmatch(r"[A-Z][A-Z0-9_]*", text):
        return False  # an option or a setting name
    return not strict or ":" in text or pattern_from_text(text) != text
