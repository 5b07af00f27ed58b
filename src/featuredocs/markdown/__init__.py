"""The Markdown stage: pages in, typed :class:`~featuredocs.model.Page` out.

This package is the only importer of the Markdown parser (pyromark). Everything it
returns is plain model data.
"""

from featuredocs.markdown.load import DEFAULT_MAX_BYTES, PageError, load_docset, read_page
from featuredocs.markdown.parse import parse_page
from featuredocs.markdown.slug import GithubSlugger, github_slug

__all__ = [
    "DEFAULT_MAX_BYTES",
    "GithubSlugger",
    "PageError",
    "github_slug",
    "load_docset",
    "parse_page",
    "read_page",
]
