"""What a parsed page claims about endpoints: shapes found anywhere, attributed by section."""

from __future__ import annotations

from featuredocs.model import Span
from featuredocs.rules.fd5_endpoints.claims import extract
from featuredocs.rules.fd5_endpoints.declarations import ClaimKind
from tests.conftest import ParsePage


def _endpoints(page_claims: object) -> list[tuple[str, tuple[str, ...], str]]:
    return [
        (c.kind.value, tuple(m.text for m in c.methods), c.path.text)
        for c in page_claims.endpoints  # type: ignore[attr-defined]
    ]


def test_headings_requests_tables_and_inline_code(parse: ParsePage) -> None:
    page = parse(
        """
        # Orders

        Orders are listed with `GET /api/v1/orders/` and paid with a callback.

        ## API Endpoints

        | Method | Path | Purpose |
        | --- | --- | --- |
        | POST | `/api/v1/orders/{id}/pay/` | pay |

        ### GET, POST /api/v1/orders/

        ```http
        GET /api/v1/orders/?status=paid HTTP/1.1
        ```

        ### `GET /api/v1/orders/<int:pk>/`
        """
    )
    claims = extract(page)
    assert _endpoints(claims) == [
        ("inline", ("GET",), "/api/v1/orders/"),
        ("table", ("POST",), "/api/v1/orders/{id}/pay/"),
        ("heading", ("GET", "POST"), "/api/v1/orders/"),
        ("request", ("GET",), "/api/v1/orders/"),
        ("heading", ("GET",), "/api/v1/orders/<int:pk>/"),
    ]
    heading = claims.endpoints[2]
    assert heading.path.span == Span(11, 15, 11, 30)
    assert [m.span for m in heading.methods] == [Span(11, 5, 11, 8), Span(11, 10, 11, 14)]
    request = claims.endpoints[3]
    assert request.path.span == Span(14, 5, 14, 20)
    assert [(q.text, q.span) for q in request.query] == [("status", Span(14, 21, 14, 27))]
    assert claims.endpoints[4].path.span == Span(17, 10, 17, 34)
    assert claims.api_heading == Span(5, 1, 5, 17)


def test_template_example_endpoint_is_a_placeholder(parse: ParsePage) -> None:
    page = parse(
        """
        # Feature

        ## API Endpoints

        ### GET /api/feature/resource/

        **Request:**
        ```http
        GET /api/feature/resource/?param=value HTTP/1.1
        ```

        **Query Parameters:**
        - `param` (string, optional): Description

        **Response:**
        ```json
        {"status": "success"}
        ```
        """
    )
    claims = extract(page)
    assert claims.endpoints == () and claims.query_params == () and claims.responses == ()


def test_bare_paths_count_only_inside_the_documented_url_space(parse: ParsePage) -> None:
    page = parse(
        """
        # Orders

        The API lives under `/api/v1/`; logs go to `/var/log/shop/`; `/api/v1/orders/{id}/pay/`
        is called by the payment provider.

        ## API Endpoints

        ### GET /api/v1/orders/

        ### GET /api/v1/orders/{id}/
        """
    )
    bare = [c.path.text for c in extract(page).endpoints if c.kind is ClaimKind.BARE]
    assert bare == ["/api/v1/orders/{id}/pay/"]


def test_query_parameters_belong_to_their_section_endpoint(parse: ParsePage) -> None:
    page = parse(
        """
        # Orders

        ## API Endpoints

        ### GET /api/v1/orders/{id}/

        **Parameters:**
        - `id` (integer, required): The order
        - `expand` (string, optional): Related objects to include

        ### List orders

        **Request:**
        ```http
        GET /api/v1/orders/ HTTP/1.1
        ```

        **Query Parameters:**

        | Parameter | Type | Description |
        | --- | --- | --- |
        | `status` | string | Only orders in this status |
        | `page` | integer | Page number |

        ### POST /api/v1/orders/

        **Parameters:**
        - `items` (list, required): Lines of the order
        """
    )
    params = [(q.name.text, q.endpoint.path.text, q.name.span) for q in extract(page).query_params]
    assert params == [
        ("expand", "/api/v1/orders/{id}/", Span(9, 4, 9, 10)),
        ("status", "/api/v1/orders/", Span(22, 4, 22, 10)),
        ("page", "/api/v1/orders/", Span(23, 4, 23, 8)),
    ]


