"""Where a cold check spends its time: parsing, facts, and each rule, on a generated project.

    python benchmarks/hotspots.py [--scale 0.25] [--seed 1] [--cprofile N]

Runs one cold check in this process on one core (facts in a child process, as the
check does) and prints CPU seconds per phase and per rule, with each one's share.
``--cprofile N`` also prints the N most expensive functions.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import default_out, generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=0.25)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cprofile", type=int, default=0, metavar="N")
    args = parser.parse_args(argv)
    out = default_out(args.scale, args.seed)
    generated = generate(out, scale=args.scale, seed=args.seed) if not (out / "drifts.json").exists() else None
    from featuredocs.cache import incremental_check
    from featuredocs.collector import collector_paused
    from featuredocs.config import load_config
    from featuredocs.rules.registry import all_rules

    spent: dict[str, float] = defaultdict(float)
    for rule in all_rules():
        _time_method(rule, "check", spent)
        _time_method(rule, "check_docset", spent)
    import featuredocs.cache.run as cache_run

    original_parse = cache_run.parse_page

    def parse_timed(*args, **kwargs):  # type: ignore[no-untyped-def]
        started = time.process_time()
        try:
            return original_parse(*args, **kwargs)
        finally:
            spent["(parse)"] += time.process_time() - started

    cache_run.parse_page = parse_timed  # type: ignore[assignment]
    config = load_config(root=out)
    profiler = cProfile.Profile() if args.cprofile else None
    cpu = time.process_time()
    if profiler:
        profiler.enable()
    with collector_paused():  # as the command line runs a check: no full collection at its end
        run = incremental_check(config, use_cache=False, workers=1)
    if profiler:
        profiler.disable()
    total = time.process_time() - cpu
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    facts_cpu = children.ru_utime + children.ru_stime
    pages = generated.pages if generated else len(run.result.docset.pages)
    print(f"cold check of {out.name} ({pages} pages): {total:.2f}s CPU here, {facts_cpu:.2f}s CPU "
          f"in the facts child; wall per phase: " + ", ".join(f"{k} {v:.2f}s" for k, v in run.stats.seconds.items()))
    parse = spent.pop("(parse)", 0.0)
    rules_total = sum(spent.values())
    print(f"\n{'':28}{'CPU s':>8}{'share':>8}")
    print(f"{'facts (child process)':28}{facts_cpu:8.2f}{facts_cpu / (total + facts_cpu):8.1%}")
    print(f"{'parse (featuredocs model)':28}{parse:8.2f}{parse / (total + facts_cpu):8.1%}")
    for code, seconds in sorted(spent.items(), key=lambda item: -item[1])[:25]:
        print(f"{code:28}{seconds:8.2f}{seconds / (total + facts_cpu):8.1%}")
    print(f"{'all rules':28}{rules_total:8.2f}{rules_total / (total + facts_cpu):8.1%}")
    if profiler:
        pstats.Stats(profiler).sort_stats(os.environ.get("HOTSPOTS_SORT", "cumulative")).print_stats(args.cprofile)
    return 0


def _time_method(rule: type, name: str, spent: dict[str, float]) -> None:
    """Wrap ``rule.<name>`` to add its CPU time (including consuming its generator)."""
    original = rule.__dict__.get(name)
    if original is None:
        return

    def timed(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        started = time.process_time()
        try:
            return list(original(self, *args, **kwargs))
        finally:
            spent[rule.code] += time.process_time() - started  # type: ignore[attr-defined]

    setattr(rule, name, timed)


if __name__ == "__main__":
    raise SystemExit(main())
