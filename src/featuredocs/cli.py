"""The ``featuredocs`` console script."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from featuredocs import __version__
from featuredocs.commands import add_subcommands
from featuredocs.errors import UsageError
from featuredocs.policy import EXIT_USAGE


def build_parser(prog: str = "featuredocs") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Check Django feature documentation against the code it describes.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    add_subcommands(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except UsageError as error:
        print(f"featuredocs: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
