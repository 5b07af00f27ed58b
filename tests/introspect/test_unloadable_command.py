"""A management command whose module raises on import (it imports what the change being
documented renamed): ``featuredocs check`` says so on one line and reads the command from
the source, so its page is checked against its options instead of being told that the
command does not exist."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from tests.cli.support import featuredocs
from tests.support.django_project import make_project

COMMAND = """
from django.core.management.base import BaseCommand

from shelf.models import Shelf  # renamed away: the import fails


class Command(BaseCommand):
    help = "Reshelve the books."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=200, help="Books per query")
        parser.add_argument("--dry-run", action="store_true", help="Move nothing")

    def handle(self, *args, **options):
        pass
"""

PAGE = """\
# Shelf

> Books on a shelf.

## Management Commands

### reshelve

**Options:**
- `--batch-size`: Books per query (default: 500)
- `--dry-run`: Move nothing
"""


def test_a_command_that_cannot_be_loaded_is_read_from_the_source(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"shelf": {"management/commands/reshelve.py": COMMAND}})
    (tmp_path / "docs" / "features").mkdir(parents=True)
    (tmp_path / "docs" / "features" / "shelf.md").write_text(textwrap.dedent(PAGE), encoding="utf-8")
    run = featuredocs("check", "--mode", "live", "--no-cache", "--format", "json", "--select", "FD4", cwd=project.root)
    assert [line for line in run.err.splitlines() if line.strip()] == [
        "featuredocs: command reshelve: cannot be loaded (ImportError: cannot import name 'Shelf' from "
        f"'shelf.models' ({project.root / 'shelf' / 'models.py'})); read from the source instead"
    ]
    found = [(f["code"], f["line"], f["message"]) for f in json.loads(run.out)["findings"]]
    assert found == [("FD403", 10, "`--batch-size` is documented to default to `500`, but defaults to `200`")]
