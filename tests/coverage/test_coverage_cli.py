"""``featuredocs coverage``: formats, the floor, and reports a person can read."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from featuredocs.coverage.inventory import KINDS
from featuredocs.coverage.measure import Count, CoverageReport, Missing, should_fail_under
from featuredocs.coverage.report_html import render_html
from tests.cli.support import featuredocs
from tests.generate.shop import copy_shop

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_shop(tmp_path_factory.mktemp("coverage-cli"))
    # One undocumented command option, so the floor has something to bite on.
    page = project / "docs" / "features" / "order-lifecycle.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"^- `--batch-size`:.*\n", "", text, count=1, flags=re.M), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def totals(shop: Path) -> dict[str, float]:
    run = featuredocs("coverage", "--format", "json", cwd=shop)
    assert run.code == 0, run.err
    return json.loads(run.out)["totals"]


# --- the floor ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "floor", "fails"),
    [(80.0, None, False), (80.0, 80, False), (79.99, 80, True), (100.0, 100, False),
     (99.996, 100, False), (0.0, 0, False), (50.0, 50.01, True)],
)
def test_should_fail_under(total: float, floor: float | None, fails: bool) -> None:
    assert should_fail_under(total, floor) is fails


def test_an_empty_kind_counts_as_covered() -> None:
    assert Count(0, 0).percent == 100.0 and Count(1, 4).percent == 25.0


def test_fail_under_exits_1_below_the_floor_and_0_at_it(shop: Path, totals: dict[str, float]) -> None:
    assert totals["documented"] == totals["total"] - 1
    below = featuredocs("coverage", "--fail-under", "100", "--format", "json", cwd=shop)
    assert below.code == 1
    assert below.err == f"featuredocs: coverage {totals['percent']:.2f}% is below the floor of 100%\n"
    at = featuredocs("coverage", "--fail-under", str(totals["percent"]), "--format", "json", cwd=shop)
    assert at.code == 0, at.err


def test_fail_under_comes_from_the_configuration(tmp_path: Path) -> None:
    project = copy_shop(tmp_path)
    (project / "pyproject.toml").write_text("[tool.featuredocs]\nfail-under = 100\n", encoding="utf-8")
    page = project / "docs" / "features" / "payment-reminders.md"
    page.write_text(page.read_text(encoding="utf-8").replace("- `--limit`:", "- Limit:"), encoding="utf-8")
    run = featuredocs("coverage", "--format", "json", cwd=project)
    assert run.code == 1
    assert "below the floor of 100%" in run.err
    assert featuredocs("coverage", "--fail-under", "50", "--format", "json", cwd=project).code == 0


def test_a_floor_that_is_not_a_percentage_is_a_usage_error(shop: Path) -> None:
    run = featuredocs("coverage", "--fail-under", "120", cwd=shop)
    assert run.code == 2 and "expected a number from 0 to 100" in run.err


# --- text ---------------------------------------------------------------------------------------


def test_text_report_has_the_tables_and_the_missing_option(shop: Path, totals: dict[str, float]) -> None:
    run = featuredocs("coverage", cwd=shop)
    assert run.code == 0, run.err
    assert not ANSI.search(run.out)  # not a terminal: no colour
    assert re.search(r"Command options\s+13\s+14\s+92\.9%", run.out)
    assert re.search(r"^\s+orders\s+2/2\s+13/13\s+3/3\s+1/1\s+3/4\s", run.out, re.M)
    assert "    expire_orders --batch-size  (orders)\n" in run.out
    assert run.out.rstrip().endswith(
        f"{totals['percent']:.1f}% documented ({totals['documented']} of {totals['total']}) across 3 feature pages"
    )


def test_text_report_is_coloured_on_request(shop: Path) -> None:
    run = featuredocs("coverage", cwd=shop, env={"FORCE_COLOR": "1"})
    assert ANSI.search(run.out)


# --- HTML -----------------------------------------------------------------------------------------


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.references: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.references += [v or "" for k, v in attrs if k in ("src", "href")]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_report_is_one_self_contained_file(shop: Path, tmp_path: Path) -> None:
    target = tmp_path / "coverage.html"
    run = featuredocs("coverage", "--format", "html", "--output", str(target), cwd=shop)
    assert run.code == 0, run.err
    html = target.read_text(encoding="utf-8")
    collector = _Collector()
    collector.feed(html)
    assert collector.references == []  # no external stylesheet, script, font or image
    assert "script" not in collector.tags and "link" not in collector.tags
    assert collector.tags.count("svg") >= 1 + 9 + 3  # the ring, a bar per kind and per app
    text = " ".join(collector.text)
    assert "expire_orders --batch-size" in text
    for name in ("Models", "Fields", "Command options", "Query parameters", "Environment variables"):
        assert name in text


def test_html_escapes_what_it_shows() -> None:
    empty = {kind: Count() for kind in KINDS}
    report = CoverageReport(
        total=Count(0, 1),
        kinds={**empty, "models": Count(0, 1)},
        apps={"shop": {**empty, "models": Count(0, 1)}},
        undocumented=(Missing("models", "shop", "<script>alert(1)</script>"),),
        pages=0,
    )
    html = render_html(report, project="<b>")
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>" not in html
