"""Values from the facts written the way a page shows them: Python literals, shell
assignments, JSON skeletons and durations. Secrets are masked before anything is shown.
"""

from __future__ import annotations

import ast
import json
import re
from typing import Any

from featuredocs.model import EnvVarFact, ResponseField, SettingFact
from featuredocs.secrets import mask_text, mask_value

_INDENT = "    "
_SHELL_SAFE = re.compile(r"[\w@%+=:,./-]*")
#: What a response key of each type looks like in a skeleton.
_SAMPLES: dict[str | None, Any] = {
    "string": "string",
    "integer": 0,
    "number": 0,
    "boolean": False,
    "object": {},
    "array": [],
}
_COUNT_KEYS = frozenset({"count", "total", "total_count", "num_pages", "page", "page_size"})
_LIST_KEYS = ("results", "items", "data", "objects", "records")


# --- Python -----------------------------------------------------------------------------


def python_literal(value: Any, depth: int = 0) -> str:
    """``value`` as Python source: dicts and lists one item a line, strings double-quoted."""
    pad = _INDENT * (depth + 1)
    if isinstance(value, dict) and value:
        items = [f"{pad}{python_literal(k)}: {python_literal(v, depth + 1)}," for k, v in value.items()]
        return "{\n" + "\n".join(items) + "\n" + _INDENT * depth + "}"
    if isinstance(value, list | tuple) and value and len(repr(value)) > 60:
        items = [f"{pad}{python_literal(v, depth + 1)}," for v in value]
        open_, close = ("[", "]") if isinstance(value, list) else ("(", ")")
        return open_ + "\n" + "\n".join(items) + "\n" + _INDENT * depth + close
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False) if '"' not in value else repr(value)
    if isinstance(value, list | tuple):
        parts = ", ".join(python_literal(v, depth) for v in value)
        return f"[{parts}]" if isinstance(value, list) else f"({parts}{',' if len(value) == 1 else ''})"
    return repr(value)


def setting_assignment(setting: SettingFact) -> str:
    """``NAME = value`` for a settings block, with the values the settings module writes
    where an environment variable may set them (:attr:`SettingFact.defaults`): the shell
    that runs ``new`` must not write its own into a page. A value that is not a plain
    literal (a path object, a callable) is written as ``...`` with a comment, never as an
    invalid repr."""
    try:
        value = ast.literal_eval(setting.value)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return f"{setting.name} = ...  # set in the project's settings module"
    for path, default in setting.defaults:
        value = _with_written(value, path.split(".") if path else [], default)
    masked, _ = mask_value(setting.name, value)
    return f"{setting.name} = {python_literal(masked)}"


def _with_written(value: Any, path: list[str], default: str) -> Any:
    """``value`` with ``default`` (a string as itself, anything else as its repr) at the
    dotted ``path`` of its dicts; unchanged where the path leads nowhere."""
    if path:
        if not isinstance(value, dict) or path[0] not in value:
            return value
        return {**value, path[0]: _with_written(value[path[0]], path[1:], default)}
    if isinstance(value, str):
        return default
    try:
        return ast.literal_eval(default)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return value


# --- shell ----------------------------------------------------------------------------------


def env_default(var: EnvVarFact) -> str | None:
    """The default as a page shows it (masked when secret), None when there is none."""
    if not var.has_default or var.default is None:
        return None
    masked, _ = mask_text(var.name, var.default)
    return masked if masked is not None else var.default


def env_line(var: EnvVarFact) -> str:
    """``NAME=value`` with the code's default, or a ``your_…_here`` placeholder value."""
    default = env_default(var)
    if default is None:
        return f"{var.name}=your_{var.name.lower()}_here"
    if _SHELL_SAFE.fullmatch(default):
        return f"{var.name}={default}"
    return f"{var.name}={json.dumps(default, ensure_ascii=False)}"


# --- JSON ---------------------------------------------------------------------------------


def response_skeleton(fields: tuple[ResponseField, ...]) -> dict[str, Any]:
    return {field.name: _field_sample(field) for field in fields}


def _field_sample(field: ResponseField) -> Any:
    if field.children:
        inner = response_skeleton(field.children)
        return [inner] if field.many else inner
    if field.many:
        return []
    return _SAMPLES.get(field.type)


def paginated(body: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    """``body`` as one result of a page in the paginator's envelope."""
    keys = keys or ("count", "next", "previous", "results")
    holder = next((k for k in _LIST_KEYS if k in keys), keys[-1])
    return {key: [body] if key == holder else (0 if key in _COUNT_KEYS else None) for key in keys}


def json_text(value: Any) -> str:
    return json.dumps(value, indent=4, ensure_ascii=False)


# --- durations --------------------------------------------------------------------------------


def duration_text(seconds: int) -> str:
    """``900`` → ``15 minutes``; the largest unit that divides the value exactly."""
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size and seconds % size == 0:
            count = seconds // size
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return f"{seconds} second{'s' if seconds != 1 else ''}"
