"""Running live introspection in a child interpreter and reading its JSON back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from featuredocs.collector import collector_paused
from featuredocs.introspect.errors import ProjectImportError
from featuredocs.model import ProjectFacts

#: Exit status of ``python -m featuredocs.introspect`` when the project cannot be imported.
EXIT_PROJECT_ERROR = 2


def collect_in_child(
    root: Path, settings_module: str, *, python: str | None = None, timeout: float = 300, fork: bool = False
) -> ProjectFacts:
    """Facts from ``python -m featuredocs.introspect`` run by ``python`` (default: this one);
    ``fork``: with ``--fork``, for a caller that waits with a core to spare."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    command = [python or sys.executable, "-m", "featuredocs.introspect",
               "--root", str(root), "--settings", settings_module, *(["--fork"] if fork else [])]
    try:
        result = subprocess.run(command, capture_output=True, text=True, env=env,
                                timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise ProjectImportError(settings_module, f"introspection took over {timeout:g} s") from None
    if result.returncode != 0:
        raise ProjectImportError(settings_module, _last_line(result.stderr, result.returncode))
    return read_facts(result.stdout)


def read_facts(text: str) -> ProjectFacts:
    """Facts from the child's JSON, the cyclic collector waiting meanwhile: tens of
    thousands of new objects, none in a cycle, would make it walk the whole process.

    Their fingerprint is taken here too: hashing lets other threads run, and a check reads
    the facts in a thread of their own while it parses the pages."""
    with collector_paused():
        facts = ProjectFacts.from_json_text(text)
    facts.fingerprint()
    return facts


def _last_line(stderr: str, code: int) -> str:
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    if not lines:
        return f"introspection exited with status {code}"
    line = lines[-1].removeprefix("featuredocs: ")
    prefix = "cannot import settings "
    if line.startswith(prefix) and "`: " in line:
        return line.split("`: ", 1)[1]
    return line
