"""FD501 on parsed pages against hand-built facts: where it fires, and where not."""

from __future__ import annotations

from featuredocs.model import Applicability, Severity, Span
from featuredocs.rules.fd5_endpoints.fd501_endpoint_not_found import EndpointNotFound
from tests.conftest import ParsePage
from tests.rules.fd5.facts import FACTS
from tests.support.rules import run_rule


def test_fd501_unknown_path_with_did_you_mean(parse: ParsePage) -> None:
    page = parse(
        """
        # Orders

        ## API Endpoints

        ### GET /api/v1/order/{id}/
        """
    )
    [finding] = run_rule(EndpointNotFound, page, FACTS)
    assert (finding.code, finding.severity, finding.span) == ("FD501", Severity.ERROR, Span(5, 9, 5, 28))
    assert finding.message == "path `/api/v1/order/{id}/` does not resolve to any endpoint"
    assert finding.hint == "did you mean `/api/v1/orders/{pk}/`? (orders/views.py:16)"


def test_fd501_a_word_in_a_heading_names_a_route_not_a_parameter_value(parse: ParsePage) -> None:
    page = parse(
        """
        # Catalog

        ### GET /api/v1/products/stock/

        ```http
        GET /api/v1/products/stock/ HTTP/1.1
        ```
        """
    )
    heading, request = run_rule(EndpointNotFound, page, FACTS)
    assert (heading.code, heading.span) == ("FD501", Span(3, 9, 3, 32))
    assert heading.hint == "did you mean `/api/v1/products/availability/`? (catalog/views.py:29)"
    # the page names the path as a route, so its request line is not a product's
    assert (request.code, request.span) == ("FD501", Span(6, 5, 6, 28))


def test_fd501_missing_mount_prefix_is_a_warning_with_the_full_path(parse: ParsePage) -> None:
    page = parse(
        """
        # Shipping

        ## API Endpoints

        ### GET /shipments/{id}/
        """
    )
    [finding] = run_rule(EndpointNotFound, page, FACTS)
    assert (finding.code, finding.severity, finding.span) == ("FD501", Severity.WARNING, Span(5, 9, 5, 25))
    assert finding.hint == "full path: `/api/v2/shipments/{id}/` (shipping/views.py:9)"



def test_fd501_silent_on_paths_written_below_the_base_the_page_states(parse: ParsePage) -> None:
    for stated in (
        "All paths below are relative to the API root, `https://shop.example.com/api/v2`.",
        "**Base URL:** `/api/v2/`",
        "Every path is mounted under `/api/v2`.",
    ):
        page = parse(f"# Shipping\n\n{stated}\n\n### GET /shipments/{{id}}/\n", dedent=False)
        assert run_rule(EndpointNotFound, page, FACTS) == [], stated
    for other in (
        "All paths below are relative to the API root, `https://shop.example.com/api/v1`.",
        "The old base was `/api/v2/shipping`.",
        "We moved `/api/v2` to its own host.",
        "`GET /api/v2/` is the browsable API's base view.",
    ):
        page = parse(f"# Shipping\n\n{other}\n\n### GET /shipments/{{id}}/\n", dedent=False)
        messages = [finding.message for finding in run_rule(EndpointNotFound, page, FACTS)]
        assert "path `/shipments/{id}/` is written without its mount prefix" in messages, other

def test_fd501_missing_trailing_slash_has_a_safe_fix(parse: ParsePage) -> None:
    page = parse(
        """
        # Orders

        ```http
        POST /api/v1/orders/7/pay HTTP/1.1
        ```
        """
    )
    [finding] = run_rule(EndpointNotFound, page, FACTS)
    assert (finding.code, finding.span) == ("FD501", Span(4, 6, 4, 26))
    assert finding.severity is Severity.ERROR
    assert finding.fix is not None and finding.fix.applicability is Applicability.SAFE
    assert [(e.span, e.replacement) for e in finding.fix.edits] == [
        (Span(4, 6, 4, 26), "/api/v1/orders/7/pay/")
    ]


def test_fd501_inline_method_and_path_in_prose(parse: ParsePage) -> None:
    page = parse("# Orders\n\nCancel with `POST /api/v1/orders/{id}/cancel/` before paying.\n")
    [finding] = run_rule(EndpointNotFound, page, FACTS)
    assert finding.span == Span(3, 19, 3, 46)


def test_fd501_silent_on_prose_that_merely_has_slashes(parse: ParsePage) -> None:
    page = parse(
        """
        # Orders

        Logs are in `/var/log/shop/orders.log`; see `/api/v2/` and the admin at `/admin/`.
        Nginx proxies `/internal/`. Read `https://docs.example.com/guide/` too.
        """
    )
    assert run_rule(EndpointNotFound, page, FACTS) == []


def test_fd501_silent_on_other_services_paths_in_prose_and_requests_to_their_host(
    parse: ParsePage,
) -> None:
    page = parse(
        """
        # Payments

        Stripe calls our webhook after it receives `POST /v1/payment_intents` from us.
        GitHub's `GET /repos/{owner}/{repo}` is used by the release script.

        ```http
        GET /v1/customers/cus_123 HTTP/1.1
        Host: api.stripe.com
        ```
        """
    )
    assert run_rule(EndpointNotFound, page, FACTS) == []


def test_fd501_prose_and_requests_with_a_host_are_judged_where_they_look_like_the_projects(
    parse: ParsePage,
) -> None:
    page = parse(
        """
        # Orders

        Fetch one with `GET /api/v1/order/7/`; `GET /apii/v1/orders/` lists them all.
        `POST /orders/{id}/cancel/` cancels one: no route, though `orders` is the project's.

        ```http
        GET /api/v1/order/7/ HTTP/1.1
        Host: shop.example
        ```
        """
    )
    findings = run_rule(EndpointNotFound, page, FACTS)
    assert [(f.span, f.hint) for f in findings] == [
        (Span(3, 21, 3, 37), "did you mean `/api/v1/orders/{pk}/`? (orders/views.py:16)"),
        (Span(3, 45, 3, 61), "did you mean `/api/v1/orders/`? (orders/views.py:16)"),
        (Span(4, 7, 4, 27), "did you mean `/api/v1/orders/{pk}/pay/`? (orders/views.py:16)"),
        (Span(7, 5, 7, 21), "did you mean `/api/v1/orders/{pk}/`? (orders/views.py:16)"),
    ]

