from __future__ import annotations

import argparse
import json
import sys

from featuredocs.commands.common import config_from, project_facts
from featuredocs.project import load_facts


def run(args: argparse.Namespace) -> int:
    facts = project_facts(load_facts(config_from(args)), "no facts could be read from the project")
    json.dump(facts.to_json(), sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")
    return 0
