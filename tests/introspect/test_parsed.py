"""One parse per file and run: shared inside ``reading_once``, forgotten after it; and the
definitions found in that parse are the ones ``inspect`` reads."""

from __future__ import annotations

import ast
import contextlib
import importlib.util
import inspect
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from featuredocs.introspect.definitions import definition
from featuredocs.introspect.parsed import (
    LEAVES,
    branches,
    child_nodes,
    parsed_file,
    per_run,
    reading_once,
    statements,
)
from featuredocs.introspect.urls.source import parsed_source, source_location

VIEWS = '''\
import functools


def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


def plain(request):
    return request.GET.get("q")


@logged
def decorated(request):
    return request.GET["page"]


async def waiting(request):
    return request.GET.get("wait")


def one_liner(request): return request.GET.get("short")


def registered(cls):
    return cls


@registered
class Report:
    """A class with a decorator."""

    class Meta:
        ordering = ["-created"]

    def get(self, request):
        return {"q": request.GET.get("q")}

    def text(self):
        return """
a string back at the margin
"""

    if True:
        def conditional(self):
            return self.GET.get("c")


def factory():
    class Local:
        def get(self, request):
            return request.GET.get("local")
    return Local


Local = factory()
short = lambda request: request.GET.get("l")  # noqa: E731
'''


@pytest.fixture
def views(tmp_path: Path) -> Iterator[ModuleType]:
    path = tmp_path / "fd_parsed_views.py"
    path.write_text(VIEWS, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("fd_parsed_views", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


def _objects(views: ModuleType) -> dict[str, object]:
    return {
        "plain": views.plain, "decorated": views.decorated, "waiting": views.waiting,
        "one_liner": views.one_liner, "Report": views.Report, "Meta": views.Report.Meta,
        "get": views.Report.get, "bound": views.Report().get, "text": views.Report.text,
        "conditional": views.Report.conditional, "Local": views.Local,
        "local_get": views.Local.get, "lambda": views.short,
    }


def _inspected(obj: object) -> str | None:
    """What ``parsed_source`` read before it had the shared parse."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(obj)))  # type: ignore[arg-type]
    except (OSError, TypeError, SyntaxError):
        return None
    return ast.dump(tree.body[0] if len(tree.body) == 1 else tree)


def _shared(obj: object) -> str | None:
    node = parsed_source(obj)
    if node is None:
        return None
    return ast.dump(node.body[0] if isinstance(node, ast.Module) and len(node.body) == 1 else node)


@pytest.mark.parametrize("inside", [True, False])
def test_definitions_read_as_inspect_reads_them(views: ModuleType, tmp_path: Path, inside: bool) -> None:
    with reading_once() if inside else contextlib.nullcontext():
        for name, obj in _objects(views).items():
            assert _shared(obj) == _inspected(obj), name
            line = inspect.getsourcelines(obj)[1]  # type: ignore[arg-type]
            where = source_location(obj, tmp_path.parent)
            assert where is not None, name
            assert (where.path, where.line) == (f"{tmp_path.name}/fd_parsed_views.py", line), name


def test_the_text_back_at_the_margin_reads_as_nothing_as_before(views: ModuleType) -> None:
    with reading_once():
        assert parsed_source(views.Report.text) is None
        found = definition(views.Report.text)
        assert found is not None and not found.dedents
        assert definition(views.short) is None  # a lambda: left to inspect


def test_a_run_shares_each_parse_and_forgets_it_after(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_text("a = 1\n", encoding="utf-8")
    with reading_once():
        first = parsed_file(path)
        assert first is not None and parsed_file(str(path)) is first
        path.write_text("b = 2\n", encoding="utf-8")
        assert parsed_file(path) is first  # one run reads one state of the tree
    after = parsed_file(path)
    assert after is not None and after.text == "b = 2\n"
    assert parsed_file(path) is not after  # outside a run nothing is kept


def test_answers_are_kept_for_one_run_only() -> None:
    calls: list[int] = []

    @per_run
    def double(n: int) -> int:
        calls.append(n)
        return n * 2

    with reading_once():
        assert double(2) == double(2) == 4
        with reading_once():  # a nested run joins the outer one
            assert double(2) == 4
        assert double([1]) == [1, 1]  # an argument that cannot be a key is still answered
    assert double(2) == 4
    assert calls == [2, [1], 2]


def test_statements_come_in_the_order_ast_walk_meets_them() -> None:
    tree = ast.parse(VIEWS + textwrap.dedent('''
        try:
            import a
        except ImportError:
            for x in y:
                import b
        else:
            import c
        finally:
            while z:
                import d
        match v:
            case 1:
                import e
    '''))
    kinds = (ast.stmt, ast.excepthandler, ast.match_case, ast.Module)
    assert list(statements(tree)) == [n for n in ast.walk(tree) if isinstance(n, kinds)]


def test_branches_and_child_nodes_meet_nodes_as_ast_does() -> None:
    tree = ast.parse(VIEWS + textwrap.dedent('''
        x = {k: [f(a, *b, c=d) for a in e if not g and -1 < a] for k in h}
        global q
        y[0] += lambda: (yield from z)
        del w.v
    '''))
    assert branches(tree) == [n for n in ast.walk(tree) if type(n) not in LEAVES]
    for node in ast.walk(tree):
        assert child_nodes(node) == list(ast.iter_child_nodes(node))
        if type(node) in LEAVES:  # nothing under a leaf is left unseen
            assert all(type(n) in LEAVES for n in ast.walk(node))
    leaf = tree.body[-1].targets[0].value  # the ``w`` of ``del w.v``
    assert branches(leaf) == [leaf]

