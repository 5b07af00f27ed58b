"""The examples to run and what running them gave, as the JSON the two processes exchange."""

from __future__ import annotations

import json

from featuredocs.model.examples import Example, ExampleFailure, ExampleKind, ExecutionReport


def write_plan(plan: dict[str, tuple[Example, ...]]) -> str:
    return json.dumps({
        rel: [[e.kind.value, e.line, e.text, e.answer, e.answer_line] for e in examples] for rel, examples in plan.items()
    })


def read_plan(text: str) -> dict[str, list[Example]]:
    return {
        rel: [Example(ExampleKind(kind), int(line), str(body), str(answer), int(at)) for kind, line, body, answer, at in examples]
        for rel, examples in json.loads(text).items()
    }


def write_report(report: ExecutionReport) -> str:
    failures = {rel: [[f.line, f.kind.value, f.message] for f in found] for rel, found in report.failures.items()}
    return json.dumps({"failures": failures, "passed": report.passed, "failed": report.failed,
                       "not_judged": report.not_judged})


def read_report(text: str) -> ExecutionReport:
    data = json.loads(text)
    failures = {
        rel: tuple(ExampleFailure(int(line), ExampleKind(kind), str(message)) for line, kind, message in found)
        for rel, found in data["failures"].items()
    }
    not_judged = tuple((str(why), int(n)) for why, n in data["not_judged"])
    return ExecutionReport(failures, int(data["passed"]), not_judged, int(data["failed"]))
