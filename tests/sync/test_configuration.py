"""sync on environment-variable blocks and cache TTLs, against hand-built facts."""

from __future__ import annotations

import pytest

from tests.conftest import ParsePage
from tests.sync import changes
from tests.sync.support import FACTS, findings, synced

PAGE = """\
# Order Expiry

> **Order Expiry** - Unpaid orders expire.

## Data Models

### Order

**Key Fields:**
- `number` (CharField): Printed on invoices.

## Configuration

### Environment Variables

```bash
# Required configuration
ORDER_API_KEY=your_api_key_here  # from the payment provider

# Optional configuration (with defaults)
ORDER_WINDOW_HOURS=48  # payment window, in hours
ORDER_NOTIFY=True
```

## Performance Optimization

### Caching Strategy

**Cache Keys:**
```python
cache_key = f"orders:{pk}:summary"
```

**TTL**: 15 minutes
"""
ENV_CODES = ("FD601", "FD602", "FD603", "FD606")


def test_a_correct_block_is_left_as_it_is(parse: ParsePage) -> None:
    page = parse(PAGE)
    assert findings(page, FACTS, *ENV_CODES, "FD702") == []
    assert synced(page, FACTS) == page.text


def test_a_changed_default_is_corrected_and_the_comment_kept(parse: ParsePage) -> None:
    facts = changes.set_env_default(FACTS, "ORDER_WINDOW_HOURS", "72")
    text = synced(parse(PAGE), facts)
    assert text == PAGE.replace("ORDER_WINDOW_HOURS=48  #", "ORDER_WINDOW_HOURS=72  #")
    assert findings(parse(text), facts, *ENV_CODES) == []


def test_a_changed_default_in_a_table_or_a_sentence_is_corrected_as_check_fixes_it(parse: ParsePage) -> None:
    table = (
        "| Variable | Default | Description |\n| --- | --- | --- |\n"
        "| `ORDER_WINDOW_HOURS` | `48` | payment window, in hours |\n\n"
        "`ORDER_WINDOW_HOURS` defaults to `48`.\n\n"
    )
    page_text = PAGE.replace("### Environment Variables\n\n", "### Environment Variables\n\n" + table)
    assert synced(parse(page_text), FACTS) == page_text
    facts = changes.set_env_default(FACTS, "ORDER_WINDOW_HOURS", "72")
    assert len(findings(parse(page_text), facts, "FD602")) == 3  # the cell, the sentence, the block
    text = synced(parse(page_text), facts)
    assert text == page_text.replace("`48`", "`72`").replace("ORDER_WINDOW_HOURS=48  #", "ORDER_WINDOW_HOURS=72  #")
    assert findings(parse(text), facts, *ENV_CODES) == []


def test_a_variable_the_code_now_requires_moves_to_the_required_group(parse: ParsePage) -> None:
    facts = changes.require_env(FACTS, "ORDER_WINDOW_HOURS")
    text = synced(parse(PAGE), facts)
    assert text == PAGE.replace(
        "ORDER_API_KEY=your_api_key_here  # from the payment provider\n",
        "ORDER_API_KEY=your_api_key_here  # from the payment provider\n"
        "ORDER_WINDOW_HOURS=48  # payment window, in hours\n",
    ).replace("ORDER_NOTIFY=True\nORDER", "ORDER").replace(
        "# Optional configuration (with defaults)\nORDER_WINDOW_HOURS=48  # payment window, in hours\n",
        "# Optional configuration (with defaults)\n",
    )
    assert findings(parse(text), facts, *ENV_CODES) == []


@pytest.mark.parametrize(
    ("before", "after", "moved_comment"),
    [
        ("", "", ""),
        # a second group emptied right after the first leaves no blank line behind
        ("```bash\n", "```bash\n# Required configuration (push only)\nORDER_PUSH_KEY=x  # for push\n\n", ""),
        # a person's comment above the variable goes where the variable goes
        ("# Required configuration\n", "# Required configuration\n# Ask ops before changing it.\n",
         "# Ask ops before changing it.\n"),
    ],
    ids=["one group", "two groups", "a comment"],
)
def test_a_group_left_empty_goes_with_its_header(parse: ParsePage, before: str, after: str, moved_comment: str) -> None:
    facts = changes.set_env_default(FACTS, "ORDER_API_KEY", "sandbox")
    text = synced(parse(PAGE.replace(before, after) if before else PAGE), facts)
    assert text.split("```bash\n")[1].split("```")[0] == (
        "# Optional configuration (with defaults)\n"
        "ORDER_WINDOW_HOURS=48  # payment window, in hours\n"
        "ORDER_NOTIFY=True\n"
        f"{moved_comment}ORDER_API_KEY=your_api_key_here  # from the payment provider\n"
    )
    assert findings(parse(text), facts, *ENV_CODES) == []


