"""The benchmark's rounds: every case is run in turn, so a slow stretch of the machine
slows one run of each, not every run of one."""

from __future__ import annotations

from benchmarks.measure import Case, Sample, interleaved


def test_cases_run_in_rounds_each_as_often_as_asked() -> None:
    order: list[str] = []

    def once(name: str, seconds: float):  # noqa: ANN202
        def run() -> Sample:
            order.append(name)
            return Sample(seconds * order.count(name), seconds, 0.0)
        return run

    floor, cold = interleaved([Case("floor", 3, once("floor", 1.0)), Case("cold", 2, once("cold", 2.0))])

    assert order == ["floor", "cold", "floor", "cold", "floor"]
    assert [s.wall for s in floor.samples] == [1.0, 2.0, 3.0] and floor.median() == 2.0
    assert [s.wall for s in cold.samples] == [2.0, 4.0] and (cold.name, floor.name) == ("cold", "floor")
