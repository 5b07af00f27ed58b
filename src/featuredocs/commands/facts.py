from __future__ import annotations

import argparse
import json
import sys

from featuredocs.cache import cached_facts
from featuredocs.commands.common import config_from, project_facts


def run(args: argparse.Namespace) -> int:
    outcome = cached_facts(config_from(args), use_cache=not args.no_cache)
    facts = project_facts(outcome, "no facts could be read from the project")
    json.dump(facts.to_json(), sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")
    return 0
