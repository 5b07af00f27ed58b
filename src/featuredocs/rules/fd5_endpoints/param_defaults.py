"""The default a page gives a query parameter — on its item's words (```-created_at` by
default``, ``default: 20``, ``defaults to `name```) or in its table row's Default cell —
and how it compares with the one the endpoint uses.

A query string carries text, so values compare as text, leniently: ``20`` is ``"20"``,
``true`` is ``True``, ``1,000`` is 1000. An ordering written with fewer fields than the
view orders by names its first ones (```-created_at``` for ``-created_at,id``).
"""

from __future__ import annotations

import ast
from functools import lru_cache

from featuredocs.model import EndpointFact, Page, QueryParamFact
from featuredocs.rules.fd4_commands.defaults import same_default
from featuredocs.rules.fd5_endpoints.claims import QueryParamClaim
from featuredocs.rules.own_words import own_words
from featuredocs.rules.written_defaults import DEFAULT_WORDS, DocumentedDefault, cell_default, default_in_words

_QUOTES = "\"'"


def documented_default(page: Page, param: QueryParamClaim, endpoint: EndpointFact) -> DocumentedDefault | None:
    """The default the parameter's item or row gives it, before any other parameter of
    the endpoint its words name."""
    if param.default_cell is not None:
        return cell_default(page, param.default_cell)
    name = param.name
    others = (other.name for other in endpoint.query_params)
    words = own_words(page, name.text, name.span, others, DEFAULT_WORDS)
    return default_in_words(words) if words is not None else None


def differs(written: DocumentedDefault, param: QueryParamFact) -> bool:
    """Whether the default as written is surely not the parameter's."""
    return param.default is not None and not _same(written.text, param.default, param.source == "ordering")


@lru_cache(maxsize=1024)
def _same(written: str, default: str, ordering: bool) -> bool:
    used = default_text(default)
    text = written.strip().strip(_QUOTES).strip()
    if ordering:
        fields = [field.strip() for field in text.split(",")]
        return fields == used.split(",")[: len(fields)]
    return text.casefold() == used.casefold() or same_default(written, default) is True


def default_text(default: str) -> str:
    """The default as a query string writes it: ``'-created_at'`` is ``-created_at``."""
    value = ast.literal_eval(default)
    return value if isinstance(value, str) else str(value)


def rendered_default(written: DocumentedDefault, param: QueryParamFact) -> str:
    """The parameter's default in the form of the written one, for a fix: quoted if it
    was, ``true`` if it wrote booleans in lower case."""
    assert param.default is not None
    text = default_text(param.default)
    quote = written.text[0] if written.text[:1] in _QUOTES else ""
    if text in {"True", "False"} and written.text.strip(_QUOTES).islower():
        text = text.lower()
    return f"{quote}{text}{quote}"
