"""sync on the Options list of a command with a boolean option of both forms
(``--[no-]notify``), against a real project's facts read live and statically."""

from __future__ import annotations

from pathlib import Path

import pytest

from featuredocs.model import ProjectFacts
from tests.conftest import ParsePage
from tests.rules.fd4.reminders import MODES, make_reminders, reminders_facts
from tests.sync.support import findings, synced

CODES = ("FD402", "FD403", "FD404", "FD405")

PAGE = """\
# Payment Reminders

> **Payment Reminders** - Customers hear of unpaid orders.

## Management Commands

### remind

Reminds customers of unpaid orders.

```bash
python manage.py remind --no-notify
```

**Options:**
- `--[no-]notify`: Email the customer
- `--urgent`: Mark the reminder urgent
- `--days`: Age in days (default: 3)
"""


@pytest.fixture(scope="module", params=MODES)
def facts(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> ProjectFacts:
    root: Path = tmp_path_factory.mktemp(f"reminders-{request.param}")
    make_reminders(root)
    return reminders_facts(root, request.param)


def test_a_list_with_the_notation_is_left_as_it_is(parse: ParsePage, facts: ProjectFacts) -> None:
    page = parse(PAGE)
    assert findings(page, facts, *CODES) == []
    assert synced(page, facts) == PAGE


def test_a_missing_boolean_option_is_added_in_the_notation(parse: ParsePage, facts: ProjectFacts) -> None:
    item = "- `--[no-]notify`: Email the customer\n"
    text = synced(parse(PAGE.replace(item, "")), facts)
    assert text == PAGE.replace(item, "") + item  # no option the parser declares before it is listed
    assert findings(parse(text), facts, *CODES) == []


def test_a_misspelt_notation_is_renamed_keeping_it(parse: ParsePage, facts: ProjectFacts) -> None:
    for written in ("--[no-]notfy", "--(no-)notfy"):
        text = synced(parse(PAGE.replace("--[no-]notify", written)), facts)
        assert text == PAGE.replace("--[no-]notify", written.replace("notfy", "notify")), written
        assert findings(parse(text), facts, *CODES) == []


def test_a_notation_of_a_plain_flag_is_written_as_the_flag(parse: ParsePage, facts: ProjectFacts) -> None:
    page = parse(PAGE.replace("`--urgent`", "`--[no-]urgent`"))
    assert [f.code for f in findings(page, facts, *CODES)] == ["FD402"]
    text = synced(page, facts)
    assert text == PAGE
    assert synced(parse(text), facts) == text
