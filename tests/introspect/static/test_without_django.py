"""Static mode where Django cannot be imported (a CI job that installs nothing): the
project's own facts are still read, Django's part falls back to documented lists, and
each fallback is a warning."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from featuredocs.introspect.static.commands import FALLBACK_BASE_OPTIONS
from featuredocs.model import ProjectFacts
from tests.support.django_project import make_project

#: Runs collect_static in a fresh interpreter in which every ``django`` import fails.
SCRIPT = """
import json, sys

class NoDjango:
    def find_spec(self, name, path=None, target=None):
        if name == "django" or name.startswith("django."):
            raise ImportError("Django is not installed here")
        return None

sys.meta_path.insert(0, NoDjango())
from pathlib import Path
from featuredocs.introspect.static import collect_static

facts = collect_static(Path(sys.argv[1]))
assert not [m for m in sys.modules if m == "django" or m.startswith("django.")]
print(json.dumps(facts.to_json()))
"""

MODELS = '''
from django.db import models


class Note(models.Model):
    text = models.TextField(help_text="What was said.")
    author = models.ForeignKey("auth.User", on_delete=models.CASCADE)
'''

COMMAND = '''
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Say it louder."

    def add_arguments(self, parser):
        parser.add_argument("--times", type=int, default=2)
'''

URLS = '''
from django.urls import path, re_path

from notes import views

urlpatterns = [
    path("notes/<int:pk>/", views.note),
    re_path(r"^archive/(?P<year>[0-9]{4})/$", views.note),
]
'''

VIEWS = '''
from django.http import JsonResponse


def note(request, **kwargs):
    return JsonResponse({"text": ""})
'''


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> ProjectFacts:
    project = make_project(
        tmp_path_factory.mktemp("nodjango"),
        {"notes": {"models.py": MODELS, "views.py": VIEWS,
                   "management/commands/shout.py": COMMAND}},
        urls=URLS,
    )
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(project.root)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return ProjectFacts.from_json(json.loads(run.stdout))


def test_each_fallback_is_a_warning(facts: ProjectFacts) -> None:
    assert facts.django_version is None
    assert "Django cannot be imported: its default settings are not listed" in facts.warnings
    assert "Django's source cannot be found: its commands are listed by name only" in facts.warnings
    assert "Django cannot be imported: commands get the base options of Django 5" in facts.warnings


def test_the_projects_own_facts_are_read(facts: ProjectFacts) -> None:
    note = facts.model("notes.Note")
    assert note is not None
    assert [(f.name, f.field_class, f.related_model) for f in note.fields] == [
        ("id", "BigAutoField", None), ("text", "TextField", None),
        ("author", "ForeignKey", "auth.User"),
    ]
    assert [s.name for s in facts.settings if s.project][:3] == ["DATABASES", "DEBUG", "DEFAULT_AUTO_FIELD"]
    assert [(e.path, e.path_params) for e in facts.endpoints] == [
        ("/archive/{year}/", ("year",)), ("/notes/{pk}/", ("pk",))]


def test_commands_get_documented_base_options_and_djangos_names(facts: ProjectFacts) -> None:
    shout = facts.command("shout")
    assert shout is not None and shout.project
    assert shout.options[: len(FALLBACK_BASE_OPTIONS)] == FALLBACK_BASE_OPTIONS
    times = shout.option("--times")
    assert times is not None and (times.default, times.type) == ("2", "int")
    migrate = facts.command("migrate")
    assert migrate is not None and not migrate.project
    assert not migrate.options_complete  # its own options are not known
    assert facts.command("createsuperuser") is not None  # django.contrib.auth, by name
