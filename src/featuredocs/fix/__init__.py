"""Keeping pages true: applying edits, ``check --fix`` and ``featuredocs sync``.

Every change featuredocs makes to a page is an :class:`~featuredocs.model.Edit`; this
package is where edits are applied (:mod:`.edits`), pages are written back keeping their
encoding and newlines (:mod:`.apply`), and diffs are shown (:mod:`.diff`).
"""

from featuredocs.fix.apply import FileChange, TextFile, WriteReport, read_text_file, write_changes, write_text_file
from featuredocs.fix.diff import diff_changes, unified_diff
from featuredocs.fix.edits import EditError, EditOutcome, FixOutcome, apply_edits, apply_fixes, apply_groups
from featuredocs.fix.regions import region_edits

__all__ = [
    "EditError", "EditOutcome", "FileChange", "FixOutcome", "TextFile", "WriteReport",
    "apply_edits", "apply_fixes", "apply_groups", "diff_changes", "read_text_file",
    "region_edits", "unified_diff", "write_changes", "write_text_file",
]
