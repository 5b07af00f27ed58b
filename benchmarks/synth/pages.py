"""Feature pages in the template, correct against the synthetic project by construction."""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass

from benchmarks.synth.plan import AppSpec, CommandSpec, ModelSpec, PageSpec, Plan
from benchmarks.synth.project import cache_key, serializer_fields, settings_block
from benchmarks.synth.prose import (
    capabilities,
    closing,
    design_decisions,
    future,
    overview,
    troubleshooting,
)


@dataclass(frozen=True)
class Voice:
    """What a person writing one page picks for its examples: its own filter values, record
    names, slices and ids. Pages about the same model then differ as hand-written pages do,
    instead of repeating one block verbatim; a benchmark must not reward caching by text
    more than real docs would."""

    title: str
    status: str
    region: str
    limit: int
    pk: int
    factor: int


_STATUSES = ("active", "paused", "pending", "archived", "draft", "closed")
_REGIONS = ("North region", "South region", "East coast", "West coast", "Central hub",
            "Harbour depot", "Airport annex", "Old town", "Riverside", "Hill station")


def voice(page: PageSpec) -> Voice:
    n = zlib.crc32(page.rel.encode())
    return Voice(page.title, _STATUSES[n % 6], _REGIONS[(n >> 4) % 10], 3 + (n >> 8) % 23,
                 1 + (n >> 12) % 997, 2 + (n >> 20) % 5)


def page_lines(plan: Plan, page: PageSpec) -> list[str]:
    app = plan.app(page.app)
    own = voice(page)
    models = [plan.model(page.app, name) for name in page.models]
    command = plan.command(page.app, page.command) if page.command else None
    lines = [f"# {page.title}", "", f"> **{page.title}** - {overview(app, models[0], page.variant)[0]}", ""]
    lines += ["## Overview", "", overview(app, models[0], page.variant)[1], "", "**Key Capabilities:**"]
    lines += [f"- **{name}**: {text}" for name, text in capabilities(app, models[0], command)]
    lines += ["", *_architecture(app, models, command, page)]
    lines += ["## Data Models", ""]
    for model in models:
        lines += _model_section(model, own)
    lines += _commands_section(command, own)
    lines += _usage_examples(app, models[0], own)
    lines += _configuration(app, own)
    lines += _endpoints(app, models[0], page.endpoints, own)
    lines += _performance(models[0], own)
    lines += ["## Troubleshooting", ""]
    for title, symptoms, solutions in troubleshooting(app, models[0], command):
        lines += [f"### {title}", "", "**Symptoms:**", *(f"- {s}" for s in symptoms), ""]
        lines += ["**Solutions:**", *(f"{i}. {s}" for i, s in enumerate(solutions, 1)), ""]
    lines += _workflows(app, models[0], command, own)
    lines += future(app, models[0])
    lines += _related(plan, app, command, page)
    return lines


def _architecture(app: AppSpec, models: list[ModelSpec], command: CommandSpec | None, page: PageSpec) -> list[str]:
    lines = ["## Architecture", "", "### Overview", "",
             f"The feature lives in the `{app.label}` app. Its data sits in `{app.label}/models.py`, "
             f"its API in `{app.label}/views.py`, and cached summaries in `{app.label}.services`.", "",
             "**Key Components:**"]
    for model in models:
        lines.append(f"- **`{model.name}`** (`{app.label}/models.py`): the {model.entity.lower()} "
                     "records the feature reads and writes.")
    if command is not None:
        lines.append(f"- **`{command.name}`** (`{app.label}/management/commands/{command.name}.py`): "
                     "the scheduled batch job.")
    lines += [f"- **`{app.label}.services`**: the partner API key and the cached summaries.", ""]
    lines += ["### Design Decisions", ""]
    for title, chosen, alternative, pros, con in design_decisions(models[0], page.variant):
        lines += [f"#### {title}", "", f"**Chosen**: {chosen}", f"**Alternative**: {alternative}", "",
                  "**Reasoning**:", *(f"- ✅ {p}" for p in pros), f"- ❌ {con}", ""]
    return lines


def _model_section(model: ModelSpec, own: Voice) -> list[str]:
    lines = [f"### {model.name}", "",
             f"A {model.entity.lower()} of the {model.app} app, listed newest first.", "",
             "**Fields:**", "- `id` (BigAutoField): Primary key."]
    lines += [f"- `{f.name}` ({f.doc_type}): {f.doc}" for f in model.fields]
    lines += ["", "**Indexes:**"]
    lines += [f"- {f.index}" for f in model.fields if f.index]
    for index in model.indexes:
        pair = f"(`{index.fields[0]}`, `{index.fields[1]}`)"
        lines.append(f"- `{index.name}` on {pair}" if index.name else f"- Composite index on {pair}")
    lines += ["", "**Usage:**", "```python", f"from {model.app}.models import {model.name}", "",
              f"# {own.title}: the {own.status} {model.entity.lower()} records, newest first",
              f'rows = {model.name}.objects.filter(status="{own.status}").order_by("-created_at")',
              f"for row in rows[:{own.limit}]:", "    print(row.name, row.display_name)", "```", ""]
    return lines


