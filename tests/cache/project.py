"""A small real Django project with a docs tree, and a counting facts loader.

Two feature pages: ``orders.md`` documents the ``Order`` model; ``guide.md`` links to a
heading of ``orders.md`` and to a line of ``orders/models.py``. The index links both.
"""

from __future__ import annotations

import os
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from featuredocs.cache import IncrementalCheck, incremental_check
from featuredocs.config import Config, load_config
from featuredocs.engine import run_check
from featuredocs.model import Finding, ProjectFacts
from featuredocs.project import FactsOutcome, load_facts
from tests.support.django_project import DjangoProject, make_project

MODELS = """\
from django.db import models


class Order(models.Model):
    number = models.CharField(max_length=20, unique=True)
    total = models.PositiveIntegerField(default=0)
    note = models.TextField(blank=True)
"""

SETTINGS = """\
ORDER_WINDOW_HOURS = int(os.environ.get("SHOP_ORDER_WINDOW_HOURS", "48"))
"""

ORDERS_PAGE = """\
# Orders

> **Orders** - What a customer bought, numbered and totalled.

## Data Models

### Order

An order.

**Fields:**
- `id` (BigAutoField): Primary key.
- `number` (CharField): Unique number.
- `total` (PositiveIntegerField): Sum of the lines.
- `note` (TextField): Free text.

## Payment

Orders are paid by card.
"""

GUIDE_PAGE = """\
# Guide

> **Guide** - Where to start.

## Overview

Read about [the order model](orders.md#order) and
[its definition](../../orders/models.py#L5).
"""

INDEX = """\
# Docs

- [Orders](features/orders.md)
- [Guide](features/guide.md)
"""


@dataclass
class Site:
    """The project, its docs, and every facts load the runs asked for."""

    project: DjangoProject
    loads: list[str] = field(default_factory=list)
    _reference: tuple[object, ProjectFacts | None] | None = None

    @property
    def root(self) -> Path:
        return self.project.root

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def config(self, **overrides: object) -> Config:
        return load_config(root=self.root).with_overrides(settings="project.settings", **overrides)

    def load(self, config: Config) -> FactsOutcome:
        self.loads.append(str(config.root))
        return load_facts(config, child=True)

    def check(self, config: Config | None = None, **options: object) -> IncrementalCheck:
        return incremental_check(config or self.config(), load=self.load, **options)  # type: ignore[arg-type]

    def reference(self, config: Config | None = None) -> tuple[Finding, ...]:
        """What the engine reports without any cache, for comparison.

        The facts are read again whenever the project's code, data files or environment
        changed (compared here by plain content, independently of the cache's own keys).
        """
        config = config or self.config()
        state = (
            tuple((p.as_posix(), p.read_bytes()) for p in sorted(self.root.rglob("*.py"))),
            tuple((p.as_posix(), p.read_bytes()) for p in sorted(self.root.glob("project/**/*.json"))),
            sorted((name, value) for name, value in os.environ.items() if name.startswith("SHOP_")),
        )
        if self._reference is None or self._reference[0] != state:
            self._reference = (state, load_facts(config, child=True).facts)
        return run_check(config, self._reference[1]).findings

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new), encoding="utf-8")


def make_site(root: Path) -> Site:
    project = make_project(root, apps={"orders": {"models.py": MODELS}}, settings=SETTINGS)
    site = Site(project)
    site.write("docs/README.md", INDEX)
    site.write("docs/features/orders.md", ORDERS_PAGE)
    site.write("docs/features/guide.md", GUIDE_PAGE)
    return site


def codes(findings: tuple[Finding, ...], page: str) -> list[str]:
    return [f.code for f in findings if f.path.endswith(page)]
