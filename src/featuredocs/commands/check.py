from __future__ import annotations

import argparse
import os
import sys
import time

from featuredocs.cache import check_passes
from featuredocs.engine import with_examples_run
from featuredocs.commands.common import config_from
from featuredocs.errors import UsageError
from featuredocs.fix.autofix import fix_check, print_diff, write_fixes
from featuredocs.markdown.load import display_path
from featuredocs.output import say, write_output
from featuredocs.policy import EXIT_USAGE, exit_code
from featuredocs.report import RunStats, render


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    config = config_from(args)
    if args.select:
        config = config.with_overrides(select=_codes(args.select))
    if args.ignore:
        config = config.with_overrides(ignore=config.ignore + _codes(args.ignore))
    config = config.with_overrides(execute_fixtures=tuple(args.fixture) if args.fixture else None,
                                   execute_login=args.login)
    fixing = args.fix or args.diff
    passes = check_passes(config, use_cache=not args.no_cache, repeated=fixing, writes=not args.diff)
    first = passes.check(args.paths)
    result = first.result
    fixed = None
    if fixing:
        # Each pass of fixes checks again what they can have changed (cache/passes.py).
        fixed = fix_check(result, lambda texts: passes.check(args.paths, texts).result,
                          unsafe=args.unsafe_fixes)
    for note in (*first.notes, *passes.finish()):
        say(note)
    for error in result.page_errors:
        print(f"featuredocs: {display_path(error.path, None)}: {error.message}", file=sys.stderr)
    written = True
    if fixed is not None:
        if args.diff:
            found = print_diff(fixed)
            return EXIT_USAGE if result.page_errors else found  # bad input outranks a diff
        if result.page_errors:
            # A page that could not be read may be one the fixes would have touched too:
            # nothing is written until every page reads.
            print("featuredocs: no fixes written: a page could not be read", file=sys.stderr)
        else:
            written = write_fixes(fixed)
            result = fixed.result  # report what the fixes left
    if args.execute:
        result, summary = with_examples_run(config, result)
        if summary:
            print(f"featuredocs: {summary}", file=sys.stderr)
    sources = {page.display: page.text for page in result.docset.pages}
    stats = RunStats(
        rules_run=len(result.rules_run),
        elapsed_seconds=time.perf_counter() - started,
        pages=tuple(p.display for p in result.docset.pages if p.rel in result.checked),
        unreadable=len(result.page_errors),
    )
    text = render(
        result.findings,
        args.format,
        sources=sources,
        color=args.output is None and _color(sys.stdout),
        stats=stats,
    )
    write_output(text, args.output)
    if result.page_errors or not written:
        return EXIT_USAGE
    return exit_code(result.findings)


def _codes(value: str) -> tuple[str, ...]:
    codes = tuple(c.strip().upper() for c in value.split(",") if c.strip())
    if not codes:
        raise UsageError("expected comma-separated rule codes")
    return codes


def _color(stream: object) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())
