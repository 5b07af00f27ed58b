"""What a project's facts come from besides its own Python code and the variables it names.

The facts cache stamps every Python file under the project's root, and keys the facts on
the environment variables the code names (``os.environ.get("X")``). Three other inputs
can change the facts, and only the running project can say which they are:

- files the project reads while it is set up: settings often load a JSON or text file
  (feature flags, a list of hosts), every file of a folder, or a file outside the project
  (``/etc/shop/flags.json``). An audit hook (PEP 578)
  hears every ``open`` and every folder listed, so it is installed only in the child
  interpreter that exists to set the project up (audit hooks cannot be removed again);
- code imported from outside the root and outside the Python installation: a sibling
  package of a monorepo, installed in editable mode or put on ``sys.path`` by settings.
  Its version number does not change when its code does. So is code imported from a
  hidden folder of the root (``.deploy/local_settings.py``), which is not the project's
  own code;
- environment variables read under names the code builds at run time
  (``os.environ.get(f"{app}_ENABLED")``) or that a library reads. ``os.environ`` is
  watched in the child interpreter too, while the facts are read.

Files under the root are given relative to it (a folder's name ending in ``/``), the others
as absolute paths.
"""

from __future__ import annotations

import _collections_abc
import functools
import os
import site
import sys
import sysconfig
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from featuredocs.introspect.parsed import reading_once
from featuredocs.introspect.sources import is_skipped_name, resolved
from featuredocs.model.inputs import WHOLE_ENVIRONMENT

#: Python's own files: the facts cache stamps every ``.py`` file under the root anyway, and
#: imports open thousands of them, so they are dropped before any path work.
_CODE_SUFFIXES = (".py", ".pyc", ".pyi", ".so", ".pyd")
_WRITING = os.O_WRONLY | os.O_RDWR


class HeardFiles:
    """The files other than code that this process opened for reading, and the folders
    under a root that it listed."""

    def __init__(self, root: Path) -> None:
        self.root = str(root)
        self.opened: set[str] = set()
        self.listed: set[str] = set()
        self.listening = True

    def hear(self, event: str, args: tuple[object, ...]) -> None:
        if not self.listening:
            return
        if event == "open":
            self._opened(*args)
        elif event in _LISTING and args and _listed_by_the_project():
            path = os.fsdecode(args[0]) if isinstance(args[0], bytes) else args[0]
            if isinstance(path, str) or path is None:
                self.listed.add(os.path.abspath(path or "."))

    def _opened(self, path: object, mode: object, flags: object) -> None:
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        if not isinstance(path, str) or path.endswith(_CODE_SUFFIXES):
            return
        if mode is None and isinstance(flags, int) and flags & _WRITING:
            return  # os.open for writing
        if isinstance(mode, str) and "r" not in mode and "+" not in mode:
            return
        self.opened.add(os.path.abspath(path))

    def inputs(self) -> list[str]:
        """Those heard so far, sorted: under the root relative to it (a folder's name ending
        in ``/``); elsewhere (``/etc/shop/flags.json``) absolute, but for files of Python's
        installation, its site-packages, featuredocs and the system's pseudo-filesystems."""
        installed = _installed()
        elsewhere = {os.path.realpath(path) for path in self.opened if not _under(path, self.root)}
        outside = [path for path in elsewhere if not path.startswith(_PSEUDO_FILES)
                   and not any(_under(path, folder) for folder in installed) and os.path.isfile(path)]
        files = [path for path in set(self.opened) if _under(path, self.root) and os.path.isfile(path)]
        # A folder on the import path is listed for the distributions in it
        # (importlib.metadata, pkg_resources), not for the files it holds.
        importable = {os.path.abspath(entry or ".") for entry in sys.path if isinstance(entry, str)}
        folders = [path for path in set(self.listed) - importable if _under(path, self.root) and os.path.isdir(path)]
        def rel(path: str) -> str:
            return Path(os.path.relpath(path, self.root)).as_posix()

        return sorted([*map(rel, files), *(f"{rel(path)}/" for path in folders), *outside])


#: Where a file's content is the running system's state, not an input (``/proc/cpuinfo``).
_PSEUDO_FILES = ("/proc/", "/sys/", "/dev/")


#: Audit events of a folder being listed (``glob`` and ``os.walk`` list with ``scandir``).
_LISTING = frozenset(("os.listdir", "os.scandir"))
_FEATUREDOCS = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


