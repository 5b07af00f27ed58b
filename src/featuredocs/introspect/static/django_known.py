"""What static mode knows about Django itself without importing it, and what it asks Django.

Django may be imported (never the project): its version, its commands' base options. Each
question has a small documented answer for when Django cannot be imported.
"""

from __future__ import annotations

import re
from pathlib import Path

from featuredocs.introspect.static.modules import locate_package_dir

#: Django's model field classes and ``get_internal_type()`` of each (Django 4.2–5.x).
FIELD_INTERNAL_TYPES: dict[str, str] = {
    "AutoField": "AutoField", "BigAutoField": "BigAutoField", "SmallAutoField": "SmallAutoField",
    "BigIntegerField": "BigIntegerField", "BinaryField": "BinaryField",
    "BooleanField": "BooleanField", "NullBooleanField": "BooleanField",
    "CharField": "CharField", "CommaSeparatedIntegerField": "CharField",
    "EmailField": "CharField", "URLField": "CharField", "SlugField": "SlugField",
    "DateField": "DateField", "DateTimeField": "DateTimeField", "TimeField": "TimeField",
    "DurationField": "DurationField", "DecimalField": "DecimalField", "FloatField": "FloatField",
    "FileField": "FileField", "ImageField": "FileField", "FilePathField": "FilePathField",
    "GenericIPAddressField": "GenericIPAddressField", "IPAddressField": "IPAddressField",
    "IntegerField": "IntegerField", "PositiveIntegerField": "PositiveIntegerField",
    "PositiveBigIntegerField": "PositiveBigIntegerField",
    "PositiveSmallIntegerField": "PositiveSmallIntegerField",
    "SmallIntegerField": "SmallIntegerField", "JSONField": "JSONField",
    "TextField": "TextField", "UUIDField": "UUIDField", "GeneratedField": "GeneratedField",
    "OrderWrt": "IntegerField", "CompositePrimaryKey": "CompositePrimaryKey",
    "ForeignKey": "ForeignKey", "OneToOneField": "OneToOneField",
    "ManyToManyField": "ManyToManyField", "ForeignObject": "ForeignObject",
    # django.contrib.contenttypes
    "GenericForeignKey": "GenericForeignKey", "GenericRelation": "ManyToManyField",
}
FORWARD_RELATIONS = frozenset({"ForeignKey", "OneToOneField", "ManyToManyField"})
PRIVATE_FIELDS = frozenset({"GenericForeignKey", "GenericRelation"})
AUTO_FIELDS = frozenset({"AutoField", "BigAutoField", "SmallAutoField"})
DATE_FIELDS = frozenset({"DateField", "DateTimeField"})
#: The ``max_length`` Django's field classes fill in when a model does not give one.
DEFAULT_MAX_LENGTH = {
    "EmailField": 254, "SlugField": 50, "URLField": 200, "FileField": 100, "ImageField": 100,
    "FilePathField": 100, "GenericIPAddressField": 39, "IPAddressField": 15, "UUIDField": 32,
}
#: Fields Django indexes unless told otherwise.
INDEXED_BY_DEFAULT = frozenset({"ForeignKey", "OneToOneField", "SlugField"})

#: Django's own commands (``django/core/management/commands``), for when Django's source
#: cannot be found.
CORE_COMMANDS = (
    "check", "compilemessages", "createcachetable", "dbshell", "diffsettings", "dumpdata",
    "flush", "inspectdb", "loaddata", "makemessages", "makemigrations", "migrate",
    "optimizemigration", "runserver", "sendtestemail", "shell", "showmigrations", "sqlflush",
    "sqlmigrate", "sqlsequencereset", "squashmigrations", "startapp", "startproject", "test",
    "testserver",
)

#: Commands of Django's contrib apps, for when Django's source cannot be found.
CONTRIB_COMMANDS: dict[str, tuple[str, ...]] = {
    "django.contrib.admin": (),
    "django.contrib.auth": ("changepassword", "createsuperuser"),
    "django.contrib.contenttypes": ("remove_stale_contenttypes",),
    "django.contrib.sessions": ("clearsessions",),
    "django.contrib.messages": (),
    "django.contrib.staticfiles": ("collectstatic", "findstatic", "runserver"),
    "django.contrib.sites": (),
    "django.contrib.sitemaps": (),
    "django.contrib.humanize": (),
    "django.contrib.flatpages": (),
    "django.contrib.redirects": (),
    "django.contrib.syndication": (),
    "django.contrib.admindocs": (),
    "django.contrib.postgres": (),
    "django.contrib.gis": ("ogrinspect",),
}

_VERSION = re.compile(r"^VERSION\s*=\s*\((\d+),\s*(\d+),\s*(\d+)", re.MULTILINE)


def django_version() -> str | None:
    """``django.get_version()``; read from Django's ``__init__.py`` if the import fails."""
    try:
        import django

        return str(django.get_version())
    except Exception:
        pass
    folder = locate_package_dir("django")
    if folder is None:
        return None
    try:
        match = _VERSION.search((folder / "__init__.py").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    return ".".join(match.groups()) if match else None


def core_commands_dir() -> Path | None:
    folder = locate_package_dir("django.core.management.commands")
    return folder if folder is not None and folder.is_dir() else None
