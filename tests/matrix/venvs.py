"""Virtual environments with other Django versions (and other packages) for the matrix tests.

Each environment is built once under ``.venv-matrix/<name>`` and reused while its
requirements stay the same; featuredocs itself is installed editable, so it always runs
the working tree.
"""

from __future__ import annotations

import fcntl
import glob
import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HOME = REPO / ".venv-matrix"
CORE = ("pyromark>=0.10", "rich>=13.7")


@dataclass(frozen=True)
class Environment:
    name: str
    python: str  # a minor version such as "3.12"
    requirements: tuple[str, ...]

    @property
    def folder(self) -> Path:
        return HOME / self.name

    @property
    def bin(self) -> Path:
        return self.folder / "bin"


def find_python(minor: str) -> str | None:
    """An interpreter of the given minor version: this one, on PATH, or under pyenv."""
    if f"{sys.version_info.major}.{sys.version_info.minor}" == minor:
        return sys.executable
    candidates = sorted(glob.glob(os.path.expanduser(f"~/.pyenv/versions/{minor}.*/bin/python{minor}")))
    if candidates:
        return candidates[-1]
    found = shutil.which(f"python{minor}")
    if found and subprocess.run([found, "--version"], capture_output=True).returncode == 0:
        return found
    return None


def build(env: Environment) -> Path | None:
    """The environment's bin folder, built if needed; None when its Python is missing."""
    python = find_python(env.python)
    if python is None:
        return None
    wanted = "\n".join((*CORE, *env.requirements))
    stamp = env.folder / ".requirements"
    digest = hashlib.sha256(wanted.encode()).hexdigest()
    HOME.mkdir(exist_ok=True)
    # Test processes running side by side (pytest-xdist) each build their own environments,
    # but every build installs this repository editable, which writes into its tree.
    with open(HOME / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if stamp.is_file() and stamp.read_text() == digest and (env.bin / "featuredocs").exists():
            return env.bin
        try:
            _create(python, env)
        except subprocess.CalledProcessError:
            _create(python, env)  # a half-written environment from an interrupted run: start over
        stamp.write_text(digest)
    return env.bin


def _create(python: str, env: Environment) -> None:
    shutil.rmtree(env.folder, ignore_errors=True)
    subprocess.run([python, "-m", "venv", str(env.folder)], check=True)
    pip = [str(env.bin / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, *CORE, *env.requirements], check=True)
    subprocess.run([*pip, "--no-deps", "-e", str(REPO)], check=True)
