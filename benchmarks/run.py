"""Benchmark featuredocs on generated projects of growing size (``make bench``).

    python benchmarks/run.py [--scales 0.25,0.5,1] [--fast 5] [--slow 3] [--seed 1]

For each scale: generate the project and its docs (``benchmarks/out/``), then measure the
parse floor (pyromark alone; markdown-it-py for reference), ``django.setup()`` alone, the
facts, a cold check without and with an empty cache, warm re-checks (nothing changed, one
page changed, a model's help text changed, a field's type changed, an endpoint added), peak
memory, and the seeded drifts found. Prints a table and writes ``benchmarks/results/latest.json`` and
``latest.md``.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import shlex
import shutil
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import default_out, generate
from benchmarks.report import write
from benchmarks.scenarios import Repeats, ScaleResult, measure_scale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="0.25,0.5,1", help="comma-separated sizes (default: 0.25,0.5,1)")
    parser.add_argument("--fast", type=int, default=5, help="runs of the fast cases (default: 5)")
    parser.add_argument("--slow", type=int, default=3, help="runs of the slow cases (default: 3)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--live-code", action="store_true",
                        help="run the working tree's featuredocs, not a snapshot taken at the start")
    args = parser.parse_args(argv)
    scales = [float(s) for s in args.scales.split(",") if s.strip()]
    repeats = Repeats(fast=args.fast, slow=args.slow)
    results: list[ScaleResult] = []
    with tempfile.TemporaryDirectory(prefix="featuredocs-bench-") as snapshot:
        code = None if args.live_code else _snapshot(Path(snapshot))
        for scale in scales:
            generated = generate(default_out(scale, args.seed), scale=scale, seed=args.seed)
            print(f"scale {scale:g}: {generated.pages} pages, {generated.models} models, "
                  f"{generated.endpoints} endpoints ...", file=sys.stderr, flush=True)
            results.append(measure_scale(generated, scale, repeats, code))
        command = "python benchmarks/run.py " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:]))
        print(write(results, command.strip()))
    clean = all(r.drifts_found == r.drifts_expected and not r.unexpected for r in results)
    return 0 if clean else 1


def _snapshot(folder: Path) -> Path:
    """A copy of the featuredocs package being benchmarked, imported by this process and
    every child: edits made to the working tree during a long run would otherwise change
    featuredocs' identity between runs (and so its cache keys), turning warm runs cold.

    The copy is byte-compiled, as ``pip install`` leaves a package: the children run with
    PYTHONDONTWRITEBYTECODE (so the generated project stays clean), and would otherwise
    compile featuredocs from source on every run."""
    spec = importlib.util.find_spec("featuredocs")  # finds it without importing it
    assert spec is not None and spec.origin is not None, "featuredocs is not installed"
    assert "featuredocs" not in sys.modules, "the snapshot must be taken before the first import"
    shutil.copytree(Path(spec.origin).parent, folder / "featuredocs",
                    ignore=shutil.ignore_patterns("__pycache__"))
    compileall.compile_dir(folder / "featuredocs", quiet=1)
    sys.path.insert(0, str(folder))
    return folder


if __name__ == "__main__":
    raise SystemExit(main())
