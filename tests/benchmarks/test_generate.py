"""The scale generator: deterministic, and its pages check with exactly the seeded drifts."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from benchmarks.generate import generate, read_manifest
from benchmarks.synth.drifts import EDITORS
from featuredocs.cache import incremental_check
from featuredocs.config import load_config


def tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory):
    return generate(tmp_path_factory.mktemp("gen") / "small", scale=0.02, seed=3)


def test_the_same_seed_writes_the_same_tree_and_another_seed_another(small, tmp_path):
    again = generate(tmp_path / "again", scale=0.02, seed=3)
    other = generate(tmp_path / "other", scale=0.02, seed=4)
    assert tree_digest(again.root) == tree_digest(small.root)
    assert tree_digest(other.root) != tree_digest(small.root)


def test_sizes_follow_the_scale(small, tmp_path):
    quarter = generate(tmp_path / "quarter", scale=0.25, seed=1)
    assert (quarter.apps, quarter.models, quarter.commands, quarter.endpoints, quarter.pages) == (
        10, 100, 38, 200, 250,
    )
    assert len(list((quarter.docs / "features").glob("*.md"))) == 250
    assert {d.code for d in quarter.drifts} == {code for code, _ in EDITORS}  # every kind fits a page
    assert small.pages == 20 and len(small.drifts) == 3


def test_every_drift_edits_one_line_of_a_page(small):
    manifest = read_manifest(small.root)
    assert manifest == list(small.drifts)
    assert {d.code for d in manifest} <= {code for code, _ in EDITORS}
    for drift in manifest:
        lines = (small.docs / drift.page).read_text(encoding="utf-8").splitlines()
        assert 0 < drift.line <= len(lines)


def test_the_pages_check_with_exactly_the_seeded_drifts(small):
    config = load_config(root=small.root).with_overrides(settings=small.settings)
    run = incremental_check(config, use_cache=False)
    assert run.result.page_errors == ()
    found = sorted((f.path.rsplit("docs/", 1)[1], f.span.line, f.code) for f in run.result.findings)
    expected = sorted((d.page, d.line, d.code) for d in small.drifts)
    assert found == expected


def test_pages_write_their_own_examples_not_one_block_repeated(small):
    """Per-text caches must not find the generated docs easier than hand-written ones."""
    seen: dict[str, str] = {}
    for page in sorted((small.docs / "features").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        for block in text.split("```python\n")[1:]:
            body = block.split("```", 1)[0]
            if ".objects." in body:
                assert body not in seen, f"{page.name} repeats a block of {seen[body]}"
                seen[body] = page.name
    assert len(seen) >= 3 * small.pages


def test_the_benchmark_edits_apply_to_a_generated_project_and_undo(tmp_path):
    from benchmarks import scenarios

    generated = generate(tmp_path / "edited", scale=0.02, seed=3)
    # Every edit is one the cache has not seen (it keeps two states of the code and of each
    # page), though two of them may edit the same file.
    edited: set[tuple[Path, str]] = set()
    for make in (scenarios._changing_page, scenarios._changing_model, scenarios._retyping_field,
                 scenarios._adding_route):
        toggle = make(generated)
        before = toggle.path.read_text(encoding="utf-8")
        toggle()
        assert toggle.path.read_text(encoding="utf-8") != before, make.__name__
        for _ in range(3):
            state = (toggle.path, toggle.path.read_text(encoding="utf-8"))
            assert state not in edited and state[1] != before, make.__name__
            edited.add(state)
            toggle()
        toggle(restore=True)
        assert toggle.path.read_text(encoding="utf-8") == before, make.__name__
    added = scenarios._adding_page(generated)
    texts = set()
    for _ in range(4):
        added()
        if added.path.exists():
            texts.add(added.path.read_text(encoding="utf-8"))
    assert len(texts) == 2 and not added.path.exists()
