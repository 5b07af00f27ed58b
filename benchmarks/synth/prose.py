"""The human-written parts of a synthetic page: varied, specific, never template filler."""

from __future__ import annotations

from benchmarks.synth.plan import AppSpec, CommandSpec, ModelSpec

_WHY = (
    "Operators used to keep these in spreadsheets, which went stale within a week.",
    "Partners send changes every night, and the rest of the project must see them by morning.",
    "Support needs one place to answer questions about these records without reading code.",
    "Finance reconciles these records monthly, so every change must be traceable.",
)


def overview(app: AppSpec, model: ModelSpec, variant: int) -> tuple[str, str]:
    what = model.entity.lower()
    tagline = f"Keeps the {what} records of the {app.label} app current, searchable and cached."
    body = (
        f"The {app.label} app stores every {what} as a `{model.name}` row and serves them through "
        f"the JSON API under `/api/v1/{app.label}/`. {_WHY[variant % len(_WHY)]} "
        f"Summaries of single records are cached, so dashboards stay fast while the data changes."
    )
    return tagline, body


def capabilities(app: AppSpec, model: ModelSpec, command: CommandSpec | None) -> list[tuple[str, str]]:
    found = [
        ("Records", f"each {model.entity.lower()} carries its status, its owner and its history."),
        ("API", f"list, create and read records under `/api/v1/{app.label}/`."),
        ("Caching", "single-record summaries are served from the cache."),
    ]
    if command is not None:
        found.append(("Batch runs", f"`{command.name}` processes records in batches, with a dry run."))
    return found


def design_decisions(model: ModelSpec, variant: int) -> list[tuple[str, str, str, list[str], str]]:
    what = model.entity.lower()
    first = (
        "Status as a short string",
        "a `CharField` holding `active`, `paused` or `closed`",
        "one boolean column per state",
        ["New states need no migration of existing rows", "Filters read the same in the API and the ORM"],
        "Typos in status values are caught only by validation",
    )
    second = (
        f"Cache single {what} summaries",
        "a per-record cache entry with a fixed lifetime",
        "caching whole listing pages",
        ["A change touches one entry only", "Listings always show current rows"],
        "Summaries can lag behind the database until the entry expires",
    )
    return [first, second] if variant % 2 == 0 else [second, first]


def troubleshooting(app: AppSpec, model: ModelSpec, command: CommandSpec | None) -> list[tuple[str, list[str], list[str]]]:
    issues = [(
        "Summaries show old values",
        [f"The API shows a change that the cached {model.entity.lower()} summary does not"],
        ["Wait for the entry to expire, or delete it in the Django shell",
         "Check that the cache backend is shared between the web workers"],
    )]
    if command is not None:
        issues.append((
            f"{command.name} handles nothing",
            ["The command prints `would handle 0 rows` or `handled 0 rows`"],
            [f"Check that `{app.setting}` has `enabled` set; the environment may switch it off",
             "Run it with `--dry-run` to see what it would select"],
        ))
    return issues


def future(app: AppSpec, model: ModelSpec) -> list[str]:
    what = model.entity.lower()
    return [
        "## Future Enhancements", "", "### Planned Features", "", "**Phase 2:**",
        f"- Bulk updates of {what} records through the API",
        f"- A history of status changes per {what}", "", "**Phase 3:**",
        f"- Webhooks telling partners about new {what} records", "",
        "### Scalability Considerations", "", "**Current Scale:**",
        "- Scheduled runs: a few thousand rows per night, in batches", "",
        "**Future Scale:**", "- Scheduled runs: continuous processing from a queue", "",
        "**Scaling Strategy:**", f"1. Keep the scans of the `{app.label}` app on their composite indexes",
        "2. Move the summary cache to a shared cache server", "",
    ]


def closing() -> list[str]:
    return [
        "### External Resources",
        "- [Django REST framework: ViewSets and routers](https://www.django-rest-framework.org/api-guide/viewsets/)"
        " - How the endpoints are built",
        "- [Django's cache framework](https://docs.djangoproject.com/en/5.2/topics/cache/)"
        " - The low-level cache API used for summaries", "",
        "---", "",
        "**Questions?** Check the [Documentation Index](../README.md) or create a GitHub issue.",
    ]
