"""``check --execute``: the pages' examples run in the project, in a child interpreter.

The child sets the project up, creates its test databases as Django's test runner does,
runs each page's examples in a transaction rolled back at the page's end, and writes
what failed (see :mod:`.sandbox`). This process never imports the project.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from featuredocs.config import Config
from featuredocs.errors import UsageError
from featuredocs.execute.plan import read_report, write_plan
from featuredocs.model.examples import Example, ExecutionReport

#: Seconds allowed to set the project up and create its test databases.
SETUP_ALLOWANCE = 300


def execute_examples(
    config: Config, plan: dict[str, tuple[Example, ...]], *, time_limit: float | None = None,
) -> ExecutionReport:
    """What running the examples in ``plan`` (by page rel path) in the project gave."""
    from featuredocs.execute.sandbox import TIME_LIMIT
    from featuredocs.project import resolve_settings

    if config.mode == "static":
        raise UsageError("--execute runs the examples in the project: it needs live mode, not static")
    settings = resolve_settings(config)
    if settings is None:
        raise UsageError("no Django settings module found (use --settings)", str(config.root))
    plan = {rel: examples for rel, examples in plan.items() if examples}
    if not plan:
        return ExecutionReport({})
    limit = TIME_LIMIT if time_limit is None else time_limit
    count = sum(len(examples) for examples in plan.values())
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # running the project must not write into its tree
    with tempfile.TemporaryDirectory(prefix="featuredocs-execute-") as folder:
        plan_file, output = Path(folder, "plan.json"), Path(folder, "failures.json")
        plan_file.write_text(write_plan(plan), encoding="utf-8")
        command = [sys.executable, "-m", "featuredocs.execute", "--root", str(config.root), "--settings", settings,
                   "--plan", str(plan_file), "--output", str(output), "--time-limit", f"{limit:g}",
                   *(f"--fixture={fixture}" for fixture in _fixtures(config)),
                   *([f"--login={config.execute_login}"] if config.execute_login else [])]
        try:
            result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=folder,
                                    stdin=subprocess.DEVNULL, timeout=SETUP_ALLOWANCE + limit * count)
        except subprocess.TimeoutExpired:
            raise UsageError("running the examples took too long", str(config.root)) from None
        if result.returncode != 0 or not output.exists():
            raise UsageError(f"cannot run the examples: {_last_line(result.stderr, result.returncode)}", str(config.root))
        return read_report(output.read_text(encoding="utf-8"))


def _fixtures(config: Config) -> list[str]:
    """``execute-fixtures`` as ``loaddata`` takes them: a file under the project root by
    its absolute path (the examples run elsewhere), a fixture name as written."""
    return [str(config.root / name) if (config.root / name).is_file() else name for name in config.execute_fixtures]


def _last_line(stderr: str, code: int) -> str:
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    return lines[-1].removeprefix("featuredocs: ") if lines else f"the runner exited with status {code}"
