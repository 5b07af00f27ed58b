"""Refresh the ``NAME=value`` blocks of a page's *Environment Variables* section, and
those FD6 reads under other headings (``### Configuration variables``, ``#### Optional``
under ``## Configuration``).

- A default the code changed is corrected (FD602's own rendering; secrets never written).
- A variable documented in the wrong group moves to the ``# Required …`` or ``# Optional …``
  group the code puts it in (a group is created at the end of the block when the block
  has none of that kind; a group left empty goes with its header). Moving into the
  optional group gives the line the code's default.
- A variable the project no longer reads is renamed in place, its value and comment kept,
  when exactly one variable the page does not name looks like its new name (FD601's
  reading of a rename). When several do, the line stays for a person to choose (FD601
  reports it); when none does, the variable is gone and so is its line.
- A variable read by the feature's code that the page never names is added, as FD606 sees
  it: to the page's first environment block it fits, in the group it belongs to. A block
  of one environment's values (under a *Staging* or *Production* heading) gets none, nor
  does one under a *Required* heading an optional variable, or the reverse.

A deployment file (docker-compose, Kubernetes, a Dockerfile) sets other services'
variables too: there a name is only renamed in place, when FD601 would report it with
exactly one likely new name; no line is removed, moved or added.

Lines that say on their own whether they are required (``X=1  # required``) are not moved,
and every comment a person wrote stays: the comment lines right above a variable move with
it, and a group left empty loses its header only. A block under a heading about the past or the
future (``### Legacy configuration``) tells what was or will be, and is left as it is.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from featuredocs.fix.regions import region_edits
from featuredocs.fix.sync.judgements import env_mentioned, env_read_in_any, required_mismatch, required_word
from featuredocs.fix.sync.scope import Scope, SyncChange
from featuredocs.model import CodeBlock, Edit, EnvVarFact, Page, ProjectFacts
from featuredocs.rules.base import CheckContext
from featuredocs.rules.fd6_config.claims import EnvVarClaim, claims_for
from featuredocs.rules.fd6_config.fd602_stale_environment_default import default_fix
from featuredocs.rules.fd6_config.fd601_unknown_environment_variable import READ_BY_PLATFORM, likely_rename
from featuredocs.rules.fd6_config.feature_apps import covered_apps
from featuredocs.rules.fd6_config.known import env_var, setting_names
from featuredocs.rules.fd6_config.layout import layout_group, shows_one_environment
from featuredocs.rules.fd6_config.values import display_default, looks_secret, same_value
from featuredocs.rules.fd8_code.source import code_lines, is_python
from featuredocs.rules.other_times import at_other_times

PLACEHOLDER = "your_value_here"
REQUIRED_HEADER = "# Required configuration"
OPTIONAL_HEADER = "# Optional configuration (with defaults)"
_COMMENT = re.compile(r"^\s*#\s?(?P<text>.*)$")
_OWN_COMMENT = re.compile(r"(?:^|\s)#(?P<text>.*)$")


@dataclass
class _Group:
    required: bool | None
    header: int  # index of the comment line that opens the group
    variables: list[int] = field(default_factory=list)


#: Words of a group header that make it hold only some variables of its kind.
_CONDITION = re.compile(r"\b(?:when|if|only|unless|for)\b", re.IGNORECASE)


@dataclass
class _Block:
    """One environment code block being rewritten, line by line (block line indexes)."""

    code: CodeBlock
    texts: list[str]
    indent: list[str]
    groups: list[_Group]
    removed: set[int] = field(default_factory=set)
    after: dict[int, list[str]] = field(default_factory=dict)
    tail: list[tuple[bool, str]] = field(default_factory=list)  # new groups: (required, line)

    def index_of(self, line: int) -> int:
        return line - self.code.first_line

    def group_of(self, index: int) -> _Group | None:
        return next((g for g in self.groups if index in g.variables), None)

    def comments_above(self, index: int) -> list[int]:
        """The comment lines right above the variable at ``index``, after its group's
        header: a person's words about it, which go where it goes."""
        group = self.group_of(index)
        first = group.header + 1 if group is not None else 0
        above = index
        while above - 1 >= first and above - 1 not in self.removed and _COMMENT.match(self.texts[above - 1]):
            above -= 1
        return list(range(above, index))

    def add(self, required: bool, text: str) -> None:
        """Add a variable line at the end of the first group of its kind whose header
        sets no condition (``# Required configuration (only when the channel is sms)``
        holds variables a new one may not share); in a new group when there is none."""
        target = next(
            (g for g in self.groups if g.required is required and not _CONDITION.search(self.texts[g.header])), None
        )
        if target is None:
            self.tail.append((required, text))
            return
        anchor = target.variables[-1] if target.variables else target.header
        self.after.setdefault(anchor, []).append(text)

    def new_lines(self) -> list[str]:
        emptied = self._emptied_headers()
        out: list[str] = []
        # where lines go, no blank line is left leading the block or doubled
        tidy = bool(self.removed or emptied)
        for index, text in enumerate(self.texts):
            if index not in self.removed and index not in emptied:
                if not tidy or text.strip() or (out and out[-1].strip()):
                    out.append(self.indent[index] + text)
            out.extend(self.indent[0] + line for line in self.after.get(index, ()))
        for required in (True, False):
            lines = [text for kind, text in self.tail if kind is required]
            if lines:
                header = REQUIRED_HEADER if required else OPTIONAL_HEADER
                gap = [""] if out and out[-1].strip() else []
                out.extend(self.indent[0] + line if line else "" for line in (*gap, header, *lines))
        return out

    def _emptied_headers(self) -> set[int]:
        """Header lines (and a blank line before them) of groups left without variables."""
        dropped: set[int] = set()
        for group in self.groups:
            if group.required is None or not group.variables:
                continue
            if any(i not in self.removed for i in group.variables) or group.variables[-1] in self.after:
                continue
            # the header goes, and the blank lines; a person's comment stays
            dropped.update(i for i in range(group.header, group.variables[0]) if i == group.header or not self.texts[i].strip())
            before, after = group.header - 1, group.variables[-1] + 1
            if before >= 0 and not self.texts[before].strip():
                dropped.add(before)
            elif after < len(self.texts) and not self.texts[after].strip():
                dropped.add(after)
        return dropped


