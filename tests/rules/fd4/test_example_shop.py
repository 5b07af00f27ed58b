"""The bundled example shop: its clean docs draw no FD4/FD807 finding, and its drifted
docs draw exactly the command drifts its manifest (``drifts.json``) lists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from featuredocs.markdown import load_docset
from featuredocs.model import Finding, ProjectFacts
from featuredocs.rules.fd4_commands.fd401_command_not_found import CommandNotFound
from featuredocs.rules.fd4_commands.fd402_option_not_accepted import OptionNotAccepted
from featuredocs.rules.fd4_commands.fd403_stale_option_default import StaleOptionDefault
from featuredocs.rules.fd4_commands.fd404_invalid_invocation import InvalidInvocation
from featuredocs.rules.fd4_commands.fd405_undocumented_option import UndocumentedOption
from featuredocs.rules.fd4_commands.fd406_option_choices_differ import OptionChoicesDiffer
from featuredocs.rules.fd4_commands.fd807_unknown_command_mention import UnknownCommandMention
from tests.support.django_project import collect_facts
from tests.support.rules import context_for, run_rule

SHOP = Path(__file__).resolve().parents[3] / "examples" / "shop"
RULES = (CommandNotFound, OptionNotAccepted, StaleOptionDefault, InvalidInvocation,
         UndocumentedOption, OptionChoicesDiffer, UnknownCommandMention)
CODES = {rule.code for rule in RULES}

pytestmark = pytest.mark.skipif(not (SHOP / "drifts.json").exists(), reason="no example shop")


@pytest.fixture(scope="module")
def facts() -> ProjectFacts:
    return collect_facts(SHOP, "shop.settings")


def findings_in(docs: Path, facts: ProjectFacts) -> list[tuple[str, Finding]]:
    """(page path relative to the docs root, finding) for every page the rules apply to."""
    docset, errors = load_docset(docs)
    assert errors == []
    ctx = context_for(list(docset.pages), facts)
    found = []
    for page in docset.pages:
        for rule in RULES:
            if rule.runs_on(page, ctx):
                found.extend((page.rel, f) for f in run_rule(rule, page, facts, ctx=ctx))
    return found


def test_clean_docs_are_silent(facts):
    assert findings_in(SHOP / "docs", facts) == []


def test_drifted_docs_show_exactly_the_listed_command_drifts(facts):
    manifest = json.loads((SHOP / "drifts.json").read_text(encoding="utf-8"))
    expected = sorted((d["page"], d["line"], d["code"]) for d in manifest if d["code"] in CODES)
    found = findings_in(SHOP / "docs-drifted", facts)
    assert sorted((rel, f.span.line, f.code) for rel, f in found) == expected
