"""Which of the project's apps a page documents, read from the page alone.

A page covers an app when it imports from it (``from orders.models import Order``),
documents one of its models under a models heading (``### Order``, ``## Invoice Model``)
or runs one of its management commands (``python manage.py expire_orders``). Only the
project's own apps with a folder count.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from featuredocs.model import AppFact, Page, ProjectFacts
from featuredocs.rules.fd8_code.source import SHELL_LANGUAGES, is_python, python_source

_MODEL_HEADING = re.compile(r"^(?:(?P<app>[a-z_]\w*)\.)?(?P<model>[A-Z]\w*)(?: [Mm]odel)?$")
_COMMAND_HEADING = re.compile(r"^[a-z][a-z0-9_]*$")
_INVOCATION = re.compile(r"(?:manage\.py|django-admin)\s+(?P<command>[a-z][a-z0-9_]*)")


def covered_apps(page: Page, facts: ProjectFacts) -> tuple[AppFact, ...]:
    own = [app for app in facts.apps if app.project and app.path not in ("", ".")]
    found: dict[str, AppFact] = {}
    for module in _imported_modules(page):
        for app in own:
            if module == app.name or module.startswith(f"{app.name}."):
                found[app.label] = app
    labels = set(_model_app_labels(page, facts)) | set(_command_app_labels(page, facts, own))
    for app in own:
        if app.label in labels:
            found[app.label] = app
    return tuple(found.values())


def _imported_modules(page: Page) -> Iterator[str]:
    for code in page.code_blocks:
        if not is_python(code):
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
    for section in page.walk():
        title = section.title.replace("`", "").strip()
        under_models = section.level >= 3 and any(
            "model" in outer.title.casefold() for outer in page.section_at(section.heading.span.line)[:-1]
        )
        named_model = section.level == 2 and title.casefold().endswith(" model")
        if not (under_models or named_model):
            continue
        match = _MODEL_HEADING.match(title)
        if match is None:
            continue
        name = f"{match['app']}.{match['model']}" if match["app"] else match["model"]
        models = facts.models_named(name)
        if len(models) == 1:
            yield models[0].app_label


def _command_app_labels(page: Page, facts: ProjectFacts, own: list[AppFact]) -> Iterator[str]:
    names = set(_command_names(page))
    by_module = {app.name: app.label for app in own}
    for name in names:
        command = facts.command(name)
        if command is not None and command.project and command.app in by_module:
            yield by_module[command.app]


def _command_names(page: Page) -> Iterator[str]:
    for code in page.code_blocks:
        if code.language in SHELL_LANGUAGES or code.language == "":
            yield from (m["command"] for m in _INVOCATION.finditer(code.text))
    for section in page.walk():
        title = section.title.replace("`", "").strip()
        chain = page.section_at(section.heading.span.line)[:-1]
        if _COMMAND_HEADING.match(title) and any("command" in s.title.casefold() for s in chain):
            yield title
