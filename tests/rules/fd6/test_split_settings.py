"""FD604/FD605 on a project whose settings are split (``settings_dev.py`` star-imports
``settings_base.py``): a block headed ``# project/settings_base.py``, or the template's bare
``# settings.py``, shows the settings the facts come from and is checked; a block of
another environment's file is not."""

from __future__ import annotations

import dataclasses

import pytest

from featuredocs.model import ProjectFacts
from featuredocs.rules.fd6_config.fd604_unknown_setting import UnknownSetting
from featuredocs.rules.fd6_config.fd605_unknown_setting_key import UnknownSettingKey
from tests.support.django_project import make_project
from tests.support.rules import run_rule

BASE = """
HELPDESK = {
    "DEFAULT_PRIORITY": 2,
    "AUTO_ASSIGN": True,
}
"""

PRODUCTION = """
from project.settings_base import *  # noqa: F403

HELPDESK_MIRROR = "https://mirror.example"
"""

PAGE = """\
# Helpdesk

## Configuration

### Django Settings

```python
# {file}

HELPDESK = {{
    "DEFAULT_PRIORITY": 2,
    "AUTO_ASSIGNS": True,
}}
HELPDESK_MIRRO = "https://mirror.example"
```
"""


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> ProjectFacts:
    project = make_project(tmp_path_factory.mktemp("split_settings"))
    project.write("project/settings_base.py", BASE)
    project.write("project/settings_production.py", PRODUCTION)
    project.write("project/settings_dev.py", "from project.settings import *  # noqa: F403\nfrom project.settings_base import *  # noqa: F403\n")
    return dataclasses.replace(project, settings_module="project.settings_dev").facts()


@pytest.mark.parametrize("file", ["project/settings_base.py", "settings_base.py", "settings.py", "project/settings_dev.py"])
def test_a_block_of_a_file_the_settings_read_is_checked(parse, facts: ProjectFacts, file: str) -> None:
    page = parse(PAGE.format(file=file))
    found = [(f.code, f.message) for rule in (UnknownSetting, UnknownSettingKey) for f in run_rule(rule, page, facts)]
    assert found == [
        ("FD604", "setting `HELPDESK_MIRRO` is not defined by the project or Django"),
        ("FD605", "setting `HELPDESK` has no key `AUTO_ASSIGNS`"),
    ]


def test_a_block_of_another_environments_file_is_left_alone(parse, facts: ProjectFacts) -> None:
    page = parse(PAGE.format(file="project/settings_production.py"))
    assert run_rule(UnknownSetting, page, facts) == run_rule(UnknownSettingKey, page, facts) == []
