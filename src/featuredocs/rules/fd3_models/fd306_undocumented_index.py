from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import IndexFact, Finding, ModelFact, Page, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd3_models.index_items import IndexClaim
from featuredocs.rules.fd3_models.index_match import describes, real_fields
from featuredocs.rules.fd3_models.lookup import forward_field
from featuredocs.rules.fd3_models.resolve import resolved_models
from featuredocs.rules.registry import register

#: Indexes a page is expected to list. A field's own ``unique=True`` is documented with
#: the field, and a ForeignKey's automatic index with the relation.
_DOCUMENTED_KINDS = frozenset({"index", "index_together", "unique_together", "unique_constraint"})


@register
class UndocumentedIndex(Rule):
    """A model's index is missing from the page's Indexes list for that model.

    What it does:
        For every model whose section has an Indexes list, reports each index of the
        model the list does not describe: ``Meta.indexes``, ``index_together``,
        ``unique_together``, unique constraints, and ``db_index=True`` on a field that
        is not a relation. An item describes an index when it gives the index's name or
        the same fields.

    Why is this bad?
        The Indexes list is where readers look before adding a query or a migration; an
        index missing from it gets duplicated or dropped by someone who did not know.

    Example:
        ```markdown
        **Indexes:**
        - Index on `number`
        ```
        while the model also declares `Index(fields=["status", "created_at"])`.

    Use instead:
        ```markdown
        **Indexes:**
        - Index on `number`
        - Composite index on (`status`, `created_at`)
        ```

    Fix safety:
        No fix: the list item should say what the index is for.
    """

    code = "FD306"
    name = "UndocumentedIndex"
    summary = "model index not documented in the Indexes list"
    severity = Severity.WARNING
    needs_facts = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        resolved = resolved_models(page, ctx)
        claims: dict[str, list[IndexClaim]] = {}
        mentioned: dict[str, set[str]] = {}
        for claim, model in resolved.found:
            claims.setdefault(model.label, []).extend(claim.indexes)
            mentioned.setdefault(model.label, set()).update(claim.mentioned)
        reported: set[str] = set()
        for claim, model in resolved.found:
            if claim.index_list is None or claim.partial_indexes or model.label in reported:
                continue
            reported.add(model.label)
            for index in model.indexes:
                if not expected(index, model):
                    continue
                if index.name in mentioned[model.label]:
                    continue
                if any(describes(c, index, model) for c in claims[model.label]):
                    continue
                yield self.finding(
                    page,
                    claim.index_list,
                    f"{_describe(index)} of {model.label} is not in the Indexes list",
                    hint=f"declared at {index.location}" if index.location else None,
                )


def expected(index: IndexFact, model: ModelFact) -> bool:
    """Whether a page's Indexes list must show this index: ``Meta`` indexes and constraints,
    and ``db_index=True`` on a field that is not a relation."""
    if index.kind in _DOCUMENTED_KINDS:
        return True
    if index.kind != "db_index" or len(index.fields) != 1:
        return False
    field = forward_field(model, index.fields[0])
    return field is not None and not field.is_relation


def _describe(index: IndexFact) -> str:
    what = "unique constraint" if index.kind.startswith("unique") else "index"
    fields = real_fields(index)
    listing = "(" + ", ".join(f"`{f}`" for f in fields) + ")" if fields else ""
    if index.name:
        return f"{what} `{index.name}`" + (f" on {listing}" if listing else "")
    return f"{what} on {listing}"
