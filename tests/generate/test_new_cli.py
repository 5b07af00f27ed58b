"""``featuredocs new`` as a user runs it: what it writes, what it refuses, its options.

What a page should say is worked out here from the facts JSON (``featuredocs facts``),
not from featuredocs' own renderers.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.cli.support import featuredocs
from tests.generate.ninja_store import make_ninja_store
from tests.generate.shop import copy_shop, facts_json, fill_placeholders

FEATURES = Path("docs") / "features"


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_shop(tmp_path_factory.mktemp("new-cli"))


@pytest.fixture(scope="module")
def facts(shop: Path) -> dict[str, Any]:
    return facts_json(shop)


@pytest.fixture(scope="module")
def orders_page(shop: Path) -> str:
    run = featuredocs("new", "orders-page", "--app", "orders", cwd=shop)
    assert run.code == 0, run.err
    return (shop / FEATURES / "orders-page.md").read_text(encoding="utf-8")


def _section(page: str, title: str) -> str:
    """The text of ``## title`` up to the next H2."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", page, re.M | re.S)
    assert match, title
    return match.group(1)


def _model(facts: dict[str, Any], label: str) -> dict[str, Any]:
    app, name = label.split(".")
    return next(m for m in facts["models"] if m["app_label"] == app and m["name"] == name)


def test_title_and_tagline_come_from_the_name(orders_page: str) -> None:
    assert orders_page.startswith(
        "# Orders Page\n\n> **Orders Page** - [One sentence describing the feature's purpose]\n"
    )


def test_every_field_of_every_model_is_listed_with_its_class(
    orders_page: str, facts: dict[str, Any]
) -> None:
    models = _section(orders_page, "Data Models")
    for label in ("orders.Order", "orders.OrderItem"):
        model = _model(facts, label)
        assert f"### {model['name']}\n" in models
        for field in model["fields"]:
            if field["reverse"]:
                assert f"`{field['name']}`" not in models.split(f"### {model['name']}")[1].split("###")[0]
                continue
            kind = field["field_class"]
            if field["related_model"]:
                kind += " → " + field["related_model"].split(".")[1]
            assert f"- `{field['name']}` ({kind}): " in models


def test_help_text_describes_a_field_and_a_placeholder_stands_in_otherwise(orders_page: str) -> None:
    assert "- `unit_price_cents` (PositiveIntegerField): The product's price when the order was placed." in orders_page
    assert "- `customer` (ForeignKey → User): [Description]" in orders_page
    assert "- `id` (BigAutoField): Primary key." in orders_page


def test_a_field_with_choices_lists_them_as_fd307_reads_them(orders_page: str) -> None:
    assert "- `status` (CharField): One of `pending`, `paid`, `shipped`, `expired` or `cancelled` (default: `pending`)\n" in orders_page


def test_a_text_field_says_how_long_it_may_be_as_fd303_reads_it(orders_page: str) -> None:
    assert "- `currency` (CharField): [Description] (up to 3 characters; default: `EUR`)\n" in orders_page
    assert "printed on invoices, e.g. SO-20250301-4F2A1C (up to 20 characters).\n" in orders_page


def test_a_plain_default_is_written_as_fd308_reads_it(orders_page: str) -> None:
    assert "- `quantity` (PositiveIntegerField): [Description] (default: 1)\n" in orders_page
    assert "in the smallest unit of the currency (default: 0)\n" in orders_page
    assert "- `created_at` (DateTimeField): When the row was created.\n" in orders_page  # auto_now_add: none


def test_a_relation_says_what_deleting_its_target_does_as_fd309_reads_it(orders_page: str) -> None:
    assert "- `customer` (ForeignKey → User): [Description]; its User cannot be deleted\n" in orders_page  # PROTECT
    assert "- `order` (ForeignKey → Order): [Description]; deleted with its Order\n" in orders_page  # CASCADE


def test_indexes_are_written_in_the_template_shapes(orders_page: str) -> None:
    order = _section(orders_page, "Data Models").split("### OrderItem")[0]
    indexes = re.search(r"\*\*Indexes:\*\*\n((?:- .*\n)+)", order)
    assert indexes is not None
    assert indexes.group(1).splitlines() == [
        "- Unique index on `number`",
        "- Index on `customer`",
        "- `orders_status_created_idx` on (`status`, `created_at`)",
        "- Composite index on (`customer`, `status`)",  # Django named it; the name is noise
    ]
    assert "- `orders_item_unique_product` unique constraint on (`order`, `product`)" in orders_page