def env_changes(page: Page, ctx: CheckContext, scope: Scope) -> Iterator[SyncChange]:
    facts = ctx.facts
    if facts is None:
        return
    claims = claims_for(page, ctx)
    blocks: list[_Block] = []
    renamed: set[str] = set()
    unnamed = _unnamed(page, facts, claims.env_vars)
    deployments: list[_Block] = []
    for code in page.code_blocks:
        end = code.first_line + len(code.text.splitlines())
        mine = [claim for claim in claims.env_vars if code.first_line <= claim.span.line < end]
        if not mine or at_other_times(page, code.span.line):
            continue  # under ``### Legacy configuration`` a block tells what was, and stays
        if is_python(code):
            # a Python example's reads: its defaults are corrected where they are written
            yield from _python_defaults(mine, facts, scope)
            continue
        block = _read_block(page, code)
        if all(claim.inline for claim in mine):
            # A deployment file also sets other services' variables: only a misspelt
            # or renamed name of the project's is drift, and it is renamed in place.
            for claim in mine:
                _rename_deployed(block, claim, facts, scope)
            deployments.append(block)
            continue
        for claim in mine:
            _refresh_claim(block, claim, facts, scope, [n for n in unnamed if n not in renamed], renamed)
        blocks.append(block)
    if blocks and claims.env_anchor is not None and scope.allows("FD606", claims.env_anchor.line):
        for var in _undocumented(page, facts, claims.env_names | renamed):
            required = _code_required(var)
            target = _block_for(page, blocks, required)
            if target is not None:
                target.add(required, f"{var.name}={_value_for(var, required=required)}")
    for block in blocks + deployments:
        first = block.code.first_line
        edits = region_edits(page, first, block.new_lines(), first + len(block.texts) - 1)
        if edits:
            yield SyncChange("refresh the environment variables", tuple(edits))


