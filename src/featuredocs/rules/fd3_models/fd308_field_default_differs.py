from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import Edit, FieldFact, Finding, Fix, ModelFact, Page, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd3_models.field_defaults import (
    DocumentedDefault,
    compared_default,
    differs,
    documented_default,
    rendered_default,
)
from featuredocs.rules.fd3_models.lookup import field_hint
from featuredocs.rules.fd3_models.resolve import documented_fields
from featuredocs.rules.registry import register


@register
class FieldDefaultDiffers(Rule):
    """The default a page gives a model field is not the field's ``default``.

    What it does:
        Reads the default written on a field's own line — ```pending` by default``,
        ```email` (default) or `sms```, ``defaults to true``, ``default: `EUR```,
        ``(BooleanField, default=True)``, a table's Default column — and compares it
        with the field's ``default`` (or ``db_default``). Values are compared leniently:
        ``true`` is ``True``, ``1`` is ``1.0``, ``Pending`` is the choice ``pending``, and so
        is its label (``Awaiting payment``): a choice's label names that choice. Only a
        value written as one is read (code, a quoted string, a number, ``true``,
        ``false``, ``none``); a default the code computes (``timezone.now``) or a field
        with no default is never reported, nor is a number followed by a unit
        (``48 hours``).

    Why is this bad?
        Rows created without the field get a value the page does not promise: a flag
        documented as on by default that is off leaves a feature silently disabled for
        every new record.

    Example:
        ```markdown
        - `reminders_enabled` (BooleanField): Whether reminders are sent; true by default.
        ```
        while the field is ``BooleanField(default=False)``.

    Use instead:
        ```markdown
        - `reminders_enabled` (BooleanField): Whether reminders are sent; false by default.
        ```

    Fix safety:
        Safe: the fix writes the field's default in place of the documented one, in the
        page's form (its quotes, ``true`` or ``True``, a choice's label for a label).
    """

    code = "FD308"
    name = "FieldDefaultDiffers"
    summary = "documented field default differs from the model"
    severity = Severity.WARNING
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        for documented, field, model in documented_fields(page, ctx):
            written = documented_default(page, documented, model) if compared_default(field) is not None else None
            if written is not None and differs(written, field):
                yield self._differs(page, written, field, model)

    def _differs(self, page: Page, written: DocumentedDefault, field: FieldFact, model: ModelFact) -> Finding:
        replacement = rendered_default(written, field)
        fix = None
        if replacement is not None:
            fix = Fix(f"write the default {replacement}", (Edit(written.span, replacement),))
        return self.finding(
            page,
            written.span,
            f"field `{field.name}` is documented to default to `{written.text}`, but its default is {field.default}",
            hint=field_hint(model, field, f"has default={field.default}"),
            fix=fix,
        )
