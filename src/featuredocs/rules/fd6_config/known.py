"""The project's environment variables and settings by name, indexed once per run."""

from __future__ import annotations

from featuredocs.model import EnvVarFact, ProjectFacts, SettingFact
from featuredocs.rules.base import per_facts


def env_var(facts: ProjectFacts, name: str) -> EnvVarFact | None:
    """What :meth:`ProjectFacts.env_var` answers, without scanning every variable."""
    return _env_vars(facts).get(name)


def env_var_names(facts: ProjectFacts) -> frozenset[str]:
    return _env_var_names(facts)


def setting(facts: ProjectFacts, name: str) -> SettingFact | None:
    """What :meth:`ProjectFacts.setting` answers, without scanning every setting."""
    return _settings(facts).get(name)


def setting_names(facts: ProjectFacts) -> frozenset[str]:
    return _setting_names(facts)


@per_facts
def _env_vars(facts: ProjectFacts) -> dict[str, EnvVarFact]:
    found: dict[str, EnvVarFact] = {}
    for var in facts.env_vars:
        found.setdefault(var.name, var)  # the first of a name, as the facts' own lookup
    return found


@per_facts
def _env_var_names(facts: ProjectFacts) -> frozenset[str]:
    return frozenset(var.name for var in facts.env_vars)


@per_facts
def _settings(facts: ProjectFacts) -> dict[str, SettingFact]:
    found: dict[str, SettingFact] = {}
    for one in facts.settings:
        found.setdefault(one.name, one)
    return found


@per_facts
def _setting_names(facts: ProjectFacts) -> frozenset[str]:
    return frozenset(one.name for one in facts.settings)
