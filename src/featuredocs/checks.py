"""Findings as Django system-check messages.

Drift is reported as *warnings* (``featuredocs.W302``): an error-level message would stop
``migrate`` and ``runserver``. One error id, ``featuredocs.E001``, says the docs cannot be
read. CI escalates with ``manage.py check --tag featuredocs --fail-level WARNING``.
"""

from __future__ import annotations

import threading
from typing import Any

from django.conf import settings
from django.core import checks

from featuredocs.config import load_config
from featuredocs.errors import UsageError
from featuredocs.model import Finding, Severity

READ_ERROR_ID = "featuredocs.E001"


def check_feature_docs(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Registered for every ``migrate``, ``runserver`` (each reload) and ``check``: so it
    checks from the cache the console script and ``manage.py featuredocs`` share, and an
    unchanged tree costs what a warm check costs, not a full check of every page."""
    from featuredocs.cache import incremental_check

    try:
        config = load_config()
        if not config.docs.is_dir():
            return []  # nothing to check here: no docs/ folder next to manage.py
        # Inside the project the facts are live, whatever the configured mode.
        config = config.with_overrides(settings=settings.SETTINGS_MODULE,
                                       mode="live" if config.mode == "static" else None)
        # runserver checks in a thread beside its reloader: no workers forked from there.
        result = incremental_check(config, workers=None if threading.active_count() == 1 else 1).result
    except UsageError as error:
        return [checks.Error(f"feature docs cannot be read: {error}", id=READ_ERROR_ID)]
    messages: list[checks.CheckMessage] = [
        checks.Error(f"feature docs cannot be read: {error}", id=READ_ERROR_ID)
        for error in result.page_errors
    ]
    messages.extend(as_check_message(finding) for finding in result.findings)
    return messages


def as_check_message(finding: Finding) -> checks.CheckMessage:
    number = finding.code.removeprefix("FD")
    location = f"{finding.path}:{finding.span.line}:{finding.span.column}"
    if finding.severity is Severity.INFO:
        return checks.Info(finding.message, hint=finding.hint, obj=location, id=f"featuredocs.I{number}")
    return checks.Warning(finding.message, hint=finding.hint, obj=location, id=f"featuredocs.W{number}")
