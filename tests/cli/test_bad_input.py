"""Bad input gets one clear line naming the file and exit code 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.support import featuredocs

GOOD_PAGE = "# Orders\n\n> **Orders** - Orders.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "manage.py").write_text("", encoding="utf-8")
    features = tmp_path / "docs" / "features"
    features.mkdir(parents=True)
    (features / "good.md").write_text(GOOD_PAGE, encoding="utf-8")
    return tmp_path


def one_error_line(err: str, *needles: str) -> str:
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if all(n in line for n in needles)]
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
        ("latin1.md", "# Café\n".encode("latin-1"), "not UTF-8 (invalid byte 0xe9 at offset 5)"),
        ("huge.md", b"# Big\n\n" + b"lorem ipsum dolor sit amet\n" * 800_000, "over the"),
    ],
)
def test_unreadable_page_is_named_on_one_line(
    project: Path, name: str, content: bytes, expected: str
) -> None:
    (project / "docs" / "features" / name).write_bytes(content)
    run = featuredocs("check", cwd=project)
    assert run.code == 2
    line = one_error_line(run.err, f"docs/features/{name}")
    assert expected in line
    assert line.startswith(f"featuredocs: docs/features/{name}: ")
    assert "All checks passed" not in run.out  # the page was not checked at all
    assert run.out.rstrip().endswith("; 1 page could not be read")


def test_empty_page_is_a_finding_not_a_crash(project: Path) -> None:
    (project / "docs" / "features" / "empty.md").write_bytes(b"")
    run = featuredocs("check", "--format", "json", cwd=project)
    assert "Traceback" not in run.err
    assert '"path": "docs/features/empty.md"' in run.out
    assert '"code": "FD105"' in run.out


def test_ten_thousand_nested_levels_parse(project: Path) -> None:
    nested = "# Deep\n\n> **Deep** - nesting.\n\n" + "- " * 10_000 + "x\n" + ">" * 10_000 + " y\n"
    (project / "docs" / "features" / "deep.md").write_text(nested, encoding="utf-8")
    run = featuredocs("check", "docs/features/deep.md", "--select", "FD105", cwd=project)
    assert "Traceback" not in run.err
    assert run.code == 0, run.err


def test_missing_docs_folder(tmp_path: Path) -> None:
    (tmp_path / "manage.py").write_text("", encoding="utf-8")
    run = featuredocs("check", cwd=tmp_path)
    assert run.code == 2
    assert run.err.strip() == "featuredocs: docs: docs folder not found (set `docs` in [tool.featuredocs] or pass --docs)"


def test_malformed_pyproject(project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.featuredocs\ndocs = 'docs'\n", encoding="utf-8")
    (project / "manage.py").unlink()
    run = featuredocs("check", cwd=project)
    assert run.code == 2
    # An unparsable pyproject cannot be told to configure featuredocs: it is reported only
    # when it is the configuration in use, so point at it explicitly.
    run = featuredocs("check", "--root", str(project), cwd=project)
    assert run.code == 2
    line = one_error_line(run.err, "pyproject.toml")
    assert "invalid TOML" in line


def test_unknown_config_key(project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.featuredocs]\nselekt = ['FD1']\n", encoding="utf-8")
    run = featuredocs("check", cwd=project)
    assert run.code == 2
    line = one_error_line(run.err, "pyproject.toml")
    assert "unknown key `tool.featuredocs.selekt`" in line


def test_path_outside_the_docs(project: Path) -> None:
    (project / "notes.md").write_text("# x\n", encoding="utf-8")
    run = featuredocs("check", "notes.md", cwd=project)
    assert run.code == 2
    assert run.err.strip() == "featuredocs: notes.md: not a Markdown page under the docs folder"


def test_unknown_rule_and_unknown_flag(project: Path) -> None:
    run = featuredocs("rule", "FD999", cwd=project)
    assert (run.code, run.err.strip()) == (2, "featuredocs: no rule `FD999` (see `featuredocs rules`)")
    run = featuredocs("check", "--formt", "json", cwd=project)
    assert run.code == 2
    assert "unrecognized arguments: --formt" in run.err
    assert "Traceback" not in run.err


def test_bad_template_is_named(project: Path) -> None:
    template = project / "template.md"
    template.write_text("# Just a title\n\nNo sections at all.\n", encoding="utf-8")
    run = featuredocs("check", "--template", str(template), cwd=project)
    assert run.code == 2
    line = one_error_line(run.err, "template.md")
    assert "Traceback" not in run.err and line


def test_settings_that_fail_to_import_fall_back(project: Path) -> None:
    (project / "broken_settings.py").write_text("raise RuntimeError('no database url')\n", encoding="utf-8")
    run = featuredocs("check", "--settings", "broken_settings", "--select", "FD105", cwd=project)
    assert "Traceback" not in run.err
    line = one_error_line(run.err, "broken_settings")
    assert "cannot import settings `broken_settings`: RuntimeError: no database url" in line
    assert run.code == 0, run.out  # the page still checks against the template
    run = featuredocs("check", "--settings", "broken_settings", "--mode", "live", cwd=project)
    assert run.code == 2
