"""Which settings an app's code reads (``generate/source_reads.py``), from real files."""

from __future__ import annotations

from pathlib import Path

from featuredocs.generate.source_reads import settings_read_in


def _write(folder: Path, rel: str, text: str) -> None:
    path = folder / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_reads_through_django_conf_settings_however_the_import_is_spelled(tmp_path: Path) -> None:
    _write(tmp_path, "views.py", "from django.conf import settings\n\nLIMIT = settings.ORDER_LIMIT\n")
    _write(tmp_path, "tasks.py", "from django .conf import settings\n\nX = getattr(settings, 'ORDER_WINDOW', 1)\n")
    _write(tmp_path, "wrapped.py", "from django \\\n    .conf import settings\n\nY = settings.ORDER_RETRIES\n")
    assert settings_read_in(tmp_path) == {"ORDER_LIMIT", "ORDER_WINDOW", "ORDER_RETRIES"}


def test_other_settings_objects_migrations_and_broken_files_read_nothing(tmp_path: Path) -> None:
    _write(tmp_path, "conf.py", "from myproject import settings\n\nA = settings.NOT_DJANGOS\n")
    _write(tmp_path, "prose.py", '"""Mentions django.conf and settings.IN_A_DOCSTRING only."""\n')
    _write(tmp_path, "migrations/0001_initial.py", "from django.conf import settings\n\nB = settings.AUTH_USER_MODEL\n")
    _write(tmp_path, "broken.py", "from django.conf import settings\n\ndef (:\n")
    (tmp_path / "latin1.py").write_bytes(b"from django.conf import settings\nC = settings.LATIN\n# caf\xe9\n")
    assert settings_read_in(tmp_path) == frozenset()
