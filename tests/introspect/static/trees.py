"""Small source trees for unit tests of static mode: written to ``tmp_path``, never imported."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

from featuredocs.introspect.sources import load_project_sources
from featuredocs.introspect.static.classes import Classes
from featuredocs.introspect.static.modules import ModuleIndex


def write_tree(root: Path, files: dict[str, str]) -> Path:
    for relpath, text in files.items():
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def classes_for(root: Path, files: dict[str, str]) -> Classes:
    write_tree(root, files)
    return Classes(ModuleIndex(load_project_sources(root, sys.path)))


SETTINGS_HEAD = '''
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", {apps}]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
ROOT_URLCONF = "project.urls"
'''


def project_tree(root: Path, files: dict[str, str], apps: tuple[str, ...], settings: str = "") -> Path:
    """A project with ``manage.py``, ``project/settings.py`` naming ``apps`` and ``files``."""
    manage = 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")\n'
    head = textwrap.dedent(SETTINGS_HEAD).format(apps=", ".join(repr(a) for a in apps))
    tree = {
        "manage.py": manage,
        "project/__init__.py": "",
        "project/settings.py": head + textwrap.dedent(settings),
        "project/urls.py": "urlpatterns = []\n",
        **{f"{app}/__init__.py": "" for app in apps},
        **files,
    }
    return write_tree(root, tree)
