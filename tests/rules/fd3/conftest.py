"""One real Django project's facts, shared by every FD3 test module that needs them."""

from __future__ import annotations

import pytest

from featuredocs.model import ProjectFacts
from tests.rules.fd3.project import billing_project


@pytest.fixture(scope="session")
def billing_facts(tmp_path_factory: pytest.TempPathFactory) -> ProjectFacts:
    return billing_project(tmp_path_factory.mktemp("fd3")).facts()
