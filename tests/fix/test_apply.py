"""Writing pages back: encoding, BOM, newline style, final newline, atomicity, no-op writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from featuredocs.errors import UsageError
from featuredocs.fix.apply import FileChange, conform, read_text_file, write_changes, write_text_file
from featuredocs.fix.edits import apply_edits
from featuredocs.model import Edit, Span

BOM = b"\xef\xbb\xbf"


def write_bytes(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "page.md"
    path.write_bytes(data)
    return path


def insert_item(text: str) -> str:
    """Add a list item after the first line, as sync does: newlines written as ``\\n``."""
    first_line_end = len(text.replace("\r\n", "\n").split("\n")[0])
    return apply_edits(text, [Edit(Span(1, first_line_end + 1, 1, first_line_end + 1), "\n- added")]).text


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        (b"- one\n- two\n", b"- one\n- added\n- two\n"),
        (b"- one\r\n- two\r\n", b"- one\r\n- added\r\n- two\r\n"),
        (b"- one\n- two", b"- one\n- added\n- two"),
        (b"- one\r\n- two", b"- one\r\n- added\r\n- two"),
        (BOM + b"- one\n- two\n", BOM + b"- one\n- added\n- two\n"),
        (BOM + b"- \xc3\xa9t\xc3\xa9\r\n- two", BOM + b"- \xc3\xa9t\xc3\xa9\r\n- added\r\n- two"),
    ],
    ids=["lf", "crlf", "lf-no-final-newline", "crlf-no-final-newline", "bom", "bom-crlf-utf8"],
)
def test_a_write_keeps_encoding_newlines_and_final_newline(tmp_path: Path, original: bytes, expected: bytes) -> None:
    path = write_bytes(tmp_path, original)
    file = read_text_file(path)
    assert write_text_file(file, insert_item(file.text)) is True
    assert path.read_bytes() == expected


def test_text_written_with_lf_is_written_back_in_the_files_style(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, b"a\r\nb\r\n")
    write_text_file(read_text_file(path), "a\nchanged\n")
    assert path.read_bytes() == b"a\r\nchanged\r\n"


def test_a_final_newline_is_neither_added_nor_lost() -> None:
    with_newline = read_like("x\n")
    without = read_like("x")
    assert conform(with_newline, "y") == "y\n"
    assert conform(without, "y\n") == "y"
    assert conform(with_newline, "y\n") == "y\n"


def read_like(text: str):  # type: ignore[no-untyped-def]
    from featuredocs.fix.apply import TextFile

    return TextFile(Path("page.md"), text)


def test_mixed_newlines_are_left_as_they_are(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, b"a\r\nb\nc\r\n")
    file = read_text_file(path)
    new = file.text.replace("b", "B")
    write_text_file(file, new)
    assert path.read_bytes() == b"a\r\nB\nc\r\n"


def test_an_unchanged_text_is_not_written(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, b"same\n")
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    assert write_text_file(read_text_file(path), "same\n") is False
    assert path.stat().st_mtime_ns == 1_000_000_000


def test_a_write_is_atomic_a_failed_replace_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_bytes(tmp_path, b"old\n")
    file = read_text_file(path)

    def fail(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(UsageError, match="No space left"):
        write_text_file(file, "new\n")
    assert path.read_bytes() == b"old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.md"]


def test_a_write_replaces_the_file_in_one_step_and_keeps_its_mode(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, b"old\n")
    path.chmod(0o640)
    inode = path.stat().st_ino
    write_text_file(read_text_file(path), "new\n")
    assert path.read_bytes() == b"new\n"
    assert path.stat().st_mode & 0o777 == 0o640
    assert path.stat().st_ino != inode  # a new file renamed over the old one, not rewritten in place


def test_a_page_changed_on_disk_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, b"old\n")
    file = read_text_file(path)
    path.write_bytes(b"someone else\n")
    with pytest.raises(UsageError, match="changed on disk"):
        write_text_file(file, "mine\n")
    assert path.read_bytes() == b"someone else\n"


def test_write_changes_writes_each_page_and_reports_the_ones_it_cannot(tmp_path: Path) -> None:
    good = write_bytes(tmp_path, b"a\n")
    moved = tmp_path / "moved.md"
    moved.write_bytes(b"b\n")
    changes = [
        FileChange(good, "page.md", "a\n", "A\n"),
        FileChange(moved, "moved.md", "not what is on disk\n", "B\n"),
        FileChange(good, "page.md", "A\n", "A\n"),  # no change: nothing to do
    ]
    report = write_changes(changes)
    assert [c.display for c in report.written] == ["page.md"]
    assert len(report.errors) == 1 and "moved.md" in str(report.errors[0])
    assert good.read_bytes() == b"A\n" and moved.read_bytes() == b"b\n"


def test_a_non_utf8_page_is_refused(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, b"caf\xe9\n")
    with pytest.raises(UsageError, match="not UTF-8"):
        read_text_file(path)
