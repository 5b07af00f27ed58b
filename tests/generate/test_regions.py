"""Generated regions in hand-written files: markers, newline style, final newline, BOM."""

from __future__ import annotations

from pathlib import Path

import pytest

from featuredocs.errors import UsageError
from featuredocs.generate.regions import (
    BEGIN,
    END,
    hand_written,
    read_text_file,
    split_region,
    with_region,
)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _regenerate(path: Path, content: str) -> str:
    file = read_text_file(path)
    return file.encoded(with_region(file, content, "Title", str(path)))


def test_a_missing_file_is_created_with_a_title_and_the_region(tmp_path: Path) -> None:
    file = read_text_file(tmp_path / "api.md")
    assert not file.exists
    assert with_region(file, "## Orders\n", "API Reference", "api.md") == (
        f"# API Reference\n\n{BEGIN}\n## Orders\n{END}\n"
    )


def test_a_file_without_markers_gets_the_region_appended(tmp_path: Path) -> None:
    path = _write(tmp_path / "README.md", b"# Docs\n\nWritten by hand.\n")
    assert _regenerate(path, "- [A](a.md)") == f"# Docs\n\nWritten by hand.\n\n{BEGIN}\n- [A](a.md)\n{END}\n"


def test_only_the_region_changes_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    before, after = "# Docs\n\nIntro.\n", "\n## Hand-written after\n\nStays.\n"
    path = _write(tmp_path / "README.md", f"{before}{BEGIN}\nold\n{END}\n{after}".encode())
    first = _regenerate(path, "new")
    assert first == f"{before}{BEGIN}\nnew\n{END}\n{after}"
    path.write_text(first, encoding="utf-8")
    assert _regenerate(path, "new") == first
    assert read_text_file(path).original == first


def test_newline_style_encoding_mark_and_missing_final_newline_are_kept(tmp_path: Path) -> None:
    path = _write(tmp_path / "README.md", "\ufeff# Docs\r\n\r\nHand.".encode())
    result = _regenerate(path, "one\ntwo")
    assert result == f"\ufeff# Docs\r\n\r\nHand.\r\n\r\n{BEGIN}\r\none\r\ntwo\r\n{END}"
    path.write_bytes(result.encode("utf-8"))
    assert _regenerate(path, "one\ntwo") == result


def test_nothing_to_add_adds_no_region_but_an_empty_region_keeps_its_markers(tmp_path: Path) -> None:
    path = _write(tmp_path / "README.md", b"# Docs\n")
    assert _regenerate(path, "") == "# Docs\n"
    owned = _write(tmp_path / "api.md", f"# API\n\n{BEGIN}\n- old\n{END}\n".encode())
    assert _regenerate(owned, "") == f"# API\n\n{BEGIN}\n{END}\n"


def test_hand_written_text_excludes_the_region() -> None:
    text = f"# Docs\n{BEGIN}\n## Generated\n{END}\nAfter.\n"
    assert hand_written(text, "x") == "# Docs\nAfter.\n"
    assert split_region("# Docs\n", "x").found is False


@pytest.mark.parametrize(
    "text",
    [
        f"{BEGIN}\nno end\n",
        f"{END}\n{BEGIN}\n",
        f"{BEGIN}\n{END}\n{BEGIN}\n{END}\n",
    ],
)
def test_broken_markers_are_refused_rather_than_guessed(text: str) -> None:
    with pytest.raises(UsageError, match="fix the markers by hand"):
        split_region(text, "docs/api.md")


def test_markers_inside_text_lines_are_not_markers() -> None:
    text = f"Write `{BEGIN}` to start a region.\n"
    assert split_region(text, "x").found is False


def test_a_heading_the_hand_written_part_has_takes_the_region_in_at_its_end(tmp_path: Path) -> None:
    hand = "# Docs\n\n## Features\n\n- [A](a.md)\n\n### Older\n\n- [B](b.md)\n\n## Contributing\n\nHow.\n"
    path = _write(tmp_path / "README.md", hand.encode())
    first = _regenerate(path, "## Features\n\n- [C](c.md)\n\n## Reference\n\n- [R](r.md)")
    assert first == hand.replace(
        "\n## Contributing", f"\n{BEGIN}\n- [C](c.md)\n\n## Reference\n\n- [R](r.md)\n{END}\n\n## Contributing"
    )
    path.write_text(first, encoding="utf-8")
    assert _regenerate(path, "## Features\n\n- [C](c.md)\n\n## Reference\n\n- [R](r.md)") == first
    last = _write(tmp_path / "LAST.md", b"# Docs\n\n## Features\n\n- [A](a.md)\n")
    assert _regenerate(last, "## Features\n\n- [C](c.md)") == f"# Docs\n\n## Features\n\n- [A](a.md)\n\n{BEGIN}\n- [C](c.md)\n{END}\n"


def test_a_heading_in_fenced_code_or_deeper_down_is_not_the_section(tmp_path: Path) -> None:
    hand = "# Docs\n\n```markdown\n## Features\n```\n\n### Features\n\nText.\n"
    path = _write(tmp_path / "README.md", hand.encode())
    assert _regenerate(path, "## Features\n\n- [C](c.md)") == f"{hand}\n{BEGIN}\n## Features\n\n- [C](c.md)\n{END}\n"
