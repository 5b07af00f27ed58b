"""Which folders a fresh interpreter borrows from the process that runs the project."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from featuredocs.introspect.import_path import (
    borrowed,
    import_first,
    normalized,
    running_borrows,
    static_import_roots,
)


def test_normalized_makes_entries_absolute_once_each(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    entries = ["", "apps", tmp_path / "lib", str(tmp_path / "lib"), 3, f"{tmp_path}/apps/../apps"]
    assert normalized(entries) == (str(tmp_path), str(tmp_path / "apps"), str(tmp_path / "lib"))


def test_borrowed_are_the_running_folders_a_fresh_interpreter_lacks_in_order(tmp_path: Path) -> None:
    fresh = ("/usr/lib/python3.11", "/venv/site-packages")
    running = (str(tmp_path / "vendor"), *fresh, str(tmp_path / "apps"))
    assert borrowed(running, fresh, tmp_path) == (str(tmp_path / "vendor"), str(tmp_path / "apps"))
    assert borrowed(fresh, fresh, tmp_path) == ()


def test_the_root_and_a_manage_py_folder_under_it_are_never_borrowed(tmp_path: Path) -> None:
    """The facts' reader puts them on its path anyway: a check from manage.py, whose folder
    is first on sys.path, borrows nothing and shares the console script's facts."""
    project = tmp_path / "project"
    (project / "src").mkdir(parents=True)
    (project / "src" / "manage.py").write_text("")
    link = tmp_path / "link"
    link.symlink_to(project)
    running = (str(link), str(project / "src"), str(project / "apps"))
    assert borrowed(running, (), link) == (str(project / "apps"),)
    assert borrowed((str(project),), (), link) == ()


def test_a_process_lends_what_it_has_put_on_sys_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = normalized(sys.path)
    monkeypatch.setattr(sys, "path", [*sys.path, str(tmp_path / "apps")])
    assert running_borrows(fresh, tmp_path / "elsewhere") == (str(tmp_path / "apps"),)
    assert running_borrows(normalized(sys.path), tmp_path / "elsewhere") == ()


def test_import_first_puts_the_lent_folders_first_and_keeps_its_own_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    own = [str(tmp_path / "stdlib"), str(tmp_path / "site")]
    monkeypatch.setattr(sys, "path", list(own))
    lent = (str(tmp_path / "apps"), str(tmp_path / "site"))
    import_first(lent)
    assert sys.path == [str(tmp_path / "apps"), str(tmp_path / "site"), str(tmp_path / "stdlib")]
    assert all(os.path.isabs(entry) for entry in sys.path)


def test_static_import_roots_follow_the_folders_of_the_project_on_sys_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    (tmp_path / "apps" / "billing").mkdir(parents=True)
    (tmp_path / "apps" / "billing" / "__init__.py").write_text("")
    alone = static_import_roots(tmp_path)
    assert alone == (str(tmp_path.resolve()),)
    monkeypatch.setattr(sys, "path", [*sys.path, str(tmp_path / "apps"), str(tmp_path / "apps" / "billing")])
    assert static_import_roots(tmp_path) == (*alone, str((tmp_path / "apps").resolve()))
