"""The small project the FD6 untidy-page tests check their pages against, built once."""

from __future__ import annotations

import pytest

from featuredocs.model import ProjectFacts
from tests.support.django_project import make_project


@pytest.fixture(scope="session")
def untidy_facts(tmp_path_factory: pytest.TempPathFactory) -> ProjectFacts:
    from tests.rules.fd6.test_real_project import MODELS
    from tests.rules.fd6.test_untidy_pages import CONF, SETTINGS

    project = make_project(
        tmp_path_factory.mktemp("fd6-untidy"),
        apps={"orders": {"models.py": MODELS, "conf.py": CONF}},
        settings=SETTINGS,
    )
    return project.facts()
