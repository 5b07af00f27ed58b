from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import Edit, FieldFact, Finding, Fix, ModelFact, Page, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd3_models.deletion import DocumentedDeletion, differs, documented_deletion, effect
from featuredocs.rules.fd3_models.lookup import field_hint
from featuredocs.rules.fd3_models.resolve import documented_fields
from featuredocs.rules.registry import register


@register
class DeletionDiffers(Rule):
    """What a page says happens on deletion is not the relation's ``on_delete``.

    What it does:
        Reads what a relation's line says of deleting the row it points to — by name
        (``on_delete=CASCADE``, ``PROTECT``) or in words: *deleted with the user*,
        *cascades* (``CASCADE``); *a user with orders cannot be deleted*, *cannot be
        deleted while it has orders*, *protected from deletion* (``PROTECT`` or
        ``RESTRICT``); *set to null when the customer is deleted* (``SET_NULL``) — and
        compares it with the field's ``on_delete``. A name must be the very handler;
        words must say what it does. A rule of the business (*cannot be deleted once
        sent*, *while the invoice is open*, *this row cannot be deleted*) is not read, nor
        is a handler the check cannot judge (``SET(...)``, a project's own).

    Why is this bad?
        This is how data is lost: a page that promises a user with orders cannot be
        deleted, over a ``CASCADE`` that deletes the orders with the user, is read by the
        person who deletes the user.

    Example:
        ```markdown
        - `customer` (ForeignKey → User): Who ordered; a user with orders cannot be deleted.
        ```
        while the field is ``ForeignKey(User, on_delete=models.CASCADE)``.

    Use instead:
        ```markdown
        - `customer` (ForeignKey → User): Who ordered; deleted with the user.
        ```

    Fix safety:
        A handler's name gets a safe fix that writes the field's; words get none, since
        the sentence around them has to change with them.
    """

    code = "FD309"
    name = "DeletionDiffers"
    summary = "documented deletion behaviour differs from the relation's on_delete"
    severity = Severity.WARNING
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        for documented, field, model in documented_fields(page, ctx):
            written = documented_deletion(page, documented, model) if field.on_delete is not None else None
            if written is not None and differs(written, field):
                yield self._differs(page, written, field, model)

    def _differs(self, page: Page, written: DocumentedDeletion, field: FieldFact, model: ModelFact) -> Finding:
        actual = field.on_delete
        assert actual is not None
        fix = Fix(f"write {actual}", (Edit(written.span, actual),)) if written.named else None
        return self.finding(
            page,
            written.span,
            f"field `{field.name}` is documented as \"{written.said}\", but its on_delete is {actual}: {effect(field, model)}",
            hint=field_hint(model, field, f"has on_delete={actual}"),
            fix=fix,
        )