def test_a_new_group_in_an_indented_block_is_set_off_by_an_empty_line(parse: ParsePage) -> None:
    facts = changes.require_env(FACTS, "ORDER_WINDOW_HOURS")
    block = "```bash\n# Optional configuration (with defaults)\nORDER_API_KEY=sandbox\nORDER_WINDOW_HOURS=48\nORDER_NOTIFY=True\n```\n"
    page = PAGE.split("```bash\n")[0] + '!!! note "Settings"\n\n' + "".join(f"    {line}\n" for line in block.splitlines())
    text = synced(parse(page), changes.set_env_default(facts, "ORDER_API_KEY", "sandbox"))
    assert "    ORDER_NOTIFY=True\n\n    # Required configuration\n    ORDER_WINDOW_HOURS=" in text


def test_a_variable_the_code_no_longer_reads_is_removed(parse: ParsePage) -> None:
    facts = changes.remove_env(FACTS, "ORDER_NOTIFY")
    text = synced(parse(PAGE), facts)
    assert text == PAGE.replace("ORDER_NOTIFY=True\n", "")
    assert findings(parse(text), facts, *ENV_CODES) == []


def test_a_variable_the_features_code_reads_is_added_to_its_group(parse: ParsePage) -> None:
    facts = changes.add_env(FACTS, "ORDER_BATCH", "500", "orders/tasks.py")
    facts = changes.add_env(facts, "ORDER_SIGNING_SECRET", None, "orders/tasks.py")
    facts = changes.add_env(facts, "BILLING_URL", "x", "billing/conf.py")  # another app's
    page = parse(PAGE)
    assert len(findings(page, facts, "FD606")) == 2
    text = synced(page, facts)
    assert "ORDER_SIGNING_SECRET=your_value_here\n\n# Optional" in text
    assert "ORDER_NOTIFY=True\nORDER_BATCH=500\n```" in text
    assert "BILLING_URL" not in text
    assert findings(parse(text), facts, *ENV_CODES) == []


def test_a_new_required_variable_is_not_put_under_a_header_that_sets_a_condition(parse: ParsePage) -> None:
    source = PAGE.replace("# Required configuration\n", "# Required configuration (only when the payment provider is on)\n")
    facts = changes.add_env(FACTS, "ORDER_SIGNING_SECRET", None, "orders/tasks.py")
    text = synced(parse(source), facts)
    assert "ORDER_NOTIFY=True\n\n# Required configuration\nORDER_SIGNING_SECRET=your_value_here\n```" in text
    assert "is on)\nORDER_API_KEY=your_api_key_here  # from the payment provider\n\n" in text
    assert findings(parse(text), facts, *ENV_CODES) == []


def test_a_secret_default_is_never_written(parse: ParsePage) -> None:
    source = PAGE.replace("ORDER_NOTIFY=True\n", "ORDER_NOTIFY=True\nORDER_API_TOKEN=abc\n")
    facts = changes.add_env(FACTS, "ORDER_API_TOKEN", "s3cr3t-value", "orders/conf.py")
    text = synced(parse(source), facts)
    assert "s3cr3t" not in text


def test_a_new_ttl_keeps_the_pages_unit(parse: ParsePage) -> None:
    facts = changes.set_ttl(FACTS, "orders:{}:summary", 1800)
    page = parse(PAGE)
    assert [f.code for f in findings(page, facts, "FD702")] == ["FD702"]
    text = synced(page, facts)
    assert text == PAGE.replace("**TTL**: 15 minutes", "**TTL**: 30 minutes")
    assert findings(parse(text), facts, "FD702") == []


