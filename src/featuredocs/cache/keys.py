"""Stable digests for cache keys: the tool, the configuration, the template, file contents."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import sys
from collections.abc import Mapping
from functools import cache
from pathlib import Path

import featuredocs
from featuredocs.config import Config
from featuredocs.markdown.events import PARSER_VERSION

#: Configuration that cannot change a finding: where the cache lives, the coverage floor,
#: which pyproject the values came from. The template is keyed by its content instead, and
#: the settings module only by the facts it gives, which every finding is kept against: so
#: ``manage.py featuredocs`` (which names the module) and the console script (which lets
#: Django find it) share one cache instead of checking every page again in turn.
_IRRELEVANT = frozenset({"cache_dir", "fail_under", "source", "template", "settings", "execute_fixtures", "execute_login"})


def digest(*parts: object) -> str:
    """A short hex digest of ``parts`` (str, int, bool, None, tuples of those)."""
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


def content_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@cache
def tool_identity() -> str:
    """The featuredocs version plus a digest of its own files, and of the interpreter and
    the Markdown parser that read the pages.

    An editable install keeps its version number while its rules change; folding in the
    package's files makes any change to featuredocs itself invalidate every cached result.
    The readers count too, even when the project's facts come out the same: the interpreter
    decides which examples are valid Python (``type Pair[T = int] = …`` is, under 3.13; FD801
    under 3.12) and its Unicode tables which heading anchors exist, and a new pyromark may
    read a page differently. A CI matrix's jobs may share one cache across Pythons.
    """
    readers = digest(sys.version, sys.implementation.cache_tag, PARSER_VERSION)
    return f"{featuredocs.__version__}+{package_digest(Path(featuredocs.__file__).parent)}+{readers}"


def package_digest(package: Path) -> str:
    """A digest of the names and contents of a package's source and data files.

    Contents, not modification times: a CI job installs featuredocs afresh on every run,
    and a cache it restored from an earlier run stays valid for the same release (hashing
    the package's 1.5 MB takes about 10 ms).
    """
    hasher = hashlib.blake2b(digest_size=16)
    for folder, dirs, names in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
        for name in sorted(names):
            if name.endswith((".py", ".md", ".json")):
                path = os.path.join(folder, name)
                with open(path, "rb") as stream:
                    data = stream.read()
                hasher.update(f"{os.path.relpath(path, package)}\0{len(data)}\0".encode())
                hasher.update(data)
    return hasher.hexdigest()


def config_digest(config: Config) -> str:
    """Every setting that can change what a check reports, paths as absolute strings."""
    parts = []
    for field in dataclasses.fields(config):
        if field.name in _IRRELEVANT:
            continue
        value = getattr(config, field.name)
        if isinstance(value, Mapping):
            value = tuple(sorted((str(k), str(v)) for k, v in value.items()))
        elif isinstance(value, Path):
            value = str(value)
        parts.append((field.name, value if isinstance(value, tuple) else str(value)))
    return digest(*parts)


def template_digest(config: Config) -> str:
    """The template's content (the packaged one when none is configured)."""
    from featuredocs.markdown.schema import packaged_template

    path = config.template if config.template is not None else packaged_template()
    try:
        return content_digest(path.read_bytes())
    except OSError:
        return "unreadable"
