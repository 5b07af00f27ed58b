"""What a page says about configuration: environment variables and Django settings.

Environment variables are read from ``NAME=value`` lines of shell, ``.env`` and plain
code blocks under a heading that mentions the environment (any ``env``/``dotenv`` block
counts wherever it is) or, when the block holds nothing but such lines, under one about
configuration or variables (``### Optional variables``, ``#### Required`` under ``##
Configuration``); from tables with a Variable/Name column and from lists of
``UPPER_CASE`` inline code under such a heading
(:mod:`featuredocs.rules.fd6_config.env_tables`); prose names them too
(:mod:`featuredocs.rules.fd6_config.env_prose`). Headings and labels around them may
name their group or one deployment environment (:mod:`featuredocs.rules.fd6_config.layout`).
Settings come from :mod:`featuredocs.rules.fd6_config.settings_claims` and, when a page
lists them in a table, :mod:`featuredocs.rules.fd6_config.settings_tables`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from featuredocs.model import CodeBlock, Page, Section, Span
from featuredocs.rules.base import CheckContext
from featuredocs.rules.fd6_config.deploy_files import deployment_vars
from featuredocs.rules.fd6_config.python_reads import python_reads
from featuredocs.rules.fd6_config.env_claim import (
    ENV_NAME,
    EnvVarClaim,
    about_environment,
    about_variables,
    mentions_environment,
    required_word,
    under_configuration,
)
from featuredocs.rules.fd6_config.env_prose import ProseVar, prose_vars
from featuredocs.rules.fd6_config.env_tables import list_vars, table_vars
from featuredocs.rules.fd6_config.layout import layout_group, shows_one_environment
from featuredocs.rules.fd6_config.settings_claims import (
    SettingClaim,
    SettingKeyClaim,
    SettingValueClaim,
    setting_claims,
)
from featuredocs.rules.fd6_config.setting_prose import prose_setting_values
from featuredocs.rules.fd6_config.settings_tables import table_settings
from featuredocs.rules.fd6_config.values import is_placeholder
from featuredocs.rules.fd8_code.source import (
    ENV_LANGUAGES,
    SHELL_LANGUAGES,
    CodeLine,
    code_lines,
    first_comment,
    heading_titles,
    per_distinct_block,
)

__all__ = ["ENV_NAME", "ConfigClaims", "EnvVarClaim", "claims_for", "extract", "mentions_environment", "required_word"]

_PLAIN_LANGUAGES = frozenset({"", "text", "txt", "plain", "plaintext", "ini", "conf"})
_SHELL_OR_PLAIN = SHELL_LANGUAGES | _PLAIN_LANGUAGES
_ASSIGNMENT = re.compile(
    r"^(?P<lead>\s*(?:\$\s+)?(?:export\s+)?)(?P<name>[A-Z][A-Z0-9_]*)[ \t]*=[ \t]*(?P<rest>.*)$"
)
_COMMENT = re.compile(r"^\s*#\s?(?P<text>.*)$")
#: ``NAME=value`` as a .env file writes it: no space around ``=``, no dict or list after it.
_ENV_LINE = re.compile(r"^\s*(?:\$\s+)?(?:export\s+)?[A-Z][A-Z0-9_]*=(?:$|[^\s{\[(])")
_DEFAULT_WORD = re.compile(r"\bdefault", re.IGNORECASE)
#: A trailing comment that gives the default itself: ``# default 48``, ``# defaults to
#: `50,000` ``, ``# default: shop.sqlite3``, ``# 48 by default``, ``# override the default (False)``.
_VALUE = r"(?P<quote>[`'\"]?)(?P<value>[^\s`'\";()]+?)(?P=quote)(?=$|[\s;)]|[.,](?:\s|$))"
_BY_VALUE = _VALUE.replace("?P<", "?P<by_").replace("?P=", "?P=by_")
_COMMENT_DEFAULT = re.compile(
    rf"\bdefaults?\b(?:\s+(?:is|to|of|value))?\s*[:=]?\s*\(?\s*{_VALUE}|{_BY_VALUE}"
    r"\s+(?:by|as(?:\s+the)?)\s+default\b",
    re.IGNORECASE,
)
#: A comment that says the line's value is not the default: ``# not the default``.
_NOT_DEFAULT = re.compile(r"\b(?:not|instead of|overrides?|overriding|unlike)\b[^#]*\bdefault", re.IGNORECASE)
#: A value a comment gives that says what it is without a unit or more words: a number, a
#: boolean, a quoted string, or a word holding more than letters (a host, a file, a URL).
_PLAIN_DEFAULT = re.compile(r"-?\d[\d_,.]*|true|false|none|\S*[^\sA-Za-z]\S*", re.IGNORECASE)
_WITH_UNIT = re.compile(r"\d[\d_,.]*[A-Za-z]+")
_SHELL_DEFAULT = re.compile(r"\$\{(?P<name>[A-Z][A-Z0-9_]*):?-(?P<value>[^}]*)\}")


@dataclass(frozen=True, slots=True)
class ConfigClaims:
    env_vars: tuple[EnvVarClaim, ...]
    env_anchor: Span | None  # the first place the page documents environment variables (not in passing)
    settings: tuple[SettingClaim, ...]
    setting_keys: tuple[SettingKeyClaim, ...]
    setting_values: tuple[SettingValueClaim, ...] = ()

    @property
    def env_names(self) -> frozenset[str]:
        """The variables the page documents (code it shows documents none)."""
        return frozenset(claim.name for claim in self.env_vars if not claim.in_code)


def claims_for(page: Page, ctx: CheckContext) -> ConfigClaims:
    return ctx.memo("fd6.claims", page, extract)


def extract(page: Page) -> ConfigClaims:
    env_vars = [
        *_code_block_vars(page),
        *(_placed(page, claim) for claim in (*table_vars(page), *list_vars(page))),
    ]
    env_vars.sort(key=_place)
    anchor = _env_anchor(page, env_vars[0]) if env_vars else None
    claimed = frozenset(claim.span for claim in env_vars)
    env_vars.extend(_prose_claim(found) for found in prose_vars(page, claimed))
    env_vars.extend(EnvVarClaim(name, span, inline=True, in_code=True) for name, span in deployment_vars(page))
    env_vars.extend(
        EnvVarClaim(
            name, span, value=default, value_span=default_span, is_default=default is not None,
            inline=True, in_code=True,
        )
        for name, span, default, default_span in python_reads(page)
    )
    env_vars.sort(key=_place)
    settings, keys, assigned = setting_claims(page)
    # a cell may be a read (`settings.NAME`) the page's inline code already gave
    named = frozenset(claim.span for claim in settings)
    tabled = tuple(table_settings(page))
    settings += tuple(c for c in tabled if isinstance(c, SettingClaim) and c.span not in named)
    values = (*assigned, *(c for c in tabled if isinstance(c, SettingValueClaim)), *prose_setting_values(page))
    return ConfigClaims(tuple(_unique(env_vars)), anchor, settings, keys, values)


def _prose_claim(found: ProseVar) -> EnvVarClaim:
    name, span, default, called = found
    if default is None or is_placeholder(default[0]):
        return EnvVarClaim(name, span, inline=True, called=called)
    return EnvVarClaim(
        name, span, value=default[0], value_span=default[1], is_default=True, inline=True, called=called
    )


def _env_anchor(page: Page, first: EnvVarClaim) -> Span:
    """The heading of the section that documents the variables (one about the
    environment, else one naming variables, else one about configuration), else the
    first name."""
    chain = page.section_at(first.span.line)
    for about in (about_environment, about_variables, _about_configuration):
        for section in reversed(chain):
            if about(section.title):
                return section.heading.span
    return first.span


def _about_configuration(title: str) -> bool:
    return under_configuration((title,))


# --- code blocks ------------------------------------------------------------------


def _is_env_block(page: Page, code: CodeBlock) -> bool:
    if code.language in ENV_LANGUAGES:
        return True
    if code.language not in _SHELL_OR_PLAIN:
        return False
    titles = heading_titles(page, code.span.line)
    if ".env" in first_comment(code) or mentions_environment(titles):
        return True
    # `### Optional variables`, `#### Required` under `## Configuration`: no heading says
    # whose the names are, so only a block shaped like a .env file is read; a shell
    # session or a settings module shown as text is not.
    return under_configuration(titles) and _env_shaped(code)


def _env_shaped(code: CodeBlock) -> bool:
    lines = [line for line in code.text.splitlines() if line.strip() and not _COMMENT.match(line)]
    return bool(lines) and all(_ENV_LINE.match(line) for line in lines)


def _code_block_vars(page: Page) -> Iterator[EnvVarClaim]:
    for code in page.code_blocks:
        if _is_env_block(page, code):
            chain = page.section_at(code.span.line)  # a block's every line is in one section
            one_environment = shows_one_environment(page, code, chain)
            for claim in _env_block_vars(page, code):
                yield _placed(page, claim, one_environment=one_environment, chain=chain)


def _placed(
    page: Page, claim: EnvVarClaim, *, one_environment: bool = False, chain: tuple[Section, ...] | None = None
) -> EnvVarClaim:
    """The claim with what its headings and labels say: the group of a variable whose own
    line names none, and no default where the values are one environment's. ``chain``:
    the sections that hold the claim, when known."""
    if claim.required is None:
        group = layout_group(page, claim.span.line, chain)
        if group is not None:
            optional_value = group is False and claim.value is not None
            claim = replace(claim, required=group, is_default=claim.is_default or optional_value)
    if one_environment and claim.is_default:
        claim = replace(claim, is_default=False)
    return claim


def _moved(claims: tuple[EnvVarClaim, ...], lines: int) -> tuple[EnvVarClaim, ...]:
    return tuple(claim.moved(lines) for claim in claims)


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
    given = _COMMENT_DEFAULT.search(comment) if is_default else None
    if _NOT_DEFAULT.search(comment):
        is_default = False  # `NAME=test.sqlite3  # not the default`
    elif given is not None:
        group = "value" if given["value"] is not None else "by_value"
        stated = given[group]
        if stated != value:
            # `NAME=72  # default 48`: the line sets another value; the comment gives the
            # default, compared when it says what it is (`50k`, `the host name` do not)
            is_default = _PLAIN_DEFAULT.fullmatch(stated) is not None and not _WITH_UNIT.fullmatch(stated)
            if is_default:
                value_start = located.text.rindex(comment) + given.start(group)
                value = stated
    fallback = _SHELL_DEFAULT.fullmatch(value)
    if fallback is not None and fallback["name"] == match.group("name") and fallback["value"]:
        # `NAME=${NAME:-48}`: the shell's fallback when NAME is unset, the page's default
        value_start += fallback.start("value")
        value, is_default = fallback["value"], True
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


def _place(claim: EnvVarClaim) -> tuple[int, int, int, int]:
    """A claim's span as plain numbers: sorted and compared without a call each time."""
    span = claim.span
    return span.line, span.column, span.end_line, span.end_column


def _unique(claims: list[EnvVarClaim]) -> Iterator[EnvVarClaim]:
    seen: set[tuple[str, tuple[int, int, int, int]]] = set()
    for claim in claims:
        key = (claim.name, _place(claim))
        if key not in seen:
            seen.add(key)
            yield claim
