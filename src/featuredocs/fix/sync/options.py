"""Refresh a command's ``**Options:**`` list against its real parser.

- An option the parser gained is added where the parser declares it, after the item of
  the option before it (at the end when none is listed):
  `` - `--flag`: help (default: v) ``, with the option's ``help`` (or a ``[Description]``
  placeholder) and its default when it takes a value.
- A documented flag the parser no longer has is renamed in place, its description and
  default note kept, when exactly one new flag is close to it (as a stale field is);
  otherwise its item is dropped.
- A stale ``(default: …)`` is corrected with FD403's own rendering of the parser default.
- A boolean option that takes both ``--notify`` and ``--no-notify`` is written
  ``--[no-]notify``; a ``--[no-]urgent`` whose ``--no-urgent`` does not exist is written
  ``--urgent``, and a misspelt ``--[no-]notfy`` is renamed keeping its notation.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from featuredocs.fix.sync.judgements import (
    described_arguments,
    documented_option_names,
    option_documented,
    option_expected,
    option_fact,
)
from featuredocs.fix.sync.lists import CorrectsValues, InPlaceEditor, ListEditor, located_list
from featuredocs.fix.sync.scope import Scope, SyncChange
from featuredocs.generate.usage import long_flag, with_choices, with_default
from featuredocs.model import CommandFact, Edit, ListItem, OptionFact, Page, Span
from featuredocs.rules.base import CheckContext
from featuredocs.rules.fd4_commands.claims import OptionList, claims_for
from featuredocs.rules.fd4_commands.defaults import fact_value, render_default, same_default
from featuredocs.rules.fd4_commands.hints import all_flags, command_named, renamed_flag
from featuredocs.rules.fd4_commands.invocations import Invocation
from featuredocs.rules.fd4_commands.negatable import forms, notation_of, only_real_form
from featuredocs.rules.fd4_commands.options import OptionClaim, option_from_item

PLACEHOLDER = "[Description]"
_ARGPARSE_FORMAT = re.compile(r"%\((\w+)\)s")


def option_changes(page: Page, ctx: CheckContext, scope: Scope) -> Iterator[SyncChange]:
    if ctx.facts is None:
        return
    claims = claims_for(page, ctx)
    for name in dict.fromkeys(found.command for found in claims.option_lists):
        command = command_named(ctx.facts, name)
        if command is None or not command.options_complete:
            continue  # unknown, or options the facts could not all read: nothing is certain
        lists = claims.lists_for(command)
        renames: dict[str, str] = {}
        for position, found in enumerate(lists):
            change = _refresh(page, command, found, lists, scope, renames, complete=position == 0)
            if change is not None:
                yield change
        if renames:
            invocations = (*claims.invocations, *claims.inline_invocations)
            yield from _renamed_in_examples(page, invocations, command.name, renames, scope)


def _refresh(
    page: Page, command: CommandFact, found: OptionList, lists: list[OptionList], scope: Scope,
    renames: dict[str, str], *, complete: bool,
) -> SyncChange | None:
    """The list's refreshed items; the flags it renames are added to ``renames``."""
    located = located_list(page, found.span)
    undocumented = [o for o in command.options if option_expected(o)]
    everywhere = documented_option_names(lists)
    if located is None:
        return _refresh_table(page, command, found, scope, renames, undocumented, everywhere)
    editor = ListEditor(page, located)
    names = documented_option_names([lst for lst in lists if lst is not found]) | described_arguments(page, command, found)
    taken: set[str] = set()
    kept_text: list[str] = []
    placed: dict[str, ListItem] = {}  # option dest: the item that documents it
    for item in located.items:
        claim = option_from_item(page, command.name, item)
        if claim is None:
            kept_text.append(item.source)
            continue
        if _is_stale(command, claim):
            old = claim.flags[0].text
            renamed = _renamed(editor, claim, undocumented, everywhere, taken, scope, renames, item.source)
            if renamed is not None:
                claim = renamed
                kept_text.append(item.source.replace(old, claim.flags[0].text))
                _correct_default(editor, command, claim, scope)
                _correct_values(editor, command, claim, scope)
                _place(placed, command, claim, item)
            elif scope.allows("FD402", claim.flags[0].span.line):
                editor.delete(item)
            else:
                kept_text.append(item.source)
            continue
        kept_text.append(item.source)
        _write_real_forms(editor, command, claim, scope)
        _correct_default(editor, command, claim, scope)
        _correct_values(editor, command, claim, scope)
        _place(placed, command, claim, item)
    if complete and command.project and scope.allows("FD405", found.span.line):
        names |= _names_in(kept_text, command.name) | taken
        for option in undocumented:
            if option_documented(option, names):
                continue
            before = _documented_before(command, option, placed)
            if before is None:
                editor.append(new_item(option))
            else:
                editor.insert_after(before, new_item(option))
                placed[option.dest] = before  # a later new option follows it there
    edits = editor.edits()
    return SyncChange(f"refresh the options of `{command.name}`", tuple(edits)) if edits else None


