from itertools import islice
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from catalog.importers import RowError, build_product, parse_row, read_rows
from catalog.models import Category, Product


class Command(BaseCommand):
    help = "Import products from a supplier's CSV or JSON file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="The CSV or JSON file to import.")
        parser.add_argument(
            "--format",
            choices=["csv", "json"],
            default="csv",
            help="File format (default: csv).",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=500,
            help="Products written per database round trip (default: 500).",
        )
        parser.add_argument(
            "--category",
            metavar="SLUG",
            help="Category for rows without a `category` column.",
        )
        parser.add_argument(
            "--update-existing",
            action="store_true",
            help="Update products whose SKU already exists instead of skipping them.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Validate the file and report what would change, without writing.",
        )

    def handle(self, *args, **options) -> None:
        path: Path = options["path"]
        if not path.is_file():
            raise CommandError(f"{path} does not exist")
        max_rows = settings.CATALOG_IMPORT["max_rows"]
        currency = settings.CATALOG_IMPORT["default_currency"]
        raw_rows = list(islice(read_rows(path, options["format"]), max_rows + 1))
        if len(raw_rows) > max_rows:
            raise CommandError(f"{path} has more than {max_rows} rows; split it first")

        categories = {category.slug: category for category in Category.objects.all()}
        fallback = self._fallback_category(options["category"], categories)
        try:
            products = [
                build_product(parse_row(raw, line, currency), categories, fallback)
                for line, raw in enumerate(raw_rows, start=2)
            ]
        except RowError as error:
            raise CommandError(f"{path}: {error}") from None

        existing = set(
            Product.objects.filter(sku__in=[p.sku for p in products]).values_list("sku", flat=True)
        )
        new = [p for p in products if p.sku not in existing]
        changed = [p for p in products if p.sku in existing] if options["update_existing"] else []
        self.stdout.write(
            f"{len(new)} new, {len(changed)} to update, "
            f"{len(products) - len(new) - len(changed)} skipped"
        )
        if options["dry_run"]:
            return
        with transaction.atomic():
            Product.objects.bulk_create(new, batch_size=options["batch_size"])
            self._update(changed, options["batch_size"])
        self.stdout.write(self.style.SUCCESS(f"Imported {len(new) + len(changed)} products"))

    def _fallback_category(
        self, slug: str | None, categories: dict[str, Category]
    ) -> Category | None:
        if slug is None:
            return None
        if slug not in categories:
            raise CommandError(f"--category {slug}: no such category")
        return categories[slug]

    def _update(self, products: list[Product], batch_size: int) -> None:
        skus = [product.sku for product in products]
        ids = dict(Product.objects.filter(sku__in=skus).values_list("sku", "id"))
        for product in products:
            product.pk = ids[product.sku]
        Product.objects.bulk_update(
            products,
            ["category", "name", "description", "price_cents", "currency", "stock"],
            batch_size=batch_size,
        )
        # bulk_update() bypasses Product.save(), which is what usually drops the cache.
        cache.delete_many([f"catalog:product:{product.pk}:summary" for product in products])
