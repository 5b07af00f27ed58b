"""The coverage report as a versioned JSON document."""

from __future__ import annotations

import json
from typing import Any

from featuredocs.coverage.inventory import KINDS
from featuredocs.coverage.measure import Count, CoverageReport

VERSION = 1


def _count(count: Count) -> dict[str, Any]:
    return {
        "documented": count.documented,
        "total": count.total,
        "percent": round(count.percent, 2),
    }


def to_document(report: CoverageReport) -> dict[str, Any]:
    """``{"version": 1, "totals": …, "apps": …, "undocumented": …}``."""
    undocumented: dict[str, list[dict[str, str]]] = {kind: [] for kind in KINDS}
    for missing in report.undocumented:
        undocumented[missing.kind].append({"app": missing.app, "name": missing.label})
    return {
        "version": VERSION,
        "pages": report.pages,
        "totals": {
            **_count(report.total),
            "kinds": {kind: _count(report.kinds[kind]) for kind in KINDS},
        },
        "apps": {
            app: {
                **_count(report.app_total(app)),
                "kinds": {kind: _count(counts[kind]) for kind in KINDS},
            }
            for app, counts in report.apps.items()
        },
        "undocumented": undocumented,
    }


def render_json(report: CoverageReport) -> str:
    return json.dumps(to_document(report), indent=2, ensure_ascii=False) + "\n"
