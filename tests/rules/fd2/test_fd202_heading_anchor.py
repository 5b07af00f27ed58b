from __future__ import annotations

from pathlib import Path

from featuredocs.markdown import parse_page
from featuredocs.model import Applicability, Edit, Span
from featuredocs.rules.fd2_links.fd202_broken_heading_anchor import BrokenHeadingAnchor
from tests.rules.fd2.helpers import docs_context, page_of
from tests.support.rules import run_rule

COMMANDS = """
    # Commands

    ## expire_orders

    ### Options

    ## send_reminders

    ### Options

    <a id="legacy-anchor"></a>
    """


def test_anchors_that_exist_are_silent(tmp_path: Path) -> None:
    ctx = docs_context(
        tmp_path / "docs",
        {
            "commands.md": COMMANDS,
            "features/a.md": """
                # Order Expiry

                ## Data Models

                [up](#data-models) [opts](../commands.md#options-1)
                [cmd](../commands.md#expire_orders) [html](../commands.md#legacy-anchor)
                [case](#Data-Models) [outside](../../src/x.py#anything)
                """,
        },
    )
    assert run_rule(BrokenHeadingAnchor, page_of(ctx, "features/a.md"), ctx=ctx) == []


def test_broken_anchor_in_another_page_with_a_safe_fix(tmp_path: Path) -> None:
    ctx = docs_context(
        tmp_path / "docs",
        {
            "commands.md": COMMANDS,
            "features/a.md": "# A\n\nRun [it](../commands.md#expire-orders) daily.\n",
        },
    )
    (finding,) = run_rule(BrokenHeadingAnchor, page_of(ctx, "features/a.md"), ctx=ctx)
    assert finding.code == "FD202"
    assert finding.span == Span(3, 5, 3, 39)
    assert finding.message == "anchor `#expire-orders` matches no heading in `../commands.md`"
    assert finding.hint == "did you mean `#expire_orders`?"
    assert finding.fix is not None and finding.fix.applicability is Applicability.SAFE
    assert finding.fix.edits == (Edit(Span(3, 25, 3, 38), "expire_orders"),)


def test_a_reference_link_is_fixed_in_its_definition(tmp_path: Path) -> None:
    page = (
        "# A\n\nRun [it][cmd] daily.\n\n```markdown\n[cmd]: ../commands.md#expire-orders\n```\n\n"
        "[cmd]: ../commands.md#expire-orders\n"
    )
    ctx = docs_context(tmp_path / "docs", {"commands.md": COMMANDS, "features/a.md": page})
    (finding,) = run_rule(BrokenHeadingAnchor, page_of(ctx, "features/a.md"), ctx=ctx)
    assert finding.span == Span(3, 5, 3, 14)  # reported where the reader follows it
    assert finding.fix is not None  # edited where it is defined, not in the example block
    assert finding.fix.edits == (Edit(Span(9, 23, 9, 36), "expire_orders"),)


def test_broken_anchor_in_the_same_page(tmp_path: Path) -> None:
    ctx = docs_context(
        tmp_path / "docs",
        {"a.md": "# A\n\n## Configuration\n\nSee [below](#configuraton) or [x](#zzz).\n"},
    )
    first, second = run_rule(BrokenHeadingAnchor, page_of(ctx, "a.md"), ctx=ctx)
    assert first.message == "anchor `#configuraton` matches no heading in this page"
    assert first.hint == "did you mean `#configuration`?"
    assert second.hint is None and second.fix is None


def test_a_link_to_the_page_by_its_own_name_is_to_this_page(tmp_path: Path) -> None:
    """However the docs set holds the page (a worker parses the page it checks afresh,
    beside the light copy the set holds), a link to its own file reads the page itself."""
    text = "# A\n\n## Configuration\n\nSee [it](a.md#configuraton).\n"
    ctx = docs_context(tmp_path / "docs", {"a.md": text})
    held = page_of(ctx, "a.md")
    fresh = parse_page(held.text, path=held.path, rel=held.rel, display=held.display)
    for page in (held, fresh):
        (finding,) = run_rule(BrokenHeadingAnchor, page, ctx=ctx)
        assert finding.message == "anchor `#configuraton` matches no heading in this page"
        assert finding.hint == "did you mean `#configuration`?"


def test_links_to_pages_outside_the_docset_are_left_to_fd201(tmp_path: Path) -> None:
    ctx = docs_context(tmp_path / "docs", {"a.md": "[x](missing.md#nope)\n"})
    assert run_rule(BrokenHeadingAnchor, page_of(ctx, "a.md"), ctx=ctx) == []


def test_an_anchor_in_an_html_link_is_checked_and_fixed_in_place(tmp_path: Path) -> None:
    page = (
        '# A\n\nRun <a href="../commands.md#expire-orders">it</a> daily, '
        '<a href="../commands.md#send_reminders">also</a>.\n'
    )
    ctx = docs_context(tmp_path / "docs", {"commands.md": COMMANDS, "features/a.md": page})
    (finding,) = run_rule(BrokenHeadingAnchor, page_of(ctx, "features/a.md"), ctx=ctx)
    assert finding.span == Span(3, 5, 3, 44)
    assert finding.fix is not None
    assert finding.fix.edits == (Edit(Span(3, 29, 3, 42), "expire_orders"),)


IDS = """
# Checkout

## Troubleshooting { #troubleshooting-expiry }

### Stock check {#stock-check .important}

(import-caching)=
## Performance
"""


def test_ids_a_page_sets_itself_are_anchors_and_the_hint_prefers_them(tmp_path: Path) -> None:
    links = "[a](../guide.md#troubleshooting-expiry) [b](../guide.md#stock-check) [c](../guide.md#import-caching)\n"
    ctx = docs_context(tmp_path / "docs", {"guide.md": IDS, "features/a.md": f"# A\n\n{links}"})
    assert run_rule(BrokenHeadingAnchor, page_of(ctx, "features/a.md"), ctx=ctx) == []
    broken = "[a](../guide.md#troubleshooting-expired) [b](../guide.md#import-cache)\n"
    ctx = docs_context(tmp_path / "docs2", {"guide.md": IDS, "features/a.md": f"# A\n\n{broken}"})
    findings = run_rule(BrokenHeadingAnchor, page_of(ctx, "features/a.md"), ctx=ctx)
    assert [f.hint for f in findings] == [
        "did you mean `#troubleshooting-expiry`?", "did you mean `#import-caching`?",
    ]
