"""``featuredocs index`` on copies of the example shop: hand-written index files that already
link everything are left as they are, hand-written text survives, the pages' anchors exist,
``--check`` and ``--diff`` write nothing, a second run changes nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from featuredocs.markdown import parse_page
from tests.cli.support import Run, featuredocs
from tests.generate.ninja_store import make_ninja_store
from tests.generate.shop import SHOP, copy_shop, facts_json

INDEX_FILES = ("README.md", "commands.md", "api.md")


def _originals() -> dict[str, bytes]:
    return {name: (SHOP / "docs" / name).read_bytes() for name in INDEX_FILES}


def _anchors(path: Path) -> frozenset[str]:
    text = path.read_text(encoding="utf-8")
    return parse_page(text, path=path, rel=path.name).anchors


def _linked_anchors(docs: Path, target: str) -> set[str]:
    """Every ``#anchor`` the feature pages link to in ``target`` (``../api.md#orders``)."""
    found: set[str] = set()
    for page in (docs / "features").glob("*.md"):
        found.update(re.findall(rf"\]\(\.\./{re.escape(target)}#([^)]+)\)", page.read_text(encoding="utf-8")))
    return found


# --- the example, with its hand-written index files ------------------------------------------------


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_shop(tmp_path_factory.mktemp("index-pristine"))


REMINDERS_LINK = "- [Payment Reminders](features/payment-reminders.md)"


