"""Static mode never imports the project: every module here leaves a marker file when it
runs, the project is on ``sys.path`` so an import would succeed, and none may run."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from featuredocs.introspect.static import collect_static
from tests.support.django_project import make_project

MARK = 'import pathlib; pathlib.Path(__file__).with_suffix(".ran").write_text("imported")\n'

MODELS = MARK + '''
from django.db import models


class Note(models.Model):
    text = models.TextField()
'''

COMMAND = MARK + '''
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument("--loud", action="store_true")
'''

VIEWS = MARK + '''
from django.http import JsonResponse


def notes(request):
    return JsonResponse({"notes": []})
'''

URLS = MARK + '''
from django.urls import path

from notes import views

urlpatterns = [path("notes/", views.notes)]
'''


def test_collecting_static_facts_runs_none_of_the_projects_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(
        tmp_path,
        {"notes": {"__init__.py": MARK, "apps.py": MARK, "models.py": MODELS, "views.py": VIEWS,
                   "management/commands/shout.py": COMMAND}},
        settings=MARK,
        urls=URLS,
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    before = set(sys.modules)

    facts = collect_static(project.root)

    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.ran")) == []
    assert not {m for m in set(sys.modules) - before if m.split(".")[0] in {"notes", "project"}}
    # and yet everything was read
    assert facts.model("notes.Note") is not None
    command = facts.command("shout")
    assert command is not None and command.option("--loud") is not None
    assert [e.path for e in facts.endpoints] == ["/notes/"]
