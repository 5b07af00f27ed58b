"""The Markdown stage: pages in, typed :class:`~featuredocs.model.Page` out.

This package is the only importer of the Markdown parser (pyromark). Everything it
returns is plain model data.
"""

from featuredocs.markdown.archive import archived_marker
from featuredocs.markdown.load import DEFAULT_MAX_BYTES, PageError, load_docset, read_page
from featuredocs.markdown.parse import parse_page
from featuredocs.markdown.schema import SchemaError, load_schema
from featuredocs.markdown.slug import GithubSlugger, github_slug

__all__ = [
    "DEFAULT_MAX_BYTES",
    "GithubSlugger",
    "PageError",
    "SchemaError",
    "archived_marker",
    "github_slug",
    "load_docset",
    "load_schema",
    "parse_page",
    "read_page",
]
