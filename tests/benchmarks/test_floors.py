"""The benchmark's floors measure what featuredocs itself runs."""

from __future__ import annotations

import subprocess
import sys

import pyromark
import pytest

from benchmarks import scenarios
from featuredocs.markdown import parse_page


def test_the_parse_floor_calls_pyromark_as_featuredocs_does(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    calls: list[tuple[str, dict]] = []
    real = pyromark.events_with_range

    def recording(text: str, **options):  # type: ignore[no-untyped-def]
        calls.append((text, options))
        return real(text, **options)

    monkeypatch.setattr(pyromark, "events_with_range", recording)
    text = "# Orders\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    parse_page(text, path=tmp_path / "orders.md", rel="orders.md")
    scenarios._pyromark([text])
    assert len(calls) == 2 and calls[0] == calls[1]


def test_the_project_import_floor_runs_on_a_project(tmp_path) -> None:
    settings = tmp_path / "floorsite"
    settings.mkdir()
    (settings / "__init__.py").write_text("")
    (settings / "settings.py").write_text(
        'SECRET_KEY = "x"\nINSTALLED_APPS = ["django.contrib.contenttypes"]\nROOT_URLCONF = "floorsite.urls"\n'
    )
    (settings / "urls.py").write_text("urlpatterns = []\n")
    done = subprocess.run([sys.executable, "-c", scenarios.PROJECT_IMPORT, "floorsite.settings"],
                          cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
