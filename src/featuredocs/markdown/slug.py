"""GitHub's heading anchors.

GitHub takes a heading's plain text, lower-cases it, deletes punctuation, symbols (emoji
included), control and separator characters except ASCII space and hyphen, and turns each
space into ``-`` without collapsing runs. What stays: alphabetic characters of any script
(circled letters such as ``ⓔ`` included), marks, decimal digits, letter numbers (``ⅱ``) and
connector punctuation (``_``, ``‿``). Other numbers (``²``, ``½``, ``①``) go. Duplicate
anchors on one page get ``-1``, ``-2``, … per base slug.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: General categories that survive: letters, marks, decimal digits, letter numbers and
#: connector punctuation.
_KEPT_CATEGORIES = frozenset(("Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "Pc"))
_KEPT_CHARACTERS = frozenset(" -")
#: Symbols that Unicode nevertheless calls alphabetic (Other_Alphabetic): circled and
#: squared Latin letters. Python's unicodedata has no property lookup, so they are listed.
_ALPHABETIC_SYMBOLS = (
    (0x24B6, 0x24E9),
    (0x1F130, 0x1F149),
    (0x1F150, 0x1F169),
    (0x1F170, 0x1F189),
)


@lru_cache(maxsize=8192)
def _keep(char: str) -> bool:
    if char in _KEPT_CHARACTERS or unicodedata.category(char) in _KEPT_CATEGORIES:
        return True
    point = ord(char)
    return any(low <= point <= high for low, high in _ALPHABETIC_SYMBOLS)


#: ASCII characters GitHub deletes: every punctuation mark and control except ``-``/``_``.
#: (A pattern rather than ``str.translate``, which looks every character up in a dict.)
_ASCII_DELETED = re.compile(
    "[" + re.escape("".join(chr(c) for c in range(128) if not _keep(chr(c)))) + "]"
)


@lru_cache(maxsize=4096)  # pages repeat their headings' titles (Overview, Fields, Usage)
def github_slug(text: str) -> str:
    """The anchor GitHub gives a heading with this plain text (ignoring duplicates)."""
    lowered = text.lower()
    if lowered.isascii():
        return _ASCII_DELETED.sub("", lowered).replace(" ", "-")
    kept = "".join(char for char in lowered if _keep(char))
    return kept.replace(" ", "-")


class GithubSlugger:
    """Hands out anchors for a page's headings in order, numbering duplicates."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def slug(self, text: str) -> str:
        return self.numbered(github_slug(text))

    def numbered(self, base: str) -> str:
        """The anchor for a heading whose anchor without numbering is ``base``."""
        slug = base
        # A generated "a-1" may itself collide with a later heading literally named "a-1".
        while slug in self._seen:
            self._seen[base] += 1
            slug = f"{base}-{self._seen[base]}"
        self._seen[slug] = 0
        return slug
