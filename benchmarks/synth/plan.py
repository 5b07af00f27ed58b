"""What the synthetic project contains, decided once from a seed and a scale.

Everything downstream (code, pages, drifts) reads this plan, so the code and the pages
agree by construction; only the seeded drifts make them disagree.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

#: Default size: 40 apps, 400 models, 150 commands, 800 endpoints, 1,000 pages.
APPS, MODELS_PER_APP, COMMANDS, PAGES = 40, 10, 150, 1000
#: Nine models in ten get a ViewSet (two URL patterns each); every app has two reports.
VIEWSET_SHARE, REPORTS_PER_APP = 0.9, 2

APP_WORDS = (
    "billing inventory shipping payments catalog accounts reviews loyalty returns suppliers "
    "warehouse pricing promotions subscriptions support analytics content search messaging "
    "scheduling invoicing procurement compliance auditing reporting marketing partners "
    "contracts fleet bookings events surveys documents payroll timesheets projects assets "
    "licensing onboarding referrals forecasting ledgers"
).split()
ENTITY_WORDS = (
    "Account Batch Entry Record Rule Schedule Plan Item Export Snapshot Ticket Note Rate "
    "Policy Request Template Job Window Allocation Adjustment Channel Profile Quota Review"
).split()
VERBS = "sync purge rebuild export import recalculate archive notify reindex audit".split()


@dataclass(frozen=True)
class FieldSpec:
    """One model field: its code, how a page documents it, and a sample JSON value."""

    name: str
    field_class: str
    code: str
    doc_type: str
    doc: str
    sample: object
    index: str | None = None  # how the Indexes list names the index the field carries


@dataclass(frozen=True)
class IndexSpec:
    fields: tuple[str, str]
    name: str | None  # None: Django names it


@dataclass(frozen=True)
class ModelSpec:
    app: str
    name: str
    entity: str  # "Batch"
    fields: tuple[FieldSpec, ...]  # in declaration order, without ``id``
    indexes: tuple[IndexSpec, ...]
    ttl_minutes: int
    resource: str | None  # URL segment of its ViewSet; None without one
    filter_field: str
    order_field: str

    @property
    def snake(self) -> str:
        return self.entity.lower()


@dataclass(frozen=True)
class OptionSpec:
    flag: str  # "--batch-size", or "path" for a positional
    kind: str  # int, flag, choice, path
    default: str | None
    help: str
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class CommandSpec:
    name: str
    app: str
    model: str
    help: str
    options: tuple[OptionSpec, ...]


@dataclass(frozen=True)
class ReportSpec:
    name: str  # "summary": /api/v1/<app>/reports/summary/
    params: tuple[tuple[str, str, str], ...]  # (name, type word, default)
    keys: tuple[str, ...]


@dataclass(frozen=True)
class EnvSpec:
    name: str
    default: str | None  # None: required
    comment: str
    setting_key: str | None  # key of the app's settings dict; None: read in the app's code


@dataclass(frozen=True)
class AppSpec:
    label: str
    title: str  # "Billing"
    models: tuple[ModelSpec, ...]
    commands: tuple[CommandSpec, ...]
    reports: tuple[ReportSpec, ...]
    env: tuple[EnvSpec, ...]

    @property
    def setting(self) -> str:
        return f"{self.label.upper()}_SETTINGS"


@dataclass(frozen=True)
class PageSpec:
    rel: str  # "features/billing-batch-1.md"
    title: str
    app: str
    models: tuple[str, ...]  # model names, first is the page's subject
    command: str | None
    endpoints: str  # "resource" or "reports"
    related: tuple[str, ...]  # rel paths of sibling pages
    variant: int  # picks among phrasings


@dataclass(frozen=True)
class Plan:
    package: str  # the project's settings package
    apps: tuple[AppSpec, ...]
    pages: tuple[PageSpec, ...]

    def app(self, label: str) -> AppSpec:
        return next(a for a in self.apps if a.label == label)

    def model(self, app: str, name: str) -> ModelSpec:
        return next(m for m in self.app(app).models if m.name == name)

    def command(self, app: str, name: str) -> CommandSpec:
        return next(c for c in self.app(app).commands if c.name == name)

    @property
    def commands(self) -> tuple[CommandSpec, ...]:
        return tuple(c for a in self.apps for c in a.commands)


def make_plan(scale: float = 1.0, seed: int = 1) -> Plan:
    rng = random.Random(seed)
    n_apps = max(1, round(APPS * scale))
    labels = _app_labels(n_apps)
    n_commands = max(1, round(COMMANDS * scale))
    per_app = [n_commands // n_apps + (1 if i < n_commands % n_apps else 0) for i in range(n_apps)]
    apps = tuple(_app(rng, label, per_app[i]) for i, label in enumerate(labels))
    pages = _pages(rng, apps, max(1, round(PAGES * scale)))
    return Plan(package="monolith", apps=apps, pages=pages)


def _app_labels(count: int) -> list[str]:
    labels = list(APP_WORDS[:count])
    round_number = 2
    while len(labels) < count:
        labels.extend(f"{w}{round_number}" for w in APP_WORDS[: count - len(labels)])
        round_number += 1
    return labels


def _app(rng: random.Random, label: str, n_commands: int) -> AppSpec:
    title = label.capitalize()
    entities = rng.sample(ENTITY_WORDS, MODELS_PER_APP)
    with_views = round(MODELS_PER_APP * VIEWSET_SHARE)
    models: list[ModelSpec] = []
    for index, entity in enumerate(entities):
        parent = models[-1] if models and rng.random() < 0.6 else None
        models.append(_model(rng, label, title, entity, index, parent, index < with_views))
    commands = _commands(rng, label, title, models, n_commands)
    return AppSpec(label, title, tuple(models), commands, _reports(label), _env(rng, label))


def _model(
    rng: random.Random,
    app: str,
    title: str,
    entity: str,
    index: int,
    parent: ModelSpec | None,
    with_view: bool,
) -> ModelSpec:
    taken = {"name", "status", parent.snake if parent else ""}
    fields = [f for f in _FIELD_POOL if f.name in ("name", "status")]
    fields += rng.sample([f for f in _FIELD_POOL if f.name not in taken], 4)
    if rng.random() < 0.5:
        fields.append(_owner())
    if parent is not None:
        fields.append(_parent(parent))
    fields.append(_CREATED)
    names = [f.name for f in fields if f.field_class != "ForeignKey"]
    composite = (IndexSpec(("status", "created_at"), f"{app[:10]}_{index}_status_idx"),)
    if len(names) > 3 and rng.random() < 0.5:
        composite += (IndexSpec((names[2], names[3]), None),)
    return ModelSpec(
        app=app,
        name=f"{title}{entity}",
        entity=entity,
        fields=tuple(fields),
        indexes=composite,
        ttl_minutes=rng.choice((5, 10, 15, 30, 60)),
        resource=_plural(entity.lower()) if with_view else None,
        filter_field="status",
        order_field="name",
    )


def _plural(word: str) -> str:
    if word.endswith("y"):
        return word[:-1] + "ies"
    if word.endswith(("ch", "sh", "s", "x")):
        return word + "es"
    return word + "s"


def _owner() -> FieldSpec:
    return FieldSpec(
        "owner", "ForeignKey",
        "models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)",
        "ForeignKey → User", "The user responsible for the row; a user who owns rows cannot be deleted.",
        3, index="Index on `owner`",
    )


def _parent(parent: ModelSpec) -> FieldSpec:
    return FieldSpec(
        parent.snake, "ForeignKey",
        f"models.ForeignKey({parent.name}, on_delete=models.CASCADE)",
        f"ForeignKey → {parent.name}", f"The {parent.entity.lower()} this row belongs to; deleted with it.",
        7, index=f"Index on `{parent.snake}`",
    )


_CREATED = FieldSpec(
    "created_at", "DateTimeField", "models.DateTimeField(auto_now_add=True)", "DateTimeField",
    "When the row was created.", "2025-03-01T09:30:00Z",
)
_FIELD_POOL = (
    FieldSpec("name", "CharField", "models.CharField(max_length=120)", "CharField",
              "Display name, up to 120 characters.", "North region"),
    FieldSpec("status", "CharField", 'models.CharField(max_length=16, default="active")',
              "CharField", "One of `active`, `paused` or `closed`; `active` by default.", "active"),
    FieldSpec("code", "SlugField", "models.SlugField(max_length=50, unique=True)", "SlugField",
              "Unique, URL-safe identifier such as `north-1`.", "north-1",
              index="Unique index on `code`"),
    FieldSpec("quantity", "PositiveIntegerField", "models.PositiveIntegerField(default=0)",
              "PositiveIntegerField", "Units counted so far; 0 by default.", 12),
    FieldSpec("amount_cents", "IntegerField", "models.IntegerField(default=0)", "IntegerField",
              "Amount in the smallest unit of the currency.", 2190),
    FieldSpec("is_active", "BooleanField", "models.BooleanField(default=True)", "BooleanField",
              "Whether the row takes part in scheduled runs; true by default.", True),
    FieldSpec("notes", "TextField", "models.TextField(blank=True)", "TextField",
              "Free text for the operators; may be empty.", "Checked by hand in March."),
    FieldSpec("starts_at", "DateTimeField", "models.DateTimeField(null=True, blank=True)",
              "DateTimeField", "When the row takes effect; empty until scheduled.", None),
    FieldSpec("rate", "DecimalField",
              "models.DecimalField(max_digits=8, decimal_places=2, default=0)", "DecimalField",
              "Rate applied per unit, two decimal places.", "12.50"),
    FieldSpec("priority", "SmallIntegerField", "models.SmallIntegerField(default=0)",
              "SmallIntegerField", "Higher values are processed first.", 2),
    FieldSpec("external_ref", "CharField", "models.CharField(max_length=64, db_index=True)",
              "CharField", "Identifier of the row in the partner's system.", "EXT-4F2A1C",
              index="Index on `external_ref`"),
    FieldSpec("expires_at", "DateTimeField", "models.DateTimeField(null=True, blank=True)",
              "DateTimeField", "When the row stops being valid; empty for never.", None),
    FieldSpec("email", "EmailField", "models.EmailField(blank=True)", "EmailField",
              "Address notified about changes; may be empty.", "ops@example.org"),
)


def _commands(
    rng: random.Random, app: str, title: str, models: list[ModelSpec], count: int
) -> tuple[CommandSpec, ...]:
    pairs = [(verb, model) for model in models for verb in VERBS]
    rng.shuffle(pairs)
    commands = []
    for verb, model in pairs[:count]:
        name = f"{verb}_{app}_{_plural(model.snake)}"
        commands.append(CommandSpec(name, app, model.name, _command_help(verb, model), _options(rng, verb)))
    return tuple(sorted(commands, key=lambda c: c.name))


def _command_help(verb: str, model: ModelSpec) -> str:
    what = _plural(model.entity.lower())
    return f"{verb.capitalize()} the {what} of the {model.app} app in batches."


def _options(rng: random.Random, verb: str) -> tuple[OptionSpec, ...]:
    options = []
    if verb in ("import", "export"):
        options.append(OptionSpec("path", "path", None, "The CSV or JSON file to read or write."))
    batch = rng.choice((100, 200, 250, 500, 1000))
    options.append(OptionSpec("--batch-size", "int", str(batch), "Rows handled per database round trip"))
    if rng.random() < 0.6:
        days = rng.choice((7, 14, 30, 90))
        options.append(OptionSpec("--since-days", "int", str(days), "Only rows changed in this many days"))
    if rng.random() < 0.4:
        options.append(OptionSpec("--format", "choice", "csv", "Output format", ("csv", "json")))
    if rng.random() < 0.4:
        limit = rng.choice((50, 100, 500))
        options.append(OptionSpec("--limit", "int", str(limit), "Handle at most this many rows"))
    options.append(OptionSpec("--dry-run", "flag", None, "Report what would change without writing"))
    return tuple(options)


def _reports(app: str) -> tuple[ReportSpec, ...]:
    return (
        ReportSpec("summary", (("days", "integer", "7"), ("status", "string", "")),
                   ("app", "days", "status", "total")),
        ReportSpec("activity", (("limit", "integer", "20"),), ("app", "limit", "events")),
    )[:REPORTS_PER_APP]


def _env(rng: random.Random, app: str) -> tuple[EnvSpec, ...]:
    prefix = app.upper()
    return (
        EnvSpec(f"{prefix}_API_KEY", None, f"read by `{app}.services` when the partner API is called", None),
        EnvSpec(f"{prefix}_ENABLED", "True", "any other value switches the feature off", "enabled"),
        EnvSpec(f"{prefix}_BATCH_SIZE", str(rng.choice((100, 250, 500))), "rows per scheduled batch", "batch_size"),
        EnvSpec(f"{prefix}_TIMEOUT_SECONDS", str(rng.choice((10, 30, 60))), "partner API timeout, in seconds", "timeout_seconds"),
    )


def _pages(rng: random.Random, apps: tuple[AppSpec, ...], count: int) -> tuple[PageSpec, ...]:
    per_app: dict[str, list[str]] = {a.label: [] for a in apps}
    specs: list[tuple[str, str, AppSpec, int]] = []
    for number in range(count):
        app = apps[number % len(apps)]
        k = number // len(apps)
        model = app.models[k % len(app.models)]
        rel = f"features/{app.label}-{model.entity.lower()}-{k // len(app.models) + 1}.md"
        per_app[app.label].append(rel)
        specs.append((rel, model.name, app, k))
    pages = []
    for rel, model_name, app, k in specs:
        model = next(m for m in app.models if m.name == model_name)
        names = [model.name]
        if k % 3 == 0 and len(app.models) > 1:
            names.append(app.models[(k + 1) % len(app.models)].name)
        command = app.commands[k % len(app.commands)].name if app.commands and k % 2 == 0 else None
        siblings = [r for r in per_app[app.label] if r != rel]
        related = tuple(rng.sample(siblings, min(2, len(siblings))))
        suffix = "" if k < len(app.models) else f" ({k // len(app.models) + 1})"
        title = f"{app.title} {_plural(model.entity)}{suffix}"
        endpoints = "resource" if model.resource else "reports"
        pages.append(PageSpec(rel, title, app.label, tuple(names), command, endpoints, related, k))
    return tuple(pages)
