"""``featuredocs sync`` on a copy of the example shop after renames in code, with the page
written the way people write it: descriptions of their own, curl examples, a comment on
a variable. What a person wrote stays byte for byte; a renamed name follows the code."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.support import Run, featuredocs
from tests.generate.shop import copy_shop, replace_in

PAGE = "docs/features/order-lifecycle.md"
CURL = (
    "```bash\n"
    'curl "https://shop.example/api/v1/orders/?ordering=created_at" -H "Accept: application/json"\n'
    "curl 'https://shop.example/api/v1/orders/?ordering=created_at'\n"
    'curl "/api/v1/orders/?ordering=created_at"\n'
    "```\n"
)
SENTENCE = "Newest first is `GET /api/v1/orders/?ordering=-created_at`, the default.\n"
BATCH_ITEM = (
    "- `--batch-size`: How many orders we pull per round trip; keep it below 1000 or SQLite "
    "complains (default: 200)\n"
)
WINDOW_LINE = "SHOP_ORDER_WINDOW_HOURS=48  # payment window shown to customers, in hours\n"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shop with ordering dropped from the orders API, ``--batch-size`` renamed to
    ``--chunk-size`` and ``SHOP_ORDER_WINDOW_HOURS`` to ``SHOP_PAYMENT_WINDOW_HOURS``."""
    root = copy_shop(tmp_path_factory.mktemp("sync-renames"))
    page = root / PAGE
    replace_in(page, "**Query Parameters:**\n", CURL + "\n" + SENTENCE + "\n**Query Parameters:**\n")
    replace_in(page, "- `--batch-size`: Orders loaded per query (default: 200)\n", BATCH_ITEM)
    views = root / "orders/views.py"
    replace_in(views, "[DjangoFilterBackend, filters.OrderingFilter]", "[DjangoFilterBackend]")
    replace_in(views, '    ordering_fields = ["created_at", "total_cents"]\n', "")
    command = root / "orders/management/commands/expire_orders.py"
    replace_in(command, '"--batch-size"', '"--chunk-size"')
    replace_in(command, 'options["batch_size"]', 'options["chunk_size"]')
    replace_in(root / "shop/settings.py", '"SHOP_ORDER_WINDOW_HOURS"', '"SHOP_PAYMENT_WINDOW_HOURS"')
    return root


@pytest.fixture(scope="module")
def synced(project: Path) -> str:
    before = (project / PAGE).read_text(encoding="utf-8")
    run = featuredocs("sync", "--no-cache", cwd=project)
    assert run.code == 0, run.err
    after = (project / PAGE).read_text(encoding="utf-8")
    assert after != before
    return after


@pytest.fixture(scope="module")
def checked(project: Path, synced: str) -> Run:
    return featuredocs("check", "--no-cache", cwd=project)


def test_curl_examples_and_sentences_keep_their_query_strings(synced: str) -> None:
    assert CURL in synced
    assert SENTENCE in synced


def test_the_request_line_loses_the_parameter_the_view_no_longer_reads(synced: str) -> None:
    assert "GET /api/v1/orders/?status=pending HTTP/1.1\n" in synced


def test_check_still_points_at_the_parameter_the_examples_pass(checked: Run) -> None:
    stale = [line for line in checked.out.splitlines() if "FD503" in line]
    # the curl lines with a host and the sentence; and the API reference's hand-written
    # parameter list, which sync does not touch
    assert len(stale) == 4, checked.out
    assert sum(line.startswith(f"{PAGE}:") for line in stale) == 3
    assert any(line.startswith("docs/api.md:") and "`ordering`" in line for line in stale)


def test_a_renamed_option_keeps_its_description_and_default(synced: str) -> None:
    assert BATCH_ITEM.replace("--batch-size", "--chunk-size") in synced
    assert "--batch-size`" not in synced
    assert synced.count("`--chunk-size`") == 1


def test_a_renamed_variable_keeps_its_comment(synced: str) -> None:
    assert WINDOW_LINE.replace("SHOP_ORDER_WINDOW_HOURS", "SHOP_PAYMENT_WINDOW_HOURS") in synced
    assert WINDOW_LINE not in synced


def test_a_second_sync_changes_nothing(project: Path, synced: str) -> None:
    run = featuredocs("sync", "--check", "--no-cache", cwd=project)
    assert run.code == 0, run.out + run.err
