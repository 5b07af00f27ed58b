"""A bare name prose gives a default without calling it a variable ("the sender comes from
`SITE_NAME` (default `shop`)"): compared when the project reads a variable by that very
name, and never reported as an unknown variable."""

from __future__ import annotations

import dataclasses

import pytest

from featuredocs.rules.fd6_config.fd601_unknown_environment_variable import UnknownEnvironmentVariable
from featuredocs.rules.fd6_config.fd602_stale_environment_default import StaleEnvironmentDefault
from tests.support.rules import pointed_texts, run_rule

from .facts import FACTS, env
from .test_rules import CLEAN

SAID = (
    "Requests give up after `ORDER_TIMEOUT` (default `{value}`) seconds.",
    "The region comes from `ORDER_REGION`, default `{value}`.",
    "`ORDER_TIMEOUT` defaults to `{value}`.",
)


@pytest.mark.parametrize("said", SAID)
def test_fd602_a_stale_default_of_a_read_variable_the_sentence_does_not_call_one(parse, said):
    page = parse(CLEAN + "\n" + said.format(value="45") + "\n")
    assert pointed_texts(StaleEnvironmentDefault, page, FACTS) == ["45"]
    right = "30" if "TIMEOUT" in said else "eu-west-1"
    assert run_rule(StaleEnvironmentDefault, parse(CLEAN + "\n" + said.format(value=right) + "\n"), FACTS) == []


@pytest.mark.parametrize("said", [
    "Retries stop at `ORDER_TIMEOUTS` (default `3`), a constant.",  # close to a variable, but nothing calls it one
    "`ORDER_CONFIG` (default `{{}}`) holds the rest.",  # a setting
    "`DEBUG` (default `True`) shows tracebacks.",  # the setting, though a variable has the name
])
def test_a_bare_name_with_a_default_is_no_unknown_variable(parse, said):
    facts = dataclasses.replace(FACTS, env_vars=(*FACTS.env_vars, env("DEBUG", "False")))
    page = parse(CLEAN + "\n" + said + "\n")
    for rule in (UnknownEnvironmentVariable, StaleEnvironmentDefault):
        assert run_rule(rule, page, facts) == [], rule.code


def test_a_name_both_setting_and_variable_is_compared_once_called_a_variable(parse):
    facts = dataclasses.replace(FACTS, env_vars=(*FACTS.env_vars, env("DEBUG", "False")))
    page = parse(CLEAN + "\nThe `DEBUG` environment variable (default `True`) shows tracebacks.\n")
    assert [f.code for f in run_rule(StaleEnvironmentDefault, page, facts)] == ["FD602"]
