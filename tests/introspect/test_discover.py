"""Finding the settings module the way Django's manage.py names it."""

from __future__ import annotations

from pathlib import Path

from featuredocs.introspect import find_settings_module

MANAGE = '''
import os
import sys

def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    from django.core.management import execute_from_command_line
    execute_from_command_line(sys.argv)
'''


def test_manage_py_setdefault(tmp_path: Path) -> None:
    (tmp_path / "manage.py").write_text(MANAGE)
    assert find_settings_module(tmp_path) == "config.settings.local"


def test_manage_py_assignment_and_nested_folder(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "manage.py").write_text(
        'import os\nos.environ["DJANGO_SETTINGS_MODULE"] = "site.settings"\n'
    )
    assert find_settings_module(tmp_path) == "site.settings"


def test_pytest_django_configuration(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\nDJANGO_SETTINGS_MODULE = "app.test_settings"\n'
    )
    assert find_settings_module(tmp_path) == "app.test_settings"


def test_nothing_found_or_unreadable(tmp_path: Path) -> None:
    assert find_settings_module(tmp_path) is None
    (tmp_path / "manage.py").write_text("def broken(:\n")
    assert find_settings_module(tmp_path) is None
    (tmp_path / "manage.py").write_bytes(b"\xff\xfe\x00")
    assert find_settings_module(tmp_path) is None
