from __future__ import annotations

from pathlib import Path

import pytest

from featuredocs.markdown import SchemaError, load_schema
from featuredocs.markdown.schema import is_shape_title

SEED = Path("/work/shared/seed/feature-template.md")


def test_packaged_template_requires_the_twelve_sections_in_order() -> None:
    schema = load_schema()
    assert schema.titles == (
        "Overview", "Architecture", "Data Models", "Management Commands", "Usage Examples",
        "Configuration", "API Endpoints", "Performance Optimization", "Troubleshooting",
        "Common Workflows", "Future Enhancements", "Related Documentation",
    )
    assert all(spec.required and spec.level == 2 for spec in schema.sections)


def test_fixed_children_are_required_and_examples_are_shapes() -> None:
    by_title = {spec.title: spec for spec in load_schema().sections}
    configuration = {c.title: c for c in by_title["Configuration"].children}
    assert configuration["Environment Variables"].required
    assert not configuration["Environment Variables"].shape
    (model,) = by_title["Data Models"].children
    assert model.shape and not model.required
    assert model.labels == ("Fields", "Indexes", "Usage")
    (command,) = by_title["Management Commands"].children
    assert command.shape and command.title == "command_name"
    (endpoint,) = by_title["API Endpoints"].children
    assert endpoint.shape
    workflows = by_title["Common Workflows"].children
    assert all(child.shape for child in workflows)


@pytest.mark.parametrize(
    ("title", "shape"),
    [
        ("[ModelName]", True),
        ("Workflow 1: [Name]", True),
        ("GET /api/feature/resource/", True),
        ("delete /x/", True),
        ("command_name", True),
        ("Environment Variables", False),
        ("Basic Usage", False),
    ],
)
def test_shape_titles(title: str, shape: bool) -> None:
    assert is_shape_title(title, parent="Parent") is shape


def test_fillers_come_from_the_template_text() -> None:
    fillers = set(load_schema().fillers)
    for expected in (
        "Purpose and responsibility",
        "field_name (Type): Description",
        "Model.objects.do_something()",
        "python manage.py command_name [options]",
        "Index on field_name",
        "Brief tagline",
    ):
        assert any(expected in filler for filler in fillers), expected
    assert "Fields" not in fillers and "Fields:" not in fillers
    assert not any(f.startswith("#") for f in fillers)  # code comments are not fillers
    assert not any("Questions?" in f for f in fillers)


def test_labels_are_collected() -> None:
    labels = load_schema().labels
    assert {"Fields", "Options", "Query Parameters", "Cache Keys", "TTL"} <= set(labels)


def test_a_teams_own_template(tmp_path: Path) -> None:
    template = tmp_path / "_TEMPLATE.md"
    template.write_text("# [Name]\n\n## Summary\n\n## Models\n\n### [Model]\n\n**Fields:**\n- x\n")
    schema = load_schema(template)
    assert schema.titles == ("Summary", "Models")
    assert schema.sections[1].children[0].shape


def test_the_seed_and_packaged_templates_agree() -> None:
    if not SEED.exists():
        pytest.skip("shared seed template not present")
    assert load_schema(SEED).titles == load_schema().titles


def test_template_without_sections_is_a_schema_error(tmp_path: Path) -> None:
    template = tmp_path / "flat.md"
    template.write_text("# Only a title\n\nSome text.\n")
    with pytest.raises(SchemaError) as caught:
        load_schema(template)
    assert "flat.md" in str(caught.value) and "sections" in str(caught.value)


def test_missing_template_is_a_schema_error(tmp_path: Path) -> None:
    with pytest.raises(SchemaError) as caught:
        load_schema(tmp_path / "missing.md")
    assert "missing.md" in str(caught.value)
