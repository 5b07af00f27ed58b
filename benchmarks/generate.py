"""Write a synthetic Django monolith and its feature pages, with a known set of drifts.

    python benchmarks/generate.py [--scale 0.25] [--seed 1] [--out DIR]

Default size: 40 apps, 400 models, 150 commands, 800 endpoints and 1,000 feature pages.
The pages are correct except for the seeded drifts listed in ``drifts.json`` (page, line,
code), so ``featuredocs check`` must report exactly those.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synth.docs import api_page, architecture_page, commands_page, index_page
from benchmarks.synth.drifts import Drift, apply_drift, choose
from benchmarks.synth.pages import page_lines
from benchmarks.synth.plan import make_plan
from benchmarks.synth.project import write_project

OUT = Path(__file__).resolve().parent / "out"
MANIFEST = "drifts.json"


@dataclass(frozen=True)
class Generated:
    root: Path
    docs: Path
    settings: str
    drifts: tuple[Drift, ...]
    apps: int
    models: int
    commands: int
    endpoints: int
    pages: int


def default_out(scale: float, seed: int) -> Path:
    return OUT / f"scale-{scale:g}-seed-{seed}"


def generate(out: Path, *, scale: float = 1.0, seed: int = 1) -> Generated:
    """Write the project and its docs under ``out`` (emptied first)."""
    plan = make_plan(scale, seed)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    write_project(plan, out)
    docs = out / "docs"
    (docs / "features").mkdir(parents=True)
    for name, text in (
        ("README.md", index_page(plan)),
        ("architecture.md", architecture_page(plan)),
        ("commands.md", commands_page(plan)),
        ("api.md", api_page(plan)),
    ):
        (docs / name).write_text(text, encoding="utf-8")
    drifted = set(choose([p.rel for p in plan.pages], seed))
    drifts: list[Drift] = []
    for page in plan.pages:
        lines = page_lines(plan, page)
        if page.rel in drifted:
            drift = apply_drift(page.rel, lines, turn=len(drifts))
            if drift is not None:
                drifts.append(drift)
        (docs / page.rel).write_text("\n".join(lines) + "\n", encoding="utf-8")
    manifest = [d.to_json() for d in drifts]
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    models = sum(len(a.models) for a in plan.apps)
    viewsets = sum(1 for a in plan.apps for m in a.models if m.resource)
    return Generated(
        root=out,
        docs=docs,
        settings=f"{plan.package}.settings",
        drifts=tuple(drifts),
        apps=len(plan.apps),
        models=models,
        commands=len(plan.commands),
        endpoints=2 * viewsets + sum(len(a.reports) for a in plan.apps),
        pages=len(plan.pages),
    )


def read_manifest(root: Path) -> list[Drift]:
    data = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    return [Drift(d["page"], d["line"], d["code"], d["what"]) for d in data]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="size relative to the default (1.0)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    parser.add_argument("--out", type=Path, help="output folder (default: benchmarks/out/scale-S-seed-N)")
    args = parser.parse_args(argv)
    if args.scale <= 0:
        parser.error("--scale must be positive")
    out = args.out or default_out(args.scale, args.seed)
    made = generate(out, scale=args.scale, seed=args.seed)
    print(
        f"{made.root}: {made.apps} apps, {made.models} models, {made.commands} commands, "
        f"{made.endpoints} endpoints, {made.pages} pages, {len(made.drifts)} seeded drifts"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
