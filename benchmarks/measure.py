"""Timing helpers: child processes with their own resource usage, and summaries of runs."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Sample:
    wall: float  # seconds
    cpu: float  # user + system seconds, the process and the children it waited for
    peak_mb: float  # largest resident set among them


@dataclass
class Measurement:
    name: str
    samples: list[Sample] = field(default_factory=list)
    note: str = ""

    def median(self, attr: str = "wall") -> float:
        return statistics.median(getattr(s, attr) for s in self.samples)

    def spread(self, attr: str = "wall") -> tuple[float, float]:
        values = [getattr(s, attr) for s in self.samples]
        return min(values), max(values)

    def to_json(self) -> dict[str, object]:
        return {
            "runs": len(self.samples),
            "wall_median": round(self.median(), 4),
            "wall_min": round(self.spread()[0], 4),
            "wall_max": round(self.spread()[1], 4),
            "cpu_median": round(self.median("cpu"), 4),
            "peak_mb": round(max(s.peak_mb for s in self.samples), 1),
            "note": self.note,
        }


def run_child(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None,
              stdout: Path | None = None) -> tuple[Sample, int]:
    """Run ``command``; its wall time, CPU time and peak memory (``wait4`` rusage, which
    counts the grandchildren it waited for: the facts child, the pool workers)."""
    out = open(stdout, "wb") if stdout else subprocess.DEVNULL
    try:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out,
                                   stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
    finally:
        if stdout:
            out.close()  # type: ignore[union-attr]
    process.returncode = os.waitstatus_to_exitcode(status)
    peak_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
    return Sample(wall, usage.ru_utime + usage.ru_stime, peak_mb), process.returncode


def in_process(function: Callable[[], object]) -> Sample:
    """Time ``function`` here (wall and this process's CPU)."""
    cpu = time.process_time()
    started = time.perf_counter()
    function()
    return Sample(time.perf_counter() - started, time.process_time() - cpu, 0.0)


def repeat(name: str, runs: int, once: Callable[[], Sample], before: Callable[[], None] | None = None,
           note: str = "") -> Measurement:
    measurement = Measurement(name, note=note)
    for _ in range(runs):
        if before is not None:
            before()
        measurement.samples.append(once())
    return measurement


@dataclass(frozen=True)
class Case:
    """One measurement to take ``runs`` times (see :func:`interleaved`)."""

    name: str
    runs: int
    once: Callable[[], Sample]
    note: str = ""


def interleaved(cases: Sequence[Case]) -> list[Measurement]:
    """Each case's runs taken in rounds, one run of every case per round: a stretch of
    time when the machine is slower (a virtual machine's neighbours) then slows a run of
    each case alike, and the ratios between their medians hold, instead of slowing every
    run of whichever case happened to be running."""
    measurements = [Measurement(case.name, note=case.note) for case in cases]
    for round_ in range(max((case.runs for case in cases), default=0)):
        for case, measurement in zip(cases, measurements):
            if round_ < case.runs:
                measurement.samples.append(case.once())
    return measurements


def load_average() -> tuple[float, float, float]:
    try:
        return os.getloadavg()
    except OSError:
        return (0.0, 0.0, 0.0)
