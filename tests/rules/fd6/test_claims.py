"""Environment-variable and settings claims read from real parsed pages."""

from __future__ import annotations

from featuredocs.model import Span
from featuredocs.rules.fd6_config.claims import extract

ENV_PAGE = """\
# Order Expiry

## Configuration

### Environment Variables

```bash
# Required configuration
ORDER_API_KEY=your_api_key_here
ORDER_ENABLED=True

# Optional configuration (with defaults)
ORDER_TIMEOUT=30  # seconds
export ORDER_REGION="eu-west-1"
ORDER_DEBUG=false  # required in production
ORDER_RETRIES=3 python manage.py expire_orders
```

| Variable | Required | Default | Purpose |
| --- | --- | --- | --- |
| `ORDER_BATCH` | no | `500` | Rows per batch |
| ORDER_QUEUE | yes | — | Queue name |

- `ORDER_NOTIFY` (optional): send mails, default `true`
- Set `ORDER_IGNORED` only in tests

### Django Settings

Nothing here.
"""


def test_env_lines_are_grouped_by_their_comments(parse):
    claims = extract(parse(ENV_PAGE))
    found = {c.name: c for c in claims.env_vars}
    key = found["ORDER_API_KEY"]
    assert (key.span, key.required, key.value, key.is_default) == (Span(9, 1, 9, 14), True, None, False)
    enabled = found["ORDER_ENABLED"]
    assert (enabled.required, enabled.value, enabled.value_span) == (True, "True", Span(10, 15, 10, 19))
    timeout = found["ORDER_TIMEOUT"]
    assert (timeout.required, timeout.value, timeout.is_default) == (False, "30", True)
    assert timeout.value_span == Span(13, 15, 13, 17)


def test_export_quotes_and_trailing_comments(parse):
    found = {c.name: c for c in extract(parse(ENV_PAGE)).env_vars}
    region = found["ORDER_REGION"]
    assert (region.span, region.value, region.value_span) == (
        Span(14, 8, 14, 20), "eu-west-1", Span(14, 22, 14, 31),
    )
    # a trailing "# required …" comment outranks the group it sits in
    assert found["ORDER_DEBUG"].required is True


def test_a_command_prefix_is_not_a_definition(parse):
    claims = extract(parse(ENV_PAGE))
    assert "ORDER_RETRIES" not in claims.env_names
    (prefix,) = [c for c in claims.env_vars if c.name == "ORDER_RETRIES"]
    assert (prefix.inline, prefix.in_code, prefix.value) == (True, True, None)


def test_tables_give_names_required_and_defaults(parse):
    found = {c.name: c for c in extract(parse(ENV_PAGE)).env_vars}
    batch = found["ORDER_BATCH"]
    assert (batch.span, batch.required, batch.value, batch.is_default) == (
        Span(21, 3, 21, 16), False, "500", True,
    )
    assert batch.value_span == Span(21, 25, 21, 28)
    queue = found["ORDER_QUEUE"]
    assert (queue.span, queue.required, queue.value) == (Span(22, 3, 22, 14), True, None)


def test_lists_give_names_and_explicit_notes(parse):
    found = {c.name: c for c in extract(parse(ENV_PAGE)).env_vars}
    notify = found["ORDER_NOTIFY"]
    assert (notify.span, notify.required, notify.value) == (Span(24, 3, 24, 17), False, "true")
    assert notify.value_span == Span(24, 51, 24, 55)
    # an item that does not start with the name is prose about it
    assert "ORDER_IGNORED" not in found


def test_anchor_is_the_environment_heading(parse):
    assert extract(parse(ENV_PAGE)).env_anchor == Span(5, 1, 5, 26)


def test_env_blocks_need_an_environment_heading_or_an_env_language(parse):
    page = parse(
        """\
        # Deploy

        ## Running

        ```bash
        DJANGO_DEBUG=1 python manage.py runserver
        WORKERS=4
        ```

        ```env
        # Optional
        CACHE_URL=redis://localhost
        ```
        """
    )
    claims = extract(page)
    assert [(c.name, c.required) for c in claims.env_vars if not c.in_code] == [("CACHE_URL", False)]
    assert claims.env_anchor == Span(12, 1, 12, 10)


def test_group_ends_at_a_new_commented_paragraph(parse):
    page = parse(
        """\
        ## Environment

        ```
        # Required
        A_KEY=x
        # the key above is per tenant
        B_KEY=y

        # Celery
        C_KEY=z
        ```
        """
    )
    assert [(c.name, c.required) for c in extract(page).env_vars] == [
        ("A_KEY", True), ("B_KEY", True), ("C_KEY", None),
    ]


def test_env_block_inside_a_list_keeps_page_columns(parse):
    page = parse(
        """\
        ## Environment

        1. Set the variables:

           ```bash
           # Optional
           ORDER_TIMEOUT=30
           ```
        """
    )
    (claim,) = extract(page).env_vars
    assert (claim.span, claim.value_span) == (Span(7, 4, 7, 17), Span(7, 18, 7, 20))


SETTINGS_PAGE = """\
# Orders

## Configuration

### Django Settings

```python
# settings.py
ORDER_CONFIG = {
    "window": 48,
    "notify": {"channel": "email"},
    **BASE,
}
if DEBUG:
    ORDER_DEBUG_TOOLBAR = True
lowercase_name = 1
```

```python
# orders/conf.py
ORDER_DEFAULTS = {"window": 24}
```

## Usage Examples

```python
from django.conf import settings

hours = settings.ORDER_CONFIG["notify"]["channel"]
settings.ORDER_WRITTEN = 1
```
"""


def test_settings_blocks_give_names_and_nested_keys(parse):
    claims = extract(parse(SETTINGS_PAGE))
    assigned = [(s.name, s.span) for s in claims.settings if s.assigned]
    assert assigned == [("ORDER_CONFIG", Span(9, 1, 9, 13)), ("ORDER_DEBUG_TOOLBAR", Span(15, 5, 15, 24))]
    keys = [(k.setting, k.path, k.span) for k in claims.setting_keys if k.span.line < 20]
    assert keys == [
        ("ORDER_CONFIG", "window", Span(10, 5, 10, 13)),
        ("ORDER_CONFIG", "notify", Span(11, 5, 11, 13)),
        ("ORDER_CONFIG", "notify.channel", Span(11, 16, 11, 25)),
    ]


def test_settings_reads_in_any_python_block(parse):
    claims = extract(parse(SETTINGS_PAGE))
    reads = [(s.name, s.span) for s in claims.settings if not s.assigned]
    assert reads == [("ORDER_CONFIG", Span(29, 18, 29, 30))]
    keys = sorted((k.path, k.span) for k in claims.setting_keys if k.span.line == 29)
    assert keys == [("notify", Span(29, 31, 29, 39)), ("notify.channel", Span(29, 41, 29, 50))]


def test_a_block_naming_another_file_is_not_a_settings_block(parse):
    names = {s.name for s in extract(parse(SETTINGS_PAGE)).settings}
    assert "ORDER_DEFAULTS" not in names
    assert "ORDER_WRITTEN" not in names  # written, not read


def test_settings_bound_elsewhere_are_not_djangos(parse):
    page = parse(
        """\
        ## Usage

        ```python
        from orders import settings

        settings.ORDER_LIMIT
        ```
        """
    )
    assert extract(page).settings == ()
