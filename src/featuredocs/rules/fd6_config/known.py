"""The project's environment variables and settings by name, indexed once per run.

Each question asked of the index is noted for the page asking (``model/reads.py``): a new
setting or variable touches only the pages that asked about its name.
"""

from __future__ import annotations

from dataclasses import dataclass

from featuredocs.model import EnvVarFact, ProjectFacts, SettingFact, reads
from featuredocs.rules.base import per_facts

_INDEX = "settings and variables by name"


@dataclass(frozen=True, slots=True)
class _Known:
    env_vars: reads.KeyMap  # name -> the first variable of that name, as the facts' own lookup
    settings: reads.KeyMap  # name -> the first setting of that name


def env_var(facts: ProjectFacts, name: str) -> EnvVarFact | None:
    """What :meth:`ProjectFacts.env_var` answers, without scanning every variable."""
    return _known(facts).env_vars.get(name)


def env_var_names(facts: ProjectFacts) -> reads.KeySet:
    return _known(facts).env_vars


def setting(facts: ProjectFacts, name: str) -> SettingFact | None:
    """What :meth:`ProjectFacts.setting` answers, without scanning every setting."""
    return _known(facts).settings.get(name)


def read_with_default(setting: SettingFact) -> bool:
    """Defined by neither the project nor Django, only read by the code with a default
    (``getattr(settings, "NAME", 20)``); the only settings that are not, yet have a place."""
    return not setting.project and setting.location is not None


def setting_names(facts: ProjectFacts) -> reads.KeySet:
    return _known(facts).settings


@per_facts
def _known(facts: ProjectFacts) -> _Known:
    return _Known(**_index(facts))


def _parts(facts: ProjectFacts) -> dict[str, dict[str, object]]:
    env_vars: dict[str, EnvVarFact] = {}
    for var in facts.env_vars:
        env_vars.setdefault(var.name, var)
    settings: dict[str, SettingFact] = {}
    for one in facts.settings:
        settings.setdefault(one.name, one)
    return {"env_vars": env_vars, "settings": settings}


_index = reads.keyed(_INDEX, _parts)
