"""The benchmark's results: a table on stdout, ``latest.json`` and ``latest.md``."""

from __future__ import annotations

import json
import platform
import sys
from pathlib import Path

from benchmarks.measure import load_average
from benchmarks.scenarios import ScaleResult

RESULTS = Path(__file__).resolve().parent / "results"

#: The floors: what reading the pages and the project costs before featuredocs does anything.
FLOOR = ("parse: pyromark", "django.setup()")
PROJECT_FLOOR = ("parse: pyromark", "project import")

#: name, numerator, denominator (a measurement, or measurements added up), target (None: no target)
RATIOS: tuple[tuple[str, str, str | tuple[str, ...], float | None], ...] = (
    ("cold ÷ (parse floor + setup floor)", "cold, --no-cache", FLOOR, 1.5),
    ("cold ÷ (parse floor + project import)", "cold, --no-cache", PROJECT_FLOOR, None),
    ("warm ÷ cold", "warm, nothing changed", "cold, --no-cache", 0.10),
    ("one page changed ÷ cold", "warm, one page changed", "cold, --no-cache", 0.15),
    ("a page added or removed ÷ cold", "warm, a page added or removed", "cold, --no-cache", None),
    ("one model changed ÷ cold", "warm, one model changed", "cold, --no-cache", None),
    ("one field's type changed ÷ cold", "warm, one field's type changed", "cold, --no-cache", None),
    ("one endpoint added ÷ cold", "warm, one endpoint added", "cold, --no-cache", None),
    ("cold, 2 processes ÷ 1", "cold, --no-cache, 2 processes", "cold, --no-cache, 1 process", None),
    ("--diff, warm ÷ --no-cache", "--diff, warm", "--diff, --no-cache", None),
    ("coverage, after a check ÷ --no-cache", "coverage, after a check", "coverage, --no-cache", None),
    ("system checks: with featuredocs ÷ without", "system checks, with featuredocs",
     "system checks, Django's own", None),
)


def ratios(result: ScaleResult, attr: str = "wall") -> dict[str, float]:
    """The target ratios on wall time (``attr="cpu"``: on CPU time, which other load on
    the machine disturbs less, but which cannot show what a second core gains)."""
    found = {}
    for name, top, bottom, _ in RATIOS:
        parts = (bottom,) if isinstance(bottom, str) else bottom
        denominator = sum(result.measurements[part].median(attr) for part in parts)
        found[name] = result.measurements[top].median(attr) / denominator
    return found


def growth(results: list[ScaleResult]) -> list[dict[str, float]]:
    """Cold time per doubling of the size (pages and project together)."""
    steps = []
    for small, large in zip(results, results[1:]):
        cold_small = small.measurements["cold, --no-cache"].median()
        cold_large = large.measurements["cold, --no-cache"].median()
        steps.append({"from": small.scale, "to": large.scale, "size_factor": large.scale / small.scale,
                      "cold_factor": round(cold_large / cold_small, 3)})
    return steps


def table(results: list[ScaleResult]) -> str:
    names = [n for n in results[0].measurements if all(n in r.measurements for r in results)]
    header = f"{'':34}" + "".join(f"{f'scale {r.scale:g} ({r.generated.pages} pages)':>30}" for r in results)
    lines = [header, "-" * len(header)]
    for name in names:
        cells = []
        for result in results:
            m = result.measurements[name]
            low, high = m.spread()
            cells.append(f"{m.median():8.2f}s ({low:.2f}–{high:.2f}) {m.median('cpu'):6.1f}cpu")
        lines.append(f"{name:34}" + "".join(f"{c:>30}" for c in cells))
    lines.append("")
    for name, *_ in RATIOS:
        cells = [f"{ratios(r)[name]:.3f} (cpu {ratios(r, 'cpu')[name]:.3f})" for r in results]
        lines.append(f"{name:34}" + "".join(f"{c:>30}" for c in cells))
    peaks = [max(s.peak_mb for m in r.measurements.values() for s in m.samples) for r in results]
    lines.append(f"{'peak memory (MB)':34}" + "".join(f"{p:>30.0f}" for p in peaks))
    drifts = [f"{r.drifts_found}/{r.drifts_expected}, {len(r.unexpected)} other" for r in results]
    lines.append(f"{'seeded drifts found':34}" + "".join(f"{d:>30}" for d in drifts))
    for step in growth(results):
        lines.append(f"cold time × size {step['size_factor']:g} ({step['from']:g} → {step['to']:g}): ×{step['cold_factor']}")
    return "\n".join(lines)


def to_json(results: list[ScaleResult], command: str) -> dict[str, object]:
    return {
        "command": command,
        "machine": {
            "python": sys.version.split()[0],
            "platform": platform.platform(),
            "cores": _cores(),
            "load_average_at_end": [round(v, 2) for v in load_average()],
        },
        "scales": [
            {
                "scale": r.scale,
                "size": {"apps": r.generated.apps, "models": r.generated.models,
                         "commands": r.generated.commands, "endpoints": r.generated.endpoints,
                         "pages": r.generated.pages},
                "measurements": {name: m.to_json() for name, m in r.measurements.items()},
                "ratios": {name: round(v, 4) for name, v in ratios(r).items()},
                "ratios_cpu": {name: round(v, 4) for name, v in ratios(r, "cpu").items()},
                "drifts": {"expected": r.drifts_expected, "found": r.drifts_found,
                           "missed": r.missed, "unexpected": r.unexpected},
            }
            for r in results
        ],
        "growth": growth(results),
        "targets": {name: target for name, _, _, target in RATIOS if target is not None},
    }


def markdown(data: dict[str, object], table_text: str) -> str:
    machine = data["machine"]
    return "\n".join([
        "# featuredocs benchmark: latest results",
        "",
        f"Produced by `{data['command']}` on {machine['cores']} cores, Python {machine['python']} "  # type: ignore[index]
        f"(load average at the end: {machine['load_average_at_end']}).",  # type: ignore[index]
        "",
        "Medians of several runs, with min–max; `cpu` is user + system time of the check and every",
        "process it started. The generated projects are correct except for a seeded drift",
        "manifest (`benchmarks/generate.py`); every run must report exactly those drifts.",
        "",
        "```text",
        table_text,
        "```",
        "",
        "Targets: cold ≤ 1.5 × (parse floor + setup floor); warm ≤ 10 % of cold; one changed page",
        "≤ 15 % of cold; doubling pages and project at most doubles cold time (× 2.2 allowed);",
        "peak memory under 500 MB at the default size. Full numbers: [`latest.json`](latest.json).",
        "",
    ])


def write(results: list[ScaleResult], command: str) -> str:
    text = table(results)
    data = to_json(results, command)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (RESULTS / "latest.md").write_text(markdown(data, text), encoding="utf-8")
    return text


def _cores() -> int:
    from featuredocs.parallel import cores

    return cores()