def _commands_section(command: CommandSpec | None, own: Voice) -> list[str]:
    if command is None:
        return ["## Management Commands", "", "Not applicable.", ""]
    positional = [o for o in command.options if o.kind == "path"]
    base = f"python manage.py {command.name}" + (" exports/rows.csv" if positional else "")
    batch = next(o for o in command.options if o.flag == "--batch-size")
    lines = ["## Management Commands", "", f"### {command.name}", "", command.help, "", "```bash",
             "# Basic usage", base, "", f"# Common examples for {own.title}", f"{base} --dry-run",
             "", "# Advanced example", f"{base} --batch-size {int(batch.default or 1) * own.factor} --dry-run",
             "```", "", "**Options:**"]
    for option in command.options:
        if option.kind == "path":
            lines.append(f"- `{option.flag}`: {option.help} (required).")
        elif option.kind == "flag":
            lines.append(f"- `{option.flag}`: {option.help}")
        elif option.kind == "choice":
            lines.append(f"- `{option.flag}`: {option.help}, `csv` or `json` (default: {option.default})")
        else:
            lines.append(f"- `{option.flag}`: {option.help} (default: {option.default})")
    lines += ["", "**When to run:**", "- Every night from cron, after the partner's export has landed",
              "- By hand with `--dry-run` before changing the batch settings", "",
              f"**See** [Commands Reference](../commands.md#{command.name}) **for complete command documentation.**", ""]
    return lines


def _usage_examples(app: AppSpec, model: ModelSpec, own: Voice) -> list[str]:
    imp = f"from {app.label}.models import {model.name}"
    return [
        "## Usage Examples", "", "### Basic Usage", "", "```python",
        f"# Example 1: The {own.status} {model.entity.lower()} records {own.title} lists, newest first", imp, "",
        f'{own.status} = {model.name}.objects.filter(status="{own.status}").order_by("-created_at")',
        f"print({own.status}.count())", "```", "",
        "### Advanced Usage", "", "```python",
        f"# Example 2: Pause the {own.region} record of {own.title} and read it back", imp, "",
        f'row = {model.name}.objects.filter(name="{own.region}").first()',
        "if row is not None:",
        '    row.status = "paused"',
        '    row.save(update_fields=["status"])',
        "    print(row.display_name)", "```", "",
        "### Integration Example", "", "```python",
        f"# Example 3: The cached summary other apps read for {own.title}", imp,
        f"from {app.label}.services import {model.snake}_summary", "",
        f'for pk in {model.name}.objects.values_list("pk", flat=True)[:{own.limit}]:',
        f"    print({model.snake}_summary(pk))", "```", "",
    ]


def _configuration(app: AppSpec, own: Voice) -> list[str]:
    required = [e for e in app.env if e.default is None]
    optional = [e for e in app.env if e.default is not None]
    lines = ["## Configuration", "", "### Environment Variables", "", "```bash", "# Required configuration"]
    lines += [f"{e.name}=replace-with-the-{app.label}-key  # {e.comment}" for e in required]
    lines += ["", "# Optional configuration (with defaults)"]
    lines += [f"{e.name}={e.default}  # {e.comment}" for e in optional]
    lines += ["```", "", "### Django Settings", "", "```python", "# settings.py", f"# What {own.title} relies on", ""]
    lines += settings_block(app).rstrip("\n").split("\n")
    lines += ["```", "", f"`notify.channel` is where the {app.label} notices go; "
              "`batch_size` bounds every scheduled run.", ""]
    return lines


def _endpoints(app: AppSpec, model: ModelSpec, kind: str, own: Voice) -> list[str]:
    lines = ["## API Endpoints", ""]
    lines += _resource(app, model, own) if kind == "resource" else _reports(app, own)
    lines += [f"**See** [API Reference](../api.md#{app.label}) **for complete API documentation.**", ""]
    return lines


def _resource(app: AppSpec, model: ModelSpec, own: Voice) -> list[str]:
    base = f"/api/v1/{app.label}/{model.resource}/"
    row = sample_row(model, own)
    listing = {"count": own.limit, "next": None, "previous": None, "results": [row]}
    # What a create needs: every field with neither a default nor a blank allowed.
    body = {name: value for name, value in row.items() if name in _required(model)}
    return [
        f"### GET {base}", "", f"The {model.entity.lower()} records, newest first; paginated.", "",
        "**Request:**", "```http", f"GET {base}?status={own.status}&ordering=-created_at HTTP/1.1", "```", "",
        "**Query Parameters:**",
        "- `status` (string, optional): Only records with this status",
        f"- `ordering` (string, optional): `created_at` or `{model.order_field}`, with a leading `-` for descending;"
        " `-created_at` by default",
        "- `page` (integer, optional): Page number, starting at 1",
        "- `page_size` (integer, optional): Records per page, at most 100", "",
        "**Response:**", "```json", *_json(listing), "```", "",
        f"### POST {base}", "", "Creates a record and answers 201 with it.", "",
        "**Request:**", "```http", f"POST {base} HTTP/1.1", "Content-Type: application/json", "",
        json.dumps(body), "```", "",
        "**Response:**", "```json", *_json(row), "```", "",
        f"### GET {base}{{id}}/", "", "One record; 404 when it does not exist.", "",
        "**Request:**", "```http", f"GET {base}{own.pk}/ HTTP/1.1", "```", "",
        "**Response:**", "```json", *_json(row), "```", "",
    ]


