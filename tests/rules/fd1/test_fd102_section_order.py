from __future__ import annotations

from featuredocs.model import Severity
from featuredocs.rules.fd1_template.fd102_section_out_of_order import SectionOutOfOrder
from tests.rules.fd1.test_fd101_required_section import SECTIONS
from tests.support.rules import run_rule


def page_with(order: list[str]) -> str:
    return "# T\n\n" + "\n".join(f"## {title}\n\nText.\n" for title in order)


def test_template_order_is_silent(parse) -> None:
    assert run_rule(SectionOutOfOrder, parse(page_with(list(SECTIONS)))) == []


def test_one_moved_section_is_the_one_reported(parse) -> None:
    order = list(SECTIONS)
    order.remove("Configuration")
    order.insert(1, "Configuration")  # right after Overview
    page = parse(page_with(order))
    (finding,) = run_rule(SectionOutOfOrder, page)
    assert finding.code == "FD102" and finding.severity is Severity.WARNING
    assert finding.span == page.find_sections("Configuration")[0].heading.span
    assert finding.message == "section `## Configuration` is out of template order"
    assert finding.hint == "move it after `## Usage Examples`"


def test_missing_and_extra_sections_do_not_count_as_disorder(parse) -> None:
    page = parse(page_with(["Overview", "Extra Notes", "Configuration", "Troubleshooting"]))
    assert run_rule(SectionOutOfOrder, page) == []


def test_section_moved_to_the_front(parse) -> None:
    page = parse(page_with(["Troubleshooting", "Overview", "Architecture", "Data Models"]))
    (finding,) = run_rule(SectionOutOfOrder, page)
    assert "Troubleshooting" in finding.message
    assert finding.hint == "move it after `## Data Models`"
