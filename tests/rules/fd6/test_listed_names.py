"""Names a sentence calls variables or settings all at once: "set `A` and `B` in the
environment", "the `A`, `B` and `C` environment variables", "the `X` and `Y` settings"."""

from __future__ import annotations

import pytest

from featuredocs.rules.fd6_config.fd601_unknown_environment_variable import UnknownEnvironmentVariable
from featuredocs.rules.fd6_config.fd604_unknown_setting import UnknownSetting
from tests.support.rules import run_rule

from .facts import FACTS
from .test_rules import CLEAN

LISTED_VARIABLES = (
    "Set `ORDER_TIMEOUT` and `{name}` in the environment before the first deploy.",
    "Read `{name}` from the process environment.",
    "The `ORDER_HOSTS`, `{name}` and `ORDER_TIMEOUT` environment variables tune the client.",
    "The environment variables `ORDER_TIMEOUT`, `ORDER_HOSTS` or `{name}` tune the client.",
    "Export `{name}`, `ORDER_HOSTS`, and `ORDER_TIMEOUT` as env vars.",
)


def _pointed(rule, page):
    return [page.line_text(f.span.line)[f.span.column - 1 : f.span.end_column - 1] for f in run_rule(rule, page, FACTS)]


@pytest.mark.parametrize("sentence", LISTED_VARIABLES)
def test_fd601_a_misspelt_name_listed_with_others_called_variables(parse, sentence):
    page = parse(CLEAN + "\n" + sentence.format(name="ORDER_REGON") + "\n")
    assert _pointed(UnknownEnvironmentVariable, page) == ["ORDER_REGON"]
    assert _pointed(UnknownEnvironmentVariable, parse(CLEAN + "\n" + sentence.format(name="ORDER_REGION") + "\n")) == []


@pytest.mark.parametrize("sentence", [
    "`ORDER_TIMEOUT` and `{name}` are constants of `orders.limits`.",  # nothing calls them variables
    "Set `ORDER_TIMEOUT` and `{name}` in the admin.",
    "The `ORDER_TIMEOUT` environment variable and the `{name}` constant.",  # called, but not listed with it
    "Set `{name}` (see `ORDER_TIMEOUT`) in the environment.",  # a parenthesis is no list
])
def test_a_name_not_listed_with_the_ones_called_variables_is_no_claim(parse, sentence):
    page = parse(CLEAN + "\n" + sentence.format(name="ORDER_REGON") + "\n")
    assert _pointed(UnknownEnvironmentVariable, page) == []


@pytest.mark.parametrize("sentence", [
    "The `DEBUG` and `{name}` settings shape the checkout.",
    "Django settings `DEBUG`, `{name}` and `CACHES` shape the checkout.",
])
def test_fd604_a_misspelt_name_listed_with_others_called_settings(parse, sentence):
    page = parse(CLEAN + "\n" + sentence.format(name="ORDER_CONFG") + "\n")
    assert _pointed(UnknownSetting, page) == ["ORDER_CONFG"]
    assert _pointed(UnknownSetting, parse(CLEAN + "\n" + sentence.format(name="ORDER_CONFIG") + "\n")) == []
