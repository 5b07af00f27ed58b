"""Commands a configuration file runs (a CI workflow, a Procfile, a crontab, a Dockerfile,
a Makefile, a supervisor unit) are checked like those of a shell block, against the
commands of the example shop read in a child process."""

from __future__ import annotations

from pathlib import Path

import pytest

from featuredocs.model import ProjectFacts
from featuredocs.rules.fd4_commands.fd401_command_not_found import CommandNotFound
from featuredocs.rules.fd4_commands.fd404_invalid_invocation import InvalidInvocation
from tests.support.django_project import collect_facts
from tests.support.rules import run_rule

SHOP = Path(__file__).resolve().parents[3] / "examples" / "shop"

PAGE = """\
# Scheduling

## Common Workflows

```yaml
# .github/workflows/nightly.yml
steps:
  - run: python manage.py expire_orders --dry-run
  - run: "cd shop && ./manage.py send_reminders --channel sms"
command: ["python", "manage.py", "expire_orders", "--older-than-hours", "24"]
# - run: python manage.py gone_command
```

```
# Procfile
worker: python manage.py send_reminders
```

```dockerfile
CMD ["/venv/bin/python", "manage.py", "import_products", "data.csv"]
```

```makefile
expire:
\tpython manage.py expire_orders --batch-size 100
```

```ini
[program:expire]
command=/srv/shop/.venv/bin/python /srv/shop/manage.py expire_orders --no-notify
```
"""


@pytest.fixture(scope="module")
def facts() -> ProjectFacts:
    return collect_facts(SHOP, "shop.settings")


def found(parse, text: str, facts: ProjectFacts) -> list[tuple[str, int, str]]:
    page = parse(text)
    results = []
    for rule in (CommandNotFound, InvalidInvocation):
        for finding in run_rule(rule, page, facts):
            line = page.line_text(finding.span.line)
            results.append((finding.code, finding.span.line, line[finding.span.column - 1 : finding.span.end_column - 1]))
    return results


def test_commands_configuration_files_run_that_are_right_are_silent(parse, facts: ProjectFacts) -> None:
    assert found(parse, PAGE, facts) == []


def test_commands_configuration_files_run_are_checked(parse, facts: ProjectFacts) -> None:
    drifted = (
        PAGE.replace("expire_orders --dry-run", "expire_orders --dryrun")
        .replace("--channel sms", "--channel fax")
        .replace('"--older-than-hours"', '"--older-than-days"')
        .replace("worker: python manage.py send_reminders", "worker: python manage.py send_reminder")
        .replace('"import_products", "data.csv"', '"import_product", "data.csv"')
        .replace("--batch-size 100", "--batch-sise 100")
        .replace("--no-notify", "--no-notfy")
    )
    assert found(parse, drifted, facts) == [
        ("FD401", 16, "send_reminder"),
        ("FD401", 20, "import_product"),
        ("FD404", 8, "--dryrun"),
        ("FD404", 9, "fax"),
        ("FD404", 10, "--older-than-days"),
        ("FD404", 25, "--batch-sise"),
        ("FD404", 30, "--no-notfy"),
    ]
