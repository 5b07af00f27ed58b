"""The docs tree around the feature pages: the index, architecture, commands and API pages."""

from __future__ import annotations

from benchmarks.synth.plan import Plan


def index_page(plan: Plan) -> str:
    lines = ["# Monolith Documentation", "",
             "The monolith's features, one page each, grouped by app.", ""]
    for app in plan.apps:
        pages = [p for p in plan.pages if p.app == app.label]
        if not pages:
            continue
        lines += [f"## {app.title}", ""]
        lines += [f"- [{p.title}]({p.rel}) - The {p.title.lower()} feature" for p in pages]
        lines.append("")
    lines += ["## Reference", "",
              "- [Architecture](architecture.md) - Apps and how they fit together",
              "- [Management Commands](commands.md) - Every command and its options",
              "- [API Reference](api.md) - Every endpoint under `/api/v1/`", ""]
    return "\n".join(lines)


def architecture_page(plan: Plan) -> str:
    lines = ["# Architecture", "",
             "One Django project, one app per business area, a JSON API under `/api/v1/`.", "",
             "## Apps", ""]
    for app in plan.apps:
        names = ", ".join(f"`{m.name}`" for m in app.models)
        lines += [f"### {app.label}", "", f"Models: {names}.", ""]
    lines += ["Back to the [Documentation Index](README.md).", ""]
    return "\n".join(lines)


def commands_page(plan: Plan) -> str:
    lines = ["# Management Commands", "",
             "The project's own `manage.py` commands, one section per command.", ""]
    for command in plan.commands:
        lines += [f"## {command.name}", "", command.help, "", "**Options:**"]
        for option in command.options:
            default = f" (default: {option.default})" if option.default else ""
            lines.append(f"- `{option.flag}`: {option.help}{default}")
        positional = " exports/rows.csv" if any(o.kind == "path" for o in command.options) else ""
        lines += ["", "```bash", f"python manage.py {command.name}{positional} --dry-run", "```", ""]
    lines += ["---", "", "Back to the [Documentation Index](README.md).", ""]
    return "\n".join(lines)


def api_page(plan: Plan) -> str:
    lines = ["# API Reference", "", "Every endpoint of the monolith, mounted under `/api/v1/`.", ""]
    for app in plan.apps:
        lines += [f"## {app.label}", ""]
        for model in app.models:
            if model.resource:
                base = f"/api/v1/{app.label}/{model.resource}/"
                lines.append(f"- `{base}` and `{base}{{id}}/`: {model.entity.lower()} records")
        lines += [f"- `/api/v1/{app.label}/reports/{r.name}/`: the {r.name} report" for r in app.reports]
        lines.append("")
    lines += ["Back to the [Documentation Index](README.md).", ""]
    return "\n".join(lines)
