"""FD801, FD802 and FD806 against the modules and names of a real small Django project."""

from __future__ import annotations

import pytest

from featuredocs.model import ProjectFacts
from featuredocs.rules.fd8_code.fd801_python_syntax_error import PythonSyntaxError
from featuredocs.rules.fd8_code.fd802_unresolved_import import UnresolvedImport
from featuredocs.rules.fd8_code.fd806_unresolved_dotted_path import UnresolvedDottedPath
from tests.support.django_project import make_project
from tests.support.rules import run_rule

MODELS = """
from django.db import models


class Reminder(models.Model):
    sent = models.BooleanField(default=False)
"""

TASKS = """
def send_reminders():
    return 0
"""

MIDDLEWARE = """
class TimingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)
"""

INIT = """
from .tasks import send_reminders
"""

LAZY = """
import importlib

_MOVED = {"remind_all": "billing.tasks.send_reminders"}


def __getattr__(name):
    module, _, attr = _MOVED[name].rpartition(".")
    return getattr(importlib.import_module(module), attr)
"""

CLEAN = """\
# Reminders

## Usage Examples

```python
from billing import send_reminders
from billing.models import Reminder
from billing.tasks import send_reminders
from django.db import transaction

Reminder.objects.filter(sent=False)
```

The schedule runs `billing.tasks.send_reminders`.

```python
MIDDLEWARE = ["billing.middleware.TimingMiddleware"]
```
"""


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> ProjectFacts:
    project = make_project(
        tmp_path_factory.mktemp("fd8"),
        apps={"billing": {"__init__.py": INIT, "models.py": MODELS, "tasks.py": TASKS,
                          "middleware.py": MIDDLEWARE, "lazy.py": LAZY}},
    )
    return project.facts()


def where(rule, page, facts):
    return [(f.code, f.span.line, f.span.column) for f in run_rule(rule, page, facts)]


def test_the_correct_page_is_silent(parse, facts):
    page = parse(CLEAN)
    for rule in (PythonSyntaxError, UnresolvedImport, UnresolvedDottedPath):
        assert run_rule(rule, page, facts) == [], rule.code


def test_fd801_fires_on_a_broken_example(parse, facts):
    page = parse(CLEAN.replace("filter(sent=False)", "filter(sent=False"))
    assert where(PythonSyntaxError, page, facts) == [("FD801", 11, 24)]


def test_fd802_fires_on_a_missing_module_and_a_missing_name(parse, facts):
    page = parse(CLEAN.replace("from billing.tasks import", "from billing.jobs import").replace(
        "import Reminder", "import Reminders"))
    assert where(UnresolvedImport, page, facts) == [("FD802", 7, 28), ("FD802", 8, 6)]


def test_fd806_fires_on_a_stale_path_in_prose_and_in_settings(parse, facts):
    page = parse(CLEAN.replace("`billing.tasks.send_reminders`", "`billing.tasks.send_reminder`").replace(
        "TimingMiddleware", "TimerMiddleware"))
    findings = run_rule(UnresolvedDottedPath, page, facts)
    assert [(f.code, f.span.line, f.span.column) for f in findings] == [("FD806", 14, 19), ("FD806", 17, 15)]
    assert findings[0].hint == "did you mean `billing.tasks.send_reminders`?"


NAMES_SPELT_LIKE_PATHS = """\
# Reminders

## Monitoring

```python
statsd.incr("billing.reminder_sent.count")
send_event("billing.invoice_paid.v1", payload)
MIDDLEWARE = ["billing.middleware.TimingMiddleware"]
```

Dashboards chart `billing.reminder_sent.count`; webhooks receive `billing.invoice_paid.v1`.
"""


def test_fd806_metric_and_event_names_are_not_paths(parse, facts):
    assert run_rule(UnresolvedDottedPath, parse(NAMES_SPELT_LIKE_PATHS), facts) == []


