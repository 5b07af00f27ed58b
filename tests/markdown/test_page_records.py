"""What the cache records of a parsed page: its anchors digest follows its explicit HTML
anchors, and the light copy restores to the page the cross-page rules read."""

from __future__ import annotations

from pathlib import Path

from featuredocs.cache.pages import light_page, make_record, restore
from featuredocs.markdown import parse_page
from featuredocs.model import DocSet

DOCS = Path("/docs")


def _anchors(text: str) -> str:
    page = parse_page(text, path=DOCS / "x.md", rel="x.md")
    return make_record(page, light_page(page), DocSet(DOCS, (), frozenset({"x.md"})), None, "key").anchors


def test_the_anchor_digest_changes_with_an_html_anchor() -> None:
    plain = _anchors("# T\n\ntext\n")
    with_anchor = _anchors('# T\n\n<a id="pay"></a>\ntext\n')
    assert with_anchor != plain
    assert _anchors('# T\n\n<a id="refund"></a>\ntext\n') != with_anchor
    assert _anchors('# T\n\n<a\n  name="pay"></a>\ntext\n') != plain


def test_keyword_arguments_in_code_are_no_anchors() -> None:
    code = '# T\n\n```python\nfilter(name="x")\n```\n'
    assert _anchors(code) == _anchors(code.replace('name="x"', 'name="y"'))


def test_a_light_copy_restores_the_cross_page_view() -> None:
    text = "---\nstatus: draft\n---\n# T\n\n> **T** - tagline\n\n## A\n\nSee [b](b.md).\n"
    page = parse_page(text, path=DOCS / "x.md", rel="x.md")
    back = restore(light_page(page), text, "docs/x.md")
    assert (back.title, back.tagline, back.headings, back.links) == (page.title, page.tagline, page.headings, page.links)
    assert back.display == "docs/x.md"  # the name of the day, never kept with the copy
    assert back.lines == page.lines and dict(back.front_matter) == dict(page.front_matter)
    assert back.sections == ()


def test_the_anchor_digest_follows_every_anchor_the_link_rule_accepts() -> None:
    # FD202 reads the last id or name of a tag, even one written inside another
    # attribute's value; a change to it must reach the pages linking here.
    text = "# T\n\n<p id='<a name=\"pay\">'>x</p>\n"
    assert _anchors(text) != _anchors(text.replace('"pay"', '"refund"'))
