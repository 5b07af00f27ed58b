"""Variables a deployment file sets: docker-compose's ``environment:``, a Kubernetes or
CI ``env:``, a Dockerfile's ``ENV``; and a shell command's own environment
(``SHOP_DEBUG=1 python manage.py …``, ``export SHOP_DEBUG=1``).

Such a file sets variables for every service it runs (the database's
``POSTGRES_PASSWORD`` beside the project's own), and a shell sets them for every tool
it starts, so their names are read like names met in passing: one is drift only when the
project reads a variable it looks misspelt or renamed from. Their values are one
deployment's or one run's choice, never the project's defaults.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from featuredocs.model import CodeBlock, Page, Span
from featuredocs.rules.fd8_code.source import CodeLine, code_lines, per_distinct_block
from featuredocs.rules.shell import SHELL_LANGUAGES, first_command_word, logical_lines, scan, simple_commands

YAML_LANGUAGES = frozenset({"yaml", "yml", "docker-compose", "compose"})
DOCKERFILE_LANGUAGES = frozenset({"dockerfile", "docker", "containerfile"})

_ENV_KEY = re.compile(r"^(?P<indent>[ \t]*)(?P<dash>-[ \t]+)?(?:environment|env)[ \t]*:[ \t]*(?:#.*)?$")
#: ``SHOP_DEBUG: "False"`` (a mapping), ``- SHOP_DEBUG=False`` (a list), ``- name: SHOP_DEBUG``
_MAP_ENTRY = re.compile(r"[ \t]*['\"]?(?P<name>[A-Z][A-Z0-9_]*)['\"]?[ \t]*:(?:[ \t]|$)")
_LIST_ENTRY = re.compile(r"[ \t]*-[ \t]*['\"]?(?P<name>[A-Z][A-Z0-9_]*)(?:=|['\"]?[ \t]*(?:#.*)?$)")
_NAMED_ENTRY = re.compile(r"[ \t]*-[ \t]*name[ \t]*:[ \t]*['\"]?(?P<name>[A-Z][A-Z0-9_]*)['\"]?[ \t]*(?:#.*)?$")
_DOCKER_ENV = re.compile(r"[ \t]*ENV[ \t]+(?P<rest>.*)$", re.IGNORECASE)
_DOCKER_PAIR = re.compile(r"(?<!\S)(?P<name>[A-Z][A-Z0-9_]*)=")
_DOCKER_LEGACY = re.compile(r"(?P<name>[A-Z][A-Z0-9_]*)[ \t]")
_SHELL_NAME = re.compile(r"[A-Z][A-Z0-9_]*(?==)")


def deployment_vars(page: Page) -> Iterator[tuple[str, Span]]:
    """Each variable name a deployment file or a shell command in the page's code blocks
    sets, with its span."""
    for code in page.code_blocks:
        if code.language in YAML_LANGUAGES or code.language in DOCKERFILE_LANGUAGES:
            yield from _block_vars(page, code)
        elif code.language in SHELL_LANGUAGES and "=" in code.text:
            yield from _shell_vars(page, code)


def _moved(found: tuple[tuple[str, Span], ...], lines: int) -> tuple[tuple[str, Span], ...]:
    return tuple((name, span.shifted(lines)) for name, span in found)


@per_distinct_block(_moved)
def _block_vars(page: Page, code: CodeBlock) -> tuple[tuple[str, Span], ...]:
    lines = code_lines(page, code)
    if code.language in DOCKERFILE_LANGUAGES:
        return tuple(found for line in lines for found in _dockerfile_vars(line))
    return tuple(_yaml_vars(lines))


@per_distinct_block(_moved)
def _shell_vars(page: Page, code: CodeBlock) -> tuple[tuple[str, Span], ...]:
    """``NAME=value`` before a command's name (``env NAME=value``, ``sudo NAME=value``)
    and after ``export``."""
    found: list[tuple[str, Span]] = []
    for line in logical_lines(page, code):
        for words in simple_commands(scan(line.text)):
            command = first_command_word(words)
            setting = words[:command]
            if command < len(words) and words[command].value == "export":
                setting = words[command + 1 :]
            for word in setting:
                name = _SHELL_NAME.match(line.text, word.start)  # as written: not in quotes
                if name is not None:
                    found.append((name.group(), line.span(name.start(), name.end())))
    return tuple(found)


def _yaml_vars(lines: tuple[CodeLine, ...]) -> Iterator[tuple[str, Span]]:
    """The names under each ``environment:``/``env:`` key, read by indentation."""
    key_indent: int | None = None
    for line in lines:
        text = line.text
        stripped = text.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(text) - len(text.lstrip())
        if key_indent is not None and (indent > key_indent or (indent == key_indent and stripped.startswith("-"))):
            match = _NAMED_ENTRY.match(text) or _LIST_ENTRY.match(text) or _MAP_ENTRY.match(text)
            if match is not None and (indent > key_indent or match.re is not _MAP_ENTRY):
                yield match["name"], line.span(match.start("name"), match.end("name"))
            continue
        key = _ENV_KEY.match(text)
        key_indent = None if key is None else len(key["indent"]) + len(key["dash"] or "")


def _dockerfile_vars(line: CodeLine) -> Iterator[tuple[str, Span]]:
    match = _DOCKER_ENV.match(line.text)
    if match is None:
        return
    start = match.start("rest")
    pairs = list(_DOCKER_PAIR.finditer(line.text, start))
    if not pairs:  # the old ``ENV NAME value`` form sets one variable
        legacy = _DOCKER_LEGACY.match(line.text, start)
        pairs = [legacy] if legacy is not None else []
    for pair in pairs:
        yield pair["name"], line.span(pair.start("name"), pair.end("name"))
