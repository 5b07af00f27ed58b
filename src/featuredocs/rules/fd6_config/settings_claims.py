"""Django settings a page names: assignments in settings blocks and ``settings.NAME`` reads.

A settings block is a python block under a heading that mentions settings (``### Django
Settings``, ``## Settings``) or one whose first line is a ``# settings.py`` comment; a
block headed by a comment naming another file (``# orders/conf.py``) is not one. Only
``UPPER_CASE`` names count: Django ignores the rest of a settings module. Nested keys are
read from dict literals as dotted paths (``nested.sub_option``).

Prose names settings too, anywhere on the page: inline code shaped like a read,
``settings.NAME`` or ``settings.NAME["key"]``, names a setting, and ``NAME["key"]["sub"]``
names keys of one. The bare subscript names no setting by itself (a module's constant
looks the same), so only its keys are claimed: they are judged when ``NAME`` is a setting.
A bare ``NAME`` the sentence calls a setting (``the `ORDER_EXPIRY` setting``) names one too.
A sentence may name a setting or a key still to be added: these claims are marked
``inline``, and the rules judge them more cautiously.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from featuredocs.model import CodeBlock, Page, ProjectFacts, Span
from featuredocs.rules.fd8_code.source import (
    PythonSource,
    called_by,
    first_comment,
    heading_titles,
    inline_part_span,
    is_python,
    per_distinct_block,
    python_source,
)
from featuredocs.rules.pyblocks import NodeIndex, parsed

SETTING_NAME = re.compile(r"[A-Z][A-Z0-9_]*")
_SETTINGS_HEADING = re.compile(r"\bsettings\b", re.IGNORECASE)
_FILE_COMMENT = re.compile(r"[\w./-]+\.py\b")


@dataclass(frozen=True, slots=True)
class SettingClaim:
    """A setting the page names; ``assigned`` when a settings block sets it.

    ``settings_file`` is the file the block says it shows (``settings/production.py``);
    ``inline`` when prose names it rather than code.
    """

    name: str
    span: Span
    assigned: bool = True
    settings_file: str | None = None
    inline: bool = False


@dataclass(frozen=True, slots=True)
class SettingKeyClaim:
    """A nested key of a setting (``FEATURE_CONFIG`` → ``nested.sub_option``); ``inline``
    when prose names it rather than code."""

    setting: str
    path: str
    span: Span
    settings_file: str | None = None
    inline: bool = False


@dataclass(frozen=True, slots=True)
class SettingValueClaim:
    """A value the page gives as a setting's default, or one of its keys' (``path`` is
    "" for the setting itself): ``value`` as written, at ``value_span``; ``span`` is where
    the setting is named. ``settings_file``: for a literal a settings block assigns
    (``in_code``), the file the block says it shows."""

    setting: str
    path: str
    value: str
    value_span: Span
    span: Span
    settings_file: str | None = None
    in_code: bool = False


def shown_module_differs(settings_file: str | None, facts: ProjectFacts) -> bool:
    """True when a block names a settings file other than the ones the facts come from.

    ``settings.py`` matches ``shop.settings``, and ``settings/base.py`` matches
    ``shop.settings.dev`` when the project's settings are defined there (``dev.py``
    star-imports it); a bare ``settings.py`` (the template's comment) is the project's
    settings whatever their module. ``settings/production.py`` is not ``shop.settings.dev``:
    settings of another environment cannot be judged from these facts.
    """
    module = facts.settings_module
    if not settings_file or not module:
        return False
    shown = settings_file.removesuffix(".py").replace("/", ".").strip(".")
    if f".{module}".endswith(f".{shown}") or f".{shown}".endswith(f".{module}"):
        return False
    path = settings_file.lstrip("./")
    return path != "settings.py" and not _defined_in(facts, path)


def _defined_in(facts: ProjectFacts, path: str) -> bool:
    """Whether one of the project's settings is defined in a file at ``path`` (written
    from the project root, or from any folder: ``settings/base.py``)."""
    return any(
        setting.location is not None
        and (setting.location.path == path or setting.location.path.endswith(f"/{path}"))
        for setting in facts.settings if setting.project
    )


Claims = tuple[tuple[SettingClaim, ...], tuple[SettingKeyClaim, ...], tuple[SettingValueClaim, ...]]


def setting_claims(page: Page) -> Claims:
    """The settings and keys the page names, and the literal values its settings blocks
    give them (not in a block about another environment: ``### Production settings``)."""
    settings: list[SettingClaim] = []
    keys: list[SettingKeyClaim] = []
    values: list[SettingValueClaim] = []
    for code in page.code_blocks:
        if not is_python(code):
            continue
        settings_block = is_settings_block(page, code)
        if not settings_block and "settings." not in code.text:
            continue  # neither defines nor reads a setting: no need to parse it here
        block_settings, block_keys, block_values = (_settings_block if settings_block else _other_block)(page, code)
        settings.extend(block_settings)
        keys.extend(block_keys)
        if block_values and not _another_environment(heading_titles(page, code.span.line)):
            values.extend(block_values)
    _inline_claims(page, settings, keys)
    return tuple(settings), tuple(keys), tuple(values)


_ENVIRONMENTS = re.compile(r"\b(?:production|prod|staging|deploy\w*|examples?|local|test(?:ing|s)?)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _another_environment(titles: tuple[str, ...]) -> bool:
    """Whether a heading over the block speaks of one environment or of examples, whose
    values are that environment's choice, not what the settings module gives."""
    return any(_ENVIRONMENTS.search(title) for title in titles)


#: Inline code shaped like a read of a setting: ``settings.NAME``, ``NAME["key"]["sub"]``.
INLINE_READ = re.compile(
    r"(?P<read>(?:django\.conf\.)?settings\.)?(?P<name>[A-Z][A-Z0-9_]*)"
    r"(?P<keys>(?:\[(?P<quote>[\"'])[^\"'\[\]]+(?P=quote)\])*)"
)
INLINE_KEY = re.compile(r"\[([\"'])([^\"'\[\]]+)\1\]")


#: Words right before or after a bare name that call it a setting: "the `X` setting",
#: "setting `X`", "`X` (a setting)", "the `X` and `Y` settings".
_CALLED_BEFORE = re.compile(r"\b(?:django\s+)?settings?\s*:?\s*$", re.IGNORECASE)
_CALLED_AFTER = re.compile(r"^\s*(?:\(a\s+)?(?:django\s+)?settings?\b", re.IGNORECASE)


def _inline_claims(page: Page, settings: list[SettingClaim], keys: list[SettingKeyClaim]) -> None:
    for code in page.codes:
        text = code.text
        if "settings." not in text and "[" not in text:
            named = "A" <= text[:1] <= "Z" and SETTING_NAME.fullmatch(text)
            if named and called_by(page, code.span, _CALLED_BEFORE, _CALLED_AFTER):
                span = inline_part_span(page, code.span, 0, len(text))
                if span is not None:
                    settings.append(SettingClaim(text, span, assigned=False, inline=True))
            continue  # most inline code: checked before any pattern runs
        match = INLINE_READ.fullmatch(text.strip())
        if match is None or not (match["read"] or match["keys"]):
            continue
        name, keys_at = match["name"], match.start("keys")
        if match["read"]:
            span = inline_part_span(page, code.span, match.start("name"), len(name))
            if span is None:
                continue
            settings.append(SettingClaim(name, span, assigned=False, inline=True))
        path = ""
        for key in INLINE_KEY.finditer(match["keys"]):
            # the key as written, quotes included
            span = inline_part_span(page, code.span, keys_at + key.start(1), key.end() - 1 - key.start(1))
            if span is None:
                break
            path = f"{path}.{key[2]}" if path else key[2]
            keys.append(SettingKeyClaim(name, path, span, inline=True))


def _moved(claims: Claims, lines: int) -> Claims:
    settings, keys, values = claims
    return (
        tuple(replace(claim, span=claim.span.shifted(lines)) for claim in settings),
        tuple(replace(key, span=key.span.shifted(lines)) for key in keys),
        tuple(
            replace(value, span=value.span.shifted(lines), value_span=value.value_span.shifted(lines))
            for value in values
        ),
    )


@per_distinct_block(_moved)
def _settings_block(page: Page, code: CodeBlock) -> Claims:
    return _block_claims(python_source(page, code), settings_block=True)


@per_distinct_block(_moved)
def _other_block(page: Page, code: CodeBlock) -> Claims:
    return _block_claims(python_source(page, code), settings_block=False)


def _block_claims(source: PythonSource, *, settings_block: bool) -> Claims:
    settings: list[SettingClaim] = []
    keys: list[SettingKeyClaim] = []
    values: list[SettingValueClaim] = []
    if source.tree is None:
        return (), (), ()
    if settings_block:
        named = _FILE_COMMENT.search(first_comment(source.code))
        shown = named.group(0) if named else None
        for claim, claim_keys in _assignments(source, source.tree.body, shown):
            settings.append(claim)
            keys.extend(claim_keys)
        values.extend(_literal_values(source, source.tree.body, shown))
    for claim, claim_keys in _reads(source):
        settings.append(claim)
        keys.extend(claim_keys)
    return tuple(settings), tuple(keys), tuple(values)


def _literal_values(source: PythonSource, body: list[ast.stmt], shown: str | None) -> Iterator[SettingValueClaim]:
    """The plain values (a string, a number, a boolean) a settings block gives its
    top-level settings and the keys of their dicts; an expression (``os.getenv(…)``,
    ``BASE_DIR / "db"``) gives none."""
    for statement in body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target = statement.targets[0]
            if isinstance(target, ast.Name) and SETTING_NAME.fullmatch(target.id):
                yield from _values_in(source, target.id, "", statement.value, source.node_span(target), shown)


def _values_in(
    source: PythonSource, setting: str, path: str, value: ast.expr, named: Span, shown: str | None,
) -> Iterator[SettingValueClaim]:
    if isinstance(value, ast.Dict):
        for key, item in zip(value.keys, value.values):
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                inner = f"{path}.{key.value}" if path else key.value
                yield from _values_in(source, setting, inner, item, source.node_span(key), shown)
        return
    literal = value.operand if isinstance(value, ast.UnaryOp) and isinstance(value.op, ast.USub) else value
    if not isinstance(literal, ast.Constant) or not isinstance(literal.value, str | int | float) or value.lineno != value.end_lineno:
        return
    written = ast.get_source_segment(source.text, value)
    if written:
        yield SettingValueClaim(setting, path, written, source.node_span(value), named, settings_file=shown, in_code=True)


def is_settings_block(page: Page, code: CodeBlock) -> bool:
    comment = first_comment(code)
    named_file = _FILE_COMMENT.search(comment)
    if named_file:
        return "settings" in named_file.group(0)
    return _names_settings(heading_titles(page, code.span.line))


@lru_cache(maxsize=4096)  # pages repeat the template's chains of headings
def _names_settings(titles: tuple[str, ...]) -> bool:
    return any(_SETTINGS_HEADING.search(title) for title in titles)


# --- assignments --------------------------------------------------------------------


def _assignments(
    source: PythonSource, body: list[ast.stmt], shown: str | None
) -> Iterator[tuple[SettingClaim, list[SettingKeyClaim]]]:
    """The settings ``body`` assigns, with their keys; ``shown``: the file the block says
    it shows."""
    for statement in body:
        if isinstance(statement, ast.Assign):
            for target in statement.targets:
                yield from _assigned(source, target, statement.value, shown)
        elif isinstance(statement, ast.AnnAssign | ast.AugAssign):
            yield from _assigned(source, statement.target, statement.value, shown)
        elif isinstance(statement, ast.If | ast.Try | ast.With):
            # `if DEBUG:` / `try: from .local import *` branches still define settings.
            for branch in _branches(statement):
                yield from _assignments(source, branch, shown)


def _branches(statement: ast.If | ast.Try | ast.With) -> Iterator[list[ast.stmt]]:
    yield statement.body
    if isinstance(statement, ast.If | ast.Try):
        yield statement.orelse
    if isinstance(statement, ast.Try):
        yield statement.finalbody
        for handler in statement.handlers:
            yield handler.body


def _assigned(
    source: PythonSource, target: ast.expr, value: ast.expr | None, shown: str | None
) -> Iterator[tuple[SettingClaim, list[SettingKeyClaim]]]:
    if isinstance(target, ast.Name) and SETTING_NAME.fullmatch(target.id):
        keys = list(_dict_keys(source, target.id, "", value, shown)) if value is not None else []
        yield SettingClaim(target.id, source.node_span(target), settings_file=shown), keys
    elif isinstance(target, ast.Tuple | ast.List):
        for element in target.elts:  # `A = B = …` and `A, B = …`: names only
            yield from _assigned(source, element, None, shown)


def _dict_keys(
    source: PythonSource, setting: str, prefix: str, value: ast.expr, shown: str | None
) -> Iterator[SettingKeyClaim]:
    if not isinstance(value, ast.Dict):
        return
    for key, item in zip(value.keys, value.values):
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            path = f"{prefix}{key.value}"
            yield SettingKeyClaim(setting, path, source.node_span(key), shown)
            yield from _dict_keys(source, setting, path + ".", item, shown)


# --- reads ----------------------------------------------------------------------------


def _reads(source: PythonSource) -> Iterator[tuple[SettingClaim, list[SettingKeyClaim]]]:
    """``settings.NAME`` and ``settings.NAME["key"]["sub"]`` where ``settings`` is Django's."""
    if "settings." not in source.text:
        return
    # By node type: the few kinds read here, without walking every node of the block.
    index = parsed(source.text).index
    if not _settings_is_django(index):
        return
    keyed: dict[int, list[SettingKeyClaim]] = {}
    for node in index.of_type(ast.Subscript):
        chain = _subscript_chain(node)
        if chain is not None:
            attribute, keys = chain
            keyed.setdefault(id(attribute), []).extend(
                SettingKeyClaim(attribute.attr, path, source.node_span(key))
                for path, key in keys
            )
    for node in index.of_type(ast.Attribute):
        if not _is_setting_read(node):
            continue
        claim = SettingClaim(node.attr, _attr_span(source, node), assigned=False)
        yield claim, _longest(keyed.get(id(node), []))


def _settings_is_django(index: NodeIndex) -> bool:
    """False when the block binds ``settings`` to something other than django.conf's."""
    for imported in index.of_type(ast.ImportFrom):
        for alias in imported.names:
            if (alias.asname or alias.name) == "settings" and imported.module != "django.conf":
                return False
    for node in index.of_type(ast.Import):
        if any((alias.asname or alias.name) == "settings" for alias in node.names):
            return False
    for kind in (ast.FunctionDef, ast.AsyncFunctionDef):
        for function in index.of_type(kind):
            if any(arg.arg == "settings" for arg in function.args.args):
                return False  # pytest-django's `settings` fixture may add new names
    return True


def _is_setting_read(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "settings"
        and isinstance(node.ctx, ast.Load)
        and bool(SETTING_NAME.fullmatch(node.attr))
    )


def _subscript_chain(node: ast.Subscript) -> tuple[ast.Attribute, list[tuple[str, ast.expr]]] | None:
    """For ``settings.X["a"]["b"]`` (the outermost subscript): X and [("a", …), ("a.b", …)]."""
    parts: list[ast.expr] = []
    current: ast.expr = node
    while isinstance(current, ast.Subscript):
        parts.append(current.slice)
        current = current.value
    if not _is_setting_read(current) or not all(
        isinstance(p, ast.Constant) and isinstance(p.value, str) for p in parts
    ):
        return None
    assert isinstance(current, ast.Attribute)
    keys: list[tuple[str, ast.expr]] = []
    path = ""
    for part in reversed(parts):
        assert isinstance(part, ast.Constant)
        path = f"{path}.{part.value}" if path else str(part.value)
        keys.append((path, part))
    return current, keys


def _longest(keys: list[SettingKeyClaim]) -> list[SettingKeyClaim]:
    """Each key path once (inner subscripts of one chain repeat the outer ones)."""
    unique: dict[tuple[str, Span], SettingKeyClaim] = {}
    for key in keys:
        unique.setdefault((key.path, key.span), key)
    return list(unique.values())


def _attr_span(source: PythonSource, node: ast.Attribute) -> Span:
    whole = source.node_span(node)
    return Span(whole.end_line, whole.end_column - len(node.attr), whole.end_line, whole.end_column)
