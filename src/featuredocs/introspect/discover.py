"""Finding a project's settings module from its files, without running any of them."""

from __future__ import annotations

import ast
import configparser
import tomllib
from pathlib import Path

SETTINGS_VARIABLE = "DJANGO_SETTINGS_MODULE"
#: django-configurations: the settings class of the settings module to use.
CONFIGURATION_VARIABLE = "DJANGO_CONFIGURATION"


def find_settings_module(root: Path) -> str | None:
    """The settings module ``manage.py`` would use, read from its AST.

    Django's ``manage.py`` says ``os.environ.setdefault("DJANGO_SETTINGS_MODULE", "x.settings")``;
    the environment variable itself is the caller's business, since it wins over this default.
    Falls back to ``wsgi.py``/``asgi.py`` next to the settings and to pytest-django's setting.
    """
    for script in _candidate_scripts(root):
        found = settings_in_script(script)
        if found:
            return found
    return _settings_in_pytest_config(root)


def find_configuration(root: Path) -> str | None:
    """The django-configurations class ``manage.py`` would use (its ``setdefault`` of
    DJANGO_CONFIGURATION), read from its AST like the settings module."""
    for script in _candidate_scripts(root):
        found = settings_in_script(script, CONFIGURATION_VARIABLE)
        if found:
            return found
    return None


def settings_in_script(path: Path, variable: str = SETTINGS_VARIABLE) -> str | None:
    """The value ``setdefault``/assignment of ``variable`` (DJANGO_SETTINGS_MODULE) gives
    it in a script."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except (OSError, UnicodeDecodeError, SyntaxError, ValueError):
        return None
    for node in ast.walk(tree):
        value = _variable_value(node, variable)
        if value:
            return value
    return None


def _variable_value(node: ast.AST, variable: str) -> str | None:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr == "setdefault" and len(node.args) >= 2:
            key, value = node.args[0], node.args[1]
            if _is_constant(key, variable) and _is_str(value):
                return value.value  # type: ignore[attr-defined]
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target = node.targets[0]
        if isinstance(target, ast.Subscript) and _is_constant(target.slice, variable):
            if _is_str(node.value):
                return node.value.value  # type: ignore[attr-defined]
    return None


def _is_constant(node: ast.AST, text: str) -> bool:
    return isinstance(node, ast.Constant) and node.value == text


def _is_str(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and bool(node.value)


def _candidate_scripts(root: Path) -> list[Path]:
    scripts = [root / "manage.py"]
    scripts += sorted(root.glob("*/manage.py"))
    scripts += sorted(root.glob("*/wsgi.py")) + sorted(root.glob("*/asgi.py"))
    return [s for s in scripts if s.is_file()]


def _settings_in_pytest_config(root: Path) -> str | None:
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            data = {}
        options = data.get("tool", {}).get("pytest", {}).get("ini_options", {})
        value = options.get(SETTINGS_VARIABLE)
        if isinstance(value, str) and value:
            return value
    for name, section in (("pytest.ini", "pytest"), ("tox.ini", "pytest"), ("setup.cfg", "tool:pytest")):
        value = _ini_value(root / name, section)
        if value:
            return value
    return None


def _ini_value(path: Path, section: str) -> str | None:
    if not path.is_file():
        return None
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError, OSError):
        return None
    value = parser.get(section, SETTINGS_VARIABLE, fallback=None)
    return value.strip() if value and value.strip() else None
