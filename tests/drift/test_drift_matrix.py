"""The drift matrix: each realistic code change to a copy of the example shop, applied
alone with the docs left as they are, is caught by the real ``featuredocs check`` with the
expected rule at the expected page line, and causes nothing but its own consequences.

Every case checks its own copy of the project in a child process with a live
``django.setup()``; the copies are checked side by side (only the selected cases), and
each test then reads its own result.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.cli.support import featuredocs
from tests.drift.cases import ALL, Drift, Expected, params
from tests.drift.changes import Change
from tests.drift.refactors import REFACTORED_DRIFTS, REFACTORS

SHOP = Path(__file__).resolve().parents[2] / "examples" / "shop"
FEATURES = SHOP / "docs" / "features"
UNTOUCHED = "untouched"
REFACTORED = "refactored"

#: Cases featuredocs gets wrong today: the change, what is reported, and why.
KNOWN_MISSES: dict[str, str] = {}


@dataclass(frozen=True)
class Outcome:
    code: int
    err: str
    findings: list[dict[str, object]]


def copy_example(target: Path) -> Path:
    root = target / "shop"
    shutil.copytree(SHOP, root, ignore=shutil.ignore_patterns("__pycache__", "docs-drifted"))
    return root


def check_changed_copy(
    target: Path, changes: Iterable[Change], env: Mapping[str, str]
) -> Outcome:
    root = copy_example(target)
    for change in changes:
        change.apply(root)
    run = featuredocs("check", "--format", "json", cwd=root, env=dict(env))
    findings = json.loads(run.out)["findings"] if run.out.strip() else []
    return Outcome(run.code, run.err, findings)


def _selected(request: pytest.FixtureRequest) -> tuple[list[Drift], set[str]]:
    """The drift cases and the test functions of this module that pytest is about to run
    (``-k`` deselects the rest)."""
    drifts: list[Drift] = []
    tests: set[str] = set()
    for item in request.session.items:
        if item.module is None or item.module.__name__ != __name__:
            continue
        tests.add(getattr(item, "originalname", item.name))
        callspec = getattr(item, "callspec", None)
        drift = callspec.params.get("drift") if callspec is not None else None
        if isinstance(drift, Drift):
            drifts.append(drift)
    return drifts, tests


@pytest.fixture(scope="module")
def outcomes(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Outcome | Exception]:
    """Each selected case's outcome, or the error that stopped it (a change that no longer
    applies); the untouched copy's under ``UNTOUCHED``, the copy with every refactor (they
    touch different code, and one run keeps the module fast) under ``REFACTORED``."""
    drifts, tests = _selected(request)
    jobs = [(drift.id, drift.changes, drift.env) for drift in drifts]
    if test_untouched_copy_checks_clean.__name__ in tests:
        jobs.append((UNTOUCHED, (), {}))
    if test_refactors_keep_the_docs_true.__name__ in tests:
        jobs.append((REFACTORED, tuple(c for r in REFACTORS for c in r.changes), {}))

    def run(job: tuple[str, tuple[Change, ...], Mapping[str, str]]) -> Outcome | Exception:
        case_id, changes, env = job
        try:
            return check_changed_copy(tmp_path_factory.mktemp(case_id), changes, env)
        except Exception as error:  # reported by the case's own test, not by all of them
            return error

    # mktemp makes the session's base folder on first use; threads making it at once
    # collide (under pytest-xdist each worker's folder is new when this module starts).
    tmp_path_factory.getbasetemp()
    # Each check waits on a child interpreter for a good part of its time.
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 1)) as pool:
        return dict(zip((job[0] for job in jobs), pool.map(run, jobs), strict=True))


def outcome_of(outcomes: dict[str, Outcome | Exception], case_id: str) -> Outcome:
    outcome = outcomes[case_id]
    if isinstance(outcome, Exception):
        raise outcome
    assert "Traceback" not in outcome.err, outcome.err
    assert "featuredocs:" not in outcome.err, outcome.err  # facts were read live
    assert outcome.code in (0, 1), outcome.err
    return outcome


def page_line(expected: Expected) -> int:
    """The one line of the page holding the marker (or, when several hold it, the one
    line that is exactly the marker), within ``expected.section`` when given."""
    text = (FEATURES / expected.page).read_text(encoding="utf-8")
    numbered = list(enumerate(text.splitlines(), start=1))
    if expected.section is not None:
        numbered = _section(numbered, expected.section)
    holding = [number for number, line in numbered if expected.marker in line]
    if len(holding) != 1:
        holding = [number for number, line in numbered if line.strip() == expected.marker]
    assert len(holding) == 1, f"{expected.page}: marker {expected.marker!r} is not one line"
    return holding[0]


_HEADING = re.compile(r"^(#{2,6}) ")


def _section(numbered: list[tuple[int, str]], heading: str) -> list[tuple[int, str]]:
    starts = [index for index, (_, line) in enumerate(numbered) if line == heading]
    assert len(starts) == 1, f"heading {heading!r} is not one line"
    level = len(heading.split(" ", 1)[0])
    body = numbered[starts[0] + 1 :]
    for index, (_, line) in enumerate(body):
        found = _HEADING.match(line)
        if found and len(found.group(1)) <= level:
            return body[:index]
    return body


def describe(findings: list[dict[str, object]]) -> str:
    return "\n".join(
        f"  {f['path']}:{f['line']}:{f['column']}: {f['code']} {f['message']}" for f in findings
    )


@pytest.mark.parametrize("drift", params(ALL + REFACTORED_DRIFTS, KNOWN_MISSES))
def test_code_change_is_caught_at_its_page_line(
    drift: Drift, outcomes: dict[str, Outcome | Exception]
) -> None:
    outcome = outcome_of(outcomes, drift.id)
    expected = drift.expected
    wanted = (expected.code, f"docs/features/{expected.page}", page_line(expected))
    reported = {(f["code"], f["path"], f["line"]) for f in outcome.findings}
    assert wanted in reported, f"{wanted} not reported; got:\n{describe(outcome.findings)}"
    allowed = drift.also | {expected.code}
    noise = [f for f in outcome.findings if f["code"] not in allowed]
    assert noise == [], f"findings the change does not explain:\n{describe(noise)}"


def test_untouched_copy_checks_clean(outcomes: dict[str, Outcome | Exception]) -> None:
    outcome = outcome_of(outcomes, UNTOUCHED)
    assert outcome.findings == [], describe(outcome.findings)
    assert outcome.code == 0


def test_refactors_keep_the_docs_true(outcomes: dict[str, Outcome | Exception]) -> None:
    """The same behaviour written another way (a TTL as a ``timedelta``, a cache key in a
    variable, django-environ, a FilterSet class, a regex route, a settings package): the
    docs stay true, so nothing is reported."""
    outcome = outcome_of(outcomes, REFACTORED)
    assert outcome.findings == [], describe(outcome.findings)
    assert outcome.code == 0


def test_matrix_spans_the_rule_families() -> None:
    drifts = ALL + REFACTORED_DRIFTS
    ids = [drift.id for drift in drifts] + [UNTOUCHED, REFACTORED]
    assert len(ids) == len(set(ids))  # ids key the outcomes
    assert len(ALL) >= 22
    families = {drift.expected.code[:3] for drift in drifts}
    assert families >= {"FD3", "FD4", "FD5", "FD6", "FD7", "FD8"}
    for drift in drifts:
        assert drift.changes, drift.id  # a case without a change would test nothing
        page_line(drift.expected)  # every marker names exactly one line
