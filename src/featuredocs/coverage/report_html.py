"""The coverage report as one self-contained HTML file.

No external assets and no JavaScript: the styles are inline, the charts are inline SVG
(a ring for the total, bars per kind and per app), and the list of undocumented items is
plain HTML, grouped by app and kind in ``<details>`` elements that open without scripts.
"""

from __future__ import annotations

from html import escape

from featuredocs.coverage.inventory import KINDS, SHORT_NAMES
from featuredocs.coverage.measure import Count, CoverageReport, Missing

_GOOD, _FAIR, _POOR, _NONE = "#1f8a4c", "#c27803", "#c93c37", "#9aa3ad"

_STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f6f7f9; color: #1d232b;
  font: 15px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 40px 28px 64px; }
header { display: flex; align-items: center; gap: 32px; margin-bottom: 36px; }
h1 { font-size: 26px; margin: 0 0 4px; letter-spacing: -0.01em; }
h2 { font-size: 17px; margin: 0 0 14px; letter-spacing: 0.01em; }
h3 { font-size: 14px; margin: 18px 0 6px; color: #48525e; font-weight: 600; }
.lede { color: #5b6573; margin: 0; }
.card { background: #fff; border: 1px solid #e3e6ea; border-radius: 10px; padding: 22px 24px;
  margin-bottom: 22px; box-shadow: 0 1px 2px rgba(16, 24, 40, 0.04); }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
th { text-align: left; font-size: 12px; text-transform: uppercase; letter-spacing: 0.05em;
  color: #6b7480; font-weight: 600; padding: 0 10px 8px 0; border-bottom: 1px solid #e3e6ea; }
td { padding: 9px 10px 9px 0; border-bottom: 1px solid #f0f2f4; vertical-align: middle; }
tr:last-child td { border-bottom: none; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.bar { width: 46%; }
.pct { font-weight: 600; }
.muted { color: #9aa3ad; }
.apps td.num { font-size: 13px; }
details { border-top: 1px solid #f0f2f4; padding: 10px 0; }
details:first-of-type { border-top: none; }
summary { cursor: pointer; font-weight: 600; }
summary span { color: #6b7480; font-weight: 400; margin-left: 6px; }
ul { margin: 4px 0 0; padding-left: 20px; columns: 2; column-gap: 32px; }
li { break-inside: avoid; }
code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: #2b3440; }
.done { color: #1f8a4c; font-weight: 600; }
footer { color: #8a939e; font-size: 13px; margin-top: 28px; }
"""


def _colour(count: Count) -> str:
    if count.total == 0:
        return _NONE
    if count.percent >= 90:
        return _GOOD
    return _FAIR if count.percent >= 60 else _POOR


def _pct(count: Count) -> str:
    return "–" if count.total == 0 else f"{count.percent:.1f}%"


def ring(count: Count, size: int = 132) -> str:
    """The total as a ring chart with the percentage in its middle."""
    radius = size / 2 - 10
    circumference = 2 * 3.141592653589793 * radius
    filled = circumference * (count.percent / 100 if count.total else 0)
    centre = size / 2
    return (
        f'<svg width="{size}" height="{size}" viewBox="0 0 {size} {size}" role="img" '
        f'aria-label="{escape(_pct(count))} documented">'
        f'<circle cx="{centre}" cy="{centre}" r="{radius:.1f}" fill="none" stroke="#e6e9ed" stroke-width="14"/>'
        f'<circle cx="{centre}" cy="{centre}" r="{radius:.1f}" fill="none" stroke="{_colour(count)}" '
        f'stroke-width="14" stroke-linecap="round" stroke-dasharray="{filled:.2f} {circumference:.2f}" '
        f'transform="rotate(-90 {centre} {centre})"/>'
        f'<text x="50%" y="50%" dominant-baseline="central" text-anchor="middle" '
        f'font-size="24" font-weight="700" fill="#1d232b" '
        f'font-family="-apple-system, Segoe UI, Roboto, Arial, sans-serif">{escape(_pct(count))}</text>'
        "</svg>"
    )


def bar(count: Count, width: int = 320, height: int = 12) -> str:
    """A horizontal bar: the documented share over a grey track."""
    share = count.percent / 100 if count.total else 0
    filled = max(0.0, min(width, width * share))
    return (
        f'<svg width="100%" height="{height}" viewBox="0 0 {width} {height}" preserveAspectRatio="none" '
        f'role="img" aria-label="{escape(_pct(count))}">'
        f'<rect width="{width}" height="{height}" rx="{height / 2}" fill="#e6e9ed"/>'
        f'<rect width="{filled:.1f}" height="{height}" rx="{height / 2}" fill="{_colour(count)}"/>'
        "</svg>"
    )


def _kind_rows(report: CoverageReport) -> str:
    rows = []
    for kind, name in KINDS.items():
        count = report.kinds[kind]
        rows.append(
            f"<tr><td>{escape(name)}</td><td class=\"bar\">{bar(count)}</td>"
            f"<td class=\"num\">{count.documented} / {count.total}</td>"
            f"<td class=\"num pct\" style=\"color:{_colour(count)}\">{_pct(count)}</td></tr>"
        )
    return "\n".join(rows)


def _app_rows(report: CoverageReport) -> str:
    rows = []
    for app in report.shown_apps:
        counts = report.apps[app]
        total = report.app_total(app)
        cells = "".join(
            f'<td class="num">{_fraction(counts[kind])}</td>' for kind in KINDS
        )
        rows.append(
            f"<tr><td><code>{escape(app)}</code></td>{cells}"
            f"<td class=\"num pct\" style=\"color:{_colour(total)}\">{_pct(total)}</td></tr>"
        )
    return "\n".join(rows)


def _fraction(count: Count) -> str:
    if count.total == 0:
        return '<span class="muted">–</span>'
    return f'<span style="color:{_colour(count)}">{count.documented}/{count.total}</span>'


def _app_bars(report: CoverageReport) -> str:
    rows = []
    for app in report.shown_apps:
        total = report.app_total(app)
        rows.append(
            f"<tr><td><code>{escape(app)}</code></td><td class=\"bar\">{bar(total)}</td>"
            f"<td class=\"num\">{total.documented} / {total.total}</td>"
            f"<td class=\"num pct\" style=\"color:{_colour(total)}\">{_pct(total)}</td></tr>"
        )
    return "\n".join(rows)


def _undocumented(report: CoverageReport) -> str:
    if not report.undocumented:
        return '<p class="done">Everything the project has is documented.</p>'
    parts = []
    for app in report.shown_apps:
        missing = [m for m in report.undocumented if m.app == app]
        if missing:
            parts.append(_app_details(app, missing))
    return "\n".join(parts)


def _app_details(app: str, missing: list[Missing]) -> str:
    groups = []
    for kind, name in KINDS.items():
        labels = [m.label for m in missing if m.kind == kind]
        if labels:
            items = "".join(f"<li><code>{escape(label)}</code></li>" for label in labels)
            groups.append(f"<h3>{escape(name)}</h3><ul>{items}</ul>")
    count = len(missing)
    return (
        f"<details open><summary><code>{escape(app)}</code><span>{count} item"
        f"{'s' if count != 1 else ''}</span></summary>{''.join(groups)}</details>"
    )


def render_html(report: CoverageReport, *, project: str = "") -> str:
    total = report.total
    heads = "".join(f'<th class="num">{escape(SHORT_NAMES[kind])}</th>' for kind in KINDS)
    title = f"Documentation coverage{' — ' + project if project else ''}"
    pages = f"{report.pages} feature page{'s' if report.pages != 1 else ''}"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>{_STYLE}</style>
</head>
<body>
<main>
<header>
{ring(total)}
<div>
<h1>{escape(title)}</h1>
<p class="lede">{total.documented} of {total.total} documentable items are described by {pages}.</p>
</div>
</header>
<section class="card">
<h2>By kind</h2>
<table>
<thead><tr><th>Kind</th><th></th><th class="num">Documented</th><th class="num">Coverage</th></tr></thead>
<tbody>
{_kind_rows(report)}
</tbody>
</table>
</section>
<section class="card">
<h2>By app</h2>
<table>
<thead><tr><th>App</th><th></th><th class="num">Documented</th><th class="num">Coverage</th></tr></thead>
<tbody>
{_app_bars(report)}
</tbody>
</table>
<table class="apps" style="margin-top:18px">
<thead><tr><th>App</th>{heads}<th class="num">Total</th></tr></thead>
<tbody>
{_app_rows(report)}
</tbody>
</table>
</section>
<section class="card">
<h2>Undocumented</h2>
{_undocumented(report)}
</section>
<footer>Written by featuredocs. An item is documented when a feature page names it in the
template's shapes: a model heading, a Fields or Indexes list, a command heading or Options
list, an endpoint heading or Query Parameters list, an environment block or a settings block.</footer>
</main>
</body>
</html>
"""
