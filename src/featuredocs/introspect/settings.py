"""SettingFacts from the configured ``django.conf.settings``, secrets masked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings as django_settings

from featuredocs.introspect.settings_source import nested_keys, settings_assignments
from featuredocs.model import SettingFact
from featuredocs.secrets import masked_repr


def collect_settings(root: Path, warnings: list[str]) -> tuple[SettingFact, ...]:
    module = getattr(django_settings, "SETTINGS_MODULE", None)
    assignments = settings_assignments(root, module) if module else {}
    wrapped = getattr(django_settings, "_wrapped", None)
    facts = []
    for name in sorted(n for n in dir(django_settings) if n.isupper()):
        try:
            value = getattr(django_settings, name)
        except Exception as error:  # a lazy setting that fails to evaluate
            warnings.append(f"setting {name}: cannot be read ({type(error).__name__})")
            continue
        shown, secret = masked_repr(name, value)
        assignment = assignments.get(name)
        facts.append(SettingFact(
            name=name,
            value=shown,
            secret=secret,
            keys=tuple(nested_keys(value)),
            project=assignment is not None or _is_overridden(wrapped, name),
            location=assignment.location if assignment else None,
        ))
    return tuple(facts)


def _is_overridden(wrapped: Any, name: str) -> bool:
    try:
        return bool(wrapped.is_overridden(name))
    except Exception:
        return False
