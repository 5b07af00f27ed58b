"""What the benchmark measures on one generated project: floors, cold, warm, incremental."""

from __future__ import annotations

import importlib.util
import itertools
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.generate import Generated, read_manifest
from benchmarks.measure import Case, Measurement, in_process, interleaved, repeat, run_child

PYTHON = sys.executable
FEATUREDOCS = [PYTHON, "-m", "featuredocs"]

SETUP_ONLY = """
import os, sys
sys.dont_write_bytecode = True  # as featuredocs imports a project: no .pyc in its tree
sys.path.insert(0, os.getcwd())
os.environ["DJANGO_SETTINGS_MODULE"] = sys.argv[1]
import django
django.setup()
"""

#: What any live reading of the project pays before featuredocs reads a fact: setting it
#: up, importing its URLconf (with every view) and loading every management command.
PROJECT_IMPORT = SETUP_ONLY + """
from django.core.management import get_commands, load_command_class
from django.urls import get_resolver
get_resolver().url_patterns
for name, app in get_commands().items():
    load_command_class(app, name)
"""


@dataclass
class ScaleResult:
    scale: float
    generated: Generated
    measurements: dict[str, Measurement] = field(default_factory=dict)
    drifts_expected: int = 0
    drifts_found: int = 0
    unexpected: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def add(self, measurement: Measurement) -> Measurement:
        self.measurements[measurement.name] = measurement
        return measurement


@dataclass(frozen=True)
class Repeats:
    fast: int = 5
    slow: int = 3


