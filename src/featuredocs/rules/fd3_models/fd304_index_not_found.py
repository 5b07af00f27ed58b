from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import Finding, ModelFact, Page, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd3_models.index_items import IndexClaim
from featuredocs.rules.fd3_models.index_match import canonical_fields, problem
from featuredocs.rules.fd3_models.resolve import ResolvedModels, resolved_models
from featuredocs.rules.registry import register
from featuredocs.rules.suggest import closest


@register
class IndexNotFound(Rule):
    """A documented index or unique constraint does not exist on the model.

    What it does:
        Checks the items of a model's ``**Indexes:**`` list (``Index on `f` ``,
        ``Composite index on (`a`, `b`)``, ``` `name` on (`a`, `b`) ```, ``Unique
        constraint on (…)``), the rows of an indexes table (``| Name | Fields | Kind |``)
        and the ``Meta`` indexes of a ``class Model(models.Model)`` block against the
        model's real indexes: ``db_index``, ``unique``,
        ``Meta.indexes``, ``unique_together`` and unique constraints. Composite indexes
        must list the same fields in the same order; named ones must carry that name.
        Items of an Indexes list outside the model sections (``### Database
        Optimization``) are checked against the one model the page documents whose
        fields include every field they name.
        An index a sentence of the model's section names (``the index `orders_paid_idx` ``)
        is reported only when the model has an index of a much like name.

    Why is this bad?
        Query plans are designed around the documented indexes; an index that was
        dropped or never created turns a documented fast path into a table scan.

    Example:
        ```markdown
        **Indexes:**
        - Composite index on (`created_at`, `status`)
        ```

    Use instead:
        ```markdown
        **Indexes:**
        - Composite index on (`status`, `created_at`)
        ```

    Fix safety:
        No fix: whether the page or the migration is wrong is a design decision.
    """

    code = "FD304"
    name = "IndexNotFound"
    summary = "documented index not found on the model"
    severity = Severity.ERROR
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        resolved = resolved_models(page, ctx)
        for claim, model in resolved.found:
            for index in claim.indexes:
                yield from self._check_one(page, index, model)
            for index in claim.prose_indexes:
                # A sentence may speak of an index still to come, or of a field's index by
                # the field's name: only a misspelt or renamed index name is drift.
                if closest(index.name or "", [i.name for i in model.indexes if i.name], cutoff=0.8):
                    yield from self._check_one(page, index, model)
        for index in resolved.claims.loose_indexes:
            owner = loose_owner(index, resolved)
            if owner is not None:
                yield from self._check_one(page, index, owner)

    def _check_one(self, page: Page, index: IndexClaim, model: ModelFact) -> Iterator[Finding]:
        found = problem(index, model)
        if found is not None:
            yield self.finding(page, index.span, found.message, hint=found.hint)


def loose_owner(index: IndexClaim, resolved: ResolvedModels) -> ModelFact | None:
    """The model an index item outside the model sections is about: the one the page's
    headings document whose fields include every field it names."""
    documented = {model.label: model for claim, model in resolved.found if not claim.from_code}
    owners = [model for model in documented.values() if isinstance(canonical_fields(index, model), tuple)]
    return owners[0] if len(owners) == 1 else None
