"""Reading product rows from supplier files (CSV or JSON) into unsaved ``Product``s."""

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from catalog.models import Category, Product

REQUIRED_COLUMNS = ("sku", "name", "price_cents")


class RowError(ValueError):
    """A row that cannot become a product; the message names the row."""


@dataclass(frozen=True)
class ProductRow:
    line: int
    sku: str
    name: str
    price_cents: int
    currency: str
    stock: int
    description: str
    category_slug: str | None


def read_rows(path: Path, file_format: str) -> Iterator[dict[str, str]]:
    """The raw rows of ``path``: CSV with a header line, or a JSON list of objects."""
    with path.open(encoding="utf-8", newline="") as handle:
        if file_format == "csv":
            yield from csv.DictReader(handle)
        else:
            records = json.load(handle)
            if not isinstance(records, list):
                raise RowError(f"{path}: expected a JSON list of products")
            yield from records


def parse_row(raw: dict[str, str], line: int, default_currency: str) -> ProductRow:
    missing = [column for column in REQUIRED_COLUMNS if not str(raw.get(column, "")).strip()]
    if missing:
        raise RowError(f"row {line}: missing {', '.join(missing)}")
    try:
        price_cents = int(raw["price_cents"])
        stock = int(raw.get("stock") or 0)
    except ValueError as error:
        raise RowError(f"row {line}: {error}") from None
    return ProductRow(
        line=line,
        sku=str(raw["sku"]).strip(),
        name=str(raw["name"]).strip(),
        price_cents=price_cents,
        currency=str(raw.get("currency") or default_currency).upper(),
        stock=stock,
        description=str(raw.get("description") or ""),
        category_slug=str(raw.get("category") or "").strip() or None,
    )


def build_product(
    row: ProductRow, categories: dict[str, Category], fallback: Category | None
) -> Product:
    category = categories.get(row.category_slug) if row.category_slug else fallback
    if category is None:
        raise RowError(f"row {row.line}: no category {row.category_slug or '(none given)'}")
    return Product(
        category=category,
        sku=row.sku,
        name=row.name,
        description=row.description,
        price_cents=row.price_cents,
        currency=row.currency,
        stock=row.stock,
    )