def measure_scale(generated: Generated, scale: float, repeats: Repeats, code: Path | None = None) -> ScaleResult:
    """Every measurement on one generated project; ``code``: a folder holding the
    ``featuredocs`` package the children import (a snapshot, see ``run.py``)."""
    result = ScaleResult(scale, generated)
    root = generated.root
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    if code is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(code), env.get("PYTHONPATH")]))
    texts = [p.read_text(encoding="utf-8") for p in sorted(generated.docs.rglob("*.md"))]
    child = lambda *command: lambda: run_child(list(command), root, env)[0]  # noqa: E731
    introspect = [PYTHON, "-m", "featuredocs.introspect", "--root", str(root), "--settings", generated.settings]
    report = root / "bench-report.json"
    check = [*FEATUREDOCS, "check", "--format", "json", "--output", str(report)]
    cache = root / ".featuredocs_cache"
    forced = {workers: {**env, "FEATUREDOCS_WORKERS": workers} for workers in ("1", "2")}
    # The floors and the cold checks measured with them, in rounds (see interleaved()).
    for measurement in interleaved([
        Case("parse: pyromark", repeats.fast, lambda: in_process(lambda: _pyromark(texts)),
             note="pyromark.events_with_range, as featuredocs calls it"),
        Case("django.setup()", repeats.slow, child(PYTHON, "-c", SETUP_ONLY, generated.settings)),
        Case("project import", repeats.slow, child(PYTHON, "-c", PROJECT_IMPORT, generated.settings),
             note="django.setup(), the URLconf and every command imported: for reference"),
        Case("facts", repeats.slow, child(*introspect)),
        Case("facts, --fork", repeats.slow, child(*introspect, "--fork"),
             note="the URLconf read by a copy forked after the setup, as a warm run asks"),
        Case("cold, --no-cache, 1 process", repeats.slow,
             lambda: run_child([*check, "--no-cache"], root, forced["1"])[0]),
        Case("cold, --no-cache, 2 processes", repeats.slow,
             lambda: run_child([*check, "--no-cache"], root, forced["2"])[0]),
        Case("cold, --no-cache", repeats.slow, lambda: run_child([*check, "--no-cache"], root, env)[0],
             note="workers only for cores idle at the time"),
    ]):
        result.add(measurement)
    if _have_markdown_it():
        result.add(repeat("parse: markdown-it-py", repeats.fast, lambda: in_process(lambda: _markdown_it(texts)),
                          note="for reference"))
    _count_drifts(result, report)
    named = str(_named_page(generated))
    result.add(repeat("cold, --no-cache, one page named", repeats.slow,
                      lambda: run_child([*check, "--no-cache", named], root, env)[0],
                      note="as a pre-commit hook runs it on the pages a commit touches"))
    result.add(repeat("cold, empty cache", repeats.slow, lambda: run_child(check, root, env)[0],
                      before=lambda: shutil.rmtree(cache, ignore_errors=True)))
    result.add(repeat("warm, nothing changed", repeats.fast, lambda: run_child(check, root, env)[0]))
    page = _changing_page(generated)
    result.add(repeat("warm, one page changed", repeats.fast, lambda: run_child(check, root, env)[0],
                      before=page))
    model = _changing_model(generated)
    result.add(repeat("warm, one model changed", repeats.slow, lambda: run_child(check, root, env)[0],
                      before=model, note="help text: read by no rule"))
    model(restore=True)
    field_type = _retyping_field(generated)
    result.add(repeat("warm, one field's type changed", repeats.slow, lambda: run_child(check, root, env)[0],
                      before=field_type, note="the pages documenting that model are checked again"))
    field_type(restore=True)
    route = _adding_route(generated)
    result.add(repeat("warm, one endpoint added", repeats.slow, lambda: run_child(check, root, env)[0],
                      before=route, note="the pages whose paths it answers differently are checked again"))
    page(restore=True)
    route(restore=True)
    run_child(check, root, env)  # the facts as they were, so the next row measures pages only
    added = _adding_page(generated)
    result.add(repeat("warm, a page added or removed", repeats.fast, lambda: run_child(check, root, env)[0],
                      before=added, note="the page and the docset-scope rules; the others keep theirs"))
    added(restore=True)
    run_child(check, root, env)  # leave the cache matching the tree
    # A pre-commit hook that runs one family and a full check, one after the other: each
    # finds its own findings. Once first, so the hook's findings are there.
    hook = [*check, "--select", "FD2"]
    run_child(hook, root, env)
    turns = itertools.cycle([check, hook])
    result.add(repeat("warm, --select FD2 / all in turn", repeats.fast,
                      lambda: run_child(next(turns), root, env)[0],
                      note="a hook running one family, then a full check, and so on"))
    run_child(check, root, env)  # the report of every rule, for the drift count
    # The seeded drifts carry fixes: --diff applies them in memory, checks again and prints
    # the diff, writing nothing (so every run sees the same tree).
    diff = [*FEATUREDOCS, "check", "--diff"]
    result.add(repeat("--diff, --no-cache", repeats.slow, lambda: run_child([*diff, "--no-cache"], root, env)[0],
                      note="the fixes of every seeded drift, checked again"))
    result.add(repeat("--diff, warm", repeats.fast, lambda: run_child(diff, root, env)[0],
                      note="the fixed pages checked again, the rest from the cache"))
    # The other commands of a CI job, after its check: coverage and the index read what the
    # pages document from the check's cache; sync works its pages out again.
    coverage = [*FEATUREDOCS, "coverage", "--format", "json"]
    result.add(repeat("coverage, --no-cache", repeats.slow,
                      lambda: run_child([*coverage, "--no-cache"], root, env)[0]))
    result.add(repeat("coverage, after a check", repeats.fast, lambda: run_child(coverage, root, env)[0]))
    result.add(repeat("index --check, after a check", repeats.fast,
                      lambda: run_child([*FEATUREDOCS, "index", "--check"], root, env)[0]))
    result.add(repeat("sync --check, after a check", repeats.slow,
                      lambda: run_child([*FEATUREDOCS, "sync", "--check"], root, env)[0],
                      note="facts from the cache; every page parsed and synced in memory"))
    # featuredocs as a Django app: Django's own system checks, and with featuredocs' (which
    # check from the cache) added, after one run has read the facts of those settings.
    manage = [PYTHON, "manage.py", "check"]
    with_app = [*manage, "--settings", generated.settings.removesuffix(".settings") + ".settings_with_featuredocs"]
    run_child(with_app, root, env)
    for measurement in interleaved([
        Case("system checks, Django's own", repeats.fast, lambda: run_child(manage, root, env)[0]),
        Case("system checks, with featuredocs", repeats.fast, lambda: run_child(with_app, root, env)[0],
             note="the system checks after a check: as every migrate and runserver reload runs them"),
    ]):
        result.add(measurement)
    # A model edited, as before each runserver reload: the facts are read again, in a fresh
    # interpreter that hears what the settings read, so they are kept for the next run.
    edited = _changing_model(generated)
    result.add(repeat("system checks, a model changed", repeats.slow,
                      lambda: run_child(with_app, root, env)[0], before=edited,
                      note="with featuredocs; help text: the facts read again, no page checked again"))
    edited(restore=True)
    _count_drifts(result, report)
    return result


def _pyromark(texts: list[str]) -> None:
    import pyromark

    from featuredocs.markdown.events import OPTIONS

    for text in texts:
        for _ in pyromark.events_with_range(text, options=OPTIONS, merge_text=True):
            pass


