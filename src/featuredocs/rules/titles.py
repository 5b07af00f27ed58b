"""Bold words alone in a paragraph, which title what follows as a heading would.

``**Options**`` or ``**Query parameters**`` on a line of its own, without a colon, titles
the list right after it; with a colon it is a label, which the page model reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from featuredocs.model import Block, BlockKind, Section

_BOLD_TITLE = re.compile(r"\*\*\s*(?P<title>[^*]+?)\s*\*\*")


def titled_lists(section: Section) -> Iterator[tuple[str, Block, Block]]:
    """(title, the title's paragraph, the list) for each list of ``section`` right after
    a paragraph of bold words alone."""
    blocks = section.blocks
    for block, following in zip(blocks, blocks[1:]):
        if following.kind is not BlockKind.LIST or block.kind is not BlockKind.PARAGRAPH:
            continue
        title = _BOLD_TITLE.fullmatch(block.source.strip()) if block.source.startswith("**") else None
        if title is not None:
            yield title.group("title"), block, following