def _python_defaults(claims: list[EnvVarClaim], facts: ProjectFacts, scope: Scope) -> Iterator[SyncChange]:
    for claim in claims:
        var = env_var(facts, claim.name)
        if var is None:  # ``os.getenv("SHOP_ORDER_WINDOW_HOURS", …)`` of a renamed variable
            renames = _renames(claim.name, [known.name for known in facts.env_vars])
            if len(renames) == 1 and scope.allows("FD601", claim.span.line):
                yield SyncChange(f"rename {claim.name}", (Edit(claim.span, renames[0]),))
            continue
        if not claim.is_default or claim.value is None or claim.value_span is None:
            continue
        if not var.has_default or var.default is None or var.secret or not scope.allows("FD602", claim.span.line):
            continue
        fix = default_fix(claim, var) if same_value(claim.value, var.default) is False else None
        if fix is not None:
            yield SyncChange(f"refresh the default of {claim.name}", fix.edits)


def _block_for(page: Page, blocks: list[_Block], required: bool) -> _Block | None:
    """The first block a new variable fits: not one environment's values, and not under a
    heading or label naming the other group."""
    for block in blocks:
        code = block.code
        if shows_one_environment(page, code):
            continue
        if layout_group(page, code.first_line) in (None, required):
            return block
    return None


def _unnamed(page: Page, facts: ProjectFacts, claims: tuple[EnvVarClaim, ...]) -> list[str]:
    """What a stale variable may have been renamed to: the variables the page never names
    (nothing when every documented variable is read, which is most pages)."""
    if all(env_var(facts, claim.name) is not None for claim in claims):
        return []
    names = {claim.name for claim in claims}
    return [var.name for var in facts.env_vars if var.name not in names and not env_mentioned(page, var.name)]


def _read_block(page: Page, code: CodeBlock) -> _Block:
    located = code_lines(page, code)
    texts = [line.text for line in located]
    indent = [page.line_text(line.line)[: line.column - 1] for line in located]
    return _Block(code, texts, indent or [""], _groups(texts))


def _groups(texts: list[str]) -> list[_Group]:
    """The block's groups, as FD6 reads them: a comment naming required or optional opens
    a group, a comment after a blank line opens an unlabelled one."""
    groups: list[_Group] = []
    previous_blank = True
    for index, text in enumerate(texts):
        comment = _COMMENT.match(text)
        if comment:
            said = required_word(comment.group("text"))
            if said is not None or previous_blank:
                groups.append(_Group(said, index))
        elif "=" in text and text.strip():
            if not groups:
                groups.append(_Group(None, index))
            groups[-1].variables.append(index)
        previous_blank = not text.strip()
    return groups


def _refresh_claim(
    block: _Block,
    claim: EnvVarClaim,
    facts: ProjectFacts,
    scope: Scope,
    unnamed: list[str],
    renamed: set[str],
) -> None:
    index = block.index_of(claim.span.line)
    if not 0 <= index < len(block.texts):
        return
    var = env_var(facts, claim.name)
    if var is None:
        if claim.name in READ_BY_PLATFORM or not scope.allows("FD601", claim.span.line):
            return
        renames = _renames(claim.name, unnamed)
        var = env_var(facts, renames[0]) if len(renames) == 1 else None
        if var is None:
            if not renames:
                block.removed.add(index)
            return
        renamed.add(var.name)
        block.texts[index] = re.sub(rf"\b{re.escape(claim.name)}\b", var.name, block.texts[index], count=1)
        claim = dataclasses.replace(claim, name=var.name)
    _correct_default(block, index, claim, var, scope)
    if claim.required is None or required_mismatch(claim.name, claim.required, var) is None:
        return
    own = _OWN_COMMENT.search(block.texts[index])
    if own and required_word(own.group("text").strip()) is not None:
        return  # the line says so itself; its comment is for a person to change
    group = block.group_of(index)
    if not scope.allows("FD603", claim.span.line) or group is None or group.required is None:
        return  # a heading or label outside the block names the group: a person moves it
    target = not claim.required
    text = block.texts[index]
    if not target:
        value = _value_for(var, required=False)
        text = text if value == PLACEHOLDER else _with_value(text, claim.name, value)
    for above in block.comments_above(index):
        block.removed.add(above)
        block.add(target, block.texts[above])
    block.removed.add(index)
    block.add(target, text)


