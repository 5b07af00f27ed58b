"""Reading pages from disk: size, binary and encoding checks, and whole docs trees."""

from __future__ import annotations

import os
from collections.abc import Iterable
from fnmatch import fnmatchcase
from pathlib import Path

from featuredocs.markdown.parse import parse_page
from featuredocs.model import DocSet, Page

DEFAULT_MAX_BYTES = 5 * 1024 * 1024


class PageError(Exception):
    """A page (or the docs root) that cannot be read; ``message`` is one line."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def display_path(path: Path, base: Path | None) -> str:
    """``path`` relative to ``base`` (the working directory by default) when inside it."""
    base = base if base is not None else Path.cwd()
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
    except (OSError, RuntimeError):
        # A symlink loop cannot be resolved (RuntimeError before Python 3.13); the page is
        # still named by where it was found.
        absolute = Path(os.path.abspath(path))
        try:
            return absolute.relative_to(os.path.abspath(base)).as_posix()
        except ValueError:
            return path.as_posix()


def decode_page(data: bytes, path: Path) -> str:
    """The page's text; binary and non-UTF-8 content raise :class:`PageError`."""
    if b"\x00" in data:
        return _fail(path, f"binary file (NUL byte at offset {data.index(0)})")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return _fail(path, f"not UTF-8 (invalid byte 0x{data[error.start]:02x} at offset {error.start})")


def _fail(path: Path, message: str) -> str:
    raise PageError(path, message)


def read_page(
    path: Path,
    *,
    root: Path,
    display_base: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Page:
    """Read and parse one page under the docs ``root``."""
    text = read_text(path, max_bytes)
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        rel = path.name
    return parse_page(text, path=path.resolve(), rel=rel, display=display_path(path, display_base))


def read_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """A page's text, after the size, binary and encoding checks (:class:`PageError`)."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise PageError(path, f"page is {size:,} bytes, over the {max_bytes:,}-byte limit")
        data = path.read_bytes()
    except PageError:
        raise
    except OSError as error:
        raise PageError(path, f"cannot read: {error.strerror or error}") from None
    return decode_page(data, path)


def load_docset(
    root: Path,
    include: Iterable[str] = ("**/*.md",),
    exclude: Iterable[str] = (),
    display_base: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[DocSet, list[PageError]]:
    """Every page under ``root`` matching ``include`` and not ``exclude``, plus the errors
    of the pages that could not be read. A missing root raises :class:`PageError`."""
    files, rels = docs_listing(root, include, exclude)
    pages: list[Page] = []
    errors: list[PageError] = []
    for rel in rels:
        try:
            pages.append(read_page(root / rel, root=root, display_base=display_base, max_bytes=max_bytes))
        except PageError as error:
            errors.append(error)
    return DocSet(root.resolve(), tuple(pages), files), errors


def docs_listing(
    root: Path, include: Iterable[str] = ("**/*.md",), exclude: Iterable[str] = ()
) -> tuple[frozenset[str], list[str]]:
    """Every file under ``root``, and the pages among them in load order (sorted rel
    paths). A missing root raises :class:`PageError`."""
    if not root.is_dir():
        raise PageError(root, "docs folder not found" if not root.exists() else "not a folder")
    files = _files_under(root)
    include, exclude = tuple(include), tuple(exclude)
    rels = [
        rel for rel in sorted(files)
        if rel.endswith(".md") and _matches(rel, include) and not _matches(rel, exclude)
    ]
    return frozenset(files), rels


def _files_under(root: Path) -> set[str]:
    """Every file below ``root``, relative POSIX paths, hidden folders skipped."""
    found: set[str] = set()
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        base = Path(folder).relative_to(root)
        found.update((base / name).as_posix() for name in names)
    return found


def _matches(rel: str, patterns: tuple[str, ...]) -> bool:
    """Globs as the configuration writes them: ``*`` crosses folders, ``**/`` may be none."""
    for pattern in patterns:
        if fnmatchcase(rel, pattern):
            return True
        if "**/" in pattern and fnmatchcase(rel, pattern.replace("**/", "")):
            return True
    return False
