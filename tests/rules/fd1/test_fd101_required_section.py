from __future__ import annotations

from pathlib import Path

from featuredocs.markdown import parse_page
from featuredocs.model import Severity, Span
from featuredocs.rules.fd1_template.fd101_required_section_missing import RequiredSectionMissing
from tests.support.rules import run_rule

TEMPLATE = Path(__file__).parents[3] / "src" / "featuredocs" / "templates" / "feature-template.md"
SECTIONS = (
    "Overview", "Architecture", "Data Models", "Management Commands", "Usage Examples",
    "Configuration", "API Endpoints", "Performance Optimization", "Troubleshooting",
    "Common Workflows", "Future Enhancements", "Related Documentation",
)
CHILDREN = {
    "Architecture": ("Overview", "Design Decisions"),
    "Usage Examples": ("Basic Usage", "Advanced Usage", "Integration Example"),
    "Configuration": ("Environment Variables", "Django Settings"),
    "Performance Optimization": ("Caching Strategy", "Database Optimization"),
    "Future Enhancements": ("Planned Features", "Scalability Considerations"),
    "Related Documentation": (
        "Core Documentation", "Related Features", "App-Specific Documentation",
        "External Resources",
    ),
}


def complete_page(skip: str = "", rename: tuple[str, str] | None = None) -> str:
    parts = ["# Order Expiry\n\n> **Order expiry** - Cancels unpaid orders.\n"]
    for title in SECTIONS:
        if title == skip:
            continue
        heading = rename[1] if rename and rename[0] == title else title
        parts.append(f"## {heading}\n\nText.\n")
        for child in CHILDREN.get(title, ()):
            parts.append(f"### {child}\n\nText.\n")
    return "\n".join(parts)


def test_complete_page_is_silent(parse) -> None:
    assert run_rule(RequiredSectionMissing, parse(complete_page())) == []


def test_missing_section_is_reported_at_the_title(parse) -> None:
    (finding,) = run_rule(RequiredSectionMissing, parse(complete_page(skip="Troubleshooting")))
    assert finding.code == "FD101" and finding.severity is Severity.ERROR
    assert finding.span == Span(1, 1, 1, 15)
    assert finding.message == "required section `## Troubleshooting` is missing"
    assert finding.hint is None


def test_renamed_section_gets_a_did_you_mean(parse) -> None:
    page = parse(complete_page(rename=("Usage Examples", "Usage")))
    (finding,) = run_rule(RequiredSectionMissing, page)
    assert finding.message == "required section `## Usage Examples` is missing"
    assert finding.hint == "did you mean `## Usage`?"


def test_headings_match_regardless_of_case_and_emoji(parse) -> None:
    page = parse(complete_page(rename=("Data Models", "📊 data models")))
    assert run_rule(RequiredSectionMissing, page) == []


def test_page_without_title_is_reported_at_line_one(parse) -> None:
    text = complete_page(skip="Overview").split("\n", 2)[2]
    (finding,) = run_rule(RequiredSectionMissing, parse(text))
    assert finding.span == Span.at(1)


def test_missing_fixed_subsection_is_a_warning_at_its_parent(parse) -> None:
    text = complete_page().replace("### Django Settings\n\nText.\n", "")
    page = parse(text)
    (finding,) = run_rule(RequiredSectionMissing, page)
    assert finding.severity is Severity.WARNING
    parent = page.find_sections("Configuration")[0]
    assert finding.span == parent.heading.span
    assert "`### Django Settings`" in finding.message


def test_not_applicable_section_needs_no_subsections(parse) -> None:
    text = complete_page().replace(
        "## Configuration\n\nText.\n\n### Environment Variables\n\nText.\n\n"
        "### Django Settings\n\nText.\n",
        "## Configuration\n\nNot applicable.\n",
    )
    assert "Environment Variables" not in text
    assert run_rule(RequiredSectionMissing, parse(text)) == []


def test_the_template_itself_has_every_section() -> None:
    page = parse_page(TEMPLATE.read_text(), path=TEMPLATE, rel="features/template.md")
    assert run_rule(RequiredSectionMissing, page) == []


def test_a_sub_section_the_template_names_is_no_did_you_mean_for_another(parse) -> None:
    text = complete_page().replace("### Advanced Usage\n\nText.\n", "")
    (finding,) = run_rule(RequiredSectionMissing, parse(text))
    assert "`### Advanced Usage`" in finding.message
    assert finding.hint is None  # not `### Basic Usage`, which is there in its own right
    renamed = parse(text.replace("### Integration Example", "### Advanced Use"))
    hints = {f.message: f.hint for f in run_rule(RequiredSectionMissing, renamed)}
    assert hints["`## Usage Examples` has no `### Advanced Usage` sub-section"] == "did you mean `### Advanced Use`?"


def test_a_section_renamed_to_a_common_other_name_gets_a_did_you_mean(parse) -> None:
    for title, renamed in (("Overview", "Summary"), ("API Endpoints", "API"), ("Future Enhancements", "Roadmap"),
                           ("Troubleshooting", "FAQ"), ("Related Documentation", "See also")):
        (finding,) = run_rule(RequiredSectionMissing, parse(complete_page(rename=(title, renamed))))
        assert finding.message == f"required section `## {title}` is missing"
        assert finding.hint == f"did you mean `## {renamed}`?", title
