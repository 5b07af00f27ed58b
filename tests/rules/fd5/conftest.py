"""The small real shop API of :mod:`tests.rules.fd5.project`, built once for the FD5 tests
that read its facts (in a child process, and statically)."""

from __future__ import annotations

import pytest

from featuredocs.introspect.static import collect_static
from featuredocs.model import ProjectFacts
from tests.rules.fd5.project import make_shop
from tests.support.django_project import DjangoProject


@pytest.fixture(scope="session")
def shop(tmp_path_factory: pytest.TempPathFactory) -> DjangoProject:
    return make_shop(tmp_path_factory.mktemp("fd5_shop"))


@pytest.fixture(scope="session")
def facts(shop: DjangoProject) -> ProjectFacts:
    return shop.facts()


@pytest.fixture(scope="session", params=["live", "static"])
def both_facts(request: pytest.FixtureRequest, shop: DjangoProject, facts: ProjectFacts) -> ProjectFacts:
    """The project's facts as each mode reads them: both must agree on what a backend reads."""
    return facts if request.param == "live" else collect_static(shop.root)
