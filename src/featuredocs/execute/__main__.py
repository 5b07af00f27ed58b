"""``python -m featuredocs.execute --root R --settings S --plan P --output O``: run the
examples the plan lists inside the project and write what they gave as JSON.

Exit status 2 with one line on stderr when the project cannot be imported or its test
databases cannot be created. The examples run in the folder this process starts in, so a
file an example writes lands there, not in the project.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from featuredocs.execute.plan import read_plan, write_report
from featuredocs.execute.sandbox import TIME_LIMIT, SetupError, run_pages
from featuredocs.introspect.errors import ProjectImportError
from featuredocs.output import say

EXIT_OK = 0
EXIT_PROJECT_ERROR = 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m featuredocs.execute", description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, required=True, help="project root (manage.py)")
    parser.add_argument("--settings", required=True, help="settings module")
    parser.add_argument("--plan", type=Path, required=True, help="the examples to run, as JSON")
    parser.add_argument("--output", type=Path, required=True, help="where the failures are written")
    parser.add_argument("--time-limit", type=float, default=TIME_LIMIT, help="seconds one example may take")
    parser.add_argument("--fixture", action="append", default=[], help="loaddata this first (repeatable)")
    parser.add_argument("--login", help="send the requests logged in as this user")
    args = parser.parse_args(argv)
    plan = read_plan(args.plan.read_text(encoding="utf-8"))
    from featuredocs.introspect.live import setup_django

    try:
        setup_django(args.root.resolve(), args.settings, [])
    except ProjectImportError as error:
        say(str(error))
        return EXIT_PROJECT_ERROR
    try:
        report = run_pages(plan, args.root.resolve(), args.time_limit, tuple(args.fixture), args.login)
    except SetupError as error:
        say(str(error))
        return EXIT_PROJECT_ERROR
    except Exception as error:  # the test databases could not be made: the project's setup
        message = str(error).strip().split("\n", 1)[0] or type(error).__name__
        say(f"cannot create the test databases: {message}")
        return EXIT_PROJECT_ERROR
    args.output.write_text(write_report(report), encoding="utf-8")
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
