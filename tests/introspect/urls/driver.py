"""Run ``collect_endpoints`` on a test project in a fresh interpreter.

``django.setup()`` configures a process once, so every project gets its own child
process. The child also records any attempt to connect to the database.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import featuredocs
from featuredocs.model import EndpointFact
from featuredocs.model.serialize import from_jsonable

# The harness's default database needs a driver that test environments may lack, and
# Django loads the backend as soon as a model class is created. Nothing connects to it.
SQLITE_SETTINGS = """
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
"""

_UNDER_TEST = str(Path(featuredocs.__file__).resolve().parents[1])

_CHILD = """
import json, sys
from pathlib import Path
root = Path(sys.argv[1])
for unavailable in sys.argv[2:]:
    sys.modules[unavailable] = None  # importing it now raises ImportError
sys.path.insert(0, str(root))
import django
from django.db.backends.base.base import BaseDatabaseWrapper
connections_opened = []
def refuse(self, *args, **kwargs):
    connections_opened.append(self.alias)
    raise RuntimeError("featuredocs must not connect to the database")
BaseDatabaseWrapper.ensure_connection = refuse
django.setup()
from featuredocs.introspect.urls import collect_endpoints
from featuredocs.model.serialize import to_jsonable
endpoints, prefixes = collect_endpoints(root)
print(json.dumps({
    "endpoints": to_jsonable(endpoints),
    "prefixes": list(prefixes),
    "connections": connections_opened,
    "modules": sorted(m for m in ("rest_framework", "ninja", "django_filters") if m in sys.modules),
}))
"""


@dataclass(frozen=True)
class Collected:
    endpoints: tuple[EndpointFact, ...]
    prefixes: tuple[str, ...]
    connections: tuple[str, ...]  # database aliases something tried to connect to
    modules: tuple[str, ...]  # third-party API packages loaded in the child

    def endpoint(self, path: str) -> EndpointFact:
        matches = [e for e in self.endpoints if e.path == path]
        assert matches, f"no endpoint {path}; have {[e.path for e in self.endpoints]}"
        return matches[0]

    @property
    def paths(self) -> list[str]:
        return [e.path for e in self.endpoints]


def line_of(source: str, text: str) -> int:
    """The 1-based line of ``text`` in ``source`` as the harness writes it (dedented)."""
    lines = textwrap.dedent(source).lstrip("\n").splitlines()
    matches = [number for number, line in enumerate(lines, 1) if line.startswith(text)]
    assert len(matches) == 1, f"{text!r} found {len(matches)} times"
    return matches[0]


def child_env(settings_module: str) -> dict[str, str]:
    """The environment of a child process that sets up the project's settings and imports
    the featuredocs this run imports, not another installed one."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = _UNDER_TEST
    env["DJANGO_SETTINGS_MODULE"] = settings_module
    return env


def collect(
    root: Path, settings_module: str = "project.settings", *, unavailable: tuple[str, ...] = ()
) -> Collected:
    """Endpoints of the project at ``root``; ``unavailable`` packages cannot be imported."""
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(root), *unavailable],
        capture_output=True, text=True, env=child_env(settings_module), timeout=120, cwd=root,
    )
    if result.returncode != 0:
        raise AssertionError(f"collect_endpoints failed:\n{result.stderr}")
    data = json.loads(result.stdout)
    return Collected(
        endpoints=from_jsonable(tuple[EndpointFact, ...], data["endpoints"]),
        prefixes=tuple(data["prefixes"]),
        connections=tuple(data["connections"]),
        modules=tuple(data["modules"]),
    )
