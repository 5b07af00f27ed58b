"""What a page says about configuration: environment variables and Django settings.

Environment variables are read from ``NAME=value`` lines of shell, ``.env`` and plain
code blocks under a heading that mentions the environment (any ``env``/``dotenv`` block
counts wherever it is), from tables with a Variable/Name column and from lists of
``UPPER_CASE`` inline code under such a heading; prose names them too
(:mod:`featuredocs.rules.fd6_config.env_prose`). Settings come from
:mod:`featuredocs.rules.fd6_config.settings_claims`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from featuredocs.model import Block, BlockKind, CodeBlock, ListItem, Page, Section, Span, TableRow
from featuredocs.rules.base import CheckContext, per_page
from featuredocs.rules.fd6_config.deploy_files import deployment_vars
from featuredocs.rules.fd6_config.env_prose import ProseVar, prose_vars
from featuredocs.rules.fd6_config.settings_claims import SettingClaim, SettingKeyClaim, setting_claims
from featuredocs.rules.fd6_config.values import is_placeholder
from featuredocs.rules.fd8_code.source import (
    ENV_LANGUAGES,
    SHELL_LANGUAGES,
    CodeLine,
    code_lines,
    find_on_lines,
    first_comment,
    heading_titles,
    inline_code_span,
    per_distinct_block,
)

ENV_NAME = re.compile(r"[A-Z][A-Z0-9_]*")
_ENV_HEADING = re.compile(r"\benv(?:ironments?)?\b|\benv[ _-]?vars?\b|\.env\b", re.IGNORECASE)
_PLAIN_LANGUAGES = frozenset({"", "text", "txt", "plain", "plaintext", "ini", "conf"})
_ASSIGNMENT = re.compile(
    r"^(?P<lead>\s*(?:\$\s+)?(?:export\s+)?)(?P<name>[A-Z][A-Z0-9_]*)[ \t]*=[ \t]*(?P<rest>.*)$"
)
_COMMENT = re.compile(r"^\s*#\s?(?P<text>.*)$")
_GROUP = re.compile(r"^(?P<word>required|optional)\b|\((?P<inner>required|optional)\b", re.IGNORECASE)
_DEFAULT_WORD = re.compile(r"\bdefault", re.IGNORECASE)
_REQUIRED_CELL = {"yes": True, "y": True, "required": True, "true": True, "✅": True, "✓": True,
                  "no": False, "n": False, "optional": False, "false": False, "❌": False, "✗": False}
_EMPTY_CELL = frozenset({"", "-", "—", "–", "none", "n/a", "(none)", "required"})
_ITEM_DEFAULT = re.compile(r"default(?:s to|:|\s+is)?\s*`(?P<value>[^`]*)`", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class EnvVarClaim:
    """An environment variable the page documents.

    ``required`` is None when the page does not say. ``value`` is the documented value
    without quotes, None when none is given or it is a placeholder (``your_key_here``);
    ``is_default`` when the page presents it as the default (an *Optional* group, a
    ``# default`` comment, a Default column). ``inline`` when prose names it in passing
    rather than documenting it.
    """

    name: str
    span: Span
    required: bool | None = None
    value: str | None = None
    value_span: Span | None = None
    is_default: bool = False
    inline: bool = False


@dataclass(frozen=True, slots=True)
class ConfigClaims:
    env_vars: tuple[EnvVarClaim, ...]
    env_anchor: Span | None  # the first place the page documents environment variables (not in passing)
    settings: tuple[SettingClaim, ...]
    setting_keys: tuple[SettingKeyClaim, ...]

    @property
    def env_names(self) -> frozenset[str]:
        return frozenset(claim.name for claim in self.env_vars)


def claims_for(page: Page, ctx: CheckContext) -> ConfigClaims:
    return ctx.memo("fd6.claims", page, extract)


def extract(page: Page) -> ConfigClaims:
    env_vars = [*_code_block_vars(page), *_table_vars(page), *_list_vars(page)]
    env_vars.sort(key=lambda claim: claim.span)
    anchor = _env_anchor(page, env_vars[0]) if env_vars else None
    claimed = frozenset(claim.span for claim in env_vars)
    env_vars.extend(_prose_claim(found) for found in prose_vars(page, claimed))
    env_vars.extend(EnvVarClaim(name, span, inline=True) for name, span in deployment_vars(page))
    env_vars.sort(key=lambda claim: claim.span)
    settings, keys = setting_claims(page)
    return ConfigClaims(tuple(_unique(env_vars)), anchor, settings, keys)


def _prose_claim(found: ProseVar) -> EnvVarClaim:
    name, span, default = found
    if default is None or is_placeholder(default[0]):
        return EnvVarClaim(name, span, inline=True)
    return EnvVarClaim(name, span, value=default[0], value_span=default[1], is_default=True, inline=True)


def _env_anchor(page: Page, first: EnvVarClaim) -> Span:
    """The heading of the section that documents the variables, else the first name."""
    for section in reversed(page.section_at(first.span.line)):
        if mentions_environment((section.title,)):
            return section.heading.span
    return first.span


def mentions_environment(titles: tuple[str, ...]) -> bool:
    return any(_about_environment(title) for title in titles)


@lru_cache(maxsize=4096)
def _about_environment(title: str) -> bool:
    return "env" in title.lower() and _ENV_HEADING.search(title) is not None


# --- code blocks ------------------------------------------------------------------


def _is_env_block(page: Page, code: CodeBlock) -> bool:
    if code.language in ENV_LANGUAGES:
        return True
    if code.language not in SHELL_LANGUAGES | _PLAIN_LANGUAGES:
        return False
    return ".env" in first_comment(code) or mentions_environment(heading_titles(page, code.span.line))


def _code_block_vars(page: Page) -> Iterator[EnvVarClaim]:
    for code in page.code_blocks:
        if _is_env_block(page, code):
            yield from _env_block_vars(page, code)


def _moved(claims: tuple[EnvVarClaim, ...], lines: int) -> tuple[EnvVarClaim, ...]:
    return tuple(
        replace(
            claim,
            span=claim.span.shifted(lines),
            value_span=claim.value_span.shifted(lines) if claim.value_span else None,
        )
        for claim in claims
    )


@per_distinct_block(_moved)
def _env_block_vars(page: Page, code: CodeBlock) -> tuple[EnvVarClaim, ...]:
    return tuple(_block_vars(code_lines(page, code), shell=code.language in SHELL_LANGUAGES))


def _block_vars(lines: tuple[CodeLine, ...], *, shell: bool) -> Iterator[EnvVarClaim]:
    group: bool | None = None
    previous_blank = True
    for located in lines:
        comment = _COMMENT.match(located.text)
        if comment:
            said = required_word(comment.group("text"))
            if said is not None:
                group = said
            elif previous_blank:
                group = None  # a new commented paragraph starts a new, unlabelled group
        else:
            claim = _assignment(located, group, shell=shell)
            if claim is not None:
                yield claim
        previous_blank = not located.text.strip()


def _assignment(located: CodeLine, group: bool | None, *, shell: bool) -> EnvVarClaim | None:
    match = _ASSIGNMENT.match(located.text)
    if match is None:
        return None
    parsed = _split_value(match.group("rest"))
    if parsed is None:
        return None
    value, offset, comment = parsed
    if shell and re.search(r"\s", value) and not _quoted(match.group("rest")):
        return None  # `NAME=x command …`: a one-off prefix of a command, not a definition
    value_start = match.start("rest") + offset
    said = required_word(comment)
    required = said if said is not None else group
    is_default = required is False or bool(_DEFAULT_WORD.search(comment))
    placeholder = is_placeholder(value) or "$" in value
    return EnvVarClaim(
        name=match.group("name"),
        span=located.span(match.start("name"), match.end("name")),
        required=required,
        value=None if placeholder else value,
        value_span=None if placeholder else located.span(value_start, value_start + len(value)),
        is_default=is_default and not placeholder,
    )


def _split_value(rest: str) -> tuple[str, int, str] | None:
    """(value, its offset in ``rest``, trailing comment) or None when the line is not plain."""
    if rest[:1] in ("'", '"'):
        close = rest.find(rest[0], 1)
        if close < 0:
            return None
        after = rest[close + 1 :]
        if after.strip() and not re.match(r"\s+#", after):
            return None
        return rest[1:close], 1, after.strip().lstrip("#").strip()
    comment_at = re.search(r"(?:^|\s)#", rest)
    value = rest[: comment_at.start()] if comment_at else rest
    comment = rest[comment_at.end() :].strip() if comment_at else ""
    return value.strip(), 0, comment


def _quoted(rest: str) -> bool:
    return rest[:1] in ("'", '"')


def required_word(text: str) -> bool | None:
    """Whether the text calls a variable required (True) or optional (False); None when it
    says neither."""
    match = _GROUP.search(text.strip())
    if match is None:
        return None
    word = (match.group("word") or match.group("inner")).lower()
    return word == "required"


# --- tables and lists -------------------------------------------------------------


def _env_blocks(page: Page, kind: BlockKind) -> Iterator[Block]:
    for section in _env_sections(page):
        yield from (block for block in section.blocks if block.kind == kind)


@per_page
def _env_sections(page: Page) -> tuple[Section, ...]:
    """Sections under a heading about the environment, in page order."""
    found: list[Section] = []
    _collect_env_sections(page.sections, False, found)
    return tuple(found)


def _collect_env_sections(sections: tuple[Section, ...], under: bool, found: list[Section]) -> None:
    # Whether a section is about the environment passes down the tree, so no section's
    # chain of titles is built.
    for section in sections:
        about = under or _about_environment(section.title)
        if about and section.blocks:
            found.append(section)
        if section.subsections:
            _collect_env_sections(section.subsections, about, found)


def _table_vars(page: Page) -> Iterator[EnvVarClaim]:
    for block in _env_blocks(page, BlockKind.TABLE):
        header = next((row for row in block.rows if row.header), None)
        if header is None:
            continue
        titles = [cell.strip("*_ `").casefold() for cell in header.cells]
        name_at = _column(titles, ("variable", "name", "env"))
        if name_at is None:
            continue
        required_at = _column(titles, ("required",))
        default_at = _column(titles, ("default",))
        for row in block.rows:
            if not row.header:
                claim = _row_var(page, row, name_at, required_at, default_at)
                if claim is not None:
                    yield claim


def _column(titles: list[str], words: tuple[str, ...]) -> int | None:
    for index, title in enumerate(titles):
        if any(word in title for word in words):
            return index
    return None


def _row_var(
    page: Page, row: TableRow, name_at: int, required_at: int | None, default_at: int | None
) -> EnvVarClaim | None:
    named = _cell_value(page, row, name_at)
    if named is None or not ENV_NAME.fullmatch(named[0]):
        return None
    required = None
    if required_at is not None and required_at < len(row.cells):
        required = _REQUIRED_CELL.get(row.cells[required_at].strip("*_ `").casefold())
    value = value_span = None
    if default_at is not None:
        default = _cell_value(page, row, default_at, inner=True)
        if default is not None and default[0].casefold() not in _EMPTY_CELL and not is_placeholder(default[0]):
            value, value_span = default
    return EnvVarClaim(named[0], named[1], required, value, value_span, value is not None)


def _cell_value(
    page: Page, row: TableRow, index: int, *, inner: bool = False
) -> tuple[str, Span] | None:
    """A cell's value: its inline code when it has one, else its plain single-word text.

    The span of inline code includes the backticks unless ``inner``.
    """
    if index >= len(row.cells) or index >= len(row.spans):
        return None
    cell_span = row.spans[index]
    for code in row.codes:
        if cell_span.line == code.span.line and cell_span.column <= code.span.column < cell_span.end_column:
            return code.text, inline_code_span(page, code.span) if inner else code.span
    text = row.cells[index].strip()
    if not text or re.search(r"\s|[`*|]", text):
        return None
    span = find_on_lines(page, text, cell_span.line, cell_span.line, cell_span.column)
    return (text, span) if span is not None else None


def _list_vars(page: Page) -> Iterator[EnvVarClaim]:
    for block in _env_blocks(page, BlockKind.LIST):
        for item in _items(block.items):
            claim = _item_var(page, item)
            if claim is not None:
                yield claim


def _items(items: tuple[ListItem, ...]) -> Iterator[ListItem]:
    for item in items:
        yield item
        yield from _items(item.children)


def _item_var(page: Page, item: ListItem) -> EnvVarClaim | None:
    """``- `NAME` (required): text`` or ``- `NAME`: text (default: `30`)``."""
    if not item.codes or not item.source.lstrip("*_ ").startswith("`"):
        return None
    code = item.codes[0]
    if not ENV_NAME.fullmatch(code.text):
        return None
    words = item.source[item.source.find(code.text) + len(code.text) :]
    required = required_word(words.lstrip(" `*_:—-"))
    value = value_span = None
    default = _ITEM_DEFAULT.search(item.source)
    if default and not is_placeholder(default.group("value")):
        value_code = next((c for c in item.codes[1:] if c.text == default.group("value")), None)
        if value_code is not None:
            value, value_span = value_code.text, inline_code_span(page, value_code.span)
    return EnvVarClaim(code.text, code.span, required, value, value_span, value is not None)


def _unique(claims: list[EnvVarClaim]) -> Iterator[EnvVarClaim]:
    seen: set[tuple[str, Span]] = set()
    for claim in claims:
        if (claim.name, claim.span) not in seen:
            seen.add((claim.name, claim.span))
            yield claim
