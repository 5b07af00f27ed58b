"""An environment variable a page documents, and the words that place it.

Shared by the readers of code blocks, tables and lists: what a claim holds, whether a
heading is about the environment (or about configuration and variables, without saying
whose), whether a text calls a variable required or optional.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from featuredocs.model import Span

ENV_NAME = re.compile(r"[A-Z][A-Z0-9_]*")
_ENV_HEADING = re.compile(r"\benv(?:ironments?)?\b|\benv[ _-]?vars?\b|\.env\b", re.IGNORECASE)
_GROUP = re.compile(r"^(?P<word>required|optional)\b|\((?P<inner>required|optional)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class EnvVarClaim:
    """An environment variable the page documents.

    ``required`` is None when the page does not say. ``value`` is the documented value
    without quotes, None when none is given or it is a placeholder (``your_key_here``);
    ``is_default`` when the page presents it as the default (an *Optional* group, a
    ``# default`` comment, a Default column). ``inline`` when prose names it in passing
    rather than documenting it; ``in_code`` when code the page shows reads or sets it (a
    settings snippet, a docker-compose file): checked, but no documentation of it.
    ``called`` is False for a bare name prose gives a default without calling it a
    variable: it may be a constant or a setting, so only its default is compared.
    """

    name: str
    span: Span
    required: bool | None = None
    value: str | None = None
    value_span: Span | None = None
    is_default: bool = False
    inline: bool = False
    in_code: bool = False
    called: bool = True

    def moved(self, lines: int) -> EnvVarClaim:
        """The claim ``lines`` further down the page (a block repeated there). Built field
        by field: ``dataclasses.replace`` costs several times as much, for every variable
        of every repeated block."""
        value_span = self.value_span.shifted(lines) if self.value_span else None
        return EnvVarClaim(
            self.name, self.span.shifted(lines), self.required, self.value, value_span,
            self.is_default, self.inline, self.in_code, self.called,
        )


_VARIABLES = re.compile(r"\bvariables?\b", re.IGNORECASE)
_CONFIGURATION = re.compile(r"\bconfig(?:uration)?\b", re.IGNORECASE)
#: Titles whose variables or configuration are not the environment's: a template's
#: placeholders, a URL's parts, Django settings.
_OTHER_VARIABLES = re.compile(
    r"\b(?:templates?|placeholders?|context|substitutions?|urls?|paths?|routes?|query|"
    r"settings|messages?|format)\b",
    re.IGNORECASE,
)


def mentions_environment(titles: tuple[str, ...]) -> bool:
    return any(about_environment(title) for title in titles)


@lru_cache(maxsize=4096)
def about_variables(title: str) -> bool:
    """``### Configuration variables``, ``### Optional variables``: a title that names
    variables without saying whose is read as the environment's."""
    return _VARIABLES.search(title) is not None and _OTHER_VARIABLES.search(title) is None


@lru_cache(maxsize=4096)  # pages repeat the template's chains of headings
def under_configuration(titles: tuple[str, ...]) -> bool:
    """Whether a heading above is about configuration or variables and none about
    something else's (``### Email template``, ``### Django Settings``)."""
    if any(_OTHER_VARIABLES.search(title) for title in titles):
        return False
    return any(_CONFIGURATION.search(title) or _VARIABLES.search(title) for title in titles)


@lru_cache(maxsize=4096)
def names_configuration(title: str) -> bool:
    """Whether a title names configuration or variables: a chain of titles none of which
    does is neither :func:`under_configuration` nor :func:`variables_titled`."""
    return _CONFIGURATION.search(title) is not None or _VARIABLES.search(title) is not None


@lru_cache(maxsize=4096)
def variables_titled(titles: tuple[str, ...]) -> bool:
    """Whether a heading above names variables and none names something else's."""
    return any(about_variables(t) for t in titles) and under_configuration(titles)


@lru_cache(maxsize=4096)
def about_environment(title: str) -> bool:
    return "env" in title.lower() and _ENV_HEADING.search(title) is not None


def required_word(text: str) -> bool | None:
    """Whether the text calls a variable required (True) or optional (False); None when it
    says neither."""
    match = _GROUP.search(text.strip())
    if match is None:
        return None
    word = (match.group("word") or match.group("inner")).lower()
    return word == "required"


#: The next item of a list written as one inline code per item: `` `, `us` `` after `` `eu ``.
_NEXT_ITEM = re.compile(r"`\s*(?:,\s*(?:and\s+)?|\s+and\s+)`(?P<item>[^`]+)")


def with_listed_items(line: str, value: str, span: Span) -> tuple[str, Span]:
    """A value in inline code (``span`` inside its backticks, on ``line``) with the items
    that follow it as inline code of their own (`` `eu`, `us` ``, `` `eu` and `us` ``): the items joined with
    commas, spanning from the first to the last."""
    end = span.end_column - 1  # the value's closing backtick
    items = [value]
    while (found := _NEXT_ITEM.match(line, end)) is not None:
        items.append(found["item"].strip())
        end = found.end()
    if len(items) == 1:
        return value, span
    return ",".join(items), Span(span.line, span.column, span.line, end + 1)
