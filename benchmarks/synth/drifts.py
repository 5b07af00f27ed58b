"""Known one-line drifts seeded into generated pages, each expected to give one finding.

A drift edits a single line in place (no lines are added or removed), so its line
number is exact and every other line of the page stays correct.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass

#: Roughly one drifted page in twenty, at least three in any tree.
DRIFT_SHARE, MIN_DRIFTS = 0.05, 3


@dataclass(frozen=True)
class Drift:
    page: str  # rel path under the docs root
    line: int  # 1-based
    code: str
    what: str

    def to_json(self) -> dict[str, object]:
        return {"page": self.page, "line": self.line, "code": self.code, "what": self.what}


Editor = Callable[[str], tuple[str, str] | None]  # line -> (new line, what) or None


def _stale_option_default(line: str) -> tuple[str, str] | None:
    match = re.match(r"^- `(--batch-size)`: .*\(default: (\d+)\)$", line)
    if match is None:
        return None
    wrong = int(match[2]) + 1
    return line.replace(f"(default: {match[2]})", f"(default: {wrong})"), f"{match[1]} default is {match[2]}"


def _stale_env_default(line: str) -> tuple[str, str] | None:
    match = re.match(r"^([A-Z0-9_]+_BATCH_SIZE)=(\d+)(  #.*)$", line)
    if match is None:
        return None
    return f"{match[1]}={int(match[2]) * 3}{match[3]}", f"{match[1]} defaults to {match[2]}"


def _field_type(line: str) -> tuple[str, str] | None:
    match = re.match(r"^- `(name)` \(CharField\): (.*)$", line)
    if match is None:
        return None
    return f"- `{match[1]}` (IntegerField): {match[2]}", "`name` is a CharField"


def _broken_anchor(line: str) -> tuple[str, str] | None:
    match = re.match(r"^(- \[API Reference\]\(\.\./api\.md#)([a-z0-9_]+)(\).*)$", line)
    if match is None:
        return None
    return f"{match[1]}{match[2]}-endpoints{match[3]}", f"api.md has `#{match[2]}`"


def _stale_ttl(line: str) -> tuple[str, str] | None:
    match = re.match(r"^\*\*TTL\*\*: (\d+) minutes$", line)
    if match is None:
        return None
    return f"**TTL**: {int(match[1]) + 5} minutes", f"the TTL is {match[1]} minutes"


def _unknown_query_parameter(line: str) -> tuple[str, str] | None:
    if not line.startswith("- `ordering` (string, optional):"):
        return None
    return line.replace("`ordering`", "`sort`", 1), "the parameter is `ordering`"


def _stale_field_default(line: str) -> tuple[str, str] | None:
    match = re.match(r"^(- `status` \(CharField\): .*)`active` by default\.$", line)
    if match is None:
        return None
    return f"{match[1]}`paused` by default.", "`status` defaults to `active`"


def _stale_on_delete(line: str) -> tuple[str, str] | None:
    match = re.match(r"^(- `\w+` \(ForeignKey → \w+\): The (\w+) this row belongs to); deleted with it\.$", line)
    if match is None:
        return None
    return f"{match[1]}; a {match[2]} with rows cannot be deleted.", "the parent's rows are deleted with it (CASCADE)"


def _stale_parameter_default(line: str) -> tuple[str, str] | None:
    match = re.match(r"^(- `ordering` \(string, optional\): .*)`-created_at` by default$", line)
    if match is None:
        return None
    return f"{match[1]}`created_at` by default", "the view orders by `-created_at`"


EDITORS: tuple[tuple[str, Editor], ...] = (
    ("FD403", _stale_option_default),
    ("FD602", _stale_env_default),
    ("FD303", _field_type),
    ("FD202", _broken_anchor),
    ("FD702", _stale_ttl),
    ("FD503", _unknown_query_parameter),
    ("FD308", _stale_field_default),
    ("FD309", _stale_on_delete),
    ("FD507", _stale_parameter_default),
)


def drift_count(pages: int) -> int:
    return min(pages, max(MIN_DRIFTS, round(pages * DRIFT_SHARE)))


def choose(rels: list[str], seed: int) -> list[str]:
    """Which pages drift: a seeded sample, in page order."""
    rng = random.Random(seed * 7919 + 17)
    picked = set(rng.sample(rels, drift_count(len(rels))))
    return [rel for rel in rels if rel in picked]


def apply_drift(rel: str, lines: list[str], turn: int) -> Drift | None:
    """Apply the ``turn``-th kind of drift (or the next one that fits) to ``lines`` in place."""
    for step in range(len(EDITORS)):
        code, editor = EDITORS[(turn + step) % len(EDITORS)]
        for number, line in enumerate(lines):
            edited = editor(line)
            if edited is not None:
                lines[number] = edited[0]
                return Drift(rel, number + 1, code, edited[1])
    return None
