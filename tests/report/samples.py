"""Findings built by hand, as rules would produce them, and the pages they point into."""

from __future__ import annotations

import os
from pathlib import Path

from featuredocs import __version__
from featuredocs.model import Applicability, Edit, Finding, Fix, Severity, Span

ORDERS = "docs/features/orders.md"
EXPIRY = "docs/features/order-expiry.md"
CLEAN = "docs/features/search.md"

ORDERS_TEXT = """\
# Orders

> **Orders** - Customers place orders; staff fulfil them.

## Data Models

### Order

**Fields:**
- `total_cents` (IntegerField): amount in cents
- `placed_at` (DateTimeField): when the customer paid
"""

EXPIRY_TEXT = """\
## Overview

Unpaid orders expire after `ORDER_EXPIRY_MINUTES` minutes.

```bash
python manage.py expire_orders --dry-run --batch 50
```
"""

SOURCES = {ORDERS: ORDERS_TEXT, EXPIRY: EXPIRY_TEXT}


def column_of(text: str, line: int, needle: str) -> int:
    """The 1-based character column where ``needle`` starts on ``line`` of ``text``."""
    return text.splitlines()[line - 1].index(needle) + 1


def span_of(text: str, line: int, needle: str) -> Span:
    return Span.at(line, column_of(text, line, needle), len(needle))


def sample_findings() -> list[Finding]:
    """Three severities, a fix, a code no rule has, and a known code (FD105)."""
    field_span = span_of(ORDERS_TEXT, 10, "total_cents")
    return [
        Finding(
            "FD302",
            Severity.ERROR,
            ORDERS,
            field_span,
            "field `total_cents` is documented on orders.Order, which has no such field",
            hint="did you mean `total`? (orders/models.py:31)",
            fix=Fix(
                "rename `total_cents` to `total`",
                (Edit(field_span, "total"),),
                Applicability.UNSAFE,
            ),
        ),
        Finding(
            "FD403",
            Severity.WARNING,
            EXPIRY,
            span_of(EXPIRY_TEXT, 6, "--batch 50"),
            "option `--batch` defaults to 100, not 50",
            fix=Fix("set the default to 100", (Edit(span_of(EXPIRY_TEXT, 6, "50"), "100"),)),
        ),
        Finding(
            "FD105",
            Severity.WARNING,
            EXPIRY,
            Span.at(1),
            "page has no `# Title` heading",
            hint="start the page with `# Feature Name`",
        ),
        Finding(
            "FD604",
            Severity.INFO,
            EXPIRY,
            span_of(EXPIRY_TEXT, 3, "`ORDER_EXPIRY_MINUTES`"),
            "setting `ORDER_EXPIRY_MINUTES` is read with a default of 30",
        ),
    ]


def scrub(text: str) -> str:
    """Gold files must not change with every release."""
    return text.replace(__version__, "<version>")


GOLD = Path(__file__).parent / "gold"


def assert_gold(name: str, actual: str) -> None:
    """Compare with ``gold/NAME``; ``FEATUREDOCS_UPDATE_GOLD=1`` rewrites it instead."""
    path = GOLD / name
    if os.environ.get("FEATUREDOCS_UPDATE_GOLD"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    hint = "rerun with FEATUREDOCS_UPDATE_GOLD=1 to accept"
    assert actual == expected, f"output differs from {path}; {hint}"
