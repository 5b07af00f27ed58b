from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import Finding, Page, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd8_code.claims import claims_for
from featuredocs.rules.registry import register


@register
class PythonSyntaxError(Rule):
    """A python code block on the page is not valid Python.

    What it does:
        Parses every ``python`` (``py``, ``pycon``, ``ipython``) block the way Python
        would, after removing the prompts of an interactive session (``>>> ``/``... ``,
        IPython's ``In [1]: ``/``...: ``) and the indentation common to all lines, and
        reports the first syntax error where Python puts it. IPython's own lines
        (magics such as ``%timeit``, shell escapes such as ``!ls``, ``name?`` help) are
        not Python errors. Blocks that are template filler (``[ModelName]``,
        ``<your value>``, a lone ``...``) are left alone.

    Why is this bad?
        Readers copy examples. One that does not parse was never run, and usually hides
        a rename or a half-finished edit.

    Example:
        ```python
        orders = Order.objects.filter(status="pending"
        ```

    Use instead:
        ```python
        orders = Order.objects.filter(status="pending")
        ```

    Fix safety:
        No fix: only the author knows what the example meant.
    """

    code = "FD801"
    name = "PythonSyntaxError"
    summary = "Python syntax error in an example"
    severity = Severity.ERROR
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        for error in claims_for(page, ctx).syntax_errors:
            yield self.finding(
                page,
                error.span,
                f"python example does not parse: {error.message}",
                hint="fix the example so that it runs as shown",
            )
