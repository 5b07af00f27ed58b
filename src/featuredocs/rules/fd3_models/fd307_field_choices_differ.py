from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import Applicability, Edit, FieldFact, Finding, Fix, ModelFact, Page, Severity, Span
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.enumerations import (
    VALUES_COLUMN,
    PlacedList,
    compared,
    listed_values,
    named,
    nested_values,
    placed,
)
from featuredocs.rules.fd3_models.field_items import FieldClaim
from featuredocs.rules.fd3_models.lookup import forward_field
from featuredocs.rules.fd3_models.resolve import resolved_models
from featuredocs.rules.registry import register
from featuredocs.rules.suggest import did_you_mean
from featuredocs.rules.table_cells import column_title

_CODE_SPAN = "`"


@register
class FieldChoicesDiffer(Rule):
    """The values a Fields list gives for a field differ from the field's ``choices``.

    What it does:
        Reads the values a field's description lists — ``One of `pending`, `paid` or
        `cancelled` ``, ```email` or `sms`; `email` by default``, a table's description
        cell — and, for a field declared with ``choices``, reports each listed value
        that is not one of them. When the list says it is every value (it ends in *or*,
        or follows *one of*, *either*, *choices*), it also reports the choices it leaves
        out, unless the description names them elsewhere. A list none of whose values
        is a choice is taken for labels or prose and not compared; a list of examples
        (*e.g.*, *such as*) is checked only for values that are not choices.

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
        Unsafe, and only for a complete list: the fix writes the field's choices, in the
        model's order and the page's style, in place of the list; the prose around a
        removed value may still speak of it.
    """

    code = "FD307"
    name = "FieldChoicesDiffer"
    summary = "documented field values differ from the field's choices"
    severity = Severity.WARNING
    needs_facts = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        for claim, model in resolved_models(page, ctx).found:
            for documented in claim.fields:
                field = forward_field(model, documented.name)
                if field is None or field.name != documented.name or not field.choices:
                    continue
                found = _values_for(page, documented)
                if found is not None and any(value in field.choices for value in found.values):
                    # A list with none of the choices gives labels (`Pending payment`)
                    # or something else: not the field's values.
                    yield from self._compare(page, model, field, found)

    def _compare(self, page: Page, model: ModelFact, field: FieldFact, found: PlacedList) -> Iterator[Finding]:
        choices = field.choices
        rejected, missing = compared(found, choices)
        where = f" ({field.location})" if field.location else ""
        accepts = f"{model.label}.{field.name} has choices {named(choices)}{where}"
        rewritten = found.rewritten(choices)
        fix = None
        if rewritten is not None:
            fix = Fix("list the field's choices", (Edit(found.span, rewritten),), Applicability.UNSAFE)
        for index in rejected:
            value = found.values[index]
            yield self.finding(
                page, found.spans[index],
                f"`{value}` is not a choice of `{model.name}.{field.name}`",
                did_you_mean(value, choices) or accepts,
                fix,
            )
            fix = None  # one fix for the whole list: the edits of two would overlap
        if missing:
            yield self.finding(
                page, found.span, f"the values listed for `{field.name}` leave out {named(missing)}", accepts, fix,
            )


def _values_for(page: Page, documented: FieldClaim) -> PlacedList | None:
    """The values the field's description gives: on its line, or as its sub-list. In
    a table row, each cell after the name and type is read alone: ``|`` ends a cell
    there, not a value."""
    after = documented.type_span if documented.type_span is not None else documented.span
    line = documented.span.line
    if after.end_line != line:
        return None
    text = page.line_text(line)
    start = after.end_column - 1
    table_row = text.lstrip().startswith("|")
    if text.count(_CODE_SPAN, start) >= 4:  # two code spans at least
        titles = _header_titles(page, line) if table_row else []
        cells = _cells(text) if table_row else [(start, len(text))]
        for index, (begin, end) in enumerate(cells):
            if end <= start:
                continue  # the name's and type's cells
            titled = index < len(titles) and VALUES_COLUMN.match(titles[index]) is not None
            listed = listed_values(text[:end], max(begin, start), titled)
            if listed is not None:
                return placed(listed, text[:end], max(begin, start), lambda a, b: Span(line, a + 1, line, b + 1))
    return None if table_row else nested_values(page, line)


def _header_titles(page: Page, line: int) -> list[str]:
    """The column titles of the table whose row is on ``line``, as rules compare them."""
    number = line
    while number > 1 and page.line_text(number - 1).lstrip().startswith("|"):
        number -= 1
    header = page.line_text(number)
    return [column_title(header[begin:end]) for begin, end in _cells(header)]


def _cells(row: str) -> list[tuple[int, int]]:
    """The ranges of a table row's cells, between its borders (``\\|`` is none)."""
    borders = [i for i, char in enumerate(row) if char == "|" and (i == 0 or row[i - 1] != "\\")]
    if row[: borders[0]].strip() if borders else True:
        borders.insert(0, -1)  # a row written without its leading border
    if row[borders[-1] + 1 :].strip():
        borders.append(len(row))
    return list(zip((b + 1 for b in borders), borders[1:]))
