from __future__ import annotations

import argparse
import json
import sys

from featuredocs.commands.common import config_from
from featuredocs.errors import UsageError
from featuredocs.project import load_facts


def run(args: argparse.Namespace) -> int:
    outcome = load_facts(config_from(args))
    for note in outcome.notes:
        print(f"featuredocs: {note}", file=sys.stderr)
    if outcome.facts is None:
        raise UsageError("no facts could be read from the project")
    json.dump(outcome.facts.to_json(), sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")
    return 0
