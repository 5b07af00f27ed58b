from __future__ import annotations

from pathlib import Path

from featuredocs.model import Span
from featuredocs.rules.fd2_links.fd201_linked_file_missing import LinkedFileMissing
from tests.rules.fd2.helpers import docs_context, page_of
from tests.support.rules import run_rule


def test_links_to_existing_files_folders_and_urls_are_silent(tmp_path: Path) -> None:
    (tmp_path / "orders").mkdir()
    (tmp_path / "orders" / "models.py").write_text("x = 1\n")
    ctx = docs_context(
        tmp_path / "docs",
        {
            "README.md": "# Index\n",
            "commands.md": "# Commands\n",
            "img/shot.png": "png",
            "features/a.md": """
                # A
                [cmds](../commands.md#x) [index](../README.md) [folder](../img/)
                ![shot](../img/shot.png) [code](../../orders/models.py#L1)
                [web](https://example.com/x.md) [mail](mailto:a@b.c) [here](#a)
                [spaced](../commands.md?plain=1)
                """,
        },
    )
    assert run_rule(LinkedFileMissing, page_of(ctx, "features/a.md"), ctx=ctx) == []


def test_missing_file_and_image_are_reported_at_the_link(tmp_path: Path) -> None:
    ctx = docs_context(
        tmp_path / "docs",
        {
            "commands.md": "# Commands\n",
            "features/a.md": """
                # A

                See [commands](../command.md#expire) and ![shot](img/missing.png).
                Code: [model](../../orders/gone.py).
                """,
        },
    )
    findings = run_rule(LinkedFileMissing, page_of(ctx, "features/a.md"), ctx=ctx)
    assert [(f.code, f.span, f.message) for f in findings] == [
        ("FD201", Span(3, 5, 3, 37), "linked file `../command.md` does not exist"),
        ("FD201", Span(3, 42, 3, 66), "image `img/missing.png` does not exist"),
        ("FD201", Span(4, 7, 4, 36), "linked file `../../orders/gone.py` does not exist"),
    ]
    assert findings[0].hint == "did you mean `../commands.md`?"
    assert findings[0].path == "features/a.md"


def test_url_encoded_paths_are_decoded(tmp_path: Path) -> None:
    ctx = docs_context(
        tmp_path / "docs",
        {"my notes.md": "# N\n", "a.md": "[n](my%20notes.md) [m](other%20notes.md)\n"},
    )
    (finding,) = run_rule(LinkedFileMissing, page_of(ctx, "a.md"), ctx=ctx)
    assert finding.message == "linked file `other notes.md` does not exist"


def test_links_written_as_html_are_checked(tmp_path: Path) -> None:
    ctx = docs_context(
        tmp_path / "docs",
        {
            "commands.md": "# Commands\n",
            "features/a.md": """
                # A

                See <a href="../commands.md" target="_blank">commands</a>, <a href='../gone.md'>x</a>
                and <img width="40" src="img/missing.png">. <a href="https://example.com/x.md">web</a>

                <div align="center">
                  <a href="../history.md"><img src="../commands.md" alt=""></a>
                </div>

                <!-- <a href="../commented-out.md">old</a> -->
                `<a href="../in-code.md">`
                """,
        },
    )
    findings = run_rule(LinkedFileMissing, page_of(ctx, "features/a.md"), ctx=ctx)
    assert [(f.span, f.message) for f in findings] == [
        (Span(3, 60, 3, 81), "linked file `../gone.md` does not exist"),
        (Span(4, 5, 4, 43), "image `img/missing.png` does not exist"),
        (Span(7, 3, 7, 27), "linked file `../history.md` does not exist"),
    ]
