"""Pages that drift from the template: the family still finds what they claim, and only that."""

from __future__ import annotations

from featuredocs.model import Span
from featuredocs.rules.fd4_commands.fd401_command_not_found import CommandNotFound
from featuredocs.rules.fd4_commands.fd402_option_not_accepted import OptionNotAccepted
from featuredocs.rules.fd4_commands.fd403_stale_option_default import StaleOptionDefault
from featuredocs.rules.fd4_commands.fd404_invalid_invocation import InvalidInvocation
from featuredocs.rules.fd4_commands.fd405_undocumented_option import UndocumentedOption
from featuredocs.rules.fd4_commands.fd807_unknown_command_mention import UnknownCommandMention
from tests.rules.fd4.facts import FACTS
from tests.support.rules import run_rule

RULES = (CommandNotFound, OptionNotAccepted, StaleOptionDefault, InvalidInvocation,
         UndocumentedOption, UnknownCommandMention)

WILD = """\
# Invoice Export

Run manage.py to list every command; the `manage.py` script lives at the root.

## Usage

### Exporting orders

```shell
$ ./manage.py export_orders /tmp/out.csv -f json
Exported 12 orders
$ python manage.py export_orders
```

**Command Options**:
- `path`: where to write
- `-f`/`--format`: csv or json. Default: `json`
- `--since DATE`: only newer orders

### Scheduling

Add `0 3 * * * cd /srv/shop && python manage.py expire_orders --days 3` to the crontab.

## Invoice Model

The export reads `Order` rows; see the command's `--help`.
"""


def findings_on(page):
    found = [f for rule in RULES for f in run_rule(rule, page, FACTS)]
    return sorted((f.code, f.span) for f in found)


def test_drift_on_a_page_far_from_the_template(parse):
    assert findings_on(parse(WILD)) == [
        ("FD403", Span(17, 43, 17, 47)),
        ("FD404", Span(12, 20, 12, 33)),
    ]


def test_the_same_page_without_drift_is_silent(parse):
    page = parse(WILD.replace("Default: `json`", "Default: `csv`").replace(
        "$ python manage.py export_orders\n", "$ python manage.py export_orders x.csv\n"))
    assert findings_on(page) == []


def test_a_list_in_a_section_that_runs_a_command_must_name_one_of_its_options(parse):
    page = parse(
        """\
        # Orders

        ## Usage

        ```bash
        python manage.py expire_orders
        ```

        **Options:**
        - `--strict`: the API client raises on unknown fields
        - `--retries`: how often the client retries (default: 5)
        """
    )
    assert findings_on(page) == []
    page = parse(page.text.replace("--retries", "--days"))
    assert findings_on(page) == [
        ("FD402", Span(10, 4, 10, 12)),
        ("FD403", Span(11, 52, 11, 53)),
        ("FD405", Span(9, 1, 9, 13)),  # --dry-run
        ("FD405", Span(9, 1, 9, 13)),  # --batch-size
    ]
