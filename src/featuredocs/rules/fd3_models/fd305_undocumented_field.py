from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import FieldFact, Finding, ModelFact, Page, Severity, SourceLocation, reads
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd3_models.resolve import documented_names, resolved_models
from featuredocs.rules.registry import register


@register
class UndocumentedField(Rule):
    """A model's field is missing from the page's Fields list for that model.

    What it does:
        For every model whose section has a Fields list (or a Field/Type table), reports
        each concrete field of the model the list does not mention. The automatic ``id``,
        reverse relations, fields inherited from a parent model and fields that come
        from a base class outside the project (``AbstractUser``'s ``username``) are not
        expected. A list labelled as a selection (``**Key Fields:**``) is not checked.

    Why is this bad?
        A field list that looks complete but is not is worse than none: readers stop
        looking for the field that was added last month.

    Example:
        ```markdown
        **Fields:**
        - `number` (CharField): Invoice number
        ```
        while the model also has `due_date`.

    Use instead:
        ```markdown
        **Fields:**
        - `number` (CharField): Invoice number
        - `due_date` (DateField): When payment is due
        ```

    Fix safety:
        No fix: the description has to be written by someone who knows the field.
    """

    code = "FD305"
    name = "UndocumentedField"
    summary = "model field not documented in the Fields list"
    severity = Severity.WARNING
    needs_facts = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        resolved = resolved_models(page, ctx)
        documented: dict[str, set[str]] = {}
        for claim, model in resolved.found:
            names = documented.setdefault(model.label, set())
            names.update(documented_names(claim, model))
        reported: set[str] = set()
        for claim, model in resolved.found:
            label = model.label
            if claim.field_list is None or claim.partial_fields or label in reported:
                continue
            reported.add(label)
            for name, field in _expected_fields(model):
                if name not in documented[label]:
                    yield self.finding(
                        page,
                        claim.field_list,
                        f"field `{field.name}`{_where(field.location)} of {model.label} "
                        "is not in the Fields list",
                        hint=f"a {field.field_class}; add it to the list, or label the "
                        "list as a selection (`**Key Fields:**`)",
                    )


@reads.by_identity(limit=8192)
def _expected_fields(model: ModelFact) -> tuple[tuple[str, FieldFact], ...]:
    """The fields a field list of ``model`` must name, by name: built once per model."""
    return tuple((field.name, field) for field in model.fields if expected(field))


def expected(field: FieldFact) -> bool:
    """Whether a page's field list must name this field: one the model declares itself (not
    a reverse, automatic or inherited one) in the project's own files."""
    if field.reverse or field.auto_created or field.inherited_from is not None:
        return False
    if field.field_class == "GenericForeignKey":
        return False  # not a column: its content_type and object_id fields are
    return _in_project(field.location)


def _in_project(location: SourceLocation | None) -> bool:
    """Fields declared in the project's own files; not Django's or a package's bases."""
    if location is None:
        return False
    parts = location.path.split("/")
    return not any(p in {"site-packages", "dist-packages"} or p.startswith(".") for p in parts)


def _where(location: SourceLocation | None) -> str:
    return f" ({location})" if location else ""
