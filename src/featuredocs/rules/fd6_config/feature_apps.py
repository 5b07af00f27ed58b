"""Which of the project's apps a page documents, read from the page alone.

A page covers the apps whose models it documents under a models heading (``### Order``,
``## Invoice Model``) or whose commands it documents under a commands heading. A page
that declares neither covers the app it uses (``from orders.models import Order``,
``python manage.py expire_orders``) only when it uses exactly one: a page that imports
from three apps is about none of them in particular. Only the project's own apps with a
folder count.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from featuredocs.model import AppFact, Page, ProjectFacts, Section, reads
from featuredocs.rules.fd3_models.resolve import model_index
from featuredocs.rules.fd4_commands.hints import command_named
from featuredocs.rules.fd8_code.source import (
    SHELL_LANGUAGES,
    is_python,
    python_source,
)

_MODEL_HEADING = re.compile(r"^(?:(?P<app>[a-z_]\w*)\.)?(?P<model>[A-Z]\w*)(?: [Mm]odel)?$")
_COMMAND_HEADING = re.compile(r"^[a-z][a-z0-9_]*$")
_INVOCATION = re.compile(r"(?:manage\.py|django-admin)\s+(?P<command>[a-z][a-z0-9_]*)")


def covered_apps(page: Page, facts: ProjectFacts) -> tuple[AppFact, ...]:
    own, by_module = _own_apps(facts)
    models, commands = _declared(page.sections, False, False, [], [])
    declared = set(_model_app_labels(models, facts)) | set(_command_app_labels(commands, facts, by_module))
    covered = declared & own.keys()
    if covered:
        return tuple(own[label] for label in sorted(covered))
    used = set(_command_app_labels(_invoked_commands(page), facts, by_module))
    for module in _imported_modules(page):
        used.update(
            label for name, label in by_module.items() if module == name or module.startswith(f"{name}.")
        )
    return (own[used.pop()],) if len(used) == 1 else ()


@reads.by_identity(limit=8)
def _own_apps(facts: ProjectFacts) -> tuple[dict[str, AppFact], dict[str, str]]:
    """The project's own apps with a folder by label, and their labels by module: built
    once per facts, as every page asks."""
    own = {app.label: app for app in facts.own_apps()}
    return own, {app.name: label for label, app in own.items()}


def _imported_modules(page: Page) -> Iterator[str]:
    for code in page.code_blocks:
        if not is_python(code) or "import" not in code.text:
            continue
        tree = python_source(page, code).tree
        if tree is None:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                yield node.module
            elif isinstance(node, ast.Import):
                yield from (alias.name for alias in node.names)


def _model_app_labels(names: list[str], facts: ProjectFacts) -> Iterator[str]:
    index = model_index(facts)
    for name in names:
        models = index.named(name)
        if len(models) == 1:
            yield models[0].app_label


def _declared(
    sections: tuple[Section, ...], under_models: bool, under_commands: bool, models: list[str], commands: list[str]
) -> tuple[list[str], list[str]]:
    """The models and the commands the sections' headings name, in page order, in one
    walk of the page; ``under_models`` (``under_commands``): some heading above them
    mentions models (commands), passed down so that no chain of titles is built."""
    for section in sections:
        heading = section.heading
        level, title = heading.level, heading.plain
        model = None
        if level == 2:
            model = _model_named(title, False, True)
        elif level >= 3 and under_models:
            model = _model_named(title, True, False)
        if model is not None:
            models.append(model)
        if under_commands and (command := _command_title(title)) is not None:
            commands.append(command)
        if section.subsections:
            _declared(
                section.subsections, under_models or _mentions_models(title),
                under_commands or _mentions_commands(title), models, commands,
            )
    return models, commands


@lru_cache(maxsize=4096)
def _mentions_models(title: str) -> bool:
    return "model" in title.casefold()


@lru_cache(maxsize=4096)
def _model_named(title: str, under_models: bool, second_level: bool) -> str | None:
    """The model a heading names, under a models heading or as ``## Order Model``."""
    title = title.replace("`", "").strip()
    named_model = second_level and title.casefold().endswith(" model")
    if not (under_models or named_model):
        return None
    match = _MODEL_HEADING.match(title)
    if match is None:
        return None
    return f"{match['app']}.{match['model']}" if match["app"] else match["model"]


def _command_app_labels(
    names: Iterable[str], facts: ProjectFacts, by_module: dict[str, str]
) -> Iterator[str]:
    for name in set(names):
        command = command_named(facts, name)
        if command is not None and command.project and command.app in by_module:
            yield by_module[command.app]


def _invoked_commands(page: Page) -> Iterator[str]:
    for code in page.code_blocks:
        if code.language in SHELL_LANGUAGES or code.language == "":
            yield from (m["command"] for m in _INVOCATION.finditer(code.text))


@lru_cache(maxsize=4096)
def _command_title(title: str) -> str | None:
    title = title.replace("`", "").strip()
    return title if _COMMAND_HEADING.match(title) else None


@lru_cache(maxsize=4096)
def _mentions_commands(title: str) -> bool:
    return "command" in title.casefold()
