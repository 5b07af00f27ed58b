"""FD505's URL space: where a page's documented paths meet, and where they part ways."""

from __future__ import annotations

import dataclasses

from featuredocs.model import EndpointFact, SourceLocation
from featuredocs.rules.fd5_endpoints.fd505_undocumented_endpoint import UndocumentedEndpoint
from tests.conftest import ParsePage
from tests.rules.fd5.facts import FACTS
from tests.support.rules import run_rule


def test_fd505_silent_where_the_documented_paths_part_ways_into_different_resources(
    parse: ParsePage,
) -> None:
    page = parse(
        """
        # Checkout

        ## API Endpoints

        ### POST /api/v1/orders/

        ### GET /api/v1/products/{id}/
        """
    )
    assert run_rule(UndocumentedEndpoint, page, FACTS) == []


def test_fd505_paths_parting_ways_below_an_item_stay_in_its_space(parse: ParsePage) -> None:
    page = parse(
        """
        # Payments

        ## API Endpoints

        ### POST /api/v1/orders/{id}/pay/

        ### POST /api/v1/orders/{id}/refund/
        """
    )
    [finding] = run_rule(UndocumentedEndpoint, page, FACTS)
    assert finding.message == "endpoint `GET /api/v1/orders/{pk}/` is not documented"
    assert finding.hint == (
        "it is under `/api/v1/orders/{pk}/`, the URL space this page documents (orders/views.py:16)"
    )


REPORTS = ("summary", "activity", "weekly")


def test_fd505_paths_parting_ways_below_a_mount_point_stay_in_one_space(parse: ParsePage) -> None:
    reports = tuple(
        EndpointFact(f"/api/v1/reports/{name}/", ("GET",), view=f"reports.views.{name}", app="reports",
                     location=SourceLocation("reports/views.py", line))
        for line, name in enumerate(REPORTS, start=10)
    )
    facts = dataclasses.replace(FACTS, endpoints=FACTS.endpoints + reports)
    page = parse(
        """
        # Reports

        ## API Endpoints

        ### GET /api/v1/reports/summary/

        ### GET /api/v1/reports/activity/
        """
    )
    found = run_rule(UndocumentedEndpoint, page, facts)
    # /api/v1/reports/ is no mount point: a new report beside the two is the feature's
    assert sorted(f.message for f in found) == [
        "endpoint `/api/v1/reports/daily/` is not documented",
        "endpoint `GET /api/v1/reports/weekly/` is not documented",
    ]
    # the same two resources right under a mount point are the API's, not one feature's
    mounted = dataclasses.replace(facts, url_prefixes=(*facts.url_prefixes, "/api/v1/reports/"))
    assert run_rule(UndocumentedEndpoint, page, mounted) == []
