from __future__ import annotations

import pytest

from featuredocs.markdown import archived_marker
from featuredocs.model import Span


def test_front_matter_status_archived(parse) -> None:
    page = parse("---\nstatus: archived\n---\n# Old\n")
    assert archived_marker(page) == Span(2, 1, 2, 17)


@pytest.mark.parametrize(
    "banner",
    [
        "> **Archived**",
        "> [!WARNING]\n> This page is archived and describes the 2022 system.",
        "> ⚠️ **ARCHIVED**: replaced by Billing v2.",
    ],
)
def test_banner_under_the_title(parse, banner: str) -> None:
    page = parse(f"# Old Feature\n\n{banner}\n\n## Overview\n")
    marker = archived_marker(page)
    assert marker is not None and marker.line == 3


@pytest.mark.parametrize(
    "text",
    [
        "# Orders\n\n> **Deprecated**: use the v2 endpoint.\n",
        "# Orders\n\n> **Order archiving** - Archived orders move to cold storage.\n",
        "# Orders\n\n> Archived orders are kept for seven years.\n",
        "---\nstatus: active\n---\n# Orders\n",
        "# Orders\n\n## Overview\n\n> **Archived**\n",
    ],
)
def test_not_archived(parse, text: str) -> None:
    assert archived_marker(parse(text)) is None
