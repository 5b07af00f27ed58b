"""The configuration a subcommand runs with: the config file, overridden by its options."""

from __future__ import annotations

import argparse

from featuredocs.config import Config, load_config


def config_from(args: argparse.Namespace) -> Config:
    config = load_config(root=args.root) if args.root else load_config()
    return config.with_overrides(
        docs=args.docs.resolve() if args.docs else None,
        settings=args.settings,
        mode=args.mode,
        template=args.template.resolve() if args.template else None,
    )
