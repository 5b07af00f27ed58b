"""The reference pages ``featuredocs index`` writes (``README.md``, ``commands.md``,
``api.md`` at the docs root) are held to the project as the feature pages are; other pages
(a changelog, a decision record) may tell the project's history and are not.

The bundled shop's true reference pages check clean (``tests/test_example.py``); here the
same pages drift, in a copy of its docs, and a changelog and a decision record name the
same outdated things."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from featuredocs.model.page import REFERENCE_PAGES
from featuredocs.markdown import parse_page
from featuredocs.rules.fd4_commands.fd401_command_not_found import CommandNotFound
from featuredocs.rules.fd5_endpoints.fd501_endpoint_not_found import EndpointNotFound
from featuredocs.rules.fd5_endpoints.fd505_undocumented_endpoint import UndocumentedEndpoint
from featuredocs.rules.registry import all_rules
from tests.cli.support import featuredocs
from tests.support.rules import context_for

SHOP = Path(__file__).resolve().parents[2] / "examples" / "shop"

#: (page, text written before, text written now, the code its line gets)
DRIFTS = [
    ("api.md", "- `price_cents__lte` (integer", "- `price_max` (integer", "FD503"),
    ("api.md", "### GET /api/v1/products/availability/", "### GET /api/v1/products/stock/", "FD501"),
    ("api.md", "`shipped`, `expired` or `cancelled`", "`shipped`, `refunded` or `cancelled`", "FD506"),
    ("api.md", "### PATCH /api/v1/customers/me/", "### DELETE /api/v1/customers/me/", "FD502"),
    ("api.md", "Reminders per page, at most 100", "Reminders per page, at most 500", "FD508"),
    ("commands.md", "Orders loaded per query (default: 200)", "Orders loaded per query (default: 500)", "FD403"),
    ("commands.md", "- `--no-notify`: Do not tell", "- `--quiet`: Do not tell", "FD402"),
    ("commands.md", "python manage.py expire_orders --dry-run",
     "python manage.py expire_orders --dry-run --batch-size many", "FD404"),
]

#: Pages that name the same things as they were: history, not drift.
HISTORY = {
    "CHANGELOG.md": """# Changelog

## 3.0.0

- Removed `GET /api/v1/products/stock/`; use `GET /api/v1/products/availability/`.
- `page_size` is capped at 100 (was 500).
- `expire_orders --batch-size` now defaults to 200 (was 500).

## 2.4.0

```bash
python manage.py expire_orders --quiet
curl https://shop.example/api/v1/products/?price_max=900
```

```python
Order.objects.filter(total__gte=1000)
```
""",
    "decisions/0003-expiry.md": """# Decision 3: expire unpaid orders

## Decision

Run `python manage.py expire_orders --hours 24` hourly. `GET /api/v1/orders/?expired=true`
lists what expired. The model gets an `Order.expires_at` field.
""",
}


@pytest.fixture(scope="module")
def drifted_docs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[tuple[str, int, str]]]:
    docs = tmp_path_factory.mktemp("reference_pages") / "docs"
    shutil.copytree(SHOP / "docs", docs)
    expected = set()
    for rel, before, now, code in DRIFTS:
        text = (docs / rel).read_text(encoding="utf-8")
        assert text.count(before) == 1, (rel, before)
        at = text.index(before)
        (docs / rel).write_text(text.replace(before, now), encoding="utf-8")
        expected.add((rel, text.count("\n", 0, at) + 1, code))
    for rel, text in HISTORY.items():
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(text, encoding="utf-8")
    return docs, expected


@pytest.mark.parametrize("mode", ["live", "static"])
def test_reference_pages_drift_is_reported_and_history_is_left_alone(drifted_docs, mode):
    docs, expected = drifted_docs
    run = featuredocs("check", "--no-cache", "--mode", mode, "--docs", str(docs), "--format", "json", cwd=SHOP)
    assert "Traceback" not in run.err, run.err
    found = json.loads(run.out)["findings"]
    references = {(f["path"].rpartition("docs/")[2], f["line"], f["code"]) for f in found
                  if not f["code"].startswith(("FD1", "FD2"))}
    assert references == expected
    assert run.code == 1


def test_which_rules_run_on_which_pages():
    rels = ["features/a.md", "api.md", "commands.md", "README.md", "guides/api.md", "CHANGELOG.md"]
    pages = {rel: parse_page("# Page\n", path=Path("/docs") / rel, rel=rel) for rel in rels}
    ctx = context_for(list(pages.values()), root=Path("/docs"))
    checked = {rel: {rule.code for rule in all_rules() if rule.runs_on(page, ctx)} for rel, page in pages.items()}
    every = {rule.code for rule in all_rules()}
    assert checked["features/a.md"] == every
    assert REFERENCE_PAGES == {"README.md", "commands.md", "api.md"}
    for rel in REFERENCE_PAGES:
        assert {"FD302", "FD402", "FD501", "FD504", "FD604", "FD701", "FD803"} <= checked[rel]
        # What a page leaves undocumented is the feature pages' business; a command's
        # name off the feature pages is FD807's.
        assert not checked[rel] & {UndocumentedEndpoint.code, "FD305", "FD405", "FD510", "FD606", CommandNotFound.code}
        assert not checked[rel] & {code for code in every if code.startswith("FD1")}
    for rel in ("guides/api.md", "CHANGELOG.md"):
        assert EndpointNotFound.code not in checked[rel]
        assert {"FD201", "FD806", "FD807"} <= checked[rel]
