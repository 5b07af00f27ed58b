"""Running live introspection in a child interpreter and reading its JSON back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from featuredocs.collector import collector_paused
from featuredocs.introspect.errors import ProjectImportError
from featuredocs.model import HeardInputs, ProjectFacts
from featuredocs.model.serialize import from_jsonable, to_json_text, to_jsonable

#: Exit status of ``python -m featuredocs.introspect`` when the project cannot be imported.
EXIT_PROJECT_ERROR = 2
_FACTS_START, _INPUTS_START = '{"facts":', ',"inputs":'


def collect_in_child(
    root: Path, settings_module: str, *, python: str | None = None, timeout: float = 300, fork: bool = False,
    path: Sequence[str] = (),
) -> tuple[ProjectFacts, HeardInputs]:
    """Facts from ``python -m featuredocs.introspect`` run by ``python`` (default: this one);
    ``fork``: with ``--fork``, for a caller that waits with a core to spare; ``path``: the
    folders to import from first (``--path``)."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    command = [python or sys.executable, "-m", "featuredocs.introspect",
               "--root", str(root), "--settings", settings_module, *(["--fork"] if fork else []),
               *(f"--path={folder}" for folder in path)]
    try:
        result = subprocess.run(command, capture_output=True, text=True, env=env,
                                timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise ProjectImportError(settings_module, f"introspection took over {timeout:g} s") from None
    if result.returncode != 0:
        raise ProjectImportError(settings_module, _last_line(result.stderr, result.returncode))
    return read_facts(result.stdout)


def output_text(facts: ProjectFacts, inputs: HeardInputs, indent: int | None = None) -> str:
    """What the child prints: ``{"facts": ..., "inputs": ...}``; compact unless indented,
    as :func:`read_facts` reads it."""
    if indent is not None:
        return json.dumps({"facts": facts.to_json(), "inputs": to_jsonable(inputs)}, indent=indent, sort_keys=True)
    return f"{_FACTS_START}{facts.to_json_text()}{_INPUTS_START}{to_json_text(inputs)}}}"


def read_facts(text: str) -> tuple[ProjectFacts, HeardInputs]:
    """The facts and inputs from the child's output, the cyclic collector waiting
    meanwhile: tens of thousands of new objects, none in a cycle, would make it walk the
    whole process.

    Their fingerprint is taken here too: hashing lets other threads run, and a check reads
    the facts in a thread of their own while it parses the pages."""
    # The facts' text is taken as it was written, for the fingerprint and the cache. No
    # quote goes unescaped inside a JSON string, so the last ``,"inputs":`` ends it.
    text = text.rstrip("\n")
    end = text.rindex(_INPUTS_START)
    with collector_paused():
        facts = ProjectFacts.from_json_text(text[len(_FACTS_START):end])
    inputs = from_jsonable(HeardInputs, json.loads(text[end + len(_INPUTS_START):-1]))
    facts.fingerprint()
    return facts, inputs


def _last_line(stderr: str, code: int) -> str:
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    if not lines:
        return f"introspection exited with status {code}"
    line = lines[-1].removeprefix("featuredocs: ")
    prefix = "cannot import settings "
    if line.startswith(prefix) and "`: " in line:
        return line.split("`: ", 1)[1]
    return line
