"""A field the Fields list renamed, renamed in the page's Python examples too:
``filter(postal_code=…)``, ``lines__vat_rate__gt`` and ``objects.create(postal_code=…)``
take the new name wherever FD803 would report the old one on that model. A name FD803
does not tie to the model (a string built at run time, an escaped or wrapped path) is left
as it is, and FD803 reports it."""

from __future__ import annotations

from collections.abc import Iterator

from featuredocs.fix.sync.scope import Scope, SyncChange
from featuredocs.model import Edit, Page
from featuredocs.rules.base import CheckContext
from featuredocs.rules.fd8_orm.references import orm_report


def renamed_in_examples(
    page: Page, ctx: CheckContext, renames: dict[tuple[str, str], str], scope: Scope,
) -> Iterator[SyncChange]:
    """``renames``: each renamed field's new name, by (model label, old name)."""
    if not renames:
        return
    edits, old_names = [], []
    for problem in orm_report(page, ctx).queries:
        misnamed = problem.misnamed
        if misnamed is None:
            continue
        new = renames.get((misnamed.model, misnamed.name))
        span = misnamed.span
        if new is None or page.written(span) != misnamed.name or not scope.allows("FD803", span.line):
            continue
        edits.append(Edit(span, new))
        if misnamed.name not in old_names:
            old_names.append(misnamed.name)
    if edits:
        names = ", ".join(f"`{name}`" for name in old_names)
        yield SyncChange(f"rename {names} in the examples", tuple(edits))
