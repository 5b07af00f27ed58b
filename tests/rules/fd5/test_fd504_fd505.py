"""FD504 and FD505 on parsed pages against hand-built facts: where each fires, and where not."""

from __future__ import annotations

from featuredocs.model import Severity, Span
from featuredocs.rules.fd5_endpoints.fd504_response_field_not_produced import (
    ResponseFieldNotProduced,
)
from featuredocs.rules.fd5_endpoints.fd505_undocumented_endpoint import UndocumentedEndpoint
from tests.conftest import ParsePage
from tests.rules.fd5.facts import FACTS
from tests.support.rules import run_rule

# --- FD504 -------------------------------------------------------------------------------------


def test_fd504_envelope_and_nested_items(parse: ParsePage) -> None:
    page = parse(
        """
        # Orders

        ### GET /api/v1/orders/

        **Response:**
        ```json
        {
            "count": 1,
            "total_pages": 1,
            "results": [{"id": 7, "total": 900, "items": [{"sku": "TEA", "price": 450}]}]
        }
        ```
        """
    )
    findings = run_rule(ResponseFieldNotProduced, page, FACTS)
    assert [(f.span, f.message) for f in findings] == [
        (Span(9, 5, 9, 18), "response field `total_pages` is not produced by `/api/v1/orders/`"),
        (Span(10, 27, 10, 34), "response field `results[].total` is not produced by `/api/v1/orders/`"),
        (Span(10, 66, 10, 73), "response field `results[].items[].price` is not produced by `/api/v1/orders/`"),
    ]
    assert findings[1].hint == "did you mean `total_cents`? (orders/views.py:16)"


def test_fd504_unwrapped_item_with_a_wrong_key(parse: ParsePage) -> None:
    page = parse(
        """
        # Orders

        ### POST /api/v1/orders/

        **Response:**
        ```json
        {"id": 7, "state": "pending"}
        ```
        """
    )
    [finding] = run_rule(ResponseFieldNotProduced, page, FACTS)
    assert (finding.code, finding.span) == ("FD504", Span(7, 11, 7, 18))
    assert finding.hint == "did you mean `status`? (orders/views.py:16)"


def test_fd504_an_error_answer_under_a_plain_response_label(parse: ParsePage) -> None:
    # What a permission or the view's own JsonResponse sends instead of the resource,
    # shown under a heading about errors rather than a sentence naming the status.
    template = """
        # Orders

        ## Not signed in

        ### GET /api/v1/orders/

        **Response:**
        ```json
        BODY
        ```
        """
    for body in ('{"detail": "Authentication credentials were not provided."}',
                 '{"error": "The `sku` query parameter is required.", "code": "missing"}',
                 '{"non_field_errors": ["Pick one."]}'):
        assert run_rule(ResponseFieldNotProduced, parse(template.replace("BODY", body)), FACTS) == [], body
    # a body with one key of the resource is the resource, and its other keys are judged
    [finding] = run_rule(ResponseFieldNotProduced, parse(template.replace("BODY", '{"id": 7, "detail": "x"}')), FACTS)
    assert finding.message == "response field `detail` is not produced by `/api/v1/orders/`"


def test_fd504_a_body_a_short_sentence_introduces_as_the_answer(parse: ParsePage) -> None:
    template = """
        # Orders

        ### GET /api/v1/orders/

        LEAD

        ```json
        {"id": 7, "state": "pending"}
        ```
        """
    for lead in ("Each result looks like:", "The order response:", "A typical answer:"):
        [finding] = run_rule(ResponseFieldNotProduced, parse(template.replace("LEAD", lead)), FACTS)
        assert finding.message == "response field `state` is not produced by `/api/v1/orders/`", lead
    for lead in ("The request body:", "An error response:", "The order item:", "Filter with:"):
        assert run_rule(ResponseFieldNotProduced, parse(template.replace("LEAD", lead)), FACTS) == [], lead


# --- FD505 -------------------------------------------------------------------------------------


def test_fd505_endpoint_next_to_the_documented_ones(parse: ParsePage) -> None:
    page = parse(
        """
        # Orders

        ## API Endpoints

        ### GET, POST /api/v1/orders/

        ### GET /api/v1/orders/{id}/

        ```http
        POST /api/v1/orders/7/pay/ HTTP/1.1
        ```
        """
    )
    [finding] = run_rule(UndocumentedEndpoint, page, FACTS)
    assert (finding.code, finding.severity, finding.span) == ("FD505", Severity.WARNING, Span(3, 1, 3, 17))
    assert finding.message == "endpoint `POST /api/v1/orders/{pk}/refund/` is not documented"
    assert finding.hint == (
        "it is under `/api/v1/orders/`, the URL space this page documents (orders/views.py:16)"
    )


def test_fd505_silent_when_the_documented_space_is_too_wide(parse: ParsePage) -> None:
    page = parse(
        """
        # Mixed

        ## API Endpoints

        ### GET /api/v1/orders/

        ### GET /api/v2/shipments/{id}/
        """
    )
    assert run_rule(UndocumentedEndpoint, page, FACTS) == []
