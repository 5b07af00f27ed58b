"""Options shared by the subcommands that read the project."""

from __future__ import annotations

import argparse
from pathlib import Path

from featuredocs.config import MODES, Config, load_config


def add_project_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("project")
    group.add_argument("--root", type=Path, help="project root (default: nearest manage.py or configured pyproject.toml)")
    group.add_argument("--docs", type=Path, help="docs folder (default: docs/ under the root)")
    group.add_argument("--settings", help="Django settings module (default: as Django finds it)")
    group.add_argument("--mode", choices=MODES, help="live: import the project; static: read its source; auto (default): live, else static")
    group.add_argument("--template", type=Path, help="the page template (default: featuredocs' own)")


def config_from(args: argparse.Namespace) -> Config:
    config = load_config(root=args.root) if args.root else load_config()
    return config.with_overrides(
        docs=args.docs.resolve() if args.docs else None,
        settings=args.settings,
        mode=args.mode,
        template=args.template.resolve() if args.template else None,
    )
