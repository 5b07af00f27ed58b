"""The example shop's real facts, read once per session in a fresh interpreter."""

from __future__ import annotations

import pytest

from featuredocs.model import ProjectFacts
from tests.support.django_project import collect_facts
from tests.sync.shop import SHOP


@pytest.fixture(scope="session")
def shop_facts() -> ProjectFacts:
    return collect_facts(SHOP, "shop.settings")
