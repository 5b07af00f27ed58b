"""Name lookups in the facts answer as a scan of their lists does, pickled or not; the
facts keep the JSON text they were read from or written as."""

from __future__ import annotations

import pickle

from featuredocs.model import CommandFact, EnvVarFact, ProjectFacts, SettingFact


def _facts() -> ProjectFacts:
    return ProjectFacts(
        root="/p",
        mode="static",
        commands=(CommandFact("sync", "a"), CommandFact("sync", "b"), CommandFact("purge", "a")),
        settings=(SettingFact("DEBUG", "True"), SettingFact("DEBUG", "False")),
        env_vars=(EnvVarFact("TOKEN", required=True), EnvVarFact("TOKEN", required=False)),
    )


def test_a_name_listed_twice_finds_its_first_entry() -> None:
    facts = _facts()
    assert facts.command("sync") is facts.commands[0]
    assert facts.command("purge") is facts.commands[2]
    assert facts.setting("DEBUG") is facts.settings[0]
    assert facts.env_var("TOKEN") is facts.env_vars[0]
    assert facts.command("missing") is None and facts.setting("X") is None and facts.env_var("Y") is None


def test_indexes_stay_out_of_equality_json_and_pickles() -> None:
    facts = _facts()
    fresh = facts.to_json()
    facts.command("sync")
    assert facts.to_json() == fresh and facts == _facts()
    copy = pickle.loads(pickle.dumps(facts))
    assert copy._by_name is None and copy == facts
    assert copy.setting("DEBUG") == facts.settings[0]
    assert ProjectFacts.from_json(fresh).env_var("TOKEN") == facts.env_vars[0]


def test_facts_keep_their_json_text_once_written_or_read_but_pickles_do_not() -> None:
    facts = _facts()
    text = facts.to_json_text()
    assert facts.to_json_text() is text
    read = ProjectFacts.from_json_text(text + "\n")
    assert read == facts and read.to_json_text() == text
    assert read.fingerprint() == facts.fingerprint()
    copy = pickle.loads(pickle.dumps(read))
    assert copy._text is None and copy._fingerprint is None
    assert copy.to_json_text() == text and copy.fingerprint() == facts.fingerprint()
