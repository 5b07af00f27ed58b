"""Run the installed ``featuredocs`` console script the way a user does."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

SCRIPT = Path(sys.executable).with_name("featuredocs")


@dataclass
class Run:
    code: int
    out: str
    err: str


def featuredocs(*args: str, cwd: Path, env: dict[str, str] | None = None, program: tuple[str, ...] = ()) -> Run:
    """``featuredocs ARGS``; ``program``: what runs it instead of the console script
    (``python3 -m featuredocs``, say)."""
    environment = {
        k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "FORCE_COLOR")
    }
    environment.update(env or {})
    result = subprocess.run(
        [*(program or (str(SCRIPT),)), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )
    return Run(result.returncode, result.stdout, result.stderr)