def test_a_renamed_cache_key_is_renamed_with_the_page_s_placeholder(parse: ParsePage) -> None:
    facts = changes.rename_key(FACTS, "orders:{}:summary", "orders:v2:{}:summary")
    page = parse(PAGE)
    (finding,) = findings(page, facts, "FD701")
    assert finding.fix is not None and finding.fix.description == "rename the key to `orders:v2:{}:summary`"
    text = synced(page, facts)
    assert text == PAGE.replace('f"orders:{pk}:summary"', 'f"orders:v2:{pk}:summary"')
    assert findings(parse(text), facts, "FD701", "FD702") == []


def test_a_renamed_cache_key_named_in_prose_keeps_its_backticks(parse: ParsePage) -> None:
    facts = changes.rename_key(FACTS, "orders:{}:summary", "orders:{}:summaries")
    prose = "\nSaving the order deletes the entry under `orders:{pk}:summary`; nothing else does.\n"
    text = synced(parse(PAGE + prose), facts)
    assert text == (PAGE + prose).replace("orders:{pk}:summary", "orders:{pk}:summaries")


@pytest.mark.parametrize(
    ("others", "documented"),
    [
        (("orders:v3:{}:summary",), ""),  # two keys much like it: which one?
        ((), '\n`orders:v2:{order_id}:summary` holds the summary while an order is paid.\n'),  # on the page already
    ],
)
def test_a_cache_key_with_no_one_successor_stays_for_a_person(parse: ParsePage, others, documented) -> None:
    facts = changes.rename_key(FACTS, "orders:{}:summary", "orders:v2:{}:summary")
    for pattern in others:
        facts = changes.add_key(facts, pattern)
    page = parse(PAGE + documented)
    (finding,) = findings(page, facts, "FD701")
    assert finding.fix is None
    assert synced(page, facts) == PAGE + documented


def test_a_renamed_variable_keeps_its_value_and_comment(parse: ParsePage) -> None:
    facts = changes.remove_env(FACTS, "ORDER_WINDOW_HOURS")
    facts = changes.add_env(facts, "ORDER_PAYMENT_WINDOW_HOURS", "48", "orders/conf.py")
    text = synced(parse(PAGE), facts)
    assert text == PAGE.replace("ORDER_WINDOW_HOURS=48  #", "ORDER_PAYMENT_WINDOW_HOURS=48  #")
    assert findings(parse(text), facts, *ENV_CODES) == []


def test_a_renamed_variable_is_renamed_where_a_settings_example_reads_it(parse: ParsePage) -> None:
    facts = changes.remove_env(FACTS, "ORDER_WINDOW_HOURS")
    facts = changes.add_env(facts, "ORDER_PAYMENT_WINDOW_HOURS", "48", "orders/conf.py")
    settings = '\n### Django Settings\n\n```python\nWINDOW = int(os.getenv("ORDER_WINDOW_HOURS", "48"))\n```\n'
    page = parse(PAGE + settings)
    assert [f.code for f in findings(page, facts, "FD601")] == ["FD601", "FD601"]
    text = synced(page, facts)
    assert text == (PAGE + settings).replace("ORDER_WINDOW_HOURS", "ORDER_PAYMENT_WINDOW_HOURS")
    assert findings(parse(text), facts, *ENV_CODES) == []


def test_a_variable_with_two_likely_successors_stays_for_a_person(parse: ParsePage) -> None:
    facts = changes.remove_env(FACTS, "ORDER_WINDOW_HOURS")
    facts = changes.add_env(facts, "ORDER_PAY_WINDOW_HOURS", "48", "billing/conf.py")
    facts = changes.add_env(facts, "ORDER_SHIP_WINDOW_HOURS", "24", "billing/conf.py")
    page = parse(PAGE)
    assert synced(page, facts) == PAGE
    assert [f.code for f in findings(page, facts, "FD601")] == ["FD601"]


COMPOSE = """
### Deployment

```yaml
# docker-compose.yml
services:
  web:
    environment:
      - ORDER_WINDOW_HOURS=24
      - POSTGRES_PASSWORD=s3cret
  db:
    environment:
      POSTGRES_DB: shop
```
"""


def test_a_deployment_file_keeps_the_variables_of_other_services(parse: ParsePage) -> None:
    page = parse(PAGE + COMPOSE)
    assert findings(page, FACTS, *ENV_CODES) == []
    assert synced(page, FACTS) == page.text


