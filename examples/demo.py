"""The main job on the bundled example, the whole loop: the true docs check clean, and
their examples run clean against a throw-away test database; the drifted docs (the same
pages after the code moved on) give findings; ``sync --diff`` shows
the repair of every fact-derived part; ``coverage`` shows what is still undocumented.

Run with ``make demo``. It uses the ``featuredocs`` console script of the current
environment, exactly as a user would from inside ``examples/shop``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SHOP = Path(__file__).resolve().parent / "shop"
FEATUREDOCS = Path(sys.executable).with_name("featuredocs")


def run(title: str, *args: str) -> int:
    print(f"\n$ featuredocs {' '.join(args)}    # {title}", flush=True)
    env = {**os.environ, "COLUMNS": os.environ.get("COLUMNS", "100")}
    return subprocess.run([str(FEATUREDOCS), *args], cwd=SHOP, env=env).returncode


def main() -> int:
    print(f"featuredocs on the bundled example project ({SHOP.relative_to(Path.cwd()) if SHOP.is_relative_to(Path.cwd()) else SHOP})")
    clean = run("the docs as written: true to the code", "check")
    executed = run("their examples, run against a throw-away test database", "check", "--execute", "--fixture", "docs_examples", "--login", "ada", "--select", "FD805")
    drifted = run("the same docs after the code moved on", "check", "--docs", "docs-drifted")
    run("what sync would repair (nothing is written)", "sync", "--diff", "--docs", "docs-drifted")
    run("what the drifted pages no longer document", "coverage", "--docs", "docs-drifted")
    print(
        f"\nclean docs: exit {clean} (0 = no findings); examples run: exit {executed}; "
        f"drifted docs: exit {drifted} (1 = drift found)"
    )
    return 0 if (clean, executed, drifted) == (0, 0, 1) else 1


if __name__ == "__main__":
    raise SystemExit(main())
