"""The synthetic project's Python code: settings, URLs, and per app models, serializers,
views, URLs, services (cache calls, environment reads) and management commands."""

from __future__ import annotations

from pathlib import Path

from benchmarks.synth.plan import AppSpec, CommandSpec, ModelSpec, OptionSpec, Plan

MANAGE_PY = '''#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "{package}.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
'''

SETTINGS_HEAD = '''"""Settings of the synthetic monolith; every feature reads its own environment variables."""

import os

SECRET_KEY = "benchmark-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["localhost"]
ROOT_URLCONF = "{package}.urls"
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "rest_framework",
    "django_filters",
{apps}
]

# SQLite in a folder that does not exist: featuredocs never connects.
DATABASES = {{
    "default": {{
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": "/nonexistent/benchmark.sqlite3",
    }}
}}

CACHES = {{"default": {{"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}}}

REST_FRAMEWORK = {{
    "DEFAULT_PAGINATION_CLASS": "{package}.pagination.StandardPagination",
}}
'''

PAGINATION = '''from rest_framework.pagination import PageNumberPagination


class StandardPagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
'''


#: The same project with featuredocs as one of its apps: its system checks run with every
#: ``manage.py check``, ``migrate`` and ``runserver`` reload.
SETTINGS_WITH_APP = '''"""The monolith with featuredocs installed as a Django app."""

from .settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "featuredocs"]  # noqa: F405
'''


def write_project(plan: Plan, root: Path) -> None:
    files: dict[str, str] = {
        "manage.py": MANAGE_PY.format(package=plan.package),
        f"{plan.package}/__init__.py": "",
        f"{plan.package}/settings.py": settings_text(plan),
        f"{plan.package}/settings_with_featuredocs.py": SETTINGS_WITH_APP,
        f"{plan.package}/urls.py": _root_urls(plan),
        f"{plan.package}/pagination.py": PAGINATION,
    }
    for app in plan.apps:
        files.update(app_files(app))
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def app_files(app: AppSpec) -> dict[str, str]:
    base = app.label
    files = {
        f"{base}/__init__.py": "",
        f"{base}/apps.py": _apps_py(app),
        f"{base}/models.py": models_text(app),
        f"{base}/serializers.py": _serializers(app),
        f"{base}/views.py": _views(app),
        f"{base}/urls.py": _urls(app),
        f"{base}/services.py": _services(app),
        f"{base}/management/__init__.py": "",
        f"{base}/management/commands/__init__.py": "",
    }
    for command in app.commands:
        files[f"{base}/management/commands/{command.name}.py"] = command_text(command)
    return files


def settings_text(plan: Plan) -> str:
    apps = "\n".join(f'    "{app.label}",' for app in plan.apps)
    parts = [SETTINGS_HEAD.format(package=plan.package, apps=apps)]
    parts.extend(settings_block(app) + "\n" for app in plan.apps)
    return "\n".join(parts)


def settings_block(app: AppSpec) -> str:
    """The app's settings dict, exactly as its pages quote it."""
    by_key = {e.setting_key: e for e in app.env if e.setting_key}
    enabled, batch, timeout = by_key["enabled"], by_key["batch_size"], by_key["timeout_seconds"]
    return (
        f"{app.setting} = {{\n"
        f'    "enabled": os.getenv("{enabled.name}", "{enabled.default}") == "True",\n'
        f'    "batch_size": int(os.getenv("{batch.name}", "{batch.default}")),\n'
        f'    "timeout_seconds": int(os.getenv("{timeout.name}", "{timeout.default}")),\n'
        f'    "notify": {{\n'
        f'        "channel": "email",\n'
        f'        "template": "{app.label}/notice.txt",\n'
        f"    }},\n"
        f"}}\n"
    )


def _root_urls(plan: Plan) -> str:
    lines = ["from django.urls import include, path", "", "urlpatterns = ["]
    lines += [f'    path("api/v1/{a.label}/", include("{a.label}.urls")),' for a in plan.apps]
    return "\n".join(lines + ["]", ""])


def _apps_py(app: AppSpec) -> str:
    return (
        "from django.apps import AppConfig\n\n\n"
        f"class {app.title}Config(AppConfig):\n"
        f'    name = "{app.label}"\n'
        f'    default_auto_field = "django.db.models.BigAutoField"\n'
    )


def models_text(app: AppSpec) -> str:
    lines = ["from django.conf import settings", "from django.db import models", ""]
    for model in app.models:
        lines += ["", *_model_lines(model)]
    return "\n".join(lines) + "\n"


def _model_lines(model: ModelSpec) -> list[str]:
    lines = [f"class {model.name}(models.Model):",
             f'    """{model.entity} records of the {model.app} app."""', ""]
    lines += [f"    {field.name} = {field.code}" for field in model.fields]
    lines += ["", "    class Meta:", '        ordering = ["-created_at"]', "        indexes = ["]
    for index in model.indexes:
        named = f', name="{index.name}"' if index.name else ""
        lines.append(f"            models.Index(fields={list(index.fields)!r}{named}),".replace("'", '"'))
    lines += ["        ]", "", "    def __str__(self) -> str:", "        return self.name", ""]
    lines += ["    @property", "    def display_name(self) -> str:",
              '        return f"{self.name} ({self.status})"']
    return lines


def _serializers(app: AppSpec) -> str:
    names = ", ".join(m.name for m in app.models)
    lines = ["from rest_framework import serializers", "", f"from {app.label}.models import {names}", ""]
    for model in app.models:
        if model.resource is None:
            continue
        fields = ", ".join(f'"{n}"' for n in serializer_fields(model))
        lines += ["", f"class {model.name}Serializer(serializers.ModelSerializer):",
                  "    class Meta:", f"        model = {model.name}", f"        fields = [{fields}]", ""]
    return "\n".join(lines)


