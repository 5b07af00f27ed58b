from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import EnvVarFact, Finding, Page, ProjectFacts, Severity, reads
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd6_config.claims import claims_for
from featuredocs.rules.fd6_config.env_claim import EnvVarClaim
from featuredocs.rules.fd6_config.known import env_var, env_var_names, setting_names
from featuredocs.rules.other_times import named_for_other_times
from featuredocs.rules.registry import register
from featuredocs.rules.suggest import closest, suggestion

#: Read on the project's behalf by Python, Django, its commands, or a library that reads
#: its variable without being told (``dj_database_url.config()``, ``sentry_sdk.init()``,
#: Celery, gunicorn): the project's own code need not name them.
READ_BY_PLATFORM = frozenset(
    {
        "DJANGO_SETTINGS_MODULE",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
        "DJANGO_COLORS",
        "DJANGO_SUPERUSER_USERNAME",
        "DJANGO_SUPERUSER_EMAIL",
        "DJANGO_SUPERUSER_PASSWORD",
        "DJANGO_WATCHMAN_TIMEOUT",
        "PYTHONPATH",
        "PYTHONUNBUFFERED",
        "PYTHONDONTWRITEBYTECODE",
        "PYTHONHASHSEED",
        "PYTHONWARNINGS",
        "DATABASE_URL",
        "SENTRY_DSN",
        "SENTRY_ENVIRONMENT",
        "SENTRY_RELEASE",
        "CELERY_BROKER_URL",
        "CELERY_RESULT_BACKEND",
        "GUNICORN_CMD_ARGS",
        "WEB_CONCURRENCY",
    }
)


@register
class UnknownEnvironmentVariable(Rule):
    """The page documents an environment variable the project never reads.

    What it does:
        Finds the variables a page documents (``NAME=value`` lines under an environment
        heading, tables with a Variable column, lists of ``UPPER_CASE`` names) and checks
        that the project's code reads each of them (``os.environ``, ``os.getenv``,
        django-environ, python-decouple).

        Headings that do not say whose the names are (``### Configuration variables``,
        ``### Optional variables``, ``#### Required`` under ``## Configuration``) count
        too: a block there is read when it holds nothing but ``NAME=value`` lines, a
        table when it has a Variable column (a Name column under a heading naming
        variables), a list under a heading naming variables. A table of a template's
        placeholders or with a Setting column is not read.

        Prose names variables in passing too (``SHOP_DEBUG=True``, ``$SHOP_DEBUG``,
        ``os.getenv("SHOP_DEBUG")``, "the ``SHOP_DEBUG`` environment variable", "set
        ``SHOP_DEBUG`` and ``SHOP_HOSTS`` in the environment"), and deployment files set
        them (docker-compose's ``environment:``, a Kubernetes ``env:``, a Dockerfile's
        ``ENV``), and so do shell commands (``SHOP_DEBUG=1 python manage.py …``,
        ``export SHOP_DEBUG=1``). Such a name may belong to a deployment tool,
        another service or a shell, so it is reported only when the project reads a
        variable it looks misspelt or renamed from, and is no setting; or when a sentence
        gives it a default and it has the prefix most of the project's variables share
        ("the limit comes from ``SHOP_ROW_LIMIT`` (default ``50000``)").

        Names under a heading about the past or the future (``### Legacy configuration``,
        ``## Future Enhancements``) are not checked, nor names in a sentence that tells of
        a change ("``SHOP_WINDOW`` was renamed to …", "no longer read").

    Why is this bad?
        Setting a variable nobody reads changes nothing. The usual cause is a rename in
        code: the reader sets the old name and silently keeps the default.

    Example:
        ```bash
        ORDERS_EXPIRY_MINUTES=30
        ```

    Use instead:
        ```bash
        ORDER_EXPIRY_MINUTES=30
        ```

    Fix safety:
        No fix: a close name is shown as a hint, but the page may describe a variable that
        is read by a deployment tool rather than by the project.
    """

    code = "FD601"
    name = "UnknownEnvironmentVariable"
    summary = "environment variable not read by the project"
    severity = Severity.ERROR
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        facts = ctx.facts
        assert facts is not None
        read = env_var_names(facts)
        for claim in claims_for(page, ctx).env_vars:
            if claim.name in read or claim.name in READ_BY_PLATFORM:
                continue
            hint = _hint(claim.name, facts)
            # Named in passing, or not called a variable: drift only when misspelt or
            # renamed from a variable the project reads, or given a default under the
            # project's own prefix ("`SHOP_ROW_LIMIT` (default `50000`)").
            in_passing = not claim.called or (claim.inline and (hint is None or claim.name in setting_names(facts)))
            if in_passing and not _given_a_default(claim, hint, facts):
                continue
            if named_for_other_times(page, claim.span):
                continue  # a variable that was, or will be: "renamed to", ``### Legacy configuration``
            yield self.finding(
                page,
                claim.span,
                f"environment variable `{claim.name}` is not read by the project",
                hint=hint,
            )


def _given_a_default(claim: EnvVarClaim, hint: str | None, facts: ProjectFacts) -> bool:
    """A sentence gives the name a default, and it is no setting but looks like the
    project's own variables."""
    return (
        claim.is_default and not claim.in_code and hint is None
        and claim.name not in setting_names(facts) and _own_prefix(facts, claim.name)
    )


def _hint(name: str, facts: ProjectFacts) -> str | None:
    var = _renamed_as(facts, name)
    if var is None:
        return None
    return suggestion(var.name, var.locations[0] if var.locations else None)


def _renamed(facts: ProjectFacts, name: str) -> EnvVarFact | None:
    match = likely_rename(name, [var.name for var in facts.env_vars])
    return env_var(facts, match) if match is not None else None


#: Asked, not read: a page is checked again when the answer changes, not on every new variable.
_renamed_as = reads.asking("fd6.renamed-variable", _renamed, reading=("env_vars",))

#: Prefixes of variables other tools read, whoever else uses them.
_PLATFORM_PREFIXES = frozenset({"DJANGO", "PYTHON", "AWS", "GOOGLE", "AZURE", "PG", "POSTGRES", "REDIS", "CELERY", "SENTRY"})


def _shares_prefix(facts: ProjectFacts, name: str) -> bool:
    """Whether ``name`` starts as most of the variables the project reads do (``SHOP_…``)."""
    prefix, _, rest = name.partition("_")
    if not rest or prefix in _PLATFORM_PREFIXES:
        return False
    names = [var.name for var in facts.env_vars]
    sharing = sum(1 for read in names if read.startswith(f"{prefix}_"))
    return sharing >= 3 and 2 * sharing >= len(names)


_own_prefix = reads.asking("fd6.own-prefix", _shares_prefix, reading=("env_vars",))


def likely_rename(name: str, candidates: list[str]) -> str | None:
    """A typo (``ORDER_REGON``) or a renamed word (``SHOP_IMPORT_MAX_ROWS`` →
    ``SHOP_CATALOG_MAX_ROWS``). Variables of one project share prefixes (``SHOP_…``), so
    a merely similar spelling is not enough: most of the name's words must survive."""
    typo = closest(name, candidates, cutoff=0.85)
    if typo is not None:
        return typo
    similar = closest(name, candidates, cutoff=0.6)
    if similar is None:
        return None
    words = name.split("_")
    kept = set(words) & set(similar.split("_"))
    return similar if len(kept) / len(words) >= 0.7 else None
