"""featuredocs on a project nobody here wrote: Wagtail, installed from the package index."""

from __future__ import annotations

import json
import os
import subprocess
import textwrap
from pathlib import Path

import pytest

from tests.matrix.venvs import Environment, build

pytestmark = pytest.mark.slow

WAGTAIL = Environment("wagtail", "3.11", ("Django>=5.2,<5.3", "wagtail>=6"))

SETTINGS = """
SECRET_KEY = "test-only"
INSTALLED_APPS = [
    "django.contrib.auth", "django.contrib.contenttypes", "django.contrib.sessions",
    "django.contrib.messages", "django.contrib.staticfiles", "django.contrib.admin",
    "wagtail.contrib.redirects", "wagtail.sites", "wagtail.users", "wagtail.snippets",
    "wagtail.documents", "wagtail.images", "wagtail.search", "wagtail.admin", "wagtail",
    "modelcluster", "taggit",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True}]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "/nonexistent/cms.sqlite3"}}
ROOT_URLCONF = "cms.urls"
STATIC_URL = "/static/"
USE_TZ = True
WAGTAIL_SITE_NAME = "Newsroom"
"""

URLS = """
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

urlpatterns = [path("cms/", include(wagtailadmin_urls)), path("", include(wagtail_urls))]
"""

MANAGE = """
import os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
from django.core.management import execute_from_command_line
execute_from_command_line(sys.argv)
"""

PAGE = """
# Publishing

> **Publishing** - How editors schedule and clean up pages.

## Data Models

### wagtailcore.Page

**Fields:**
- `title` (CharField): the page title
- `slug` (SlugField): the URL segment
- `live` (boolean): whether the page is published
- `go_live_at` (datetime): scheduled publication
- `seo_titel` (CharField): the title search engines show
- `owner` (ForeignKey → User): who created the page

## Management Commands

### publish_scheduled

```bash
python manage.py publish_scheduled --dry-run
python manage.py purge_revisions --days 30
python manage.py purge_revisions --days thirty
```

### purge_revisions

**Options:**
- `--days`: only revisions older than this many days
- `--pages`: only page revisions (default: False)
- `--keep-latest`: keep the latest revision
"""


@pytest.fixture(scope="module")
def cms(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    bin_folder = build(WAGTAIL)
    if bin_folder is None:
        pytest.skip("no Python 3.11 on this machine")
    root = tmp_path_factory.mktemp("cms")
    files = {
        "manage.py": MANAGE,
        "cms/__init__.py": "",
        "cms/settings.py": SETTINGS,
        "cms/urls.py": URLS,
        "docs/features/publishing.md": PAGE,
    }
    for relpath, text in files.items():
        (root / relpath).parent.mkdir(parents=True, exist_ok=True)
        (root / relpath).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return bin_folder, root


def featuredocs(bin_folder: Path, root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    return subprocess.run(
        [str(bin_folder / "featuredocs"), *args], cwd=root, capture_output=True, text=True, env=env, timeout=300
    )


def test_facts_of_wagtail(cms: tuple[Path, Path]) -> None:
    bin_folder, root = cms
    result = featuredocs(bin_folder, root, "facts")
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    page = next(m for m in facts["models"] if (m["app_label"], m["name"]) == ("wagtailcore", "Page"))
    fields = {f["name"]: f for f in page["fields"]}
    assert fields["slug"]["field_class"] == "SlugField"
    assert fields["owner"]["related_model"] == "auth.User"
    assert any(i["fields"] == ["path"] and i["kind"] == "unique" for i in page["indexes"])
    purge = next(c for c in facts["commands"] if c["name"] == "purge_revisions")
    assert {f for o in purge["options"] if not o["base"] for f in o["flags"]} >= {"--days", "--pages"}
    assert any(e["path"].startswith("/cms/") for e in facts["endpoints"])


def test_a_page_written_against_wagtail(cms: tuple[Path, Path]) -> None:
    bin_folder, root = cms
    selected = "FD301,FD302,FD303,FD401,FD402,FD403,FD404"
    result = featuredocs(bin_folder, root, "check", "--select", selected, "--format", "json")
    assert result.returncode == 1, result.stderr
    found = [(f["code"], f["line"]) for f in json.loads(result.stdout)["findings"]]
    assert found == [
        ("FD302", 14),  # `seo_titel`: the field is `seo_title`
        ("FD404", 22),  # publish_scheduled spells it --dryrun
        ("FD404", 24),  # --days takes an integer
        ("FD402", 32),  # purge_revisions has no --keep-latest
    ], result.stdout
