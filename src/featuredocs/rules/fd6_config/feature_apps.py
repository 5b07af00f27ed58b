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
from collections.abc import Iterator
from functools import lru_cache

from featuredocs.model import AppFact, Page, ProjectFacts
from featuredocs.rules.fd3_models.resolve import model_index
from featuredocs.rules.fd8_code.source import (
    SHELL_LANGUAGES,
    is_python,
    python_source,
    sections_with_titles,
)

_MODEL_HEADING = re.compile(r"^(?:(?P<app>[a-z_]\w*)\.)?(?P<model>[A-Z]\w*)(?: [Mm]odel)?$")
_COMMAND_HEADING = re.compile(r"^[a-z][a-z0-9_]*$")
_INVOCATION = re.compile(r"(?:manage\.py|django-admin)\s+(?P<command>[a-z][a-z0-9_]*)")


def covered_apps(page: Page, facts: ProjectFacts) -> tuple[AppFact, ...]:
    own = {app.label: app for app in facts.apps if app.project and app.path not in ("", ".")}
    declared = set(_model_app_labels(page, facts)) | set(
        _command_app_labels(_declared_commands(page), facts, own)
    )
    if declared & set(own):
        return tuple(own[label] for label in sorted(declared & set(own)))
    used = set(_command_app_labels(_invoked_commands(page), facts, own))
    for module in _imported_modules(page):
        used.update(
            label for label, app in own.items()
            if module == app.name or module.startswith(f"{app.name}.")
        )
    return (own[used.pop()],) if len(used) == 1 else ()


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


def _model_app_labels(page: Page, facts: ProjectFacts) -> Iterator[str]:
    index = model_index(facts)
    for section, titles in sections_with_titles(page):
        level = section.level
        if level == 2:
            name = _model_named(titles[-1], False, True)
        elif level >= 3 and _mentions_models(titles[:-1]):
            name = _model_named(titles[-1], True, False)
        else:
            continue  # neither under a models heading nor one that names a model
        if name is not None:
            models = index.named(name)
            if len(models) == 1:
                yield models[0].app_label


@lru_cache(maxsize=4096)  # a page's headings nest under the same few chains of titles
def _mentions_models(titles: tuple[str, ...]) -> bool:
    return any("model" in title.casefold() for title in titles)


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
    names: Iterator[str], facts: ProjectFacts, own: dict[str, AppFact]
) -> Iterator[str]:
    by_module = {app.name: label for label, app in own.items()}
    for name in set(names):
        command = facts.command(name)
        if command is not None and command.project and command.app in by_module:
            yield by_module[command.app]


def _invoked_commands(page: Page) -> Iterator[str]:
    for code in page.code_blocks:
        if code.language in SHELL_LANGUAGES or code.language == "":
            yield from (m["command"] for m in _INVOCATION.finditer(code.text))


def _declared_commands(page: Page) -> Iterator[str]:
    for section, titles in sections_with_titles(page):
        title = _command_title(section.title)
        if title is not None and any(_mentions_commands(outer) for outer in titles[:-1]):
            yield title


@lru_cache(maxsize=4096)
def _command_title(title: str) -> str | None:
    title = title.replace("`", "").strip()
    return title if _COMMAND_HEADING.match(title) else None


@lru_cache(maxsize=4096)
def _mentions_commands(title: str) -> bool:
    return "command" in title.casefold()
