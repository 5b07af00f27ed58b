from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import Finding, Page, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd8_code.claims import ImportClaim, claims_for
from featuredocs.rules.fd8_code.resolve import ProjectCode, project_code
from featuredocs.rules.registry import register


@register
class UnresolvedImport(Rule):
    """A python example imports something from the project that does not exist.

    What it does:
        Checks ``from X import Y`` and ``import X`` lines of python blocks whose ``X``
        belongs to the project (its first segment is one of the project's packages):
        ``X`` must be a module of the project, and ``Y`` one of its names or submodules
        (names a package's ``__init__`` re-exports count, and any name of a module
        that defines ``__getattr__``). Imports of Django and other libraries are not
        checked, nor are imports the example guards with ``try: … except ImportError:``
        (an optional module); the fallback under ``except`` is.

    Why is this bad?
        The example fails on its first line, and the reader learns nothing about where
        the thing moved.

    Example:
        ```python
        from orders.services import expire_order
        ```
        after ``expire_order`` moved to ``orders.expiry``.

    Use instead:
        ```python
        from orders.expiry import expire_order
        ```

    Fix safety:
        No fix: a close name is shown as a hint.
    """

    code = "FD802"
    name = "UnresolvedImport"
    summary = "import does not resolve"
    severity = Severity.ERROR
    needs_facts = True
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        assert ctx.facts is not None
        code = project_code(ctx.facts)
        if not code.modules:
            return  # nothing is known of the project's code: nothing can be judged
        for claim in claims_for(page, ctx).imports:
            if code.owns(claim.module) and not claim.guarded:
                finding = self._check(page, claim, code)
                if finding is not None:
                    yield finding

    def _check(self, page: Page, claim: ImportClaim, code: ProjectCode) -> Finding | None:
        missing = code.first_missing(claim.module)
        if missing is not None:
            return self.finding(
                page,
                claim.module_span,
                f"module `{missing}` does not exist in the project",
                hint=_hint(code.suggestion(missing)),
            )
        if claim.name is None or claim.module not in code.modules:
            return None  # `import X`, or importing from a class: nothing more to check
        if claim.module not in code.parents:
            return None  # no names recorded for the module (empty, or unreadable)
        target = f"{claim.module}.{claim.name}"
        if code.exists(target) or target in code.parents or code.answers_any_name(claim.module):
            return None
        return self.finding(
            page,
            claim.span,
            f"cannot import `{claim.name}` from `{claim.module}`: no such name",
            hint=_hint(code.suggestion(target)),
        )


def _hint(suggestion: str | None) -> str | None:
    return f"did you mean `{suggestion}`?" if suggestion else None