def test_fd806_a_path_into_a_missing_module_still_fires_when_it_reads_as_code(parse, facts):
    page = parse(NAMES_SPELT_LIKE_PATHS.replace(
        '"billing.middleware.TimingMiddleware"', '"billing.timing.TimingMiddleware"').replace(
        "`billing.reminder_sent.count`", "`billing.tsks.send_reminders`"))
    findings = run_rule(UnresolvedDottedPath, page, facts)
    assert [(f.span.line, f.hint) for f in findings] == [
        (8, "did you mean `billing.middleware.TimingMiddleware`?"),
        (11, "did you mean `billing.tasks.send_reminders`?"),
    ]


LAZY_NAMES = """\
# Reminders

## Usage Examples

```python
from billing.lazy import remind_all
from billing.tasks import remind_all
```

Old schedules still name `billing.lazy.remind_all`; new ones `billing.tasks.remind_all`.
"""


def test_a_module_with_its_own_getattr_answers_any_name(parse, facts):
    page = parse(LAZY_NAMES)
    assert where(UnresolvedImport, page, facts) == [("FD802", 7, 27)]
    assert where(UnresolvedDottedPath, page, facts) == [("FD806", 10, 62)]


IPYTHON_SESSION = """\
# Reminders

## Usage Examples

```ipython
In [1]: %load_ext autoreload

In [2]: from billing.models import Reminder

In [3]: %timeit Reminder.objects.filter(sent=False).count()
1.2 ms ± 3 µs per loop (mean ± std. dev. of 7 runs, 1,000 loops each)

In [4]: Reminder.objects.filter?

In [5]: !ls billing/

In [6]: Reminder.objects.filter(sent=False).count()
Out[6]: 3
```
"""


def test_fd801_ipython_magics_shell_escapes_and_help_are_not_syntax_errors(parse, facts):
    for rule in (PythonSyntaxError, UnresolvedImport):
        assert run_rule(rule, parse(IPYTHON_SESSION), facts) == [], rule.code


def test_fd801_an_ipython_session_with_magics_still_reports_broken_python(parse, facts):
    page = parse(IPYTHON_SESSION.replace("In [6]: Reminder.objects.filter(sent=False).count()",
                                         "In [6]: Reminder.objects.filter(sent=False.count()"))
    assert where(PythonSyntaxError, page, facts) == [("FD801", 17, 32)]


GUARDED = """\
# Reminders

## Usage Examples

```python
try:
    from billing.sms import send_sms  # only where the SMS add-on is installed
except ImportError:
    from billing.tasks import send_reminders as send_sms
```
"""


def test_fd802_an_import_the_example_guards_with_except_import_error_is_silent(parse, facts):
    assert run_rule(UnresolvedImport, parse(GUARDED), facts) == []


def test_fd802_the_fallback_and_imports_guarded_against_other_errors_are_checked(parse, facts):
    page = parse(GUARDED.replace("except ImportError:", "except ValueError:").replace(
        "import send_reminders as", "import send_reminder as"))
    assert where(UnresolvedImport, page, facts) == [("FD802", 7, 10), ("FD802", 9, 31)]


FILES = """\
# Reminders

## Architecture

- `billing/tasks.py`: the periodic job, `./billing/middleware.py:3` times requests
- `billing/models.py#L4` holds the reminder
- `billing/refunds.py` is to be written; `billing/migrations/0001_initial.py` made the table
- `manage.py` and `docs/build.py` are not in a package of the project
"""


def test_fd806_a_project_file_named_in_inline_code_must_be_there(parse, facts):
    assert run_rule(UnresolvedDottedPath, parse(FILES), facts) == []
    page = parse(FILES.replace("`billing/tasks.py`", "`billing/task.py`").replace(
        "./billing/middleware.py:3", "./billing/middlewares.py:3"))
    found = [(f.span.line, f.message, f.hint) for f in run_rule(UnresolvedDottedPath, page, facts)]
    assert found == [
        (5, "`billing/task.py` is not a file of the project", "did you mean `billing/tasks.py`?"),
        (5, "`billing/middlewares.py` is not a file of the project", "did you mean `billing/middleware.py`?"),
    ]
