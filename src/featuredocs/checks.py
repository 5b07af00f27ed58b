"""Findings as Django system-check messages.

Drift is reported as *warnings* (``featuredocs.W302``): an error-level message would stop
``migrate`` and ``runserver``. One error id, ``featuredocs.E001``, says the docs cannot be
read. CI escalates with ``manage.py check --tag featuredocs --fail-level WARNING``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks

from featuredocs.config import load_config
from featuredocs.errors import UsageError
from featuredocs.model import Finding, Severity

READ_ERROR_ID = "featuredocs.E001"


def check_feature_docs(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    from featuredocs.engine import run_check
    from featuredocs.introspect import collect_live

    try:
        config = load_config()
        if not config.docs.is_dir():
            return []  # nothing to check here: no docs/ folder next to manage.py
        facts = collect_live(config.root, settings.SETTINGS_MODULE)
        result = run_check(config, facts)
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
