"""A small project full of the shapes static mode must read like live mode does.

Written once into ``tmp_path`` by the parity tests; each app exercises one area: models
(``library``, in :mod:`tricky_models`), commands (``tools``, in :mod:`tricky_commands`), URLs
and views (``api``, in :mod:`tricky_api`). This module holds the project's settings and root
URLconf, and puts the apps together.
"""

from __future__ import annotations

from pathlib import Path

from tests.introspect.static.tricky_api import (
    API_CONVERTERS,
    API_NINJA,
    API_SERIALIZERS,
    API_URLS,
    API_VIEWS,
)
from tests.introspect.static.tricky_commands import (
    TOOLS_BASE,
    TOOLS_CACHE,
    TOOLS_EXPORT,
    TOOLS_LABELS,
    TOOLS_REMIND,
)
from tests.introspect.static.tricky_models import (
    ACCOUNTS_MODELS,
    LIBRARY_ADMIN,
    LIBRARY_APPS,
    LIBRARY_BASE,
    LIBRARY_FIELDS,
    LIBRARY_MODELS,
    LIBRARY_MODELS_INIT,
    LIBRARY_PEOPLE,
)
from tests.support.django_project import DjangoProject, make_project

PROJECT_URLS = '''
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
]
'''

SETTINGS = '''
AUTH_USER_MODEL = "accounts.Member"
DEBUG = os.environ.get("TRICKY_DEBUG", "") == "1"
REST_FRAMEWORK = {"DEFAULT_FILTER_BACKENDS": ["rest_framework.filters.OrderingFilter"]}
'''


def make_tricky_project(root: Path) -> DjangoProject:
    return make_project(
        root,
        {
            "accounts": {"models.py": ACCOUNTS_MODELS},
            "library": {
                "apps.py": LIBRARY_APPS, "base.py": LIBRARY_BASE, "fields.py": LIBRARY_FIELDS,
                "models/__init__.py": LIBRARY_MODELS_INIT, "models/books.py": LIBRARY_MODELS,
                "models/people.py": LIBRARY_PEOPLE, "admin.py": LIBRARY_ADMIN,
            },
            "tools": {
                "base.py": TOOLS_BASE,
                "management/commands/export_books.py": TOOLS_EXPORT,
                "management/commands/book_cache.py": TOOLS_CACHE,
                "management/commands/isbn.py": TOOLS_LABELS,
                "management/commands/remind_borrowers.py": TOOLS_REMIND,
                "management/commands/_helpers.py": "VALUE = 1\n",
            },
            "api": {
                "views.py": API_VIEWS, "serializers.py": API_SERIALIZERS,
                "ninja_api.py": API_NINJA, "urls.py": API_URLS, "converters.py": API_CONVERTERS,
            },
        },
        settings=SETTINGS,
        urls=PROJECT_URLS,
        installed=("django.contrib.admin", "django.contrib.sessions", "django.contrib.messages",
                   "rest_framework", "django_filters"),
    )
