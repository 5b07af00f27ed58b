from __future__ import annotations

import argparse

from featuredocs.errors import UsageError
from featuredocs.rules.registry import all_rules, rule_for


def run_list(args: argparse.Namespace) -> int:
    for rule in all_rules():
        print(f"{rule.code}  {rule.severity.value:<7}  {rule.name:<32}  {rule.summary}")
    return 0


def run_one(args: argparse.Namespace) -> int:
    rule = rule_for(args.code)
    if rule is None:
        raise UsageError(f"no rule `{args.code}` (see `featuredocs rules`)")
    print(rule.explanation(), end="")
    return 0