def test_usage_imports_from_the_package_that_exposes_the_model(orders_page: str) -> None:
    assert "from orders.models import Order\n" in orders_page  # not orders.models.order
    assert "from orders.models import OrderItem\n" in orders_page


def test_command_usage_examples_and_options_come_from_its_parser(
    orders_page: str, facts: dict[str, Any]
) -> None:
    commands = _section(orders_page, "Management Commands")
    command = next(c for c in facts["commands"] if c["name"] == "expire_orders")
    own = [o for o in command["options"] if not o["base"]]
    usage = re.search(r"^python manage\.py expire_orders \[.*$", commands, re.M)
    assert usage is not None
    for option in own:
        assert option["flags"][-1] in usage.group(0)
        item = re.search(rf"^- `{re.escape(option['flags'][-1])}`: (.*)$", commands, re.M)
        assert item is not None, option["flags"]
        if option["action"] == "store":
            assert item.group(1).endswith(f"(default: {ast.literal_eval(option['default'])})")
        else:
            assert "default" not in item.group(1)
    assert "python manage.py expire_orders --dry-run\n" in commands
    assert "python manage.py expire_orders --older-than-hours 48 --batch-size 200\n" in commands


def test_endpoints_have_request_parameters_and_response_skeleton(
    orders_page: str, facts: dict[str, Any]
) -> None:
    api = _section(orders_page, "API Endpoints")
    endpoints = [e for e in facts["endpoints"] if e["app"] == "orders"]
    for endpoint in endpoints:
        for method in endpoint["methods"]:
            assert f"### {method} {endpoint['path']}\n" in api
            assert f"{method} {endpoint['path']} HTTP/1.1" in api
    listing = api.split("### GET /api/v1/orders/\n")[1].split("\n### ")[0]
    for param in next(e for e in endpoints if e["path"] == "/api/v1/orders/")["query_params"]:
        assert f"- `{param['name']}` ({param['type']}, optional): " in listing
    # the defaults the endpoint applies: the view's ordering, the paginator's page size
    assert "- `ordering` (string, optional): One of `created_at` or `total_cents` (default: `-created_at`)\n" in listing
    assert "- `page_size` (integer, optional): [Description] (default: 20, at most 100)\n" in listing
    body = json.loads(re.search(r"```json\n(.*?)\n```", listing, re.S).group(1))  # type: ignore[union-attr]
    assert list(body) == ["count", "next", "previous", "results"]
    assert set(body["results"][0]) == {
        f["name"] for f in next(e for e in endpoints if e["path"] == "/api/v1/orders/")["response"]
    }
    created = api.split("### POST /api/v1/orders/\n")[1].split("\n### ")[0]
    assert "**Query Parameters:**" not in created  # filters belong to the listing
    assert '"count"' not in created  # a created order is not a page of orders


def test_a_django_ninja_cap_is_written_as_fd508_reads_it(tmp_path: Path) -> None:
    project = make_ninja_store(tmp_path)
    run = featuredocs("new", "store", "--app", "store", cwd=project)
    assert run.code == 0, run.err
    path = project / FEATURES / "store.md"
    page = path.read_text(encoding="utf-8")
    assert "- `limit` (integer, optional): [Description] (default: 20, at most 100)\n" in page  # Query(le=100)
    assert "- `page_size` (integer, optional): [Description] (default: 20, at most 100)\n" in page  # @paginate
    path.write_text(fill_placeholders(page), encoding="utf-8")
    for mode in ("live", "static"):
        check = featuredocs("check", "--mode", mode, "--no-cache", str(path.relative_to(project)), cwd=project)
        assert check.code == 0, check.out
    path.write_text(path.read_text(encoding="utf-8").replace("at most 100", "at most 500"), encoding="utf-8")
    check = featuredocs("check", "--mode", "static", "--no-cache", "--format", "json", cwd=project)
    assert [f["code"] for f in json.loads(check.out)["findings"]] == ["FD508", "FD508"]


def test_configuration_has_the_settings_the_app_reads_and_the_variables_behind_them(
    orders_page: str,
) -> None:
    config = _section(orders_page, "Configuration")
    assert "# Optional configuration (with defaults)\nSHOP_ORDER_EXPIRY_ENABLED=True\nSHOP_ORDER_WINDOW_HOURS=48\n" in config
    assert "# Required configuration" not in config
    assert "ORDER_EXPIRY = {\n" in config
    assert "REMINDERS" not in config  # read by customers, not by orders


