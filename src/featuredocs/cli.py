"""The ``featuredocs`` console script."""

from __future__ import annotations

import argparse
import gc
from collections.abc import Sequence

from featuredocs import __version__
from featuredocs.collector import collector_paused
from featuredocs.commands import add_subcommands
from featuredocs.output import say
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
        say(str(error))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def run() -> int:
    """The ``featuredocs`` command: ``main`` on the command line's arguments.

    A check keeps every page and fact alive until the process ends, and the collector's
    last passes over them at exit cost most of a second at 1,000 pages
    (``benchmarks/run.py``). Frozen, they are freed without being searched for cycles;
    frozen before the collector resumes, since its first pass would walk everything the
    subcommand allocated while it was paused (0.25 s of a cold check, with gc.callbacks).
    """
    with collector_paused():
        code = main()
        gc.freeze()
    return code
