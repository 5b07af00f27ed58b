"""Names a sentence calls variables or settings all at once: "set `A` and `B` in the
environment", "the `A`, `B` and `C` environment variables", "the `X` and `Y` settings"."""

from __future__ import annotations

import pytest

from featuredocs.rules.fd6_config.fd601_unknown_environment_variable import UnknownEnvironmentVariable
from featuredocs.rules.fd6_config.fd604_unknown_setting import UnknownSetting
from tests.support.rules import pointed_texts

from .facts import FACTS
from .test_rules import CLEAN

LISTED_VARIABLES = (
    "Set `ORDER_TIMEOUT` and `{name}` in the environment before the first deploy.",
    "Read `{name}` from the process environment.",
    "The `ORDER_HOSTS`, `{name}` and `ORDER_TIMEOUT` environment variables tune the client.",
    "The environment variables `ORDER_TIMEOUT`, `ORDER_HOSTS` or `{name}` tune the client.",
    "Export `{name}`, `ORDER_HOSTS`, and `ORDER_TIMEOUT` as env vars.",
)


@pytest.mark.parametrize("sentence", LISTED_VARIABLES)
def test_fd601_a_misspelt_name_listed_with_others_called_variables(parse, sentence):
    page = parse(CLEAN + "\n" + sentence.format(name="ORDER_REGON") + "\n")
    assert pointed_texts(UnknownEnvironmentVariable, page, FACTS) == ["ORDER_REGON"]
    assert pointed_texts(UnknownEnvironmentVariable, parse(CLEAN + "\n" + sentence.format(name="ORDER_REGION") + "\n"), FACTS) == []


@pytest.mark.parametrize("sentence", [
    "`ORDER_TIMEOUT` and `{name}` are constants of `orders.limits`.",  # nothing calls them variables
    "Set `ORDER_TIMEOUT` and `{name}` in the admin.",
    "The `ORDER_TIMEOUT` environment variable and the `{name}` constant.",  # called, but not listed with it
    "Set `{name}` (see `ORDER_TIMEOUT`) in the environment.",  # a parenthesis is no list
])
def test_a_name_not_listed_with_the_ones_called_variables_is_no_claim(parse, sentence):
    page = parse(CLEAN + "\n" + sentence.format(name="ORDER_REGON") + "\n")
    assert pointed_texts(UnknownEnvironmentVariable, page, FACTS) == []


@pytest.mark.parametrize("sentence", [
    "The `DEBUG` and `{name}` settings shape the checkout.",
    "Django settings `DEBUG`, `{name}` and `CACHES` shape the checkout.",
])
def test_fd604_a_misspelt_name_listed_with_others_called_settings(parse, sentence):
    page = parse(CLEAN + "\n" + sentence.format(name="ORDER_CONFG") + "\n")
    assert pointed_texts(UnknownSetting, page, FACTS) == ["ORDER_CONFG"]
    assert pointed_texts(UnknownSetting, parse(CLEAN + "\n" + sentence.format(name="ORDER_CONFIG") + "\n"), FACTS) == []
