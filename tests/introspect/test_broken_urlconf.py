"""A project whose settings import but whose URLconf raises (a view module broken by the
change being documented): ``featuredocs check`` says so on one line, reads the endpoints
from the source instead, and checks the pages as usual; it does not report every
documented path as unknown."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from tests.cli.support import featuredocs
from tests.support.django_project import make_project

MODELS = """
from django.db import models


class Book(models.Model):
    title = models.CharField(max_length=200)
"""

VIEWS = """
from django.http import JsonResponse

from shelf.models import Book, Shelf  # Shelf was renamed: the import fails


def books(request):
    return JsonResponse({"titles": list(Book.objects.values_list("title", flat=True))})
"""

URLS = """
from django.urls import path

from shelf import views

urlpatterns = [path("api/books/", views.books, name="books")]
"""

PAGE = """\
# Shelf

> Books on a shelf.

## Data Models

### Book

**Fields:**
- `title` (CharField): The title.
- `isbn` (CharField): The ISBN printed on the back.

## API Endpoints

### GET /api/books/

Every title.

### GET /api/shelves/

Every shelf.
"""


def _project(tmp_path: Path, views: str) -> Path:
    project = make_project(tmp_path, {"shelf": {"models.py": MODELS, "views.py": views}}, urls=URLS)
    (tmp_path / "docs" / "features").mkdir(parents=True)
    (tmp_path / "docs" / "features" / "shelf.md").write_text(textwrap.dedent(PAGE), encoding="utf-8")
    return project.root


def _check(root: Path, *options: str) -> tuple[list[str], list[tuple[str, int]]]:
    run = featuredocs("check", "--format", "json", "--select", "FD3,FD5", *options, cwd=root)
    assert run.code == 1 and "Traceback" not in run.err
    notes = [line for line in run.err.splitlines() if line.strip()]
    return notes, [(f["code"], f["line"]) for f in json.loads(run.out)["findings"]]


def test_endpoints_of_a_urlconf_that_raises_are_read_from_the_source(tmp_path: Path) -> None:
    root = _project(tmp_path, VIEWS)
    notes, found = _check(root, "--mode", "live", "--no-cache")
    assert notes == [
        "featuredocs: endpoints: the URLconf cannot be imported (ImportError: cannot import name 'Shelf' "
        "from 'shelf.models' (" + str(root / "shelf" / "models.py") + ")); read from the source instead"
    ]
    # `isbn` is not a field; `/api/shelves/` is not a route; `/api/books/` is.
    assert found == [("FD302", 11), ("FD501", 19)]
    # A check from the cache says it again, as long as the facts it keeps were read so.
    assert _check(root, "--mode", "live") == (notes, found)
    assert _check(root, "--mode", "live") == (notes, found)


def test_a_project_that_imports_whole_says_nothing(tmp_path: Path) -> None:
    root = _project(tmp_path, VIEWS.replace(", Shelf  # Shelf was renamed: the import fails", ""))
    notes, found = _check(root, "--mode", "live", "--no-cache")
    assert notes == []
    assert found == [("FD302", 11), ("FD501", 19)]


def test_a_password_the_urlconfs_error_quotes_is_starred_everywhere(tmp_path: Path) -> None:
    root = _project(tmp_path, 'raise RuntimeError("no route to postgres://shelf:hunter2@db/shelf")\n')
    notes, _ = _check(root, "--mode", "live", "--no-cache")
    facts = featuredocs("facts", "--mode", "live", "--no-cache", cwd=root)
    warnings = json.loads(facts.out)["warnings"]
    for shown in (*notes, facts.err, *warnings):
        assert "hunter2" not in shown
    assert warnings == [
        "endpoints: the URLconf cannot be imported (RuntimeError: no route to postgres://shelf:*******@db/shelf); "
        "read from the source instead"
    ]
