"""Cache files: versioned, written atomically, and harmless when damaged or foreign."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from featuredocs.cache.store import FORMAT, MAGIC, NullStore, Store


def test_a_written_payload_reads_back_and_the_folder_ignores_itself(tmp_path):
    store = Store(tmp_path / "cache", "1.0+abc")
    store.write("table.pickle", {"a": (1, 2)})
    assert Store(tmp_path / "cache", "1.0+abc").read("table.pickle") == {"a": (1, 2)}
    assert (tmp_path / "cache/.gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == [".gitignore", "table.pickle"]


def test_a_file_written_by_another_featuredocs_reads_as_missing(tmp_path):
    Store(tmp_path, "1.0+abc").write("table.pickle", {"a": 1})
    assert Store(tmp_path, "1.1+def").read("table.pickle") is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: data[: data.index(b"\n") + 1] + b"\x00garbage\xff" * 10,  # corrupt payload
        lambda data: b"",  # empty
        lambda data: pickle.dumps({"a": 1}),  # a pickle without our header
        lambda data: data.replace(f" {FORMAT} ".encode(), f" {FORMAT + 1} ".encode(), 1),  # other format
    ],
    ids=["truncated", "corrupt", "empty", "headerless", "other-format"],
)
def test_a_damaged_file_reads_as_missing_without_raising(tmp_path, damage):
    store = Store(tmp_path, "1.0+abc")
    store.write("table.pickle", {"a": list(range(100))})
    path = tmp_path / "table.pickle"
    path.write_bytes(damage(path.read_bytes()))
    assert store.read("table.pickle") is None


def test_writes_replace_the_file_whole(tmp_path, monkeypatch):
    store = Store(tmp_path, "1.0+abc")
    store.write("table.pickle", {"old": True})

    def broken_dumps(*args, **kwargs):
        raise TypeError("cannot pickle this")

    monkeypatch.setattr(pickle, "dumps", broken_dumps)
    store.write("table.pickle", {"new": True})  # fails before touching the file
    monkeypatch.undo()
    assert store.read("table.pickle") == {"old": True}
    assert store.notes and "not written" in store.notes[0]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".table")] == []


def test_an_unwritable_folder_is_a_note_not_an_error(tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    store = Store(blocker, "1.0+abc")
    store.write("table.pickle", {"a": 1})
    assert store.read("table.pickle") is None
    assert store.notes


def test_the_header_names_the_format_and_the_tool(tmp_path):
    Store(tmp_path, "1.0+abc").write("t.pickle", 1)
    assert (tmp_path / "t.pickle").read_bytes().startswith(MAGIC + f" {FORMAT} 1.0+abc\n".encode())


def test_the_null_store_neither_reads_nor_writes(tmp_path: Path):
    store = NullStore()
    store.write("table.pickle", {"a": 1})
    assert store.read("table.pickle") is None


def test_writes_into_a_subfolder_make_it_and_leave_no_temporary_files(tmp_path):
    store = Store(tmp_path / "cache", "1.0+abc")
    for n in range(3):
        store.write(f"light/{n:02d}.pickle", {"n": n})
    store.write("table.pickle", 1)
    assert sorted(p.name for p in (tmp_path / "cache/light").iterdir()) == ["00.pickle", "01.pickle", "02.pickle"]
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == [".gitignore", "light", "table.pickle"]
    assert Store(tmp_path / "cache", "1.0+abc").read("light/02.pickle") == {"n": 2}
