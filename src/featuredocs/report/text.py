"""The human format: compiler-style messages with the offending line and a summary.

```
docs/features/orders.md:57:3: FD302 field `total_cents` is documented on orders.Order …
  57 | - `total_cents` (IntegerField): amount in cents
     |   ^~~~~~~~~~~~~
  hint: did you mean `total`? (orders/models.py:31)
  fix: rename `total_cents` to `total`
```

Page text is only ever put in :class:`rich.text.Text` objects, never parsed as markup, so
nothing a page says (``[bold]``, ``:smile:``) can change how the report looks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from io import StringIO

from rich.console import Console
from rich.text import Text

from featuredocs.model import Applicability, Finding, Severity
from featuredocs.report.snippet import Snippet, printable, snippet, source_line
from featuredocs.report.stats import Counts, RunStats

WIDTH = 100  # only for rich's layout: lines are printed unwrapped (soft_wrap)

_SEVERITY_STYLE = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "bold yellow",
    Severity.INFO: "bold blue",
}
_APPLICABILITY_NOTE = {
    Applicability.SAFE: "",
    Applicability.UNSAFE: " [unsafe]",
    Applicability.DISPLAY: " [display only]",
}


def render_text(
    findings: Sequence[Finding],
    *,
    sources: Mapping[str, str] | None = None,
    color: bool = False,
    stats: RunStats | None = None,
) -> str:
    buffer = StringIO()
    console = fixed_console(buffer, color, WIDTH)
    for index, finding in enumerate(findings):
        if index:
            console.print()
        for line in finding_lines(finding, (sources or {}).get(finding.path)):
            console.print(line, soft_wrap=True)
    if findings:
        console.print()
    console.print(summary_line(findings, stats), soft_wrap=True)
    return buffer.getvalue()


def fixed_console(buffer: StringIO, color: bool, width: int) -> Console:
    # Everything that rich would otherwise guess from the environment is fixed here, so the
    # same findings give the same bytes on every machine; colour is the caller's decision.
    return Console(
        file=buffer,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        force_jupyter=False,
        force_interactive=False,
        legacy_windows=False,
        width=width,
        markup=False,
        emoji=False,
        highlight=False,
    )


def finding_lines(finding: Finding, source: str | None) -> list[Text]:
    """The lines one finding prints: header, source and marker, hint, fix."""
    style = _SEVERITY_STYLE[finding.severity]
    lines = _message_lines(finding, style)
    line_text = source_line(source, finding.span.line) if source is not None else None
    if line_text is not None:
        lines.extend(_snippet_lines(snippet(line_text, finding.span), style))
    if finding.hint:
        lines.extend(_labelled("hint", finding.hint, "bold cyan"))
    if finding.fix is not None:
        note = _APPLICABILITY_NOTE[finding.fix.applicability]
        lines.extend(_labelled("fix", finding.fix.description + note, "bold green"))
    return lines


def _message_lines(finding: Finding, style: str) -> list[Text]:
    span = finding.span
    first, *rest = printable(finding.message, keep="\t\n").split("\n")
    header = Text.assemble(
        (f"{printable(finding.path)}:{span.line}:{span.column}:", "bold"),
        " ",
        (finding.code, style),
        " ",
        first,
    )
    return [header, *(Text("  " + line) for line in rest)]


def _snippet_lines(shown: Snippet, style: str) -> list[Text]:
    number = str(shown.line)
    return [
        Text.assemble((f"  {number} | ", "blue"), shown.text),
        Text.assemble((f"  {' ' * len(number)} | ", "blue"), (shown.marker, style)),
    ]


def _labelled(label: str, text: str, style: str) -> list[Text]:
    first, *rest = printable(text, keep="\t\n").split("\n")
    indent = " " * (len(label) + 4)
    return [
        Text.assemble("  ", (f"{label}:", style), " ", first),
        *(Text(indent + line) for line in rest),
    ]


def summary_line(findings: Sequence[Finding], stats: RunStats | None = None) -> Text:
    """``3 errors, 1 warning in 2 of 5 pages`` or ``All checks passed: 5 pages``; a run
    that could not read every page never says all checks passed."""
    counts = Counts.of(findings)
    checked = stats.checked if stats is not None else None
    unreadable = stats.unreadable if stats is not None else 0
    if not counts.total and not unreadable:
        if checked is None:
            return Text("All checks passed.", "bold green")
        if checked == 0:
            return Text("No pages checked.", "bold yellow")
        return Text(f"All checks passed: {_plural(checked, 'page')}", "bold green")
    style = "bold red" if counts.error or unreadable else "bold yellow"
    if counts.total:
        text = _tallied(counts, checked, style)
    else:
        text = Text(f"No findings in {_plural(checked or 0, 'page')}", style)
    if unreadable:
        text.append(f"; {_plural(unreadable, 'page')} could not be read")
    return text


def _tallied(counts: Counts, checked: int | None, style: str) -> Text:
    """``1 error, 2 warnings in 2 of 5 pages (1 fixable with --fix)``."""
    tallies = (
        (counts.error, _plural(counts.error, "error")),
        (counts.warning, _plural(counts.warning, "warning")),
        (counts.info, f"{counts.info} info"),
    )
    said = ", ".join(label for number, label in tallies if number)
    pages = counts.pages_with_findings
    where = f"{pages} of {_plural(checked, 'page')}" if checked else _plural(pages, "page")
    text = Text(f"{said} in {where}", style)
    if counts.fixable:
        text.append(f" ({counts.fixable} fixable with --fix)")
    return text


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
