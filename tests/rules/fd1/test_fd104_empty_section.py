from __future__ import annotations

from featuredocs.model import Severity
from featuredocs.rules.fd1_template.fd104_empty_section import EmptySection
from tests.support.rules import run_rule


def test_empty_section_is_reported_at_its_heading(parse) -> None:
    page = parse(
        """
        # T

        ## Troubleshooting

        <!-- to do -->

        ## Common Workflows

        Run it daily.
        """
    )
    (finding,) = run_rule(EmptySection, page)
    assert finding.code == "FD104" and finding.severity is Severity.WARNING
    assert finding.span == page.sections[0].heading.span
    assert finding.message == "section `## Troubleshooting` is empty"


def test_sections_with_content_subsections_or_not_applicable_are_silent(parse) -> None:
    page = parse(
        """
        # T

        ## Configuration

        Not applicable.

        ## Data Models

        ### Order

        - `status`

        ## Usage Examples

        ```python
        Order.objects.all()
        ```
        """
    )
    assert run_rule(EmptySection, page) == []


def test_empty_subsection_at_the_end(parse) -> None:
    page = parse("# T\n\n## Data Models\n\n### Order\n")
    (finding,) = run_rule(EmptySection, page)
    assert finding.message == "section `### Order` is empty"
    assert finding.span.line == 5


def test_a_lone_marker_fence_or_pipe_is_content_a_rule_or_link_definition_is_not(parse) -> None:
    page = parse(
        """
        # T

        ## Empty list item

        -

        ## Empty quote

        >

        ## Empty fence

        ```
        ```

        ## Table

        | a |
        |---|

        ## Rule

        ---

        ## Definition

        [home]: https://example.com
        """
    )
    found = [finding.message for finding in run_rule(EmptySection, page)]
    assert found == ["section `## Rule` is empty", "section `## Definition` is empty"]


def test_a_section_holding_only_a_to_do_is_reported(parse) -> None:
    page = parse(
        "# A\n\n## Troubleshooting\n\nTBD\n\n## Performance Optimization\n\nTODO: measure the export.\n\n"
        "## Future Enhancements\n\nComing soon.\n"
    )
    findings = run_rule(EmptySection, page)
    assert [(f.span.line, f.message) for f in findings] == [
        (3, "section `## Troubleshooting` holds only a to-do (`TBD`)"),
        (7, "section `## Performance Optimization` holds only a to-do (`TODO: measure the export.`)"),
        (11, "section `## Future Enhancements` holds only a to-do (`Coming soon.`)"),
    ]


def test_a_section_that_mentions_a_to_do_among_its_content_is_silent(parse) -> None:
    page = parse(
        "# A\n\n## Overview\n\nTodo lists are exported nightly.\n\n## Troubleshooting\n\nTBD\n\n"
        "If the export stalls, rerun it.\n\n## Common Workflows\n\n- TODO: automate the upload\n"
    )
    assert run_rule(EmptySection, page) == []