def _reports(app: AppSpec, own: Voice) -> list[str]:
    lines: list[str] = []
    for report in app.reports:
        path = f"/api/v1/{app.label}/reports/{report.name}/"
        query = "&".join(f"{n}={d or own.status}" for n, _, d in report.params)
        lines += [f"### GET {path}", "", f"The {report.name} report of the {app.label} app.", "",
                  "**Request:**", "```http", f"GET {path}?{query} HTTP/1.1", "```", "",
                  "**Query Parameters:**"]
        lines += [f"- `{n}` ({t}, optional): Defaults to `{d or 'all'}`" for n, t, d in report.params]
        sample = {key: _report_value(key, own) for key in report.keys}
        lines += ["", "**Response:**", "```json", *_json(sample), "```", ""]
    return lines


def _report_value(key: str, own: Voice) -> object:
    return {"app": "billing", "days": 7, "status": own.status, "total": own.pk, "limit": own.limit,
            "events": [own.region]}.get(key, "value")


def _required(model: ModelSpec) -> set[str]:
    optional = ("default=", "blank=True", "null=True", "auto_now")
    return {f.name for f in model.fields if not any(word in f.code for word in optional)}


def sample_row(model: ModelSpec, own: Voice) -> dict[str, object]:
    samples = {f.name: f.sample for f in model.fields}
    samples.update(id=own.pk, name=own.region, status=own.status)
    return {name: samples.get(name, own.pk) for name in serializer_fields(model)}


def _json(data: object) -> list[str]:
    return json.dumps(data, indent=4, ensure_ascii=False).split("\n")


def _performance(model: ModelSpec, own: Voice) -> list[str]:
    indexed = [f for f in model.fields if f.index]
    lines = ["## Performance Optimization", "", "### Caching Strategy", "",
             f"Summaries of single {model.entity.lower()} records are cached by `{model.app}.services`; "
             "they expire on their own, nothing deletes them early.", "",
             "**Cache Keys:**", "```python", f'cache_key = f"{cache_key(model)}"', "```", "",
             f"**TTL**: {model.ttl_minutes} minutes", "", "### Database Optimization", "", "**Indexes:**"]
    first = model.indexes[0]
    lines.append(f"- `{first.name}` on (`{first.fields[0]}`, `{first.fields[1]}`): the scheduled scans by status and age")
    lines += [f"- {f.index}: lookups from the partner's side" for f in indexed[:1]]
    lines += ["", "**Query Patterns:**", "```python", f"from {model.app}.models import {model.name}", "",
              f"# The scan {own.title} runs most", f'{model.name}.objects.filter(status="{own.status}").order_by("-created_at")[:{own.limit}]', "```", ""]
    return lines


def _workflows(app: AppSpec, model: ModelSpec, command: CommandSpec | None, own: Voice) -> list[str]:
    lines = ["## Common Workflows", "", "### Workflow 1: Review before a scheduled run", ""]
    if command is None:
        lines += ["Read the records the next run will touch in the Django shell, then let the "
                  f"schedule run; the `{app.label}` app has no command of its own here.", ""]
        return lines
    base = f"python manage.py {command.name}" + (" exports/rows.csv" if any(o.kind == "path" for o in command.options) else "")
    lines += ["```bash", f"# Step 1: Preview what {own.title} will touch", f"{base} --dry-run", "",
              "# Step 2: Run", base, "```", ""]
    return lines


def _related(plan: Plan, app: AppSpec, command: CommandSpec | None, page: PageSpec) -> list[str]:
    commands_link = f"../commands.md#{command.name}" if command else "../commands.md"
    lines = ["## Related Documentation", "", "### Core Documentation",
             f"- [Architecture](../architecture.md) - How the `{app.label}` app fits the project",
             f"- [Commands]({commands_link}) - Every command with its options",
             f"- [API Reference](../api.md#{app.label}) - All `{app.label}` endpoints",
             "- [Documentation Index](../README.md) - Complete documentation map", "",
             "### Related Features"]
    for rel in page.related:
        other = next(p for p in plan.pages if p.rel == rel)
        lines.append(f"- [{other.title}]({rel.removeprefix('features/')}) - Another feature of the `{app.label}` app")
    if not page.related:
        lines.append("None.")
    lines += ["", "### App-Specific Documentation",
              f"- [The {app.label} app](../architecture.md#{app.label}) - Where the app sits in the project", ""]
    lines += closing()
    return lines