def test_settings_are_written_as_the_settings_module_gives_them_not_as_this_shell_sets_them(shop: Path) -> None:
    run = featuredocs("new", "reminders-env", "--app", "customers", "--no-cache", cwd=shop,
                      env={"SHOP_SMS_GATEWAY_URL": "https://internal-gw.corp/send"})
    assert run.code == 0, run.err
    config = _section((shop / FEATURES / "reminders-env.md").read_text(encoding="utf-8"), "Configuration")
    assert '"gateway_url": "https://sms.shop.example/v1/messages",' in config
    assert "internal-gw" not in config


def test_links_resolve_to_existing_files_and_anchors(orders_page: str) -> None:
    assert "[Commands Reference](../commands.md#expire_orders)" in orders_page
    assert "[API Reference](../api.md#orders)" in orders_page
    assert "- [Documentation Index](../README.md) - Complete documentation map" in orders_page
    assert "related-feature-1.md" not in orders_page
    assert "../apps/app-name/development.md" not in orders_page


def test_prose_sections_are_the_templates_placeholders(orders_page: str) -> None:
    assert "[2-3 sentences describing what this feature does" in orders_page
    assert "### [Common Issue 1]\n" in orders_page


def test_existing_page_is_refused_in_one_line_and_kept(shop: Path, orders_page: str) -> None:
    run = featuredocs("new", "orders-page", "--app", "orders", cwd=shop)
    assert run.code == 2
    assert run.err == "featuredocs: docs/features/orders-page.md: already exists (use --force to overwrite it)\n"
    assert (shop / FEATURES / "orders-page.md").read_text(encoding="utf-8") == orders_page


def test_force_overwrites(shop: Path) -> None:
    target = shop / FEATURES / "forced.md"
    target.write_text("# Old\n", encoding="utf-8")
    run = featuredocs("new", "forced", "--app", "catalog", "--force", cwd=shop)
    assert run.code == 0, run.err
    assert target.read_text(encoding="utf-8").startswith("# Forced\n")


def test_stdout_prints_and_writes_nothing(shop: Path) -> None:
    run = featuredocs("new", "printed", "--app", "customers", "--stdout", cwd=shop)
    assert run.code == 0, run.err
    assert run.out.startswith("# Printed\n")
    assert not (shop / FEATURES / "printed.md").exists()


def test_models_and_commands_can_be_chosen(shop: Path) -> None:
    run = featuredocs(
        "new", "narrow", "--app", "orders", "--model", "Order", "--command", "send_reminders",
        "--stdout", cwd=shop,
    )
    assert run.code == 0, run.err
    assert "### Order\n" in run.out and "### OrderItem\n" not in run.out
    assert "### send_reminders\n" in run.out and "### expire_orders\n" not in run.out


def test_url_prefix_chooses_the_endpoints(shop: Path) -> None:
    run = featuredocs(
        "new", "me", "--app", "customers", "--url-prefix", "/api/v1/customers/me/reminders/",
        "--stdout", cwd=shop,
    )
    assert run.code == 0, run.err
    assert re.findall(r"^### (\w+ /\S+)$", run.out, re.M) == ["GET /api/v1/customers/me/reminders/"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--app", "order"), "`order` is not one of the project's apps (did you mean `orders`?)"),
        (("--app", "orders", "--model", "Invoice"), "model `Invoice` is not a model of the project"),
        (("--app", "orders", "--command", "expire"), "`expire` is not a management command"),
        (("--app", "orders", "--url-prefix", "/nowhere/"), "no endpoint of the project's apps is under `/nowhere/`"),
    ],
)
def test_bad_choices_are_one_line_errors(shop: Path, args: tuple[str, ...], message: str) -> None:
    run = featuredocs("new", "bad", *args, "--stdout", cwd=shop)
    assert run.code == 2
    assert "Traceback" not in run.err
    assert len(run.err.splitlines()) == 1 and message in run.err


def test_a_name_with_a_folder_is_refused(shop: Path) -> None:
    run = featuredocs("new", "../escape", "--app", "orders", cwd=shop)
    assert run.code == 2
    assert "is not a page name" in run.err
    assert not (shop / "docs" / "escape.md").exists()


def test_without_a_docs_folder_the_page_links_nothing_that_does_not_exist(tmp_path: Path) -> None:
    project = copy_shop(tmp_path)
    for entry in ("docs", "docs-drifted"):
        shutil.rmtree(project / entry)
    run = featuredocs("new", "catalog", "--app", "catalog", cwd=project)
    assert run.code == 0, run.err
    page = (project / FEATURES / "catalog.md").read_text(encoding="utf-8")
    assert re.findall(r"\]\((\.\./[^)]*)\)", page) == []
    assert "### Core Documentation\n\nNot applicable.\n" in page
    assert "**See** [Commands Reference]" not in page
