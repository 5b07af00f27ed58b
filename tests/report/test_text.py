from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from featuredocs.model import Applicability, Finding, Fix, Severity, Span
from featuredocs.report import RunStats, render
from featuredocs.report.snippet import source_line
from tests.report.samples import (
    EXPIRY,
    ORDERS,
    ORDERS_TEXT,
    SOURCES,
    assert_gold,
    column_of,
    sample_findings,
    span_of,
)

PAGE = "docs/features/p.md"


def one(message: str = "something is off", **changes: object) -> Finding:
    fields: dict[str, object] = {
        "code": "FD302",
        "severity": Severity.ERROR,
        "path": PAGE,
        "span": Span.at(1, 1, 1),
        "message": message,
    }
    fields.update(changes)
    return Finding(**fields)  # type: ignore[arg-type]


def lines_of(finding: Finding, source: str) -> list[str]:
    return render([finding], "text", sources={finding.path: source}).splitlines()


def marker_under(output: list[str]) -> tuple[str, str]:
    """The source line as shown and its marker line, gutters removed."""
    source_row = next(i for i, line in enumerate(output) if " | " in line)
    gutter = output[source_row].index(" | ") + 3
    return output[source_row][gutter:], output[source_row + 1][gutter:]


def test_gold_text_report() -> None:
    stats = RunStats(pages_checked=5, rules_run=40)
    assert_gold("report.txt", render(sample_findings(), "text", sources=SOURCES, stats=stats))


def test_header_is_path_line_column_code_message() -> None:
    finding = sample_findings()[0]
    first = render([finding], "text").splitlines()[0]
    column = column_of(ORDERS_TEXT, 10, "total_cents")
    assert first == (
        f"{ORDERS}:10:{column}: FD302 field `total_cents` is documented on orders.Order, "
        "which has no such field"
    )


def test_marker_sits_under_the_span() -> None:
    finding = sample_findings()[0]
    shown, marker = marker_under(lines_of(finding, ORDERS_TEXT))
    assert shown == "- `total_cents` (IntegerField): amount in cents"
    start = shown.index("total_cents")
    assert marker == " " * start + "^" + "~" * (len("total_cents") - 1)


def test_marker_counts_columns_in_characters_not_bytes() -> None:
    line = "Ça coûte 5 € — `prix_total` (naïve)"
    span = span_of(line, 1, "prix_total")
    assert len(line[: span.column - 1].encode()) > span.column - 1  # multi-byte before the span
    shown, marker = marker_under(lines_of(one(span=span), line + "\n"))
    assert shown == line
    assert marker.index("^") == line.index("prix_total")
    assert len(marker) == line.index("prix_total") + len("prix_total")


def test_marker_counts_wide_characters_as_two_cells() -> None:
    line = "注文の合計 `total` です"
    span = span_of(line, 1, "`total`")
    shown, marker = marker_under(lines_of(one(span=span), line))
    assert marker.index("^") == cell_len(line[: span.column - 1])
    assert marker.index("^") != span.column - 1
    assert marker.strip() == "^~~~~~~"


def test_marker_follows_tabs_expanded_to_markdown_tab_stops() -> None:
    line = "\t- `slug`"
    span = span_of(line, 1, "slug")
    shown, marker = marker_under(lines_of(one(span=span), line))
    assert shown == "    - `slug`"
    assert marker == "       ^~~~"


def test_empty_span_gets_a_single_caret_and_multiline_span_runs_to_line_end() -> None:
    _, caret = marker_under(lines_of(one(span=Span(1, 3, 1, 3)), "abcdef\nxyz\n"))
    assert caret == "  ^"
    _, to_end = marker_under(lines_of(one(span=Span(1, 3, 2, 2)), "abcdef\nxyz\n"))
    assert to_end == "  ^~~~"


def test_line_endings_crlf_and_cr_number_lines_like_commonmark() -> None:
    assert source_line("a\r\nb\rc\n", 2) == "b"
    assert source_line("a\r\nb\rc\n", 3) == "c"
    assert source_line("a\r\nb\rc\n", 4) is None
    shown, _ = marker_under(lines_of(one(span=Span.at(2, 1, 1)), "first\r\nsecond\r\n"))
    assert shown == "second"


def test_no_source_line_when_the_page_text_is_missing_or_too_short() -> None:
    finding = one(span=Span.at(9, 1, 1), hint="a hint")
    for output in (render([finding], "text"), lines_of(finding, "only one line\n")):
        text = output if isinstance(output, str) else "\n".join(output)
        assert " | " not in text
        assert "  hint: a hint" in text


