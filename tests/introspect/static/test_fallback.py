"""A project whose settings cannot be imported: ``featuredocs check`` says so on one line,
falls back to static mode, and still reports drift from the facts it read statically."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from tests.cli.support import featuredocs
from tests.support.django_project import make_project

MODELS = '''
from django.db import models


class Book(models.Model):
    title = models.CharField(max_length=200)
    pages = models.PositiveIntegerField(default=100)
'''

PAGE = """\
# Shelf

> Books on a shelf.

## Data Models

### Book

**Fields:**
- `title` (CharField): The title.
- `isbn` (CharField): The ISBN printed on the back.
- `pages` (PositiveIntegerField): How long it is.
"""


def _project(tmp_path: Path, error: str = "the secrets vault is sealed") -> Path:
    project = make_project(
        tmp_path,
        {"shelf": {"models.py": MODELS}},
        settings=f"raise RuntimeError({error!r})\n",
    )
    (tmp_path / "docs" / "features").mkdir(parents=True)
    (tmp_path / "docs" / "features" / "shelf.md").write_text(textwrap.dedent(PAGE), encoding="utf-8")
    return project.root


def test_unimportable_settings_fall_back_to_static_facts(tmp_path: Path) -> None:
    root = _project(tmp_path)
    run = featuredocs("check", "--format", "json", "--no-cache", "--select", "FD3", cwd=root)
    assert "Traceback" not in run.err
    lines = [line for line in run.err.splitlines() if line.strip()]
    assert lines == [
        "featuredocs: cannot import settings `project.settings`: RuntimeError: the secrets vault "
        "is sealed; falling back to static mode"
    ]
    found = [(f["code"], f["line"]) for f in json.loads(run.out)["findings"]]
    assert found == [("FD302", 11)]  # `isbn` is not a field of shelf.Book; the others are
    assert run.code == 1


def test_live_mode_refuses_instead_of_falling_back(tmp_path: Path) -> None:
    root = _project(tmp_path)
    run = featuredocs("check", "--mode", "live", "--no-cache", cwd=root)
    assert run.code == 2
    assert "cannot import settings `project.settings`: RuntimeError" in run.err
    assert "Traceback" not in run.err


def test_a_password_in_the_projects_error_is_starred(tmp_path: Path) -> None:
    root = _project(tmp_path, "cannot reach postgres://shelf:hunter2@db/shelf with API_TOKEN=tok-123")
    for mode in ("auto", "live"):
        run = featuredocs("check", "--mode", mode, "--no-cache", cwd=root)
        assert "hunter2" not in run.err and "tok-123" not in run.err
        assert "postgres://shelf:*******@db/shelf with API_TOKEN=*******" in run.err
