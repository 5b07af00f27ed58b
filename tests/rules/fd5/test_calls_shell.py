"""FD501-FD505 on ``curl`` and HTTPie calls written the way shell sessions are, against the
facts of the real small shop API (see :mod:`tests.rules.fd5.project`): virtualenv and root
prompts, chains, prefixes, comments, and words whose quotes or escapes a shell removes."""

from __future__ import annotations

from featuredocs.model import ProjectFacts, Span
from tests.conftest import ParsePage
from tests.rules.fd5.test_untidy_pages import FAMILY
from tests.support.rules import run_rule

NOT_ALLOWED = "`DELETE` is not allowed on `/api/v1/orders/{pk}/`"


def findings(page_text: str, parse: ParsePage, facts: ProjectFacts) -> list[tuple[str, Span, str]]:
    page = parse(page_text)
    return [(f.code, f.span, f.message) for rule in FAMILY for f in run_rule(rule, page, facts)]


def test_a_call_after_a_virtualenv_prompt(parse: ParsePage, facts: ProjectFacts) -> None:
    page = """
        # Orders

        ```console
        (venv) $ curl -X DELETE https://shop.example/api/v1/orders/7/
        {"detail": "Method \\"DELETE\\" not allowed."}
        ```
        """
    assert findings(page, parse, facts) == [("FD502", Span(4, 18, 4, 24), NOT_ALLOWED)]


def test_calls_in_chains_and_after_prefixes(parse: ParsePage, facts: ProjectFacts) -> None:
    page = """
        # Orders

        ```bash
        cd shop && curl -X DELETE https://shop.example/api/v1/orders/7/
        TOKEN=abc time http DELETE :8000/api/v1/orders/7/ | jq .
        ```
        """
    assert findings(page, parse, facts) == [
        ("FD502", Span(4, 20, 4, 26), NOT_ALLOWED),
        ("FD502", Span(5, 21, 5, 27), NOT_ALLOWED),
    ]


def test_a_url_with_escaped_quotes_keeps_its_whole_query_string(
    parse: ParsePage, facts: ProjectFacts
) -> None:
    page = """
        # Orders

        ```bash
        curl "https://shop.example/api/v1/orders/?page=\\"2\\"&state=paid"
        ```
        """
    [(code, span, message)] = findings(page, parse, facts)
    assert (code, span) == ("FD503", Span(4, 54, 4, 59))
    assert message.startswith("query parameter `state` is not accepted")


def test_a_quoted_base_variable_glued_to_the_path(parse: ParsePage, facts: ProjectFacts) -> None:
    page = """
        # Orders

        ```bash
        curl -s "$BASE"/api/v1/order/7/
        ```
        """
    assert findings(page, parse, facts) == [
        ("FD501", Span(4, 16, 4, 32), "path `/api/v1/order/7/` does not resolve to any endpoint"),
    ]


def test_a_commented_out_call_in_a_script_is_not_checked(parse: ParsePage, facts: ProjectFacts) -> None:
    page = """
        # Orders

        ```bash
        # curl -X DELETE https://shop.example/api/v1/orders/7/
        curl https://shop.example/api/v1/orders/7/  # -X DELETE once it is allowed
        ```
        """
    assert findings(page, parse, facts) == []


def test_root_and_continuation_prompts_as_before(parse: ParsePage, facts: ProjectFacts) -> None:
    page = """
        # Orders

        ```console
        # curl -X DELETE https://shop.example/api/v1/orders/7/
        $ curl -X DELETE \\
        >   https://shop.example/api/v1/orders/7/
        > curl -X DELETE https://shop.example/api/v1/orders/7/
        ```
        """
    assert findings(page, parse, facts) == [
        ("FD502", Span(4, 11, 4, 17), NOT_ALLOWED),
        ("FD502", Span(5, 11, 5, 17), NOT_ALLOWED),
        ("FD502", Span(7, 11, 7, 17), NOT_ALLOWED),
    ]


def test_an_unquoted_query_string_is_one_url_as_before(parse: ParsePage, facts: ProjectFacts) -> None:
    page = """
        # Orders

        ```bash
        curl https://shop.example/api/v1/orders/?status=paid&state=paid&ordering=total_cents
        ```
        """
    [(code, span, _)] = findings(page, parse, facts)
    assert (code, span) == ("FD503", Span(4, 54, 4, 59))


def test_a_call_in_a_list_item_keeps_page_columns_as_before(
    parse: ParsePage, facts: ProjectFacts
) -> None:
    page = """
        # Orders

        1. Cancel it:

           ```sh
           curl --request 'DELETE' \\
             "https://shop.example/api/v1/orders/7/"
           ```
        """
    assert findings(page, parse, facts) == [("FD502", Span(6, 20, 6, 26), NOT_ALLOWED)]


