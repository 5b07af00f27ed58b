"""``python -m featuredocs.introspect --root R --settings S``: the project's facts as JSON
on stdout, with what the project read while they were read (``{"facts": ..., "inputs": ...}``).

Exit status 2 with one line on stderr when the project cannot be imported. Anything the
project prints while it is imported goes to stderr, so stdout is always pure JSON.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from pathlib import Path

from featuredocs.introspect.discover import find_settings_module
from featuredocs.introspect.errors import ProjectImportError
from featuredocs.output import say
from featuredocs.introspect.import_path import borrowed, import_first, normalized

EXIT_OK = 0
EXIT_PROJECT_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m featuredocs.introspect",
        description="Print the facts of a Django project (live mode) as JSON.",
    )
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project root (manage.py)")
    parser.add_argument("--settings", help="settings module; default: found like Django does")
    parser.add_argument("--indent", type=int, default=None, help="indent the JSON")
    parser.add_argument("--fork", action="store_true",
                        help="read the URLconf in a copy forked after the setup meanwhile (two cores)")
    parser.add_argument("--path", action="append", default=[], metavar="FOLDER",
                        help="import from FOLDER first (repeatable, in order): the sys.path of "
                             "the process that runs the project")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    root = args.root.resolve()
    fresh, lent = normalized(sys.path), normalized(args.path)
    if lent:
        import_first(lent)
    settings_module = (
        args.settings or os.environ.get("DJANGO_SETTINGS_MODULE") or find_settings_module(root)
    )
    if not settings_module:
        print(f"featuredocs: {root}: no Django settings module found (use --settings)",
              file=sys.stderr)
        return EXIT_PROJECT_ERROR
    from featuredocs.introspect.alongside import Alongside
    from featuredocs.introspect.child import output_text
    from featuredocs.introspect.inputs import code_outside, files_read_under, variables_read
    from featuredocs.introspect.live import collect_live
    from featuredocs.model import HeardInputs

    try:
        with contextlib.redirect_stdout(sys.stderr), files_read_under(root) as heard, variables_read() as names:
            # A forked copy reports the variables it read, the files it read or listed
            # and the code it imported too.
            alongside = Alongside(args.fork, lambda: (set(names), heard.inputs(), code_outside(root)))
            facts = collect_live(root, settings_module, alongside)
        data_files, code_files, variables = set(heard.inputs()), set(code_outside(root)), set(names)
        for their_variables, their_data, their_code in alongside.extras:
            data_files.update(their_data)
            code_files.update(their_code)
            variables.update(their_variables)
        inputs = HeardInputs(
            files=(*sorted(data_files), *sorted(code_files)), variables=tuple(sorted(variables)),
            borrowed_path=borrowed(lent, fresh, root), fresh_path=fresh,
        )
    except ProjectImportError as error:
        say(str(error))
        return EXIT_PROJECT_ERROR
    try:
        sys.stdout.write(output_text(facts, inputs, args.indent))
        sys.stdout.write("\n")
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped early (``| head``): not an error of ours
        sys.stdout = None  # type: ignore[assignment]  # no second flush at exit
    return EXIT_OK


if __name__ == "__main__":
    # A one-shot process that only allocates, none of it in cycles that matter before it
    # exits: the cyclic collector would only walk Django's objects over and over.
    gc.disable()
    code = main()
    # At exit the interpreter still searches every live object for cycles, disabled
    # collector or not: 0.3-0.4 s of CPU with a large project's modules loaded, while the
    # parent waits for this process to end. Frozen objects are left out of that search.
    gc.freeze()
    raise SystemExit(code)