def test_a_misspelt_variable_in_a_deployment_file_is_renamed_in_place(parse: ParsePage) -> None:
    page = parse(PAGE + COMPOSE.replace("- ORDER_WINDOW_HOURS=24", "- ORDER_WINDOW_HOUR=24"))
    assert [f.code for f in findings(page, FACTS, "FD601")] == ["FD601"]
    assert synced(page, FACTS) == PAGE + COMPOSE


def test_a_variable_the_feature_reads_is_not_added_to_a_deployment_file(parse: ParsePage) -> None:
    listed = PAGE.split("```bash")[0] + "- `ORDER_API_KEY` (required)\n- `ORDER_NOTIFY`: `True` by default\n"
    page = parse(listed + COMPOSE)
    facts = changes.add_env(FACTS, "ORDER_BATCH", "500", "orders/tasks.py")
    assert [f.code for f in findings(page, facts, "FD606")] == ["FD606"]
    assert synced(page, facts) == page.text


STAGING = """
### Staging environment

```env
# Optional
ORDER_WINDOW_HOURS=2
```
"""


def test_one_environments_values_are_kept_and_get_no_new_variables(parse: ParsePage) -> None:
    only_staging = PAGE.split("```bash")[0].replace("### Environment Variables\n\n", "") + STAGING
    facts = changes.add_env(FACTS, "ORDER_BATCH", "500", "orders/tasks.py")
    page = parse(only_staging)
    assert findings(page, facts, "FD602") == []
    assert synced(page, facts) == page.text
    text = synced(parse(PAGE + STAGING), facts)
    assert "ORDER_NOTIFY=True\nORDER_BATCH=500\n```" in text and text.endswith(STAGING)


def test_a_variable_under_a_group_heading_is_not_moved_into_the_block(parse: ParsePage) -> None:
    headed = PAGE.replace("# Required configuration\n", "").replace(
        "# Optional configuration (with defaults)\n", "").replace("```bash\n", "#### Required\n\n```bash\n")
    page = parse(headed)
    assert [f.code for f in findings(page, FACTS, "FD603")] == ["FD603", "FD603"]
    assert synced(page, FACTS) == page.text


def test_a_shell_fallback_is_corrected_inside_its_braces(parse: ParsePage) -> None:
    source = PAGE.replace("ORDER_WINDOW_HOURS=48  #", "ORDER_WINDOW_HOURS=${ORDER_WINDOW_HOURS:-48}  #")
    page = parse(source)
    assert findings(page, FACTS, *ENV_CODES) == []
    facts = changes.set_env_default(FACTS, "ORDER_WINDOW_HOURS", "72")
    text = synced(page, facts)
    assert text == source.replace(":-48}", ":-72}")
    assert findings(parse(text), facts, *ENV_CODES) == []


SESSION = """
A one-off run with a longer window:

```bash
ORDER_WINDOW_HOURS=72 python manage.py expire_orders
export ORDER_STALE_FLAG=1
```
"""


def test_a_block_under_a_heading_naming_variables_is_refreshed_like_an_environment_block(
    parse: ParsePage,
) -> None:
    source = PAGE.replace("### Environment Variables", "### Configuration variables") + SESSION
    page = parse(source)
    assert findings(page, FACTS, *ENV_CODES) == []
    assert synced(page, FACTS) == source
    facts = changes.set_env_default(FACTS, "ORDER_WINDOW_HOURS", "72")
    text = synced(page, facts)
    assert text == source.replace("ORDER_WINDOW_HOURS=48  #", "ORDER_WINDOW_HOURS=72  #")
    assert findings(parse(text), facts, *ENV_CODES) == []


def test_a_block_under_a_heading_about_the_past_is_left_as_it_is(parse: ParsePage) -> None:
    legacy = PAGE.replace("## Performance Optimization", (
        "### Legacy configuration\n\n```bash\n# Required\nORDER_WINDOW=24\nORDER_WINDOW_HOURS=24\n```\n\n"
        "## Performance Optimization"
    ))
    page = parse(legacy)
    assert findings(page, FACTS, *ENV_CODES) == []
    assert synced(page, FACTS) == legacy
    # the current block is still refreshed
    facts = changes.set_env_default(FACTS, "ORDER_WINDOW_HOURS", "72")
    assert synced(parse(legacy), facts) == legacy.replace("ORDER_WINDOW_HOURS=48  #", "ORDER_WINDOW_HOURS=72  #")
