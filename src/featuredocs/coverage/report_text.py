"""The coverage report as rich tables: per kind, per app, then what is undocumented."""

from __future__ import annotations

from io import StringIO

from rich import box
from rich.table import Table
from rich.text import Text

from featuredocs.coverage.inventory import KINDS, SHORT_NAMES
from featuredocs.coverage.measure import Count, CoverageReport
from featuredocs.report.text import fixed_console

WIDTH = 120


def _style(count: Count) -> str:
    if count.total == 0:
        return "dim"
    if count.percent >= 90:
        return "green"
    return "yellow" if count.percent >= 60 else "red"


def _percent(count: Count) -> Text:
    text = "-" if count.total == 0 else f"{count.percent:.1f}%"
    return Text(text, style=_style(count))


def _kinds_table(report: CoverageReport) -> Table:
    table = Table(title="Documentation coverage", box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column("Kind")
    table.add_column("Documented", justify="right")
    table.add_column("Total", justify="right")
    table.add_column("Coverage", justify="right")
    for kind, name in KINDS.items():
        count = report.kinds[kind]
        table.add_row(name, str(count.documented), str(count.total), _percent(count))
    table.add_section()
    total = report.total
    table.add_row(Text("Total", style="bold"), str(total.documented), str(total.total), _percent(total))
    return table


def _apps_table(report: CoverageReport) -> Table:
    table = Table(title="By app", box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column("App")
    for kind in KINDS:
        table.add_column(SHORT_NAMES[kind], justify="right")
    table.add_column("Total", justify="right")
    for app in report.shown_apps:
        counts = report.apps[app]
        cells = [_cell(counts[kind]) for kind in KINDS]
        table.add_row(app, *cells, _percent(report.app_total(app)))
    return table


def _cell(count: Count) -> Text:
    if count.total == 0:
        return Text("-", style="dim")
    return Text(f"{count.documented}/{count.total}", style=_style(count))


def render_text(report: CoverageReport, *, color: bool = False) -> str:
    buffer = StringIO()
    console = fixed_console(buffer, color, WIDTH)
    console.print(_kinds_table(report))
    console.print(_apps_table(report))
    if report.undocumented:
        console.print(Text("Undocumented", style="bold"))
        for kind, name in KINDS.items():
            labels = [m for m in report.undocumented if m.kind == kind]
            if labels:
                console.print(Text(f"  {name}:", style="bold"))
                for missing in labels:
                    console.print(Text(f"    {missing.label}  ({missing.app})"), soft_wrap=True)
    else:
        console.print(Text("Everything is documented.", style="green"))
    total = report.total
    console.print(
        Text(f"{total.percent:.1f}% documented ({total.documented} of {total.total}) "
             f"across {report.pages} feature page{'s' if report.pages != 1 else ''}"),
        soft_wrap=True,
    )
    return buffer.getvalue()