def test_hint_and_fix_lines_follow_the_marker() -> None:
    finding = sample_findings()[0]
    output = lines_of(finding, ORDERS_TEXT)
    assert output[3] == "  hint: did you mean `total`? (orders/models.py:31)"
    assert output[4] == "  fix: rename `total_cents` to `total` [unsafe]"
    safe = one(fix=Fix("set the default to 100", (), Applicability.SAFE))
    assert "  fix: set the default to 100" in render([safe], "text").splitlines()


def test_colour_off_writes_no_escape_codes_even_when_the_environment_forces_colour(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    output = render(sample_findings(), "text", sources=SOURCES, color=False)
    assert "\x1b" not in output
    assert "FD302" in output


def test_colour_on_styles_the_output() -> None:
    coloured = render(sample_findings(), "text", sources=SOURCES, color=True)
    assert "\x1b[" in coloured
    plain = render(sample_findings(), "text", sources=SOURCES, color=False)
    assert _strip_ansi(coloured) == plain


def _strip_ansi(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def test_page_text_is_never_read_as_markup_or_emoji() -> None:
    line = "[bold]`x`[/bold] :smile: [link=http://e.example]y[/link]"
    finding = one("see [red]x[/red] :smile:", span=span_of(line, 1, "`x`"))
    output = render([finding], "text", sources={PAGE: line}, color=True)
    plain = _strip_ansi(output)
    assert line in plain
    assert "see [red]x[/red] :smile:" in plain
    assert "\U0001f604" not in plain


def test_control_characters_in_pages_and_messages_are_replaced_one_for_one() -> None:
    line = "a\x1b[31mb `x`"
    span = span_of(line, 1, "`x`")
    output = render([one("bad \x1b]0;title\x07 here", span=span)], "text", sources={PAGE: line})
    assert "\x1b" not in output and "\x07" not in output
    shown, marker = marker_under(output.splitlines())
    assert shown == "a\ufffd[31mb `x`"
    assert marker.index("^") == span.column - 1


def test_long_lines_are_not_wrapped() -> None:
    message = "word " * 60
    line = "x" * 300
    output = render([one(message.strip(), span=Span.at(1, 290, 3))], "text", sources={PAGE: line})
    assert line in output.splitlines()[1]
    assert output.splitlines()[0].endswith(message.strip())


@pytest.mark.parametrize(
    ("findings", "stats", "expected"),
    [
        ([], RunStats(pages_checked=5), "All checks passed: 5 pages"),
        ([], RunStats(pages=("a.md",)), "All checks passed: 1 page"),
        ([], None, "All checks passed."),
        ([], RunStats(pages_checked=0), "No pages checked."),
        ([], RunStats(pages_checked=4, unreadable=1), "No findings in 4 pages; 1 page could not be read"),
        ([], RunStats(unreadable=2), "No findings in 0 pages; 2 pages could not be read"),
        ([one()], RunStats(pages_checked=3, unreadable=1), "1 error in 1 of 3 pages; 1 page could not be read"),
        (
            "sample",
            RunStats(pages_checked=5),
            "1 error, 2 warnings, 1 info in 2 of 5 pages (1 fixable with --fix)",
        ),
        ("sample", None, "1 error, 2 warnings, 1 info in 2 pages (1 fixable with --fix)"),
        ([one()], None, "1 error in 1 page"),
        ([one(severity=Severity.WARNING), one(severity=Severity.WARNING, path="b.md")], None,
         "2 warnings in 2 pages"),
    ],
)
def test_summary_line(findings: object, stats: RunStats | None, expected: str) -> None:
    found = sample_findings() if findings == "sample" else findings
    assert render(found, "text", stats=stats).splitlines()[-1] == expected  # type: ignore[arg-type]


def test_findings_are_listed_in_page_line_column_order() -> None:
    findings = sample_findings()
    output = render(list(reversed(findings)), "text")
    headers = [line for line in output.splitlines() if line.startswith("docs/")]
    assert headers[0].startswith(f"{EXPIRY}:1:1: FD105")
    assert headers[-1].startswith(f"{ORDERS}:10:")


def test_a_secret_on_the_line_shown_is_starred_and_the_marker_still_fits() -> None:
    line = "SHOP_SMS_API_KEYS=sk_live_51Habc  # DATABASE_URL=postgres://shop:hunter2@db/shop"
    shown, marker = marker_under(lines_of(one(span=span_of(line, 1, "SHOP_SMS_API_KEYS")), line + "\n"))
    assert "sk_live_51Habc" not in shown and "hunter2" not in shown
    assert shown == "SHOP_SMS_API_KEYS=**************  # DATABASE_URL=postgres://shop:*******@db/shop"
    assert marker == "^" + "~" * (len("SHOP_SMS_API_KEYS") - 1)
    code = 'API_KEY = os.environ["SHOP_API_KEY"]'
    assert marker_under(lines_of(one(span=span_of(code, 1, "API_KEY")), code + "\n"))[0] == code
