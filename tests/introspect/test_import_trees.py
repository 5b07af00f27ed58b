"""Modules of the project imported from the trees the facts read: the same code, one parse,
and nothing kept or hooked once the run ends."""

from __future__ import annotations

import ast
import importlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from featuredocs.introspect.import_trees import compiled_from_trees
from featuredocs.introspect.parsed import _parse, parsed_file, parsed_for_import, reading_once

SHOP = b'''\
"""Shop."""
from __future__ import annotations

PRICES = {"tea": 3}\r\n\r\n
def price(name: str) -> int:
    return PRICES[name]
'''


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    root = tmp_path / "proj"
    (root / "shop").mkdir(parents=True)
    (root / "shop" / "__init__.py").write_bytes(b"")
    (root / "shop" / "prices.py").write_bytes(SHOP)
    (root / ".venv").mkdir()
    (root / ".venv" / "pyvenv.cfg").write_text("home = /usr\n")
    (root / ".venv" / "vendored.py").write_text("VALUE = 1\n")
    sys.path.insert(0, str(root))
    sys.path.insert(0, str(root / ".venv"))
    yield root
    sys.path.remove(str(root))
    sys.path.remove(str(root / ".venv"))
    for name in ("shop", "shop.prices", "vendored"):
        sys.modules.pop(name, None)
    sys.path_importer_cache.pop(str(root), None)
    sys.path_importer_cache.pop(str(root / "shop"), None)
    sys.path_importer_cache.pop(str(root / ".venv"), None)


def test_a_module_of_the_project_is_parsed_once_and_runs_as_compiled_from_text(project: Path) -> None:
    hooks = list(sys.path_hooks)
    path = str(project / "shop" / "prices.py")
    with reading_once(), compiled_from_trees(project):
        prices = importlib.import_module("shop.prices")
        kept = parsed_file(path)
        vendored = importlib.import_module("vendored")
        assert parsed_file(str(project / ".venv" / "vendored.py")) is not kept
    assert type(prices.__loader__).__name__ == "_TreeLoader"
    assert prices.price("tea") == 3
    assert prices.__annotations__ == {} and prices.price.__annotations__ == {"name": "str", "return": "int"}
    assert prices.__doc__ == "Shop."
    assert vendored.VALUE == 1
    assert kept is not None
    read = _parse(path)
    assert read is not None
    assert kept.text == read.text
    assert ast.dump(kept.tree, include_attributes=True) == ast.dump(read.tree, include_attributes=True)
    assert sys.path_hooks == hooks
    assert str(project / "shop") not in sys.path_importer_cache


def test_the_vendored_folder_is_not_claimed(project: Path) -> None:
    with reading_once(), compiled_from_trees(project):
        importlib.import_module("vendored")
        finder = sys.path_importer_cache[str(project / ".venv")]
        assert all(type(loader).__name__ != "_TreeLoader" for loader, _ in finder._loaders)


@pytest.mark.parametrize("data", [
    b"# -*- coding: latin-1 -*-\nNAME = 'caf\xc3\xa9'\n",
    b"#!/usr/bin/env python\n# vim: set fileencoding=latin-1 :\nNAME = 1\n",
    b"\xef\xbb\xbfNAME = 1\n",
    b"NAME = '\xe9'\n",
    b"def broken(:\n",
])
def test_a_file_the_two_readings_could_differ_on_is_compiled_from_its_bytes(data: bytes) -> None:
    with reading_once():
        assert parsed_for_import("/nowhere/module.py", data) is None


def test_nothing_is_parsed_for_an_import_outside_a_run() -> None:
    assert parsed_for_import("/nowhere/module.py", b"NAME = 1\n") is None