def _listed_by_the_project() -> bool:
    """Whether the code that lists a folder, past Python's own library, is not featuredocs
    (which walks the project for its sources). Python's import system lists every folder
    it imports from; that is no input of the facts either."""
    frame = sys._getframe(2)
    while frame.f_back is not None and _in_python_library(frame.f_code.co_filename):
        if frame.f_code.co_filename.startswith("<frozen importlib"):
            return False
        frame = frame.f_back
    return not _in_featuredocs(frame.f_code.co_filename)


@functools.lru_cache(maxsize=None)
def _in_featuredocs(file: str) -> bool:
    return _under(os.path.realpath(file), _FEATUREDOCS)


@contextmanager
def files_read_under(root: Path) -> Iterator[HeardFiles]:
    """Hear, until the ``with`` block ends, which files under ``root`` other than code
    are opened for reading, and which folders under it are listed (see
    :meth:`HeardFiles.inputs`)."""
    heard = HeardFiles(root)
    sys.addaudithook(heard.hear)
    try:
        yield heard
    finally:
        heard.listening = False


class HeardVariables(type(os.environ)):  # type: ignore[misc]
    """``os.environ`` noting the names it is asked for, one by one.

    Going over the whole environment is not asking for each variable: Django imports
    ``wsgiref``, which copies it, and ``os.environ.copy()`` is how code hands it to a
    subprocess. Reads from ``Mapping``'s views and from ``copy`` are not noted; going over
    it is noted as :data:`WHOLE_ENVIRONMENT`, unless Python's own library does.
    """

    heard: set[str]

    def __iter__(self) -> Iterator[str]:
        caller = sys._getframe(1)
        while caller.f_back is not None and caller.f_code.co_filename in _MAPPING_FILES:
            caller = caller.f_back
        if not _in_python_library(caller.f_code.co_filename):
            self.heard.add(WHOLE_ENVIRONMENT)
        return super().__iter__()

    def __getitem__(self, key: str) -> str:
        if key not in self.heard:  # argparse asks for COLUMNS thousands of times
            caller = sys._getframe(1).f_code
            if caller.co_name not in _WHOLE or caller.co_filename not in _MAPPING_FILES:
                self.heard.add(key)
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            self.heard.add(key)
        return super().__contains__(key)


#: Where going over the whole environment reads each variable.
_WHOLE = frozenset(("__iter__", "__eq__", "copy"))
_MAPPING_FILES = frozenset(("<frozen _collections_abc>", "<frozen os>", os.__file__, _collections_abc.__file__))


@functools.lru_cache(maxsize=None)  # asked of the same few files again and again
def _in_python_library(file: str) -> bool:
    if file.startswith("<frozen "):
        return True
    path = os.path.realpath(file)
    return any(_under(path, folder) for folder in _PYTHON_LIBRARY) and not any(
        _under(path, folder) for folder in _site_folders())


_PYTHON_LIBRARY = frozenset(os.path.realpath(sysconfig.get_path(name)) for name in ("stdlib", "platstdlib"))


@contextmanager
def variables_read() -> Iterator[set[str]]:
    """The names of the environment variables read until the ``with`` block ends (the set
    grows meanwhile)."""
    environ = os.environ
    kind = type(environ)
    heard: set[str] = set()
    environ.heard = heard  # type: ignore[attr-defined]
    environ.__class__ = HeardVariables
    try:
        yield heard
    finally:
        environ.__class__ = kind
        del environ.heard  # type: ignore[attr-defined]


def code_outside(root: Path) -> list[str]:
    """The files of imported modules that are not the project's own code (under ``root``
    but for its hidden folders and environments, which its sources are not read from) nor
    part of the Python installation, its site-packages or featuredocs itself, sorted."""
    installed = _installed()
    top = os.path.realpath(root)
    found = set()
    with reading_once():  # thousands of modules live in a few hundred folders, each resolved once
        files = [os.fspath(resolved(file)) for module in list(sys.modules.values())
                 if isinstance(file := getattr(module, "__file__", None), str)]
    for path in files:
        if any(_under(path, folder) for folder in installed) or not os.path.isfile(path):
            continue
        if not _under(path, top) or any(map(is_skipped_name, os.path.relpath(path, top).split(os.sep)[:-1])):
            found.add(path)
    return sorted(found)


def _installed() -> list[str]:
    """Python's installation, its site-packages and featuredocs itself: the facts cache
    knows them by the installed distributions and its own identity."""
    return [str(Path(__file__).resolve().parents[1]), *{sys.prefix, sys.base_prefix, sys.exec_prefix,
            sys.base_exec_prefix}, *_site_folders()]


def _site_folders() -> Iterable[str]:
    folders = list(site.getsitepackages()) if hasattr(site, "getsitepackages") else []
    folders.append(site.getusersitepackages())
    return [os.path.realpath(folder) for folder in folders]


def _under(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)
