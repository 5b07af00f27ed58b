from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import Finding, Page, Severity, Span
from featuredocs.model.examples import ExampleKind
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.registry import register

_HINTS = {
    ExampleKind.PYTHON: "run it in `manage.py shell` and correct the example or the code it calls",
    ExampleKind.COMMAND: "run the command as written and correct its arguments on the page",
    ExampleKind.HTTP: "send the request as written; the endpoint fails on it",
}


@register
class ExampleFailed(Rule):
    """An example on the page fails when it is run (only with ``check --execute``).

    What it does:
        With ``--execute``, runs the page's examples in the project, against test
        databases created the way Django's test runner creates them, each page inside a
        transaction that is rolled back at its end: the Python blocks in order, sharing
        their names as one shell session would; the project's own ``manage.py`` commands
        with the arguments written; and each ``http`` block's request, sent to the
        project's URLconf with Django's test client. Reports an example that raises, a
        command that fails, a request answered with a server error (5xx) or with 400 for
        a required field its body leaves out, and a successful answer that differs from
        the one the page shows next: in its status, or in the names and JSON types of its
        body.

        Rows come from the fixtures ``--fixture`` (or ``execute-fixtures``) names, and
        requests are sent as the user ``--login`` (or ``execute-login``) names. Not
        reported, since the page cannot be blamed, but counted in the run's summary: a
        name the example never defines (a fragment of a longer session), a row the test
        database lacks, an unset environment variable, a file, the network or a service
        that is not running, an import or arguments the parser rejects (FD802's and
        FD404's), and any other 4xx answer. A failure on a line another reference rule
        reports is left to it. Excerpts of the project's files (``# settings.py``, a
        class definition) are not run, nor command lines and requests with placeholders,
        nor commands of Django or of other packages, nor a block under
        ``<!-- featuredocs: ignore FD805 -->``.

    Why is this bad?
        Readers copy examples. An example that fails when it runs tells them the code
        moved on: a renamed argument, a required field added, a view that now crashes.

    Example:
        ```python
        Order.objects.create(status="pending")  # IntegrityError: NOT NULL constraint failed: orders_order.customer_id
        ```

    Use instead:
        ```python
        Order.objects.create(customer=customer, status="pending")
        ```

    Fix safety:
        No fix: only the author knows what the example meant.
    """

    code = "FD805"
    name = "ExampleFailed"
    summary = "an example fails when it is run (check --execute)"
    severity = Severity.ERROR
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        if not ctx.executions:
            return
        for failure in ctx.executions.get(page.rel, ()):
            yield self.finding(
                page,
                _line_span(page, failure.line),
                f"example fails when run: {failure.message}",
                hint=_HINTS[failure.kind],
            )


def _line_span(page: Page, line: int) -> Span:
    """The line's text, its indentation left out."""
    text = page.line_text(line)
    stripped = text.lstrip()
    return Span.at(line, len(text) - len(stripped) + 1, len(stripped.rstrip()))
