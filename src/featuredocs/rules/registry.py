"""The code table: every rule by code, plus redirects for renamed codes."""

from __future__ import annotations

import importlib
import os
import pkgutil
from functools import cache

from featuredocs.rules.base import Rule

_RULES: dict[str, type[Rule]] = {}

#: Old code -> new code, so a renamed rule keeps working in config and suppressions.
REDIRECTS: dict[str, str] = {}


def register(rule: type[Rule]) -> type[Rule]:
    """Class decorator: add a rule to the table. Codes are unique and never reused."""
    existing = _RULES.get(rule.code)
    if existing is not None and existing is not rule:
        raise RuntimeError(f"rule code {rule.code} is taken by {existing.__name__}")
    _RULES[rule.code] = rule
    return rule


@cache
def _load() -> None:
    import featuredocs.rules as package

    for info in pkgutil.walk_packages(package.__path__, prefix="featuredocs.rules."):
        importlib.import_module(info.name)


def all_rules() -> list[type[Rule]]:
    _load()
    return [_RULES[code] for code in sorted(_RULES)]


def rule_for(code: str) -> type[Rule] | None:
    code = REDIRECTS.get(code.upper(), code.upper())
    if code not in _RULES and not _load_module_of(code):
        _load()
    return _RULES.get(code)


def _load_module_of(code: str) -> bool:
    """Import only the module of the rule ``code`` (``fd503_*.py`` in its family's folder),
    whether that registered it. A warm check reports findings of a few rules; importing
    every rule to describe them took half of its time (``benchmarks/run.py``)."""
    import featuredocs.rules as package

    prefix = f"{code.lower()}_"
    for folder in package.__path__:
        for family in os.scandir(folder):
            if not (family.is_dir() and family.name.startswith(code[:3].lower())):
                continue
            for entry in os.scandir(family.path):
                if entry.name.startswith(prefix) and entry.name.endswith(".py"):
                    importlib.import_module(f"{package.__name__}.{family.name}.{entry.name[:-3]}")
    return code in _RULES


def expand(selectors: list[str] | tuple[str, ...]) -> set[str]:
    """Codes matching selectors: ``FD302`` exactly, ``FD3`` a family, ``ALL`` everything."""
    _load()
    chosen: set[str] = set()
    for selector in selectors:
        selector = REDIRECTS.get(selector.upper(), selector.upper())
        if selector == "ALL":
            chosen.update(_RULES)
        else:
            chosen.update(code for code in _RULES if code.startswith(selector))
    return chosen
