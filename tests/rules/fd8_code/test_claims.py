"""Syntax errors, imports and dotted paths read from real parsed pages."""

from __future__ import annotations

from featuredocs.model import Span
from featuredocs.rules.fd8_code.claims import extract
from featuredocs.rules.fd8_code.source import code_lines, python_source

PAGE = """\
# Reminders

## Usage Examples

```python
from billing.tasks import send_reminders, retry as again
import billing.models

send_reminders.delay(status="pending"
```

1. In a list:

   ```pycon
   >>> from billing.models import Reminder
   >>> Reminder.objects.filter(
   ...     sent=False)
   <QuerySet []>
   ```

Task: `billing.tasks.send_reminders` and `billing.tasks.send_reminders()`; files `billing/tasks.py`
and `billing.tasks.py`; labels `billing.Reminder`.

```python
CELERY_BEAT_SCHEDULE = {"remind": {"task": "billing.tasks.send_reminders"}}
MIDDLEWARE = ['billing.middleware.TimingMiddleware', "django.middleware.common.CommonMiddleware"]
```
"""


def test_syntax_error_points_at_python_s_position(parse):
    (error,) = extract(parse(PAGE)).syntax_errors
    assert error.message == "'(' was never closed"
    assert error.span == Span(9, 21, 9, 22)


def test_prompts_are_stripped_and_columns_kept(parse):
    page = parse(PAGE)
    claims = extract(page)
    imports = [(i.module, i.name, i.span, i.module_span) for i in claims.imports]
    assert imports == [
        ("billing.models", "Reminder", Span(15, 35, 15, 43), Span(15, 13, 15, 27)),
    ]
    source = python_source(page, page.code_blocks[1])
    assert source.removed == (4, 4, 4, 0)
    assert code_lines(page, page.code_blocks[1])[0].column == 4


def test_imports_of_a_block_that_parses(parse):
    page = parse(PAGE.replace('status="pending"\n', 'status="pending")\n'))
    imports = [(i.module, i.name, i.span) for i in extract(page).imports]
    assert imports[:3] == [
        ("billing.tasks", "send_reminders", Span(6, 27, 6, 41)),
        ("billing.tasks", "retry", Span(6, 43, 6, 48)),
        ("billing.models", None, Span(7, 8, 7, 22)),
    ]


def test_dotted_paths_from_inline_code_and_python_strings(parse):
    paths = [(p.path, p.span) for p in extract(parse(PAGE)).dotted_paths]
    assert paths == [
        ("billing.tasks.send_reminders", Span(21, 7, 21, 37)),
        ("billing.tasks.send_reminders", Span(21, 42, 21, 74)),
        ("billing.tasks.send_reminders", Span(25, 44, 25, 74)),
        ("billing.middleware.TimingMiddleware", Span(26, 15, 26, 52)),
        ("django.middleware.common.CommonMiddleware", Span(26, 54, 26, 97)),
    ]


def test_placeholder_blocks_are_not_syntax_errors(parse):
    page = parse(
        """\
        ## Usage

        ```python
        instance = [ModelName].objects.get(pk=[id])
        ```

        ```python
        ...
        ```

        ```python
        def handler(...):
            pass
        ```
        """
    )
    assert extract(page).syntax_errors == ()


def test_indented_snippets_parse_after_dedent(parse):
    page = parse(
        """\
        ## Usage

        ```python
            def save(self, *args, **kwargs):
                self.total = self.compute_total()
                super().save(*args, **kwargs)
        ```
        """
    )
    assert extract(page).syntax_errors == ()


def test_a_repeated_block_s_imports_point_at_the_repeat(parse):
    block = "```python\nfrom billing.tasks import retry\nimport billing.models\n```\n"
    page = parse(f"## Usage\n\n{block}\nAgain:\n\n{block}")
    imports = [(i.module, i.name, i.span, i.module_span) for i in extract(page).imports]
    assert imports == [
        ("billing.tasks", "retry", Span(4, 27, 4, 32), Span(4, 6, 4, 19)),
        ("billing.models", None, Span(5, 8, 5, 22), Span(5, 8, 5, 22)),
        ("billing.tasks", "retry", Span(11, 27, 11, 32), Span(11, 6, 11, 19)),
        ("billing.models", None, Span(12, 8, 12, 22), Span(12, 8, 12, 22)),
    ]


def test_imports_come_in_the_order_they_are_written_nested_ones_included(parse):
    page = parse(
        "# Billing\n\n## Usage\n\n```python\n"
        "import billing.models\n"
        "if ready:\n"
        "    from billing.tasks import retry\n"
        "    import billing.signals; from billing.admin import site\n"
        "def run():\n"
        "    try:\n"
        "        from billing.api import router\n"
        "    except ImportError:\n"
        "        import billing.legacy\n"
        "from billing.views import home\n"
        "```\n"
    )
    assert [(i.module, i.name) for i in extract(page).imports] == [
        ("billing.models", None),
        ("billing.tasks", "retry"),
        ("billing.signals", None),
        ("billing.admin", "site"),
        ("billing.api", "router"),
        ("billing.legacy", None),
        ("billing.views", "home"),
    ]
