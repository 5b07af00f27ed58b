from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import FieldFact, Finding, ModelFact, Page, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.enumerations import PlacedList, Wording, differences, named
from featuredocs.rules.fd3_models.field_values import field_values
from featuredocs.rules.fd3_models.resolve import documented_fields
from featuredocs.rules.registry import register


@register
class FieldChoicesDiffer(Rule):
    """The values a Fields list gives for a field differ from the field's ``choices``.

    What it does:
        Reads the values a field's description lists — ``One of `pending`, `paid` or
        `cancelled` ``, ```email` or `sms`; `email` by default``, a table's description
        cell — and, for a field declared with ``choices``, reports each listed value
        that is not one of them. When the list says it is every value (it ends in *or*,
        or follows *one of*, *either*, *choices*), it also reports the choices it leaves
        out, unless the description names them elsewhere. A choice may be written by
        its label (```E-mail` or `SMS` ``); a list none of whose values is a choice or a
        choice's label is taken for prose and not compared; a list of examples (*e.g.*,
        *such as*) is checked only for values that are not choices.

    Why is this bad?
        Code and queries written from the page filter on a value the field never holds,
        or never handle one it does: a status added to the model and not to its page is
        how orders get stuck.

    Example:
        ```markdown
        - `status` (CharField): One of `pending`, `paid` or `cancelled`.
        ```
        while ``Order.Status`` also has ``shipped``.

    Use instead:
        ```markdown
        - `status` (CharField): One of `pending`, `paid`, `shipped` or `cancelled`.
        ```

    Fix safety:
        Unsafe, and only for a complete list: the fix writes the field's choices (their
        labels, for a list of labels), in the model's order and the page's style, in
        place of the list; the prose around a removed value may still speak of it.
    """

    code = "FD307"
    name = "FieldChoicesDiffer"
    summary = "documented field values differ from the field's choices"
    severity = Severity.WARNING
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        for documented, field, model in documented_fields(page, ctx):
            found = field_values(page, documented, field) if field.choices else None
            if found is not None:
                yield from self._compare(page, model, field, *found)

    def _compare(
        self, page: Page, model: ModelFact, field: FieldFact, found: PlacedList, choices: tuple[str, ...],
    ) -> Iterator[Finding]:
        where = f" ({field.location})" if field.location else ""
        has = "has choices" if choices == field.choices else "has choices labelled"
        wording = Wording(
            rejected=f"`{{value}}` is not a choice of `{model.name}.{field.name}`",
            name=field.name,
            accepts=f"{model.label}.{field.name} {has} {named(choices)}{where}",
            fix="list the field's choices",
        )
        for span, message, hint, fix in differences(found, choices, wording):
            yield self.finding(page, span, message, hint, fix)
