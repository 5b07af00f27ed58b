from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import Edit, Finding, Fix, ModelFact, Page, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd3_models.field_items import FieldClaim, renamed
from featuredocs.rules.fd3_models.claims import ModelClaim
from featuredocs.rules.fd3_models.lookup import close_names, field_names, field_suggestion, is_known_name, word_successor
from featuredocs.rules.fd3_models.resolve import documented_names, field_lists, resolved_models
from featuredocs.rules.registry import register


@register
class FieldNotFound(Rule):
    """A field documented on a model is not on that model.

    What it does:
        Checks each field a page lists for a model (the ``**Fields:**`` list, a Field/Type
        table, a ``class Model(models.Model)`` block) against the model's real fields.
        Names that are a property, method, manager or attribute of the model, a reverse
        relation accessor, or a column name (``customer_id``) are real names too. A
        sentence of the model's section that names a field (``the `paid_at` field``) is
        checked too, and reported only when the model has a close field: a sentence may
        speak of a field still to be added. So is an unlabelled list under the model's
        heading whose items open with names and no types (``- **channel** — e-mail or
        SMS``), once most of its names are the model's fields: it may list statuses or
        steps instead.

    Why is this bad?
        A field that was renamed or dropped still documented sends readers to write
        queries that fail, and hides the field that replaced it.

    Example:
        ```markdown
        ### Order

        **Fields:**
        - `total_cents` (integer): Order total
        ```

    Use instead:
        ```markdown
        - `total` (DecimalField): Order total
        ```

    Fix safety:
        Safe when exactly one field name is close to the documented one: the name is
        replaced. Otherwise the hint offers the nearest name and no fix is made.
    """

    code = "FD302"
    name = "FieldNotFound"
    summary = "documented field not found on the model"
    severity = Severity.ERROR
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        for claim, model in resolved_models(page, ctx).found:
            for field in claim.fields:
                if not is_known_name(model, field.name):
                    yield self._finding(page, field, model, claim)
            for field in (*claim.prose_fields, *field_lists(claim, model)):
                # A sentence may speak of a field still to come, and an unlabelled list
                # of a method or a property: only a misspelt or renamed field is drift.
                close = close_names(field.name, field_names(model, reverse=False))
                if close and not is_known_name(model, field.name):
                    yield self._finding(page, field, model, claim)

    def _finding(self, page: Page, field: FieldClaim, model: ModelFact, claim: ModelClaim) -> Finding:
        candidates = field_names(model, reverse=False)
        close = close_names(field.name, candidates)
        hint = field_suggestion(field.name, candidates, model)
        if not close:
            # ``phone_number`` for ``phone``: among the fields the page leaves out, as sync renames
            documented = documented_names(claim, model)
            successor = word_successor(field.name, [name for name in candidates if name not in documented])
            if successor is not None:
                hint = field_suggestion(successor, [successor], model)
        fix = None
        if len(close) == 1:
            fix = Fix(
                f"rename `{field.name}` to `{close[0]}`",
                (Edit(field.span, renamed(page, field, close[0])),),
            )
        return self.finding(
            page,
            field.span,
            f"field `{field.name}` is documented on {model.label}, which has no such field",
            hint=hint,
            fix=fix,
        )
