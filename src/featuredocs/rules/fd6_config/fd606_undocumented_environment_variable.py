from __future__ import annotations

import re
from collections.abc import Iterator

from featuredocs.model import AppFact, EnvVarFact, Finding, Page, ProjectFacts, Severity, SourceLocation, reads
from featuredocs.rules.base import CheckContext, Rule, per_facts
from featuredocs.rules.fd6_config.claims import claims_for
from featuredocs.rules.fd6_config.feature_apps import covered_apps
from featuredocs.rules.fd6_config.values import shown
from featuredocs.rules.registry import register


@register
class UndocumentedEnvironmentVariable(Rule):
    """The feature's own code reads an environment variable its page does not mention.

    What it does:
        Works out which of the project's apps the page documents (its ``from app.models
        import`` lines, its model headings, the ``manage.py`` commands it runs) and lists
        the environment variables read by code in those apps' folders. A variable the
        page never mentions is reported on the page's environment-variable block. Pages
        without such a block are left alone.

    Why is this bad?
        The page is where operators learn what to set; a variable missing from it is
        found in production, when the default turns out to be wrong.

    Example:
        ```bash
        # Optional configuration (with defaults)
        ORDER_EXPIRY_MINUTES=30
        ```
        while ``orders/tasks.py`` also reads ``ORDER_EXPIRY_BATCH_SIZE``.

    Use instead:
        ```bash
        # Optional configuration (with defaults)
        ORDER_EXPIRY_MINUTES=30
        ORDER_EXPIRY_BATCH_SIZE=500
        ```

    Fix safety:
        No fix: the description of the variable needs a person.
    """

    code = "FD606"
    name = "UndocumentedEnvironmentVariable"
    summary = "variable read by the feature's code not documented"
    severity = Severity.WARNING
    needs_facts = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        assert ctx.facts is not None
        claims = claims_for(page, ctx)
        if claims.env_anchor is None:
            return
        apps = covered_apps(page, ctx.facts)
        if not apps:
            return
        documented = claims.env_names
        for var in read_in_any(apps, ctx.facts):
            where = read_in(var, apps)
            if where is None or var.name in documented or mentioned(page, var.name):
                continue
            default = f" (default `{shown(var.name, var.default)}`)" if var.default is not None else ""
            yield self.finding(
                page,
                claims.env_anchor,
                f"`{var.name}` is read by the feature's code but not documented",
                hint=f"read at {where}{default}",
            )


def read_in_any(apps: tuple[AppFact, ...], facts: ProjectFacts) -> list[EnvVarFact]:
    """The variables some code in one of the apps' folders reads, in facts order."""
    by_folder = _vars_by_folder(facts)
    found = {id(var): var for app in apps for var in by_folder.get(_folder(app), ())}
    return sorted(found.values(), key=lambda var: _positions(facts)[id(var)])


_INDEX = "variables by folder"


@per_facts
def _vars_by_folder(facts: ProjectFacts) -> reads.KeyMap:
    """For each app folder, the variables read by code inside it, in facts order. Each
    folder asked about is noted for the page asking (``model/reads.py``)."""
    return _folder_index(facts)["by_folder"]


@per_facts
def _positions(facts: ProjectFacts) -> dict[int, int]:
    """Each variable's place in the facts, by identity: it orders the variables a page's
    folders gave, and so only matters with them (noted through _vars_by_folder)."""
    with reads.unnoted():
        return {id(var): position for position, var in enumerate(facts.env_vars)}


def _folder_parts(facts: ProjectFacts) -> dict[str, dict[str, tuple[EnvVarFact, ...]]]:
    folders = {_folder(app) for app in facts.apps}
    found: dict[str, dict[int, EnvVarFact]] = {}
    for var in facts.env_vars:
        for location in var.locations:
            for folder in folders:
                if location.path.startswith(folder):
                    found.setdefault(folder, {})[id(var)] = var
    return {"by_folder": {folder: tuple(found_vars.values()) for folder, found_vars in found.items()}}


_folder_index = reads.keyed(_INDEX, _folder_parts)


def _folder(app: AppFact) -> str:
    return app.path.rstrip("/") + "/"


def read_in(var: EnvVarFact, apps: tuple[AppFact, ...]) -> SourceLocation | None:
    """Where a feature's apps read the variable (which makes it the feature's); None if they do not."""
    for location in var.locations:
        for app in apps:
            folder = app.path.rstrip("/") + "/"
            if location.path.startswith(folder):
                return location
    return None


def mentioned(page: Page, name: str) -> bool:
    """Whether the page names the variable anywhere, as a whole word."""
    return re.search(rf"(?<![A-Za-z0-9_]){re.escape(name)}(?![A-Za-z0-9_])", page.text) is not None
