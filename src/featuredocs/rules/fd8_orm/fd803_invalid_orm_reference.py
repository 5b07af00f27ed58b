from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import Finding, Page, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd8_orm.references import orm_report
from featuredocs.rules.registry import register


@register
class InvalidOrmReference(Rule):
    """An ORM call in an example names a field, relation or lookup the model lacks.

    What it does:
        Follows querysets through a page's Python examples (``Model.objects``, chained
        calls, related managers, variables assigned from them, ``.filter()`` after a
        custom queryset method such as ``Model.objects.unpaid()``) and checks the field
        paths they use: keyword lookups of ``filter``/``exclude``/``get``/
        ``get_or_create``/``update_or_create`` (``customer__user__email__iexact``),
        ``create``/``update`` keywords, ``order_by("-created_at")``, ``values``,
        ``only``/``defer``, ``select_related`` (single-valued relations only),
        ``prefetch_related`` (any relation), and ``F()``, ``Q()``, aggregates and
        ``Case(When(...))`` conditions inside them. Field names given as plain strings
        are checked too: ``latest``/``earliest``, ``dates``,
        ``bulk_update(objs, [...])``, ``bulk_create``'s ``update_fields``,
        ``in_bulk(field_name=...)``,
        ``select_for_update(of=...)``, and an instance's ``save(update_fields=[...])``
        and ``refresh_from_db(fields=[...])``. Annotated names are known after
        ``annotate``, and a misspelt one is hinted as the annotation. Models are found
        through the page's imports or their unique names; anything that cannot be
        resolved is left alone.

    Why is this bad?
        Examples are copied. A lookup on a renamed field raises ``FieldError`` the first
        time a reader runs it, and a ``select_related`` on a many-valued relation
        fails outright.

    Example:
        ```python
        Order.objects.filter(customer__emial="a@example.com").select_related("items")
        ```

    Use instead:
        ```python
        Order.objects.filter(customer__email="a@example.com").prefetch_related("items")
        ```

    Fix safety:
        No fix: the hint names the closest field, but a query is code a person should
        read before it changes.
    """

    code = "FD803"
    name = "InvalidOrmReference"
    summary = "ORM reference in an example is invalid"
    severity = Severity.ERROR
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        for problem in orm_report(page, ctx).queries:
            yield self.finding(page, problem.span, problem.message, hint=problem.hint)
