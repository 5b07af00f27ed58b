"""A page that cannot be read stops every command with one line naming it and exit 2,
and nothing is written: not the fixes, syncs or index of the pages that did read."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.support import SCRIPT, featuredocs

SHOP = Path(__file__).resolve().parents[2] / "examples" / "shop"
FEATURES = Path("docs") / "features"


def _latin1(features: Path) -> str:
    (features / "latin1.md").write_bytes("# Café\n".encode("latin-1"))
    return "latin1.md"


def _binary(features: Path) -> str:
    (features / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    return "binary.md"


def _huge(features: Path) -> str:
    (features / "huge.md").write_bytes(b"# Big\n\n" + b"lorem ipsum dolor sit amet\n" * 220_000)
    return "huge.md"


def _loop(features: Path) -> str:
    (features / "loop-a.md").symlink_to("loop-b.md")
    (features / "loop-b.md").symlink_to("loop-a.md")
    return "loop-a.md"


BAD_PAGES: dict[str, Callable[[Path], str]] = {
    "not UTF-8": _latin1, "binary": _binary, "over 5 MB": _huge, "symlink loop": _loop,
}


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    """The example project with one drift ``check --fix`` and ``sync`` repair: a changed
    option default."""
    project = tmp_path / "shop"
    shutil.copytree(SHOP, project, ignore=shutil.ignore_patterns(".featuredocs_cache", "__pycache__"))
    command = project / "orders" / "management" / "commands" / "expire_orders.py"
    command.write_text(command.read_text(encoding="utf-8").replace("default=200,", "default=300,"),
                       encoding="utf-8")
    return project


def _snapshot(project: Path) -> dict[str, bytes]:
    docs = project / "docs"
    return {
        path.relative_to(docs).as_posix(): path.read_bytes()
        for path in sorted(docs.rglob("*.md")) if not path.is_symlink()
    }


def _assert_reported(err: str, name: str) -> None:
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if f"docs/features/{name}:" in line]
    assert len(lines) == 1, err
    assert lines[0].startswith(f"featuredocs: docs/features/{name}: ")


@pytest.mark.parametrize("bad", BAD_PAGES.values(), ids=BAD_PAGES.keys())
@pytest.mark.parametrize(
    "command",
    [("check", "--fix"), ("sync",), ("index",), ("check",), ("check", "--diff"), ("sync", "--check"),
     ("sync", "--diff"), ("coverage",), ("index", "--check"), ("index", "--diff"),
     ("new", "zz", "--app", "orders")],
    ids=" ".join,
)
def test_bad_page_is_one_line_exit_2_and_nothing_written(
    shop: Path, bad: Callable[[Path], str], command: tuple[str, ...]
) -> None:
    name = bad(shop / FEATURES)
    before = _snapshot(shop)
    run = featuredocs(*command, "--no-cache", cwd=shop)
    _assert_reported(run.err, name)
    assert run.code == 2, run.err
    assert _snapshot(shop) == before
    assert "applied" not in run.err and "updated" not in run.out


def _without_read_override() -> tuple[str, ...]:
    """What runs the script so a file with no read permission cannot be read, even as root."""
    if os.geteuid() != 0:
        return (str(SCRIPT),)
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("runs as root without setpriv to drop the right to read any file")
    return (setpriv, "--bounding-set=-dac_override,-dac_read_search", str(SCRIPT))


@pytest.mark.skipif(os.name != "posix", reason="file permissions")
@pytest.mark.parametrize("command", [("check", "--fix"), ("sync",), ("index",), ("coverage",)], ids=" ".join)
def test_unreadable_page_writes_nothing(shop: Path, command: tuple[str, ...]) -> None:
    page = shop / FEATURES / "secret.md"
    page.write_text("# Secret\n", encoding="utf-8")
    before = _snapshot(shop)
    page.chmod(0)
    try:
        run = featuredocs(*command, "--no-cache", cwd=shop, program=_without_read_override())
        _assert_reported(run.err, "secret.md")
        assert "cannot read" in run.err
        assert run.code == 2
    finally:
        page.chmod(0o644)
    assert _snapshot(shop) == before
