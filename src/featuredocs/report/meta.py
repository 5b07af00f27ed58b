"""Rule metadata as the reporters need it, for known and unknown codes alike.

A finding may carry a code no registered rule has (a rule from a newer version, a code
the engine emits itself); reporters then show the code as its name instead of failing.
"""

from __future__ import annotations

from dataclasses import dataclass

from featuredocs.model import Severity
from featuredocs.rules.base import DOC_SECTIONS, Rule
from featuredocs.rules.registry import rule_for

#: Where users read about featuredocs; SARIF's ``informationUri``.
HOMEPAGE = "https://pypi.org/project/django-featuredocs/"


@dataclass(frozen=True, slots=True)
class RuleInfo:
    code: str
    name: str
    summary: str
    severity: Severity
    description: str  # the "What it does" section
    explanation: str  # the whole explanation, as `featuredocs rule CODE` prints it
    help_markdown: str
    known: bool


def rule_info(code: str, severity: Severity = Severity.ERROR) -> RuleInfo:
    """Metadata for ``code``; ``severity`` is the default when no rule has the code."""
    rule = rule_for(code)
    if rule is None:
        return RuleInfo(code, code, "", severity, "", "", "", known=False)
    return RuleInfo(
        code=rule.code,
        name=rule.name,
        summary=rule.summary,
        severity=rule.severity,
        description=rule.doc_section("What it does"),
        explanation=rule.explanation(),
        help_markdown=_help_markdown(rule),
        known=True,
    )


def _help_markdown(rule: type[Rule]) -> str:
    """The explanation as Markdown: the docstring's sections become bold headings.

    The docstring indents each section's body, which Markdown would read as a code block.
    """
    title_line = f"**{rule.code} {rule.name}**"
    headline = (rule.__doc__ or "").strip().splitlines()[:1]
    parts = [f"{title_line}: {headline[0].strip()}" if headline else title_line]
    for title in DOC_SECTIONS:
        body = rule.doc_section(title)
        if body:
            parts.append(f"**{title}**\n\n{body}")
    return "\n\n".join(parts) + "\n"