def serializer_fields(model: ModelSpec) -> list[str]:
    return ["id", *(f.name for f in model.fields)]


def _views(app: AppSpec) -> str:
    with_views = [m for m in app.models if m.resource]
    lines = [
        "from django.http import HttpRequest, JsonResponse",
        "from django.views.decorators.http import require_GET",
        "from django_filters.rest_framework import DjangoFilterBackend",
        "from rest_framework import filters, viewsets",
        "",
        f"from {app.label}.models import {', '.join(m.name for m in app.models)}",
    ]
    if with_views:
        names = ", ".join(f"{m.name}Serializer" for m in with_views)
        lines.append(f"from {app.label}.serializers import {names}")
    for model in with_views:
        lines += [
            "", "",
            f"class {model.name}ViewSet(viewsets.ModelViewSet):",
            f"    queryset = {model.name}.objects.all()",
            f"    serializer_class = {model.name}Serializer",
            "    filter_backends = [DjangoFilterBackend, filters.OrderingFilter]",
            f'    filterset_fields = ["{model.filter_field}"]',
            f'    ordering_fields = ["created_at", "{model.order_field}"]',
            '    ordering = ["-created_at"]',
        ]
    first = app.models[0].name
    lines += [
        "", "",
        "@require_GET",
        "def summary_report(request: HttpRequest) -> JsonResponse:",
        '    days = int(request.GET.get("days", "7"))',
        '    status = request.GET.get("status", "")',
        f'    total = {first}.objects.filter(status=status).count() if status else {first}.objects.count()',
        f'    return JsonResponse({{"app": "{app.label}", "days": days, "status": status, "total": total}})',
        "", "",
        "@require_GET",
        "def activity_report(request: HttpRequest) -> JsonResponse:",
        '    limit = int(request.GET.get("limit", "20"))',
        f'    events = list({first}.objects.values_list("name", flat=True)[:limit])',
        f'    return JsonResponse({{"app": "{app.label}", "limit": limit, "events": events}})',
    ]
    return "\n".join(lines) + "\n"


def _urls(app: AppSpec) -> str:
    lines = [
        "from django.urls import path",
        "from rest_framework.routers import SimpleRouter",
        "",
        f"from {app.label} import views",
        "",
        f'app_name = "{app.label}"',
        "",
        "router = SimpleRouter()",
    ]
    for model in app.models:
        if model.resource:
            lines.append(f'router.register("{model.resource}", views.{model.name}ViewSet, '
                         f'basename="{model.name.lower()}")')
    lines += [
        "",
        "urlpatterns = [",
        '    path("reports/summary/", views.summary_report, name="summary-report"),',
        '    path("reports/activity/", views.activity_report, name="activity-report"),',
        "    *router.urls,",
        "]",
    ]
    return "\n".join(lines) + "\n"


def _services(app: AppSpec) -> str:
    key = next(e for e in app.env if e.setting_key is None)
    lines = [
        f'"""Calls to the {app.label} partner API, and cached summaries of the app\'s rows."""',
        "",
        "import os",
        "",
        "from django.core.cache import cache",
        "",
        f"from {app.label}.models import {', '.join(m.name for m in app.models)}",
        "",
    ]
    lines += [f"{m.entity.upper()}_SUMMARY_TTL = 60 * {m.ttl_minutes}" for m in app.models]
    lines += ["", "", "def api_key() -> str:", f'    return os.environ["{key.name}"]']
    for model in app.models:
        key_text = f'f"{cache_key(model)}"'
        lines += [
            "", "",
            f"def {model.snake}_summary(pk: int) -> dict:",
            f"    data = cache.get({key_text})",
            "    if data is None:",
            f"        row = {model.name}.objects.filter(pk=pk).values(\"name\", \"status\").first() or {{}}",
            '        data = {"id": pk, **row}',
            f"        cache.set({key_text}, data, timeout={model.entity.upper()}_SUMMARY_TTL)",
            "    return data",
        ]
    return "\n".join(lines) + "\n"


def cache_key(model: ModelSpec) -> str:
    return f"{model.app}:{model.snake}:{{pk}}:summary"


def command_text(command: CommandSpec) -> str:
    lines = [
        "from django.core.management.base import BaseCommand, CommandParser",
        *(["from pathlib import Path"] if any(o.kind == "path" for o in command.options) else []),
        "",
        f"from {command.app}.models import {command.model}",
        "", "",
        "class Command(BaseCommand):",
        f'    help = "{command.help}"',
        "",
        "    def add_arguments(self, parser: CommandParser) -> None:",
    ]
    lines += [f"        {_argument(option)}" for option in command.options]
    lines += [
        "",
        "    def handle(self, *args, **options) -> None:",
        f'        rows = {command.model}.objects.order_by("pk")',
        '        total = rows.count()',
        '        if options["dry_run"]:',
        '            self.stdout.write(f"would handle {total} rows")',
        "            return",
        '        self.stdout.write(self.style.SUCCESS(f"handled {total} rows"))',
    ]
    return "\n".join(lines) + "\n"


def _argument(option: OptionSpec) -> str:
    help_text = option.help + (f" (default: {option.default})." if option.default else ".")
    if option.kind == "path":
        return f'parser.add_argument("{option.flag}", type=Path, help="{help_text}")'
    if option.kind == "flag":
        return f'parser.add_argument("{option.flag}", action="store_true", help="{help_text}")'
    if option.kind == "choice":
        return (f'parser.add_argument("{option.flag}", choices={list(option.choices)!r}, '
                f'default="{option.default}", help="{help_text}")').replace("'", '"')
    return f'parser.add_argument("{option.flag}", type=int, default={option.default}, help="{help_text}")'
