"""``[tool.featuredocs]`` in ``pyproject.toml``, merged with command-line flags.

With no configuration the project root is the folder of the nearest ``manage.py`` (the
working directory or one of its parents), the docs root is ``docs/`` under it, and the
settings module is found the way Django finds it.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from featuredocs.errors import UsageError
from featuredocs.model import Severity

MODES = ("auto", "live", "static")

#: key in pyproject -> (attribute, expected type description)
_KEYS: dict[str, str] = {
    "docs": "docs",
    "pages": "pages",
    "exclude": "exclude",
    "template": "template",
    "settings": "settings",
    "mode": "mode",
    "select": "select",
    "ignore": "ignore",
    "per-file-ignores": "per_file_ignores",
    "severity": "severity",
    "fail-under": "fail_under",
    "cache-dir": "cache_dir",
    "max-page-bytes": "max_page_bytes",
    "execute-fixtures": "execute_fixtures",
    "execute-login": "execute_login",
}


@dataclass(frozen=True)
class Config:
    root: Path  # the project root: where manage.py and pyproject.toml live
    docs: Path  # the docs root
    pages: tuple[str, ...] = ("features/**/*.md",)  # feature pages, relative to docs
    exclude: tuple[str, ...] = ()
    template: Path | None = None  # None: the template shipped with featuredocs
    settings: str | None = None
    mode: str = "auto"
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    severity: Mapping[str, Severity] = field(default_factory=dict)
    fail_under: float | None = None
    cache_dir: Path | None = None
    max_page_bytes: int = 5_000_000
    execute_fixtures: tuple[str, ...] = ()  # loaded into the test database by ``check --execute``
    execute_login: str | None = None  # the user ``check --execute`` sends requests as
    source: Path | None = None  # the pyproject.toml the settings came from

    def with_overrides(self, **overrides: Any) -> Config:
        """This config with every non-None override applied (command-line flags win)."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def find_root(start: Path) -> tuple[Path, Path | None]:
    """The project root and its pyproject.toml (if it configures featuredocs).

    The nearest pyproject.toml with a ``[tool.featuredocs]`` table wins; otherwise the
    nearest folder holding ``manage.py``; otherwise ``start`` itself.
    """
    start = start.resolve()
    for folder in (start, *start.parents):
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.featuredocs" in _read_text(pyproject):
            return folder, pyproject
        if (folder / "manage.py").is_file():
            return folder, None
    return start, None


def load_config(start: Path | None = None, *, root: Path | None = None) -> Config:
    """Read the configuration that applies to ``start`` (default: the working directory)."""
    if root is not None:
        root = root.resolve()
        pyproject: Path | None = root / "pyproject.toml"
        if not pyproject.is_file():
            pyproject = None
    else:
        root, pyproject = find_root(start or Path.cwd())
    table = _read_table(pyproject) if pyproject else {}
    return _from_table(root, table, pyproject)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _read_table(pyproject: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"invalid TOML: {error}", str(pyproject)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"cannot be read: {error}", str(pyproject)) from None
    table = data.get("tool", {}).get("featuredocs", {})
    if not isinstance(table, dict):
        raise UsageError("[tool.featuredocs] must be a table", str(pyproject))
    return table


def _from_table(root: Path, table: dict[str, Any], source: Path | None) -> Config:
    where = str(source) if source else None
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        known = ", ".join(sorted(_KEYS))
        raise UsageError(
            f"unknown key `tool.featuredocs.{unknown[0]}` (known keys: {known})", where
        )
    values: dict[str, Any] = {"root": root, "docs": root / "docs", "source": source}
    for key, value in table.items():
        values[_KEYS[key]] = _convert(key, value, root, where)
    return Config(**values)


def _convert(key: str, value: Any, root: Path, where: str | None) -> Any:
    def fail(expected: str) -> UsageError:
        return UsageError(f"`tool.featuredocs.{key}` must be {expected}, not {value!r}", where)

    if key in ("docs", "template", "cache-dir"):
        if not isinstance(value, str):
            raise fail("a path string")
        return (root / value).resolve()
    if key in ("pages", "exclude", "select", "ignore", "execute-fixtures"):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail("a list of strings")
        return tuple(value)
    if key == "per-file-ignores":
        if not isinstance(value, dict) or not all(
            isinstance(v, list) and all(isinstance(c, str) for c in v) for v in value.values()
        ):
            raise fail("a table of glob = [codes]")
        return {glob: tuple(codes) for glob, codes in value.items()}
    if key == "severity":
        if not isinstance(value, dict):
            raise fail("a table of CODE = \"error\" | \"warning\" | \"info\"")
        return {code.upper(): parse_severity(level, key, where) for code, level in value.items()}
    if key == "mode":
        if value not in MODES:
            raise fail(" or ".join(MODES))
        return value
    if key == "settings":
        if not isinstance(value, str):
            raise fail("a dotted module name")
        return value
    if key == "execute-login":
        if not isinstance(value, str) or not value:
            raise fail("a username")
        return value
    if key == "fail-under":
        if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value <= 100:
            raise fail("a number from 0 to 100")
        return float(value)
    if key == "max-page-bytes":
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise fail("a positive integer")
        return value
    raise AssertionError(key)


def parse_severity(level: Any, key: str = "severity", where: str | None = None) -> Severity:
    try:
        return Severity(str(level).lower())
    except ValueError:
        raise UsageError(
            f"`tool.featuredocs.{key}`: {level!r} is not error, warning or info", where
        ) from None


def settings_from_environment() -> str | None:
    return os.environ.get("DJANGO_SETTINGS_MODULE") or None