def _refresh_table(
    page: Page, command: CommandFact, found: OptionList, scope: Scope, renames: dict[str, str],
    undocumented: list[OptionFact], everywhere: set[str],
) -> SyncChange | None:
    """An options table's cells, its rows kept as drawn: a renamed flag takes its new
    name, a default and the choices are corrected; nothing is added or taken away."""
    editor = InPlaceEditor(page)
    taken: set[str] = set()
    for claim in found.options:
        if _is_stale(command, claim):
            row = page.line_text(claim.span.line)
            renamed = _renamed(editor, claim, undocumented, everywhere, taken, scope, renames, row)
            if renamed is None:
                continue
            claim = renamed
        _correct_default(editor, command, claim, scope)
        _correct_values(editor, command, claim, scope)
    edits = editor.edits()
    return SyncChange(f"refresh the options table of `{command.name}`", tuple(edits)) if edits else None


def _is_stale(command: CommandFact, claim: OptionClaim) -> bool:
    return bool(claim.flags) and not any(command.option(form) for flag in claim.flags for form in forms(flag.text))


def _renamed(
    editor: CorrectsValues, claim: OptionClaim, undocumented: list[OptionFact], everywhere: set[str],
    taken: set[str], scope: Scope, renames: dict[str, str], described: str,
) -> OptionClaim | None:
    """The stale claim under the flag it was renamed to, written by ``editor``; None when
    no one flag is its successor. ``described``: the item's (or row's) text. A flag an
    earlier list of the command renamed (in ``renames``) is renamed alike."""
    line = claim.flags[0].span.line
    earlier = renames.get(claim.flags[0].text) if scope.allows("FD402", line) else None
    renamed = earlier or _rename(claim, undocumented, everywhere, taken, scope, described)
    if renamed is None:
        return None
    renames[claim.flags[0].text] = renamed
    editor.replace(claim.flags[0].span, renamed)
    taken.update(forms(renamed))
    return dataclasses.replace(claim, flags=(dataclasses.replace(claim.flags[0], text=renamed),))


def _renamed_in_examples(
    page: Page, invocations: tuple[Invocation, ...], command: str, renames: dict[str, str], scope: Scope
) -> Iterator[SyncChange]:
    """A flag the Options list renamed, renamed in the command's example invocations too
    (``--batch-size 500`` → ``--chunk-size 500``, ``--batch-size=500`` likewise), where
    FD404 would report it with the new name as its hint."""
    edits = []
    for invocation in invocations:
        if invocation.name != command or invocation.illustrative:
            continue
        for word in invocation.args:
            flag = word.value.partition("=")[0]
            new = renames.get(flag)
            if new is None or not page.written(word.span).startswith(flag) or not scope.allows("FD404", word.span.line):
                continue  # a quoted or escaped flag is written otherwise: left as it is
            span = word.span
            edits.append(Edit(Span(span.line, span.column, span.line, span.column + len(flag)), new))
    if edits:
        renamed = ", ".join(f"`{old}`" for old in renames)
        yield SyncChange(f"rename {renamed} in the examples of `{command}`", tuple(edits))


def _place(placed: dict[str, ListItem], command: CommandFact, claim: OptionClaim, item: ListItem) -> None:
    option = option_fact(command, claim)
    if option is not None:
        placed.setdefault(option.dest, item)