def _have_markdown_it() -> bool:
    """markdown-it-py, installed into the benchmark's environment if missing (it is a
    reference point only, never a dependency of featuredocs)."""
    if importlib.util.find_spec("markdown_it") is None:
        subprocess.run([PYTHON, "-m", "pip", "install", "--quiet", "markdown-it-py"], check=False)
        importlib.invalidate_caches()
    return importlib.util.find_spec("markdown_it") is not None


def _markdown_it(texts: list[str]) -> None:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    for text in texts:
        parser.parse(text)


#: A comment no run wrote before, in Python and in Markdown: numbered across every edit
#: of this benchmark, two of which may edit one file, and named after this process.
CODE_MARK, PAGE_MARK = "\n# benchmark run {}\n", "\n<!-- benchmark run {} -->\n"
_RUNS = itertools.count(1)
_BENCHMARK = os.urandom(4).hex()


def _unseen(mark: str) -> str:
    return mark.format(f"{_BENCHMARK}-{next(_RUNS)}")


class _Toggle:
    """Edits one file back and forth, so every run sees a real change.

    Each run also ends the file with a comment (``mark``) no run wrote before: the cache
    keeps the facts of the two latest states of the code and each page's findings under
    its two latest versions, so going back and forth would find them; a row about a
    change measures one it has not seen."""

    def __init__(self, path: Path, old: str, new: str, *, mark: str) -> None:
        self.path, self.old, self.new, self.mark = path, old, new, mark
        self.original = path.read_text(encoding="utf-8")
        assert old in self.original, f"{old!r} not in {path}"
        self.flipped = False

    def __call__(self, restore: bool = False) -> None:
        self.flipped = False if restore else not self.flipped
        text = self.original.replace(self.old, self.new, 1) if self.flipped else self.original
        if not restore:
            text += _unseen(self.mark)
        self.path.write_text(text, encoding="utf-8")


class _PageToggle:
    """Adds a page to the docs tree and takes it out again, run after run; each time it is
    added, with a comment no run wrote before (see :class:`_Toggle`)."""

    def __init__(self, path: Path, text: str) -> None:
        self.path, self.text = path, text

    def __call__(self, restore: bool = False) -> None:
        if restore or self.path.exists():
            self.path.unlink(missing_ok=True)
        else:
            self.path.write_text(self.text + _unseen(PAGE_MARK), encoding="utf-8")


def _adding_page(generated: Generated) -> _PageToggle:
    """A new feature page: a copy of one under a name no page links to yet."""
    model = _named_page(generated)
    return _PageToggle(model.with_name("zz-added-page.md"), model.read_text(encoding="utf-8"))


def _named_page(generated: Generated) -> Path:
    return sorted((generated.docs / "features").glob("*.md"))[0]


def _changing_page(generated: Generated) -> _Toggle:
    """A prose edit in one feature page (headings and links unchanged)."""
    page = sorted((generated.docs / "features").glob("*.md"))[len(generated.drifts) % 7]
    return _Toggle(page, "## Overview\n\n", "## Overview\n\nReviewed again this week. ", mark=PAGE_MARK)


def _changing_model(generated: Generated) -> _Toggle:
    """A model field gains help text: the facts change, in a field no rule reads."""
    models = sorted(generated.root.glob("*/models.py"))[0]
    return _Toggle(models, "models.CharField(max_length=120)",
                   'models.CharField(max_length=120, help_text="Shown in the admin.")', mark=CODE_MARK)


def _retyping_field(generated: Generated) -> _Toggle:
    """A model field changes type: the pages that document the model must say so."""
    old = "    priority = models.SmallIntegerField(default=0)\n"
    models = next(path for path in sorted(generated.root.glob("*/models.py"))
                  if old in path.read_text(encoding="utf-8"))
    return _Toggle(models, old, "    priority = models.IntegerField(default=0)\n", mark=CODE_MARK)


def _adding_route(generated: Generated) -> _Toggle:
    """An app's URLconf gains a route."""
    urls = sorted(generated.root.glob("*/urls.py"))[0]
    old = '    path("reports/activity/"'
    return _Toggle(urls, old, f'    path("reports/daily/", views.summary_report, name="daily-report"),\n{old}',
                   mark=CODE_MARK)


def _count_drifts(result: ScaleResult, report: Path) -> None:
    findings = json.loads(report.read_text(encoding="utf-8"))["findings"]
    found = {(f["path"].rsplit("docs/", 1)[-1], f["line"], f["code"]) for f in findings}
    expected = {(d.page, d.line, d.code) for d in read_manifest(result.generated.root)}
    result.drifts_expected = len(expected)
    result.drifts_found = len(found & expected)
    result.missed = sorted(f"{p}:{line} {code}" for p, line, code in expected - found)
    result.unexpected = sorted(f"{p}:{line} {code}" for p, line, code in found - expected)
