"""The code table: a rule looked up by code imports its own module, not every rule's."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _in_fresh_process(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_looking_up_one_code_imports_only_that_rule() -> None:
    printed = _in_fresh_process(
        """
        import re, sys
        from featuredocs.rules.registry import rule_for
        rule = rule_for("fd503")
        leaves = sorted(name.rpartition(".")[2] for name in sys.modules if name.startswith("featuredocs.rules."))
        print(rule.name, [leaf for leaf in leaves if re.match(r"fd[0-9]{3}_", leaf)])
        """
    )
    assert printed == "QueryParameterNotAccepted ['fd503_query_parameter_not_accepted']"


def test_an_unknown_code_is_looked_up_in_every_rule_and_the_table_stays_whole() -> None:
    printed = _in_fresh_process(
        """
        from featuredocs.rules.registry import all_rules, rule_for
        print(rule_for("FD999"), rule_for("FD301").name, len(all_rules()))
        """
    )
    missing, fd301, count = printed.split()
    assert (missing, fd301) == ("None", "ModelNotFound")
    assert int(count) >= 40
