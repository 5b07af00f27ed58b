"""Source that no running project could have: cycles, self-inclusion, syntax errors.
Static mode reads around them and never stops with a traceback."""

from __future__ import annotations

from pathlib import Path

from featuredocs.introspect.static import collect_static
from tests.introspect.static.trees import project_tree

MODELS = '''
from django.db import models

from cycle.constants import A


class Left(Right):
    pass


class Right(Left):
    pass


class Real(models.Model):
    size = models.IntegerField(default=A)
    mode = models.CharField(max_length=3, choices=UNDEFINED_CHOICES)
'''

CONSTANTS = '''
from cycle.more import B

A = B
'''

MORE = '''
from cycle.constants import A

B = A
'''

URLS = '''
from django.urls import include, path

urlpatterns = [path("again/", include("project.urls")), path("x/", include("nowhere.urls"))]
'''


def test_cycles_and_broken_files_become_unknowns_and_warnings(tmp_path: Path) -> None:
    root = project_tree(tmp_path, {
        "cycle/models.py": MODELS, "cycle/constants.py": CONSTANTS, "cycle/more.py": MORE,
        "cycle/broken.py": "def (:\n", "project/urls.py": URLS,
    }, ("cycle",), settings="from project.settings import *\n")
    facts = collect_static(root)
    real = facts.model("cycle.Real")
    assert real is not None
    size = real.field("size")
    assert size is not None and size.has_default and size.default == "A"  # as written
    mode = real.field("mode")
    assert mode is not None and mode.choices == ()
    assert "cycle/broken.py: cannot be read or parsed as Python; skipped" in facts.warnings
    assert "endpoints: URLconf `nowhere.urls` included from project.urls not found" in facts.warnings
    assert all("\n" not in warning for warning in facts.warnings)
