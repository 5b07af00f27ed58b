"""What the layout around documented variables says that their own lines do not.

- A heading or a bold label may name their group: ``#### Required``, ``### Optional
  environment variables``, ``**Required:**`` before a list or a block. A title that
  only mentions the word later (``### SMS (optional)``) says the feature part is
  optional, not each variable, and names no group.
- A heading or a block's first comment may name one deployment environment
  (``### Staging``, ``# .env.production``): the values shown there are that
  environment's choice, not the defaults the code falls back to.
"""

from __future__ import annotations

import re
from functools import lru_cache

from featuredocs.model import CodeBlock, Page, Section
from featuredocs.rules.fd8_code.source import first_comment

_GROUP_TITLE = re.compile(r"^\W*(?P<word>required|optional)\b", re.IGNORECASE)
_ONE_ENVIRONMENT = re.compile(
    r"\b(?:staging|production|prod|pre-?prod(?:uction)?|qa|uat)\b", re.IGNORECASE
)


def layout_group(page: Page, line: int, chain: tuple[Section, ...] | None = None) -> bool | None:
    """Whether a bold label or the nearest heading above ``line`` calls the variables
    there required (True) or optional (False); None when neither says. ``chain``: the
    sections that hold ``line``, when the caller has them already."""
    if chain is None:
        chain = page.section_at(line)
    if not chain:
        return None
    labelled = _labelled_group(chain[-1], line)
    if labelled is not None:
        return labelled
    for section in reversed(chain):
        said = title_group(section.title)
        if said is not None:
            return said
    return None


@lru_cache(maxsize=4096)  # asked of every title above every variable, the same from page to page
def title_group(title: str) -> bool | None:
    """``Required …`` is True, ``Optional …`` False; a title naming both, or neither
    at its start, None."""
    match = _GROUP_TITLE.match(title)
    if match is None:
        return None
    other = "optional" if match["word"].lower() == "required" else "required"
    if re.search(rf"\b{other}\b", title, re.IGNORECASE):
        return None
    return match["word"].lower() == "required"


def _labelled_group(section: Section, line: int) -> bool | None:
    for labelled in section.labelled:
        said = title_group(labelled.label)
        if said is None:
            continue
        if any(item.span.line <= line <= item.span.end_line for item in labelled.items):
            return said
        code = labelled.code
        if code is not None and code.first_line <= line < code.first_line + len(code.text.splitlines()):
            return said
    return None


def shows_one_environment(page: Page, code: CodeBlock, chain: tuple[Section, ...] | None = None) -> bool:
    """Whether a heading below the page title, or the block's first comment, names one
    deployment environment (staging, production). ``chain``: the sections that hold
    the block, when the caller has them already."""
    if _ONE_ENVIRONMENT.search(first_comment(code)):
        return True
    if chain is None:
        chain = page.section_at(code.span.line)
    return any(_ONE_ENVIRONMENT.search(section.title) for section in chain if section.level > 1)
