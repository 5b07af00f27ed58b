from __future__ import annotations

from pathlib import Path

import pytest

from featuredocs.markdown import PageError, load_docset, read_page


def write(root: Path, rel: str, data: bytes | str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def test_read_page_sets_rel_and_display(tmp_path: Path) -> None:
    path = write(tmp_path / "docs", "features/a.md", "# A\n")
    page = read_page(path, root=tmp_path / "docs", display_base=tmp_path)
    assert (page.rel, page.display) == ("features/a.md", "docs/features/a.md")
    assert page.path == path.resolve()


def test_binary_file_is_a_page_error(tmp_path: Path) -> None:
    path = write(tmp_path, "bin.md", b"# A\n\x00\x01")
    with pytest.raises(PageError) as caught:
        read_page(path, root=tmp_path)
    assert "binary" in caught.value.message and "\n" not in str(caught.value)


def test_non_utf8_names_the_byte_offset(tmp_path: Path) -> None:
    path = write(tmp_path, "latin.md", "# Caf".encode() + b"\xe9\n")
    with pytest.raises(PageError) as caught:
        read_page(path, root=tmp_path)
    assert "not UTF-8" in caught.value.message and "offset 5" in caught.value.message


def test_page_over_the_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "big.md", "x" * 2048)
    with pytest.raises(PageError) as caught:
        read_page(path, root=tmp_path, max_bytes=1024)
    assert "2,048 bytes" in caught.value.message and "1,024" in caught.value.message


def test_empty_page_is_fine(tmp_path: Path) -> None:
    page = read_page(write(tmp_path, "empty.md", b""), root=tmp_path)
    assert page.title is None and page.sections == ()


def test_bom_is_accepted(tmp_path: Path) -> None:
    page = read_page(write(tmp_path, "bom.md", b"\xef\xbb\xbf# Title\n"), root=tmp_path)
    assert page.title is not None and page.title.plain == "Title"


def test_ten_thousand_nested_list_levels(tmp_path: Path) -> None:
    text = "- " * 10_000 + "level\n"
    page = read_page(write(tmp_path, "deep.md", text), root=tmp_path)
    (block,) = page.preamble
    depth, items = 0, block.items
    while items:
        depth, items = depth + 1, items[0].children
    assert 1 < depth < 10_000  # nesting is capped, nothing is lost to a crash


def test_deeply_nested_quotes(tmp_path: Path) -> None:
    page = read_page(write(tmp_path, "quotes.md", ">" * 10_000 + " deep\n"), root=tmp_path)
    assert "deep" in page.preamble[0].plain


def test_load_docset_collects_pages_files_and_errors(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    write(root, "README.md", "# Index\n")
    write(root, "features/a.md", "# A\n")
    write(root, "features/bad.md", b"\xff\xfe")
    write(root, "img/shot.png", b"\x89PNG")
    write(root, ".hidden/x.md", "# hidden\n")
    docset, errors = load_docset(root, exclude=("features/a.md",))
    assert [p.rel for p in docset.pages] == ["README.md"]
    assert docset.files == {"README.md", "features/a.md", "features/bad.md", "img/shot.png"}
    assert [e.path.name for e in errors] == ["bad.md"]
    assert docset.page("README.md") is docset.pages[0]


def test_load_docset_include_globs(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    write(root, "README.md", "# Index\n")
    write(root, "features/a.md", "# A\n")
    docset, _ = load_docset(root, include=("features/*.md",))
    assert [p.rel for p in docset.pages] == ["features/a.md"]


def test_missing_docs_folder(tmp_path: Path) -> None:
    with pytest.raises(PageError) as caught:
        load_docset(tmp_path / "nope")
    assert caught.value.path == tmp_path / "nope" and "not found" in caught.value.message


def test_exclude_globs_reach_into_folders(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    write(root, "README.md", "# Index\n")
    write(root, "archive/old/x.md", "# Old\n")
    write(root, "features/_TEMPLATE.md", "# T\n")
    docset, _ = load_docset(root, exclude=("archive/**", "**/_*.md"))
    assert [p.rel for p in docset.pages] == ["README.md"]
