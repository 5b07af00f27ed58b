"""FD505 and the other pages: an endpoint that another feature page documents is not
reported, in a check with or without the cache and in the engine's own run; what the other
page says is read at every report, so a change to it shows at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from featuredocs.coverage.elsewhere import may_document
from featuredocs.model import Finding
from tests.cache.project import Site
from tests.rules.fd5.project import make_shop

ORDERS = """\
# Orders

> **Orders** - Customers place and list orders.

## API Endpoints

### GET, POST /api/v1/orders/

All orders, newest first.

### GET /api/v1/orders/{id}/

One order.
"""

PAYMENTS = """\
# Payments

> **Payments** - How an order is paid.

## API Endpoints

### POST /api/v1/orders/{id}/pay/

Pays the order.
"""

PAY_HEADING = "### POST /api/v1/orders/{id}/pay/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    site = Site(make_shop(tmp_path_factory.mktemp("fd505_elsewhere")))
    site.write("docs/features/orders.md", ORDERS)
    site.write("docs/features/payments.md", PAYMENTS)
    return site


def _fd505(findings: tuple[Finding, ...]) -> list[tuple[str, str]]:
    return [(Path(f.path).name, f.message) for f in findings if f.code == "FD505"]


LEFT_OUT = [("orders.md", "endpoint `POST /api/v1/orders/{pk}/pay/` is not documented")]


def test_an_endpoint_another_feature_page_documents_is_not_reported(site: Site) -> None:
    assert _fd505(site.check(use_cache=False).result.findings) == []
    assert _fd505(site.reference()) == []


def test_the_finding_shows_once_the_other_page_leaves_the_endpoint_out(site: Site) -> None:
    site.check()  # the cache now holds both pages' findings and what they document
    site.edit("docs/features/payments.md", PAY_HEADING, "### Paying an order")
    try:
        warm = site.check()
        # Only the edited page is checked again: the orders page's kept finding is
        # answered, or not, when the report is made.
        assert warm.stats.checked == 1
        assert _fd505(warm.result.findings) == LEFT_OUT
        assert _fd505(site.check(use_cache=False).result.findings) == LEFT_OUT
        assert _fd505(site.reference()) == LEFT_OUT
        # A check of the orders page alone still reads what the other page documents.
        named = site.check(paths=[site.docs / "features" / "orders.md"])
        assert _fd505(named.result.findings) == LEFT_OUT
    finally:
        site.edit("docs/features/payments.md", "### Paying an order", PAY_HEADING)
    assert _fd505(site.check().result.findings) == []


def test_a_bare_path_or_an_archived_page_does_not_document_it(site: Site) -> None:
    site.edit("docs/features/payments.md", PAY_HEADING, "### Paying\n\nSee `/api/v1/orders/{id}/pay/`.")
    try:
        assert _fd505(site.check().result.findings) == LEFT_OUT
    finally:
        site.edit("docs/features/payments.md", "### Paying\n\nSee `/api/v1/orders/{id}/pay/`.", PAY_HEADING)
    site.edit("docs/features/payments.md", "# Payments\n", "---\nstatus: archived\n---\n# Payments\n")
    try:
        assert _fd505(site.check().result.findings) == LEFT_OUT
        assert _fd505(site.reference()) == LEFT_OUT
    finally:
        site.edit("docs/features/payments.md", "---\nstatus: archived\n---\n# Payments\n", "# Payments\n")


def test_a_page_that_is_not_a_feature_page_does_not_document_it(site: Site) -> None:
    site.edit("docs/features/payments.md", PAY_HEADING, "### Paying an order")
    site.write("docs/guides/paying.md", PAYMENTS)
    try:
        assert _fd505(site.check().result.findings) == LEFT_OUT
    finally:
        (site.docs / "guides" / "paying.md").unlink()
        site.edit("docs/features/payments.md", "### Paying an order", PAY_HEADING)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("### POST /api/v1/orders/{id}/pay/", True),
        ("Pay with `POST /orders/7/pay.json`.", True),  # no mount prefix, a value, a suffix
        ("### GET /api/v1/orders/{id}/", False),  # the route's last literal segment is missing
    ],
)
def test_only_a_page_naming_the_routes_last_literal_segment_is_worked_out(text: str, expected: bool) -> None:
    assert may_document(text, frozenset({"/api/v1/orders/{pk}/pay/"})) is expected
    assert may_document(text, frozenset({"/{slug}/"})) is True  # no literal segment: any page may



def test_a_warm_check_reads_the_facts_it_kept_to_ask_the_other_pages(
    site: Site, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from featuredocs.cache.facts import FactsCache

    read: list[str] = []
    original = FactsCache._read

    def counted(self: FactsCache, *args: object) -> object:
        read.append("facts")
        return original(self, *args)  # type: ignore[arg-type]

    site.check()
    monkeypatch.setattr(FactsCache, "_read", counted)
    # Nothing changed: the orders page's finding is kept as found, and answered again.
    warm = site.check()
    assert (warm.stats.checked, _fd505(warm.result.findings), read) == (0, [], ["facts"])
