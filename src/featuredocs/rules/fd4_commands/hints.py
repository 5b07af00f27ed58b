"""Did-you-mean hints and rename fixes shared by the command rules."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from featuredocs.model import Applicability, CommandFact, Edit, Fix, ProjectFacts, Span, reads
from featuredocs.rules.base import per_facts
from featuredocs.rules.fd3_models.lookup import close_names
from featuredocs.rules.fd4_commands.negatable import bare, same_kind
from featuredocs.rules.suggest import closest, did_you_mean, suggestion

#: A rename is offered only for a name this close to exactly one candidate.
_RENAME_CUTOFF = 0.85


_INDEX = "commands by name"


def knows_commands(facts: ProjectFacts) -> bool:
    """Whether the facts list every command. Live facts always hold Django's own
    (``migrate``, ``check``); facts without them (a static read of the project's
    source) cannot say that a name is missing."""
    return _index(facts)["complete"].get("") is True


def command_named(facts: ProjectFacts, name: str) -> CommandFact | None:
    """``facts.command(name)``, looked up in a table built once per run; the question is
    noted for the page asking (``model/reads.py``)."""
    return _index(facts)["by_name"].get(name)


def _parts(facts: ProjectFacts) -> dict[str, dict[str, object]]:
    by_name: dict[str, CommandFact] = {}
    for command in facts.commands:
        by_name.setdefault(command.name, command)
    return {"by_name": by_name, "complete": {"": any(not command.project for command in facts.commands)}}


_index = per_facts(reads.keyed(_INDEX, _parts))  # built once per run


def _where(command: CommandFact | None) -> str | None:
    return str(command.location) if command is not None and command.location else None


def command_hint(name: str, facts: ProjectFacts) -> str | None:
    """``did you mean `expire_orders`? (orders/management/commands/expire_orders.py:1)``"""
    command = _closest_command(facts, name)
    if command is None:
        return None
    return did_you_mean(name, [command.name], _where(command))


def _closest(facts: ProjectFacts, name: str) -> CommandFact | None:
    match = closest(name, [command.name for command in facts.commands])
    return command_named(facts, match) if match is not None else None


#: Asked, not read: a page is checked again when the answer changes, not on every new command.
_closest_command = reads.asking("fd4.closest-command", _closest, reading=("commands",))


def closest_flag(written: str, flags: Iterable[str]) -> str | None:
    """The flag among ``flags`` closest to ``written`` (for ``--[no-]notfy``, the closest
    ``--[no-]…`` of a flag that has both forms).

    Flags are compared without their dashes, which every flag shares: otherwise
    ``--encoding`` would look like ``--settings``.
    """
    by_name = {bare(candidate): candidate for candidate in same_kind(written, flags)}
    match = closest(bare(written), by_name)
    return by_name[match] if match is not None else None


def flag_hint(flag: str, command: CommandFact) -> str | None:
    """The command's closest flag, with where the command is defined."""
    match = closest_flag(flag, all_flags(command))
    return suggestion(match, _where(command)) if match is not None else None


def one_form_hint(real: str, command: CommandFact) -> str:
    """For a ``--[no-]urgent`` whose ``--urgent`` alone is real."""
    where = _where(command)
    return f"`{command.name}` takes `{real}` alone" + (f" ({where})" if where else "")


def one_form_fix(span: Span, real: str) -> Fix:
    """Write the one real form in place of the notation: safe, since the page then
    names exactly the flag it already named, without the one that does not exist."""
    return Fix(f"write `{real}` alone", (Edit(span, real),))


def all_flags(command: CommandFact) -> list[str]:
    return [flag for option in command.options for flag in option.flags]


def rename_fix(name: str, span: Span, candidates: Iterable[str], what: str) -> Fix | None:
    """Rename to the one close candidate; unsafe, since a close name may be another thing."""
    matches = difflib.get_close_matches(name, list(candidates), n=2, cutoff=_RENAME_CUTOFF)
    if len(matches) != 1:
        return None
    return Fix(
        f"rename {what} `{name}` to `{matches[0]}`",
        (Edit(span, matches[0]),),
        Applicability.UNSAFE,
    )


def renamed_flag(flag: str, candidates: Iterable[str]) -> str | None:
    """The one candidate ``flag`` looks renamed to, as a stale field's one close name is:
    compared without the dashes every flag shares, among flags of the same kind (for a
    ``--[no-]notfy``, the ``--[no-]…`` of candidates that have both forms)."""
    by_name = {bare(c): c for c in same_kind(flag, candidates) if c.startswith("-") == flag.startswith("-")}
    close = close_names(bare(flag), by_name)
    return by_name[close[0]] if len(close) == 1 else None


def flag_rename_fix(flag: str, span: Span, candidates: Iterable[str]) -> Fix | None:
    """Rename to :func:`renamed_flag`'s one candidate; unsafe, as every rename here."""
    new = renamed_flag(flag, candidates)
    if new is None:
        return None
    return Fix(f"rename option `{flag}` to `{new}`", (Edit(span, new),), Applicability.UNSAFE)
