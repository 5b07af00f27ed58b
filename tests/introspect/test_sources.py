"""The text of a node as written: the same as ``ast.get_source_segment``, from lines split
once per file."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from featuredocs.introspect import sources
from featuredocs.introspect.static.modules import Module
from featuredocs.introspect.sources import SourceFile, source_lines, source_segment

#: Line endings of every kind, a form feed and a line separator inside a line (neither ends
#: a line for the Python tokenizer), and characters of several bytes before a node.
AWKWARD = (
    "total = (1 +\r\n    2)\r"
    "label = 'é' + 'ü'  # \u2028 not a break\n"
    "\x0cpage = {\n    'k': [x for x in 'ab'],\n}\n"
    "last = f'{total}:{label}'"
)


@pytest.mark.parametrize("text", [AWKWARD, Path(sources.__file__).read_text(encoding="utf-8")])
def test_every_node_reads_as_ast_reads_it(text: str) -> None:
    tree = ast.parse(text)
    lines = source_lines(text)
    nodes = list(ast.walk(tree))
    assert len(nodes) > 20
    for node in nodes:
        assert source_segment(lines, node) == ast.get_source_segment(text, node)


def test_source_files_and_static_modules_split_their_text_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    splits: list[str] = []

    def counted(text: str) -> list[str]:
        splits.append(text)
        return source_lines(text)

    monkeypatch.setattr(sources, "source_lines", counted)
    monkeypatch.setattr("featuredocs.introspect.static.modules.source_lines", counted)
    tree = ast.parse(AWKWARD)
    source = SourceFile(tmp_path / "awkward.py", "awkward.py", "awkward", tree, AWKWARD)
    module = Module("awkward", tmp_path / "awkward.py", tree, AWKWARD, False, "awkward.py")
    nodes = [n for n in ast.walk(tree) if isinstance(n, ast.expr)]
    assert [source.segment(n) for n in nodes] == [ast.get_source_segment(AWKWARD, n) for n in nodes]
    assert [module.segment(n) for n in nodes] == [ast.get_source_segment(AWKWARD, n) for n in nodes]
    assert splits == [AWKWARD, AWKWARD]


def test_a_node_without_a_position_is_unparsed(tmp_path: Path) -> None:
    tree = ast.parse("x = 1\n")
    source = SourceFile(tmp_path / "x.py", "x.py", "x", tree, "x = 1\n")
    made = ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2))
    assert source_segment(source.lines, made) is None
    assert source.segment(made) == "1 + 2"