@pytest.fixture(scope="module")
def unlinked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with one feature page no longer linked from the hand-written index."""
    project = copy_shop(tmp_path_factory.mktemp("index-unlinked"))
    readme = project / "docs" / "README.md"
    lines = readme.read_text(encoding="utf-8").splitlines(keepends=True)
    readme.write_text("".join(line for line in lines if not line.startswith(REMINDERS_LINK)), encoding="utf-8")
    return project


@dataclass(frozen=True)
class Indexed:
    project: Path
    first: Run
    second: Run
    after_first: dict[str, bytes]


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Indexed:
    project = copy_shop(tmp_path_factory.mktemp("index"))
    first = featuredocs("index", cwd=project)
    after_first = {name: (project / "docs" / name).read_bytes() for name in INDEX_FILES}
    second = featuredocs("index", cwd=project)
    return Indexed(project, first, second, after_first)


def test_index_files_that_link_everything_already_are_clean(pristine: Path) -> None:
    check = featuredocs("index", "--check", cwd=pristine)
    assert (check.code, check.err) == (0, "")
    diff = featuredocs("index", "--diff", cwd=pristine)
    assert (diff.code, diff.out) == (0, "")
    assert {name: (pristine / "docs" / name).read_bytes() for name in INDEX_FILES} == _originals()


def test_check_and_diff_write_nothing(unlinked: Path) -> None:
    before = {name: (unlinked / "docs" / name).read_bytes() for name in INDEX_FILES}
    check = featuredocs("index", "--check", cwd=unlinked)
    assert check.code == 1
    assert check.err.splitlines() == ["featuredocs: docs/README.md: would be rewritten"]
    diff = featuredocs("index", "--diff", cwd=unlinked)
    assert diff.code == 1, diff.err  # a diff to show, as check --diff and sync --diff
    assert "--- a/docs/README.md\n+++ b/docs/README.md\n" in diff.out
    assert "+<!-- featuredocs:begin index -->\n" in diff.out
    assert "+- [Payment Reminders](features/payment-reminders.md)" in diff.out
    assert not [line for line in diff.out.splitlines() if line.startswith("-") and not line.startswith("---")]
    assert {name: (unlinked / "docs" / name).read_bytes() for name in INDEX_FILES} == before


def test_a_page_missing_from_a_hand_written_features_section_is_listed_at_its_end(tmp_path: Path) -> None:
    project = copy_shop(tmp_path)
    readme = project / "docs" / "README.md"
    hand = "".join(line for line in readme.read_text(encoding="utf-8").splitlines(keepends=True)
                   if not line.startswith(REMINDERS_LINK))
    readme.write_text(hand, encoding="utf-8")
    assert featuredocs("index", cwd=project).code == 0
    written = readme.read_text(encoding="utf-8")
    features, reference = hand.split("## Reference\n")
    assert written == (
        features.rstrip("\n") + "\n\n<!-- featuredocs:begin index -->\n" + REMINDERS_LINK
        + " - Reminds customers by e-mail or SMS of orders still waiting for payment, once per order and channel,"
        " before the orders expire.\n<!-- featuredocs:end index -->\n\n## Reference\n" + reference
    )
    assert written.count("## Features") == 1
    assert featuredocs("index", "--check", cwd=project).code == 0  # the region found stays headless
    assert featuredocs("check", cwd=project).code == 0


def test_index_keeps_hand_written_text_and_check_stays_clean(indexed: Indexed) -> None:
    assert indexed.first.code == 0, indexed.first.err
    for name, original in _originals().items():
        assert indexed.after_first[name].startswith(original)
    check = featuredocs("check", cwd=indexed.project)
    assert check.code == 0, check.out
    assert check.out.startswith("All checks passed")


def test_a_second_run_changes_nothing(indexed: Indexed) -> None:
    assert indexed.second.code == 0 and indexed.second.err == ""
    now = {name: (indexed.project / "docs" / name).read_bytes() for name in INDEX_FILES}
    assert now == indexed.after_first
    assert featuredocs("index", "--check", cwd=indexed.project).code == 0


def test_what_hand_written_files_already_cover_is_not_repeated(indexed: Indexed) -> None:
    # api.md writes its paths with `{id}` by hand: the same endpoints, so nothing to add
    assert indexed.after_first == _originals()


# --- a docs tree without index files ---------------------------------------------------------------


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_shop(tmp_path_factory.mktemp("index-fresh"))
    for name in INDEX_FILES:
        (project / "docs" / name).unlink()
    check = featuredocs("index", "--check", cwd=project)
    assert check.code == 1
    assert check.err.splitlines() == [f"featuredocs: docs/{name}: would be created" for name in INDEX_FILES]
    run = featuredocs("index", cwd=project)
    assert run.code == 0, run.err
    assert run.err.splitlines() == [f"featuredocs: created docs/{name}" for name in INDEX_FILES]
    return project


@pytest.fixture(scope="module")
def facts(fresh: Path) -> dict[str, Any]:
    return facts_json(fresh)


def test_every_anchor_the_pages_link_to_exists(fresh: Path) -> None:
    docs = fresh / "docs"
    for target in ("commands.md", "api.md"):
        linked = _linked_anchors(docs, target)
        assert linked, target
        assert linked <= _anchors(docs / target), target


def test_readme_links_every_feature_page_with_its_tagline(fresh: Path) -> None:
    readme = (fresh / "docs" / "README.md").read_text(encoding="utf-8")
    for page in sorted((fresh / "docs" / "features").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        title = text.splitlines()[0].removeprefix("# ")
        tagline = re.search(r"^> \*\*[^*]+\*\* - (.*)$", text, re.M).group(1)  # type: ignore[union-attr]
        assert f"- [{title}](features/{page.name}) - {tagline}\n" in readme
    assert "- [Management Commands](commands.md)" in readme and "- [API Reference](api.md)" in readme


def test_commands_reference_has_every_command_its_usage_and_options(
    fresh: Path, facts: dict[str, Any]
) -> None:
    text = (fresh / "docs" / "commands.md").read_text(encoding="utf-8")
    features = {p.name: p.read_text(encoding="utf-8") for p in (fresh / "docs" / "features").glob("*.md")}
    for command in (c for c in facts["commands"] if c["project"]):
        section = text.split(f"## {command['name']}\n")[1].split("\n## ")[0]
        usage = re.search(r"^usage: manage\.py (\S+)(.*)$", section, re.M)
        assert usage is not None and usage.group(1) == command["name"]
        for option in (o for o in command["options"] if not o["base"]):
            shown = option["flags"][-1] if option["flags"] else option["dest"]
            assert f"| `{shown}" in section
        documenting = [name for name, page in features.items() if f"### {command['name']}\n" in page]
        assert documenting and all(f"(features/{name})" in section for name in documenting)


def test_api_reference_has_every_endpoint_of_the_projects_apps(fresh: Path, facts: dict[str, Any]) -> None:
    text = (fresh / "docs" / "api.md").read_text(encoding="utf-8")
    own = {a["label"] for a in facts["apps"] if a["project"]}
    expected = {
        f"{method} {e['path']}" for e in facts["endpoints"] if e["app"] in own for method in e["methods"]
    }
    assert set(re.findall(r"^### (.+)$", text, re.M)) == expected
    assert "/admin/" not in text and "### GET /api/v1/\n" not in text  # not the project's own
    # a parameter's default and cap, as the view and its paginator set them
    orders = text.split("### GET /api/v1/orders/\n")[1].split("\n### ")[0]
    assert "- `ordering` (string, optional): one of `created_at`, `total_cents` (default: `-created_at`)\n" in orders
    assert "- `page_size` (integer, optional) (default: 20, at most 100)\n" in orders


def test_a_django_ninja_cap_is_written_and_checks_clean(tmp_path: Path) -> None:
    project = make_ninja_store(tmp_path)
    run = featuredocs("index", cwd=project)
    assert run.code == 0, run.err
    api = project / "docs" / "api.md"
    text = api.read_text(encoding="utf-8")
    items = "### GET /api/items\n\n**Query Parameters:**\n"
    assert items + "- `limit` (integer, optional) (default: 20, at most 100)\n" in text
    assert "- `page_size` (integer, optional) (default: 20, at most 100)\n" in text
    for mode in ("live", "static"):
        check = featuredocs("check", "--mode", mode, "--no-cache", cwd=project)
        assert check.code == 0, check.out


def test_fresh_tree_checks_clean(fresh: Path) -> None:
    check = featuredocs("check", cwd=fresh)
    assert check.code == 0, check.out


def test_crlf_files_stay_crlf(tmp_path: Path) -> None:
    project = copy_shop(tmp_path)
    readme = project / "docs" / "README.md"
    readme.write_bytes(readme.read_bytes().replace(b"\n", b"\r\n"))
    original = readme.read_bytes()
    assert featuredocs("index", cwd=project).code == 0
    written = readme.read_bytes()
    assert written.startswith(original)
    assert b"\n" not in written.replace(b"\r\n", b"")


def test_an_old_mac_readme_keeps_its_region_and_its_line_ends(tmp_path: Path) -> None:
    project = copy_shop(tmp_path)
    readme = project / "docs" / "README.md"
    stale = "# Shop Docs\n\nIntro.\n\n<!-- featuredocs:begin index -->\n- [Old page](features/old.md)\n<!-- featuredocs:end index -->\n"
    readme.write_bytes(stale.replace("\n", "\r").encode("utf-8"))
    assert featuredocs("index", cwd=project).code == 0
    written = readme.read_bytes()
    assert b"\n" not in written and written.count(b"featuredocs:begin") == 1
    assert written.startswith(b"# Shop Docs\r\rIntro.\r\r<!-- featuredocs:begin index -->\r")
    assert b"old.md" not in written and b"features/order-lifecycle.md" in written
    assert featuredocs("index", "--check", cwd=project).code == 0


def test_a_readme_with_one_crlf_line_keeps_lf_and_is_not_rewritten_for_nothing(tmp_path: Path) -> None:
    project = copy_shop(tmp_path)
    readme = project / "docs" / "README.md"
    lines = readme.read_bytes().split(b"\n")
    lines[0] += b"\r"
    mixed = b"\n".join(lines)
    readme.write_bytes(mixed)
    assert featuredocs("index", cwd=project).code == 0
    assert readme.read_bytes() == mixed  # nothing to change: not one byte written
    (project / "docs" / "features" / "new-page.md").write_text("# New Page\n\n> **New Page** - A page.\n", encoding="utf-8")
    assert featuredocs("index", cwd=project).code == 0
    written = readme.read_bytes()
    assert written.count(b"\r\n") == 0 and b"new-page.md" in written