def test_a_query_value_in_escaped_quotes_is_not_read_as_a_backslash(
    parse: ParsePage, facts: ProjectFacts
) -> None:
    page = """
        # Orders

        ```bash
        curl "https://shop.example/api/v1/orders/?ordering=\\"-created_at\\""
        ```
        """
    assert findings(page, parse, facts) == []


def test_query_parameters_given_as_httpie_items_and_requests_params(parse: ParsePage, facts: ProjectFacts) -> None:
    page = """
        # Products

        ```bash
        http :8000/api/v1/products/ search==tea ordering==name
        http :8000/api/v1/products/ q==tea
        ```

        ```python
        requests.get(f"{BASE}/api/v1/products/", params={"search": "tea", "sort": "name"}, json={"x": 1})
        requests.get(f"{BASE}/api/v1/products/", params=params)
        ```
        """
    lines = parse(page).lines

    def at(line: int, name: str) -> Span:
        column = lines[line - 1].index(name) + 1
        return Span(line, column, line, column + len(name))

    assert findings(page, parse, facts) == [
        ("FD503", at(5, "q"), "query parameter `q` is not accepted by `/api/v1/products/`"),
        ("FD503", at(9, "sort"), "query parameter `sort` is not accepted by `/api/v1/products/`"),
    ]


def test_a_value_an_httpie_item_gives_a_parameter_with_choices(parse: ParsePage, facts: ProjectFacts) -> None:
    page = """
        # Products

        ```bash
        http :8000/api/v1/products/ ordering==-price_cents
        http :8000/api/v1/products/ ordering==-rating
        ```
        """
    column = parse(page).lines[4].index("rating") + 1
    assert findings(page, parse, facts) == [
        ("FD503", Span(5, column, 5, column + 6), "`rating` is not a value `ordering` accepts on `/api/v1/products/`"),
    ]


def test_httpie_options_that_take_a_value_are_not_the_url(parse: ParsePage, facts: ProjectFacts) -> None:
    # `-a ada:secret` is one option: the URL is the word after it
    page = """
        # Orders

        ```bash
        http -a ada:secret GET https://shop.example/api/v1/products/ ordering==-rating
        http --timeout 5 -a ada:secret :8000/api/v1/products/ ordering==name
        http --auth=ada:secret :8000/api/v1/productz/
        ```
        """
    lines = parse(page).lines
    found = findings(page, parse, facts)
    assert [(code, span.line, span.column) for code, span, _ in found] == [
        ("FD501", 6, lines[5].index("/api") + 1),
        ("FD503", 4, lines[3].index("rating") + 1),
    ]


def test_curl_get_sends_its_data_as_query_parameters(parse: ParsePage, facts: ProjectFacts) -> None:
    page = """
        # Orders

        ```bash
        curl -G https://shop.example/api/v1/orders/ -d status=paid --data-urlencode "ordering=-total_cents"
        curl -G https://shop.example/api/v1/orders/ -d state=paid -d ordering=-total
        curl https://shop.example/api/v1/orders/ -d '{"items": []}'
        ```
        """
    line = parse(page).lines[4]
    state, total = line.index("state") + 1, line.index("total") + 1
    assert findings(page, parse, facts) == [
        ("FD503", Span(5, state, 5, state + 5), "query parameter `state` is not accepted by `/api/v1/orders/`"),
        ("FD503", Span(5, total, 5, total + 5), "`total` is not a value `ordering` accepts on `/api/v1/orders/`"),
    ]


def test_a_requests_call_written_over_several_lines(parse: ParsePage, facts: ProjectFacts) -> None:
    page = """
        # Orders

        ```python
        response = requests.get(
            f"{BASE}/api/v1/orders/",
            params={"status": "paid", "sort": "-created_at"},
        )
        orders = client.delete(
            "https://shop.example/api/v1/orders/7/",
        )
        listing = requests.get(f"{BASE}/api/v1/products/")
        other = build(params={"q": "tea"})
        ```
        """
    lines = parse(page).lines
    sort, delete = lines[5].index("sort") + 1, lines[7].index("delete") + 1
    assert findings(page, parse, facts) == [
        ("FD502", Span(8, delete, 8, delete + 6), NOT_ALLOWED),
        ("FD503", Span(6, sort, 6, sort + 4), "query parameter `sort` is not accepted by `/api/v1/orders/`"),
    ]


def test_a_value_a_requests_params_dict_sends_must_be_a_choice(parse: ParsePage, facts: ProjectFacts) -> None:
    page = """
        # Orders

        ```python
        response = requests.get(f"{BASE}/api/v1/orders/", params={"status": "paid", "ordering": "-total"})
        listing = requests.get(f"{BASE}/api/v1/orders/", params={'status': 'paid', 'ordering': '-created_at'})
        ```
        """
    number, line = next((n, text) for n, text in enumerate(parse(page).lines, 1) if '"-total"' in text)
    total = line.index("total") + 1
    assert findings(page, parse, facts) == [
        ("FD503", Span(number, total, number, total + 5), "`total` is not a value `ordering` accepts on `/api/v1/orders/`"),
    ]

