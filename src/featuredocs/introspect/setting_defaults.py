"""Settings the project's code reads with a default: ``getattr(settings, "NAME", 20)``.

Apps read their optional settings this way, and nothing need define them: a page that
documents ``settings.NAME`` is right about such a setting. One reading for both modes,
from the AST of the project's own files; nothing here imports Django.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable

from featuredocs.introspect.parsed import branches
from featuredocs.introspect.sources import ProjectSources, SourceFile, location
from featuredocs.model import SettingFact
from featuredocs.secrets import mask_text

_DJANGO_SETTINGS = "django.conf.settings"


def with_defaulted(settings: tuple[SettingFact, ...], sources: ProjectSources) -> tuple[SettingFact, ...]:
    """``settings`` and, for each setting the code reads with a default that is not among
    them, a fact whose value is the first default written and whose location is the read;
    in name order. Values are written as Django settings show theirs (``'EUR'``, ``20``)."""
    found: dict[str, SettingFact] = {}
    skip = {setting.name for setting in settings}
    for source in sources.files:
        for name, default, line in _reads(source):
            if name not in skip and name not in found:
                shown, secret = mask_text(name, default)
                found[name] = SettingFact(name=name, value=shown or "", secret=secret, project=False,
                                          location=location(source.path, line, sources.root))
    if not found:
        return settings
    return tuple(sorted((*settings, *found.values()), key=lambda setting: setting.name))


def _reads(source: SourceFile) -> Iterable[tuple[str, str, int]]:
    if "getattr(" not in source.text:
        return  # most modules: no walk
    aliases = {local for local, dotted in source.names.items() if dotted == _DJANGO_SETTINGS}
    if not aliases:
        return
    for node in branches(source.tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "getattr"
            and len(node.args) == 3
            and isinstance(node.args[0], ast.Name)
            and node.args[0].id in aliases
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
            and node.args[1].value.isupper()
        ):
            default = node.args[2]
            shown = repr(default.value) if isinstance(default, ast.Constant) else source.segment(default)
            yield node.args[1].value, shown, node.lineno
