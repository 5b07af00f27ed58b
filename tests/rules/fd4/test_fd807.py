"""FD807 UnknownCommandMention on hand-built facts."""

from __future__ import annotations

from featuredocs.model import Span
from featuredocs.rules.fd4_commands.fd807_unknown_command_mention import UnknownCommandMention
from tests.rules.fd4.facts import FACTS
from tests.support.rules import context_for, run_rule

README = """\
# Shop docs

Cancel stale orders with `python manage.py expire_unpaid`, or run
manage.py export_order by hand. Use manage.py to run anything else.

```bash
python manage.py expire_orders
python manage.py sync_stock
```
"""

FEATURE = """\
# Orders

Nightly: `python manage.py expire_unpaid`.

## Management Commands

### `python manage.py expire_ordres`

```bash
python manage.py expire_ordres
```
"""


def test_fires_in_prose_inline_code_and_blocks_of_other_pages(parse):
    page = parse(README, rel="README.md")
    findings = run_rule(UnknownCommandMention, page, FACTS, ctx=context_for([page], FACTS))
    assert [(f.code, f.span, f.message) for f in findings] == [
        ("FD807", Span(3, 44, 3, 57), "command `expire_unpaid` does not exist"),
        ("FD807", Span(4, 11, 4, 23), "command `export_order` does not exist"),
        ("FD807", Span(8, 18, 8, 28), "command `sync_stock` does not exist"),
    ]
    assert findings[1].hint == (
        "did you mean `export_orders`? (orders/management/commands/export_orders.py:11)"
    )


def test_on_feature_pages_leaves_headings_and_blocks_to_fd401(parse):
    page = parse(FEATURE)
    findings = run_rule(UnknownCommandMention, page, FACTS)
    assert [(f.span, f.message) for f in findings] == [
        (Span(3, 28, 3, 41), "command `expire_unpaid` does not exist"),
    ]


def test_silent_on_real_commands(parse):
    text = "# Docs\n\nRun `python manage.py expire_orders` or manage.py export_orders.\n"
    page = parse(text, rel="guide.md")
    assert run_rule(UnknownCommandMention, page, FACTS, ctx=context_for([page], FACTS)) == []


GUIDE = """\
# Working on the shop

Run `python manage.py shell_plus` if you have django-extensions installed.

With django-extensions, `python manage.py graph_models orders` draws the models.

`python manage.py show_urls` (requires django-extensions) lists every URL.
Open a shell (`./manage.py shell_plus` if you have extensions).

```bash
python manage.py runserver_plus   # needs django-extensions
python manage.py expire_unpaid
# only with django-extensions installed:
python manage.py reset_db
```

Run `python manage.py sync_stock` nightly; it is installed with the shop.
"""


def test_silent_on_commands_offered_if_a_package_is_installed(parse):
    page = parse(GUIDE, rel="guide.md")
    findings = run_rule(UnknownCommandMention, page, FACTS, ctx=context_for([page], FACTS))
    assert [(f.span.line, f.message) for f in findings] == [
        (12, "command `expire_unpaid` does not exist"),
        (17, "command `sync_stock` does not exist"),
    ]
