"""Option defaults a command takes from the settings
(``add_argument("--inactive-days", default=settings.MEMBERSHIP["inactive_after_days"])``),
given as the settings module gives them with no environment variable set.

The live parser's default is this run's: a shell or CI job that sets the variable behind
the setting would make a page that states the code's default look stale, and a fix would
write the shell's value into it. Static mode reads the expression, not a value. Both then
take the setting's written default (:attr:`SettingFact.defaults`), as FD607 does.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import replace

from featuredocs.introspect.sources import ProjectSources
from featuredocs.model import CommandFact, OptionFact, SettingFact

#: Where an option's default comes from: the setting, the dotted key path in it, and the
#: expression as written.
SettingRead = tuple[str, str, str]


def with_setting_defaults(
    commands: tuple[CommandFact, ...], settings: tuple[SettingFact, ...], sources: ProjectSources
) -> tuple[CommandFact, ...]:
    """``commands``, each option whose default is read from a setting given the setting's
    written default, and the expression it is read with in ``default_from``."""
    files = {source.rel: source for source in sources.files}
    by_name = {setting.name: setting for setting in settings}
    changed = []
    for command in commands:
        source = files.get(command.location.path) if command.project and command.location else None
        reads = _setting_reads(source.tree, source.segment) if source is not None and "settings" in source.text else {}
        if reads:
            options = tuple(_with_default(option, reads, by_name) for option in command.options)
            command = replace(command, options=options)
        changed.append(command)
    return tuple(changed)


def _with_default(option: OptionFact, reads: dict[str, SettingRead], settings: dict[str, SettingFact]) -> OptionFact:
    name = option.flags[0] if option.flags else option.dest
    read = reads.get(name)
    if read is None:
        return option
    setting, path, written = read
    fact = settings.get(setting)
    value = fact.default_at(path) if fact is not None else None
    if value is None:
        return replace(option, default_from=written)
    return replace(option, default=_as_repr(value, option.default), default_from=written)


def _as_repr(value: str, current: str | None) -> str:
    """The written default as :attr:`OptionFact.default` holds a value (its repr). A
    setting's default is a string as itself and anything else as its repr; which one
    ``value`` is, the live default's type tells, else whether it reads as a literal."""
    if current is not None and current[:1] in {"'", '"'}:
        return repr(value)
    try:
        ast.literal_eval(value)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return repr(value)
    return value


def _setting_reads(tree: ast.Module, segment: Callable[[ast.AST], str]) -> dict[str, SettingRead]:
    """The first name of each ``add_argument`` call whose default is read from a setting."""
    reads: dict[str, SettingRead] = {}
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "add_argument"):
            continue
        default = next((keyword.value for keyword in node.keywords if keyword.arg == "default"), None)
        first = node.args[0] if node.args else None
        if default is None or not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            continue
        found = setting_path(default)
        if found is not None:
            reads.setdefault(first.value, (*found, segment(default)))
    return reads


def setting_path(node: ast.expr) -> tuple[str, str] | None:
    """``("MEMBERSHIP", "inactive_after_days")`` for ``settings.MEMBERSHIP["inactive_after_days"]``,
    ``("PAGE_SIZE", "")`` for ``settings.PAGE_SIZE`` or ``getattr(settings, "PAGE_SIZE", 20)``."""
    keys: list[str] = []
    while isinstance(node, ast.Subscript):
        if not (isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str)):
            return None
        keys.append(node.slice.value)
        node = node.value
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "settings":
        return node.attr, ".".join(reversed(keys))
    if (
        not keys
        and isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "getattr"
        and len(node.args) >= 2
        and isinstance(node.args[0], ast.Name)
        and node.args[0].id == "settings"
        and isinstance(node.args[1], ast.Constant)
        and isinstance(node.args[1].value, str)
    ):
        return node.args[1].value, ""
    return None
