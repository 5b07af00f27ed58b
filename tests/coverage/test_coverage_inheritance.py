"""Coverage counts the fields FD305 asks a Fields list to name: a proxy and a child table
add none of their parent's, and the check and the coverage agree on a fully listed page."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.support import featuredocs
from tests.support.django_project import make_project

MODELS = """
from django.db import models


class Stamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class Venue(Stamped):
    name = models.CharField(max_length=100)


class ConcertHall(Venue):
    organ = models.BooleanField(default=False)


class ClosedVenue(Venue):
    class Meta:
        proxy = True
"""

PAGE = """\
# Venues

> **Venues** - Where events happen.

## Data Models

### Venue

**Fields:**
- `created_at` (DateTimeField): When it was added.
- `name` (CharField): What it is called.

### ConcertHall

**Fields:**
- `organ` (BooleanField): Whether it has one.
"""


def test_a_proxy_and_a_child_table_count_only_their_own_fields(tmp_path: Path) -> None:
    project = make_project(tmp_path, apps={"venues": {"models.py": MODELS}})
    project.write("docs/features/venues.md", PAGE)
    checked = featuredocs("check", "--no-cache", "--select", "FD302,FD305", cwd=tmp_path)
    assert checked.code == 0, checked.out
    run = featuredocs("coverage", "--format", "json", cwd=tmp_path)
    assert run.code == 0, run.err
    report = json.loads(run.out)
    fields = report["totals"]["kinds"]["fields"]
    assert (fields["documented"], fields["total"]) == (3, 3)
    assert report["undocumented"].get("fields", []) == []