def _documented_before(
    command: CommandFact, option: OptionFact, placed: dict[str, ListItem]
) -> ListItem | None:
    """The item of the nearest option the parser declares before ``option``: a new item
    goes after it, so that the list keeps the parser's order."""
    position = command.options.index(option)
    for earlier in reversed(command.options[:position]):
        if earlier.dest in placed:
            return placed[earlier.dest]
    return None


def _names_in(texts: list[str], command: str) -> set[str]:
    """What FD405 counts as documented in the items that stay (every word of them)."""
    kept = OptionList(command, Span(1, 1, 1, 1), (), "\n".join(texts))
    return documented_option_names([kept])


def _rename(
    claim: OptionClaim, options: list[OptionFact], names: set[str], taken: set[str], scope: Scope, described: str,
) -> str | None:
    """The one new flag close to a stale one (:func:`renamed_flag`, as FD402's fix); else
    the one new option whose help the stale item's text says word for word (``--limit``:
    "Send at most this many reminders" for a ``--max-reminders`` with that help)."""
    if len(claim.flags) != 1 or not scope.allows("FD402", claim.flags[0].span.line):
        return None
    new = [o for o in options if not option_documented(o, names) and not set(o.flags) & taken]
    close = renamed_flag(claim.flags[0].text, [f for o in new for f in o.flags])
    if close is not None:
        return close
    text = _words(described)
    said = [o for o in new if o.flags and o.help and len(o.help.split()) > 2 and _words(o.help) in text]
    return long_flag(said[0]) if len(said) == 1 else None


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[\w-]+", text.casefold())) + " "


def _write_real_forms(editor: ListEditor, command: CommandFact, claim: OptionClaim, scope: Scope) -> None:
    """A ``--[no-]urgent`` of a plain ``--urgent`` written as ``--urgent`` alone (FD402's fix)."""
    flags = all_flags(command)
    for flag in claim.flags:
        real = only_real_form(flag.text, flags)
        if real is not None and scope.allows("FD402", flag.span.line):
            editor.replace(flag.span, real)


def _correct_values(editor: CorrectsValues, command: CommandFact, claim: OptionClaim, scope: Scope) -> None:
    """The values the item lists for its option, as the parser's choices."""
    option = option_fact(command, claim) if claim.values is not None else None
    if option is not None and option.choices is not None:
        editor.correct_values(claim.values, option.choices, scope, "FD406")


def _correct_default(editor: CorrectsValues, command: CommandFact, claim: OptionClaim, scope: Scope) -> None:
    option = option_fact(command, claim)
    default = claim.default
    if option is None or default is None or not scope.allows("FD403", default.span.line):
        return
    if same_default(default.text, option.default) is not False:
        return
    replacement = render_default(option.default or "None", default.text)
    if replacement is not None and default.span.line == default.span.end_line:
        editor.replace(default.span, replacement)


def new_item(option: OptionFact) -> str:
    """`` `--flag`: help (default: v) `` for an option the list does not have yet."""
    shown = _shown_name(option)
    description = with_choices(_help(option), option.choices) or PLACEHOLDER
    default = _default_text(option)
    if default is not None and not _states_default(description):
        description = with_default(description, default)
    return f"`{shown}`: {description}"


def _shown_name(option: OptionFact) -> str:
    if option.positional:
        return option.metavar or option.dest
    long = [flag for flag in option.flags if flag.startswith("--")]
    return notation_of(option) or (long[0] if long else option.flags[-1])


def _help(option: OptionFact) -> str:
    text = " ".join(option.help.split())
    values = {"default": _default_text(option) or "None", "dest": option.dest}
    text = _ARGPARSE_FORMAT.sub(lambda m: values.get(m.group(1), m.group(0)), text)
    return "" if "%(" in text else text


def _default_text(option: OptionFact) -> str | None:
    """The default as a page writes it (``csv``, ``500``), when it is worth stating."""
    if option.positional or not option.takes_value or option.default is None:
        return None
    value = fact_value(option.default)
    if value is None or value.value is None or value.value == "" or isinstance(value.value, bool):
        return None
    text = str(value.value) if isinstance(value.value, str) else repr(value.value)
    return text if same_default(text, option.default) else None


def _states_default(description: str) -> bool:
    """Whether the help already names a default (``Defaults to 48``)."""
    return re.search(r"\bdefaults?\b", description, re.IGNORECASE) is not None
