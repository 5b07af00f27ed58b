"""FD801, FD802 and FD806 on real parsed pages against hand-built facts."""

from __future__ import annotations

import dataclasses

from featuredocs.model import AppFact, FieldFact, ModelFact, ProjectFacts
from featuredocs.rules.fd8_code.fd801_python_syntax_error import PythonSyntaxError
from featuredocs.rules.fd8_code.fd802_unresolved_import import UnresolvedImport
from featuredocs.rules.fd8_code.fd806_unresolved_dotted_path import UnresolvedDottedPath
from tests.support.rules import run_rule

FACTS = ProjectFacts(
    root="/project",
    mode="live",
    apps=(AppFact("billing", "billing", "billing", True), AppFact("order", "order", "order", True)),
    models=(
        ModelFact("billing", "Reminder", "billing.models",
                  fields=(FieldFact("sent", "BooleanField", "BooleanField"),)),
        ModelFact("order", "Order", "order.models",
                  fields=(FieldFact("customer", "ForeignKey", "ForeignKey", is_relation=True),)),
    ),
    modules=frozenset({
        "billing", "billing.models", "billing.tasks", "billing.middleware", "billing.notifications",
        "order", "order.models",
    }),
    symbols=frozenset({
        "billing.Reminder", "billing.models.Reminder", "billing.models.Reminder.objects",
        "billing.tasks.send_reminders", "billing.middleware.TimingMiddleware",
        "billing.notifications.notify", "order.models.Order",
    }),
)

CLEAN = """\
# Reminders

## Usage Examples

```python
from billing import Reminder
from billing.models import Reminder
from billing.tasks import send_reminders
from django.db import transaction
import billing.tasks

send_reminders.delay()
```

Notifications go through `billing.notifications.notify`; `order.customer.email` is used.

```python
MIDDLEWARE = ["billing.middleware.TimingMiddleware", "django.middleware.common.CommonMiddleware"]
```
"""


def found(rule, page, facts=FACTS):
    return [(f.code, f.span.line, f.span.column, f.message, f.hint) for f in run_rule(rule, page, facts)]


def test_a_correct_page_is_silent(parse):
    page = parse(CLEAN)
    for rule in (PythonSyntaxError, UnresolvedImport, UnresolvedDottedPath):
        assert run_rule(rule, page, FACTS) == [], rule.code


def test_fd801_reports_python_s_own_message_and_place(parse):
    page = parse(CLEAN.replace("send_reminders.delay()", "send_reminders.delay("))
    assert found(PythonSyntaxError, page) == [
        ("FD801", 12, 21, "python example does not parse: '(' was never closed",
         "fix the example so that it runs as shown"),
    ]


def test_fd802_missing_module_with_a_close_one(parse):
    page = parse(CLEAN.replace("from billing.tasks import", "from billing.task import"))
    assert found(UnresolvedImport, page) == [
        ("FD802", 8, 6, "module `billing.task` does not exist in the project",
         "did you mean `billing.tasks`?"),
    ]


def test_fd802_missing_name_in_an_existing_module(parse):
    page = parse(CLEAN.replace("import send_reminders", "import send_reminder"))
    assert found(UnresolvedImport, page) == [
        ("FD802", 8, 27, "cannot import `send_reminder` from `billing.tasks`: no such name",
         "did you mean `billing.tasks.send_reminders`?"),
    ]


def test_fd802_leaves_third_party_imports_alone(parse):
    page = parse(CLEAN.replace("from django.db import transaction", "from django.db import nothing_here"))
    assert run_rule(UnresolvedImport, page, FACTS) == []


def test_fd806_inline_path_into_a_missing_module_with_the_moved_name(parse):
    page = parse(CLEAN.replace("`billing.notifications.notify`", "`billing.messaging.notify`"))
    assert found(UnresolvedDottedPath, page) == [
        ("FD806", 15, 26, "`billing.messaging.notify` does not resolve: `billing` has no `messaging`",
         "did you mean `billing.notifications.notify`?"),
    ]


def test_fd806_middleware_entry_with_a_missing_class(parse):
    page = parse(CLEAN.replace("TimingMiddleware", "TimerMiddleware"))
    assert [f[:3] for f in found(UnresolvedDottedPath, page)] == [("FD806", 18, 15)]


def test_fd806_needs_the_project_s_names(parse):
    page = parse(CLEAN.replace("TimingMiddleware", "TimerMiddleware"))
    assert run_rule(UnresolvedDottedPath, page, dataclasses.replace(FACTS, symbols=frozenset())) == []


def test_fd806_runs_on_every_page(parse):
    page = parse(CLEAN.replace("`billing.notifications.notify`", "`billing.messaging.notify`"),
                 rel="architecture.md")
    assert UnresolvedDottedPath.all_pages
    assert len(run_rule(UnresolvedDottedPath, page, FACTS)) == 1


def test_fd806_leaves_labels_loggers_and_dict_keys_alone(parse):
    page = parse(
        CLEAN
        + "\nStatus lives on `order.Order.customer`.\n\n```python\n"
        + 'logger = logging.getLogger("billing.reminders.worker")\n'
        + 'LOGGING = {"loggers": {"billing.reminders.audit": {"level": "INFO"}}}\n```\n'
    )
    assert run_rule(UnresolvedDottedPath, page, FACTS) == []


def test_fd806_skips_changelogs(parse):
    text = CLEAN.replace("`billing.notifications.notify`", "`billing.messaging.notify`")
    assert run_rule(UnresolvedDottedPath, parse(text, rel="CHANGELOG.md"), FACTS) == []
    assert len(run_rule(UnresolvedDottedPath, parse(text, rel="guides/setup.md"), FACTS)) == 1
