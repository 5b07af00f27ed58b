from __future__ import annotations

import argparse
import json
import sys

from featuredocs.cache import cached_facts
from featuredocs.cache.facts import keyed_variables
from featuredocs.commands.common import config_from, project_facts
from featuredocs.model import HeardInputs
from featuredocs.secrets import mask_line


def run(args: argparse.Namespace) -> int:
    outcome = cached_facts(config_from(args), use_cache=not args.no_cache)
    facts = project_facts(outcome, "no facts could be read from the project")
    data = facts.to_json()
    # Warnings quote the project's own error messages, which may hold a password.
    data["warnings"] = [mask_line(warning) for warning in facts.warnings]
    # What the facts were read from besides the project's code, as the facts cache
    # watches it: every variable they depend on, by name (WHOLE_ENVIRONMENT: all of them).
    inputs = outcome.inputs or HeardInputs()
    data["input_files"] = list(inputs.files)
    data["input_env"] = list(keyed_variables(facts, inputs.variables))
    data["input_path"] = list(inputs.borrowed_path)
    json.dump(data, sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")
    return 0
