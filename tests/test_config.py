from __future__ import annotations

from pathlib import Path

import pytest

from featuredocs.config import find_root, load_config
from featuredocs.errors import UsageError
from featuredocs.model import Severity


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_no_configuration_uses_the_folder_of_manage_py(tmp_path: Path) -> None:
    write(tmp_path / "manage.py", "")
    nested = tmp_path / "shop" / "orders"
    nested.mkdir(parents=True)
    config = load_config(nested)
    assert config.root == tmp_path.resolve()
    assert config.docs == tmp_path.resolve() / "docs"
    assert config.source is None
    assert config.select == ("ALL",)


def test_pyproject_table_is_read_and_paths_resolved(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        """
[tool.featuredocs]
docs = "documentation"
pages = ["features/*.md"]
template = "documentation/_TEMPLATE.md"
select = ["FD3", "FD4"]
ignore = ["FD305"]
per-file-ignores = { "features/legacy-*.md" = ["FD3"] }
severity = { FD305 = "info", FD4 = "WARNING" }
fail-under = 80
""",
    )
    config = load_config(tmp_path)
    assert config.docs == tmp_path.resolve() / "documentation"
    assert config.template == tmp_path.resolve() / "documentation" / "_TEMPLATE.md"
    assert config.pages == ("features/*.md",)
    assert config.select == ("FD3", "FD4")
    assert config.per_file_ignores == {"features/legacy-*.md": ("FD3",)}
    assert config.severity == {"FD305": Severity.INFO, "FD4": Severity.WARNING}
    assert config.fail_under == 80.0


def test_a_configured_pyproject_wins_over_a_nearer_manage_py(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.featuredocs]\ndocs = 'd'\n")
    write(tmp_path / "src" / "manage.py", "")
    root, source = find_root(tmp_path / "src")
    assert (root, source) == (tmp_path / "src", None)  # nearest wins, going upwards
    root, source = find_root(tmp_path)
    assert (root, source) == (tmp_path.resolve(), tmp_path.resolve() / "pyproject.toml")


def test_unknown_key_is_named(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.featuredocs]\ndoc = 'docs'\n")
    with pytest.raises(UsageError) as error:
        load_config(tmp_path)
    assert "unknown key `tool.featuredocs.doc`" in str(error.value)
    assert str(error.value).startswith(str(tmp_path.resolve() / "pyproject.toml"))


def test_malformed_toml_names_the_file_and_position(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.featuredocs]\ndocs = \n")
    with pytest.raises(UsageError) as error:
        load_config(tmp_path)
    message = str(error.value)
    assert "pyproject.toml: invalid TOML" in message
    assert "line 2" in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("mode = 'fast'", "`tool.featuredocs.mode` must be auto or live or static"),
        ("select = 3", "`tool.featuredocs.select` must be a list of strings"),
        ("severity = { FD302 = 'fatal' }", "'fatal' is not error, warning or info"),
        ("fail-under = 120", "must be a number from 0 to 100"),
    ],
)
def test_bad_values_are_explained(tmp_path: Path, line: str, expected: str) -> None:
    write(tmp_path / "pyproject.toml", f"[tool.featuredocs]\n{line}\n")
    with pytest.raises(UsageError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        load_config(tmp_path)


def test_flags_override_the_file(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.featuredocs]\nmode = 'static'\nsettings = 'a.settings'\n")
    config = load_config(tmp_path).with_overrides(mode="live", settings=None)
    assert config.mode == "live"
    assert config.settings == "a.settings"
