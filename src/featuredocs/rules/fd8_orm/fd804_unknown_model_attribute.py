from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import Finding, Page, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd8_orm.prose import prose_attributes
from featuredocs.rules.fd8_orm.references import orm_report
from featuredocs.rules.registry import register


@register
class UnknownModelAttribute(Rule):
    """An example uses an attribute or method the model does not have.

    What it does:
        Checks ``Model.attr`` and ``instance.attr`` in a page's Python examples, where
        the instance is known to be a model instance (``x = Model.objects.get(...)``,
        ``create``, ``first``, ``get_or_create``, ``for x in Model.objects.filter(...)``,
        a loop over a custom queryset method such as ``Model.objects.unpaid()``,
        ``x = Model(...)``, ``def f(x: Model)``, ``self`` in a model's method, a
        related object such as ``order.customer``). A name has the type of the binding
        in force where it is used, so a name reused for something else further down
        the page is still checked where it holds an instance. The attribute must be a
        field, a column name (``customer_id``), a reverse accessor, a method, property,
        manager or class attribute of the model, an annotation of the queryset it came
        from, or
        Django's model API (``save``, ``delete``, ``refresh_from_db``, ``pk``,
        ``get_FOO_display`` for fields with choices, ``get_next_by_FOO`` …). Names that
        cannot be resolved, and private names, are left alone.

        A method called on a manager or queryset (``Order.objects.unpaid_older_then(48)``)
        must be Django's or one the model's managers and their querysets define. A name
        close to a known one is always reported; any other only where the facts know
        every method the managers add: the project's own managers and querysets (and,
        in live mode, a package's), none answering names it does not define
        (``__getattr__``). Static mode does not read a package's manager, which may
        define more. So is a member of a choices class the model nests
        (``Order.Status.PAYED`` for ``Order.Status.PAID``).

        Prose names attributes too (``Order.paid_at``, ``Order.expire()`` or
        ``orders.models.Order.expire`` in inline code). A sentence may speak of an attribute
        still to be written, so there a name is reported only when the model has a close
        one: a misspelt or renamed attribute.

    Why is this bad?
        A method that was renamed or never written makes the example fail with
        ``AttributeError``; assigning to a field that no longer exists silently does
        nothing when the instance is saved.

    Example:
        ```python
        invoice = Invoice.objects.get(number="2024-001")
        invoice.mark_as_paid()
        ```

    Use instead:
        ```python
        invoice = Invoice.objects.get(number="2024-001")
        invoice.mark_paid()
        ```

    Fix safety:
        No fix: renaming a call may change what the example does.
    """

    code = "FD804"
    name = "UnknownModelAttribute"
    summary = "attribute or method not on the model"
    severity = Severity.ERROR
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        for problem in (*orm_report(page, ctx).attributes, *prose_attributes(page, ctx)):
            yield self.finding(page, problem.span, problem.message, hint=problem.hint)