def _rename_deployed(block: _Block, claim: EnvVarClaim, facts: ProjectFacts, scope: Scope) -> None:
    """FD601 on a deployment file: a name the project does not read, with exactly one
    variable it looks renamed from, takes that name; every other line stays."""
    index = block.index_of(claim.span.line)
    if not 0 <= index < len(block.texts) or env_var(facts, claim.name) is not None:
        return
    if claim.name in READ_BY_PLATFORM or claim.name in setting_names(facts):
        return
    if not scope.allows("FD601", claim.span.line):
        return
    renames = _renames(claim.name, [var.name for var in facts.env_vars])
    if len(renames) == 1:
        block.texts[index] = re.sub(rf"\b{re.escape(claim.name)}\b", renames[0], block.texts[index], count=1)


def _renames(name: str, unnamed: list[str]) -> list[str]:
    """Up to two of ``unnamed`` that look like ``name`` renamed; one is a certain rename."""
    first = likely_rename(name, unnamed)
    if first is None:
        return []
    second = likely_rename(name, [n for n in unnamed if n != first])
    return [first] if second is None else [first, second]


def _correct_default(block: _Block, index: int, claim: EnvVarClaim, var: EnvVarFact, scope: Scope) -> None:
    """FD602: an optional variable's documented default that the code does not use."""
    if not claim.is_default or claim.value is None or claim.value_span is None:
        return
    if not var.has_default or var.default is None or var.secret or looks_secret(claim.name):
        return
    if same_value(claim.value, var.default) is not False or not scope.allows("FD602", claim.span.line):
        return
    replacement = display_default(var.default)
    if replacement is None:
        return
    text, indent = block.texts[index], len(block.indent[index])
    start, end = claim.value_span.column - 1 - indent, claim.value_span.end_column - 1 - indent
    if text[start:end] == claim.value:
        # exactly where the claim read it: inside `${NAME:-48}` too, the shell form kept
        block.texts[index] = text[:start] + replacement + text[end:]
    else:
        block.texts[index] = _with_value(text, claim.name, replacement)


def _with_value(text: str, name: str, value: str) -> str:
    """``text`` (a ``NAME=value  # comment`` line) with its value replaced, quotes kept."""
    match = re.match(
        rf"^(?P<lead>\s*(?:\$\s+)?(?:export\s+)?{re.escape(name)}[ \t]*=[ \t]*)"
        r"(?P<value>(?P<quote>['\"])[^'\"]*(?P=quote)|[^\s#]*)",
        text,
    )
    if match is None:
        return text
    quote = match.group("quote") or ""
    return text[: match.end("lead")] + f"{quote}{value}{quote}" + text[match.end("value") :]


def _undocumented(page: Page, facts: ProjectFacts, names: frozenset[str]) -> Iterator[EnvVarFact]:
    apps = covered_apps(page, facts)
    if not apps:
        return
    for var in env_read_in_any(apps, facts):
        if var.name in names or env_mentioned(page, var.name):
            continue
        yield var


def _code_required(var: EnvVarFact) -> bool:
    return var.required and not var.has_default


def _value_for(var: EnvVarFact, *, required: bool) -> str:
    """What a line shows: the code's default for an optional variable, else a placeholder."""
    if required or var.default is None or var.secret or looks_secret(var.name):
        return PLACEHOLDER
    return display_default(var.default) or PLACEHOLDER
