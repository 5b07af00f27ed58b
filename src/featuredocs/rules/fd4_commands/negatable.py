"""Boolean options written with both their forms: ``--[no-]notify`` (or ``--(no-)notify``)
stands for ``--notify`` and ``--no-notify``, the two flags argparse's
``BooleanOptionalAction`` gives an option.

A page names such an option in that notation; pages and ``featuredocs new`` write it
``--[no-]notify``. Everything that compares a written name with a command's flags asks
:func:`forms` for the flags it stands for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from featuredocs.model import OptionFact

#: A long flag as pages write it, notation included: ``--days``, ``--[no-]notify``.
WRITTEN_LONG_FLAG = r"--(?:\[no-\]|\(no-\))?[A-Za-z][\w-]*"
#: Any flag as pages write it: a long one, or ``-n``.
WRITTEN_FLAG = rf"(?:{WRITTEN_LONG_FLAG}|-[A-Za-z][\w-]*)"
_NOTATION = re.compile(r"--(?P<negation>\[no-\]|\(no-\))(?P<stem>[A-Za-z][\w-]*)")


def forms(written: str) -> tuple[str, ...]:
    """The flags a written name stands for: ``--notify`` and ``--no-notify`` for
    ``--[no-]notify``, any other name itself."""
    found = _NOTATION.fullmatch(written)
    if found is None:
        return (written,)
    return f"--{found['stem']}", f"--no-{found['stem']}"


def forms_in(text: str) -> Iterator[str]:
    """Both flags of every notation written in ``text``."""
    for found in _NOTATION.finditer(text):
        yield from forms(found.group())


def bare(written: str) -> str:
    """The name without what every flag (or every notation) shares: ``days`` for
    ``--days``, ``notify`` for ``--[no-]notify``; what close names are compared on."""
    found = _NOTATION.fullmatch(written)
    return found["stem"] if found is not None else written.lstrip("-")


def is_notation(written: str) -> bool:
    return _NOTATION.fullmatch(written) is not None


def notation(stem: str, like: str = "--[no-]x") -> str:
    """``--[no-]notify``, bracketed as ``like`` (another notation) is."""
    found = _NOTATION.fullmatch(like)
    return f"--{found['negation'] if found is not None else '[no-]'}{stem}"


def notations(flags: Iterable[str], like: str = "--[no-]x") -> list[str]:
    """The notation of every stem among ``flags`` that has both forms there, in order."""
    flags = list(flags)
    present = set(flags)
    return [
        notation(flag[2:], like)
        for flag in dict.fromkeys(flags)
        if flag.startswith("--") and f"--no-{flag[2:]}" in present
    ]


def notation_of(option: OptionFact) -> str | None:
    """``--[no-]notify`` for an option that takes both ``--notify`` and ``--no-notify``."""
    found = notations(option.flags)
    return found[0] if found else None


def same_kind(written: str, flags: Iterable[str]) -> list[str]:
    """What a written name may be a misspelling of: a notation, another notation
    (bracketed the same way); any other name, one of the flags."""
    flags = list(flags)
    return notations(flags, written) if is_notation(written) else flags


def only_real_form(written: str, flags: Iterable[str]) -> str | None:
    """The one real flag of a notation that the command takes only one form of:
    ``--urgent`` for ``--[no-]urgent`` when ``--urgent`` is a plain ``store_true``."""
    present = set(flags)
    real = [form for form in forms(written) if form in present]
    return real[0] if is_notation(written) and len(real) == 1 else None