def test_success_responses_only_and_keys_placed_in_the_page(parse: ParsePage) -> None:
    page = parse(
        """
        # Orders

        ## API Endpoints

        ### POST /api/v1/orders/{id}/pay/

        **Response (200 OK):**
        ```json
        {
            "id": 7,
            "status": "paid", // changed
        }
        ```

        **Response (409):**
        ```json
        {"detail": "Order 7 is expired, not pending"}
        ```

        - **Response:**

          ```json
          {"broken": }
          ```
        """
    )
    responses = extract(page).responses
    assert len(responses) == 1
    assert [(k.name, span) for k, span in responses[0].spans] == [
        ("id", Span(10, 5, 10, 9)), ("status", Span(11, 5, 11, 13)),
    ]


def test_pages_in_the_wild_name_endpoints_in_titles_tables_and_labels(parse: ParsePage) -> None:
    page = parse(
        """
        # Orders

        ## Endpoints

        | Endpoint | Purpose |
        | --- | --- |
        | `GET /api/v1/orders/<pk>/` | one order |

        | Verb | Route |
        | --- | --- |
        | DELETE | /api/v1/orders/:id/ |

        ### List orders (GET /api/v1/orders/)

        ### Paying

        **Endpoint:** `POST /api/v1/orders/{id}/pay/`

        **Response:**
        ```json
        {"id": 7, "status": "paid"}
        ```

        ### Refunds

        **URL:** `/api/v1/orders/{id}/refund/`
        **Method:** `POST`
        """
    )
    claims = extract(page)
    assert _endpoints(claims) == [
        ("table", ("GET",), "/api/v1/orders/<pk>/"),
        ("table", ("DELETE",), "/api/v1/orders/:id/"),
        ("heading", ("GET",), "/api/v1/orders/"),
        ("label", ("POST",), "/api/v1/orders/{id}/pay/"),
        ("label", ("POST",), "/api/v1/orders/{id}/refund/"),
    ]
    assert claims.endpoints[1].path.span == Span(11, 12, 11, 31)
    assert claims.endpoints[4].methods[0].span == Span(27, 14, 27, 18)
    [response] = claims.responses
    assert response.endpoint.path.text == "/api/v1/orders/{id}/pay/"


def test_strict_json_keys_are_placed_past_values_that_spell_a_key(parse: ParsePage) -> None:
    page = parse(
        """
        # Orders

        ### GET /api/v1/orders/{id}/

        **Response:**
        ```json
        {"status": "id", "id": 7, "items": [{"id": 1}]}
        ```
        """
    )
    [response] = extract(page).responses
    assert [(k.name, span) for k, span in response.spans] == [
        ("status", Span(7, 2, 7, 10)), ("id", Span(7, 18, 7, 22)),
        ("items", Span(7, 27, 7, 34)), ("id", Span(7, 38, 7, 42)),
    ]


def test_sub_headings_and_http_response_blocks(parse: ParsePage) -> None:
    page = parse(
        """
        # Orders

        ## API

        ### GET /api/v1/orders/

        #### Query Parameters

        - `status` (string, optional): Only orders in this status

        #### Response

        ```http
        HTTP/1.1 200 OK
        Content-Type: application/json

        {"count": 0, "results": []}
        ```

        #### Errors

        ```http
        HTTP/1.1 400 Bad Request

        {"status": ["Select a valid choice."]}
        ```
        """
    )
    claims = extract(page)
    assert [(q.name.text, q.name.span) for q in claims.query_params] == [("status", Span(9, 4, 9, 10))]
    [response] = claims.responses
    assert [(k.name, span) for k, span in response.spans] == [
        ("count", Span(17, 2, 17, 9)), ("results", Span(17, 14, 17, 23)),
    ]


def test_calls_in_example_code_with_their_methods(parse: ParsePage) -> None:
    page = parse(
        """
        # Orders

        ```console
        $ curl -I https://shop.example/api/v1/orders/
        $ curl -XPATCH --data status=paid https://shop.example/api/v1/orders/7/
        $ curl --request=PUT -G localhost:8000/api/v1/orders/7/
        $ curl -G -d status=paid https://shop.example/api/v1/orders/
        $ http --json :8000/api/v1/orders/ items:='[]'
        $ http :8000/api/v1/orders/ status==paid
        $ curl -o /tmp/orders.json
        ```

        ```js
        fetch("/api/v1/orders/7/pay/", {method: "POST"})
        ```
        """
    )
    assert _endpoints(extract(page)) == [
        ("call", ("HEAD",), "/api/v1/orders/"),
        ("call", ("PATCH",), "/api/v1/orders/7/"),
        ("call", ("PUT",), "/api/v1/orders/7/"),
        ("call", ("GET",), "/api/v1/orders/"),
        ("call", ("POST",), "/api/v1/orders/"),
        ("call", ("GET",), "/api/v1/orders/"),
        ("call", ("POST",), "/api/v1/orders/7/pay/"),
    ]
