from __future__ import annotations

import re
from collections.abc import Iterator

from featuredocs.model import Finding, Page, Severity
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd8_code.claims import DottedPathClaim, claims_for
from featuredocs.rules.fd8_code.file_paths import file_claims
from featuredocs.rules.fd8_code.resolve import CONVENTIONAL_MODULES, ProjectCode, project_code
from featuredocs.rules.registry import register
from featuredocs.rules.suggest import closest


_HISTORY_PAGE = re.compile(
    r"^(?:change-?log|changes|history|news|releases?|release-notes|upgrad\w*|migrating\w*)(?:\.|[-_]|$)",
    re.IGNORECASE,
)


@register
class UnresolvedDottedPath(Rule):
    """A dotted path into the project's own code names nothing.

    What it does:
        Finds dotted paths a reader would copy: inline code that is only a path
        (`` `billing.tasks.send_reminders` ``) and string literals of python blocks
        (``MIDDLEWARE`` entries, ``"task": "billing.tasks.send_reminders"``). Paths of
        three segments or more whose first segment is one of the project's packages must
        name a module or a name defined in it (any name, when the module defines
        ``__getattr__``). Paths into Django or other libraries are
        not checked, nor are attribute chains that merely start like a package
        (``order.customer.email`` when ``customer`` is a model field), model labels
        (``orders.Order.status``), logger names and dict keys. A path through a module
        the package does not have is reported only when it reads as code: the module
        has a conventional name (``tasks``, ``middleware``) or is close to a real one,
        the path ends in a class, or its name is defined in another module of the
        package; a metric or event name spelt like a path (``orders.expired.count``)
        is not. A Python file of a project package named in inline code
        (`` `orders/services.py` ``, `` `orders/models/order.py:42` ``) must be there too,
        when a file of that package is close to it (a page may name a file still to be
        written). Changelogs, release notes and upgrade guides name old paths on purpose
        and are skipped.

    Why is this bad?
        Dotted paths end up in settings, task schedules and ``import_string`` calls,
        where a stale one fails only at run time, often far from the page.

    Example:
        ```python
        MIDDLEWARE = ["orders.middleware.ExpiryMiddleware"]
        ```
        after the class moved to ``orders.expiry.ExpiryMiddleware``.

    Use instead:
        ```python
        MIDDLEWARE = ["orders.expiry.ExpiryMiddleware"]
        ```

    Fix safety:
        No fix: a close name is shown as a hint.
    """

    code = "FD806"
    name = "UnresolvedDottedPath"
    summary = "dotted path into the project does not resolve"
    severity = Severity.ERROR
    needs_facts = True
    all_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        assert ctx.facts is not None
        code = project_code(ctx.facts)
        if not code.modules or not code.symbols:
            return  # without the project's names every path would look broken
        if _HISTORY_PAGE.search(page.rel.rsplit("/", 1)[-1]):
            return  # a changelog names the paths code used to have, on purpose
        yield from self._files(page, code)
        for claim in claims_for(page, ctx).dotted_paths:
            missing = _missing(claim, code)
            if missing is None:
                continue
            parent, _, leaf = missing.rpartition(".")
            suggestion = _moved_to(claim.path, missing, code) or code.suggestion(missing)
            yield self.finding(
                page,
                claim.span,
                f"`{claim.path}` does not resolve: `{parent}` has no `{leaf}`",
                hint=f"did you mean `{suggestion}`?" if suggestion else None,
            )


    def _files(self, page: Page, code: ProjectCode) -> Iterator[Finding]:
        """A project file named in inline code that is not there, when one of its
        package's files is close (a page may also name a file still to be written)."""
        for claim in file_claims(page):
            if not code.owns(claim.module) or code.exists(claim.module):
                continue
            missing = code.first_missing(claim.module)
            parent, _, leaf = (missing or "").rpartition(".")
            near = closest(leaf, code.children.get(parent, ()), cutoff=_FILE_CLOSE) if parent else None
            if missing is None or near is None:
                continue
            fixed = f"{parent}.{near}{claim.module[len(missing):]}"
            if not code.exists(fixed):
                continue
            yield self.finding(
                page,
                claim.span,
                f"`{claim.path}` is not a file of the project",
                hint=f"did you mean `{fixed.replace('.', '/')}.py`?",
            )


#: How alike a file's name must be to a real one to be a misspelling or a rename of it,
#: rather than a file the page means to add (``services.py`` is no ``serializers.py``).
_FILE_CLOSE = 0.8


def _missing(claim: DottedPathClaim, code: ProjectCode) -> str | None:
    """The first segment that does not exist, when the path is surely a path."""
    if not code.owns(claim.path):
        return None
    missing = code.first_missing(claim.path)
    if missing is None or "." not in missing:
        return None
    parent, _, leaf = missing.rpartition(".")
    if code.answers_any_name(parent):
        return None
    if "." in parent:
        return missing  # `pkg.module.x`: the path went through a real module
    if leaf in code.attributes and leaf not in CONVENTIONAL_MODULES:
        return None  # `order.customer.email`: an attribute chain on an instance named like the app
    if missing in code.model_labels:
        return None  # `orders.Order.status`: a model label and a field, FD3's business
    if leaf not in CONVENTIONAL_MODULES and not _looks_like_code(claim.path, missing, code):
        return None  # `orders.expired.count`: a metric or event name spelt like a path
    return missing


def _looks_like_code(path: str, missing: str, code: ProjectCode) -> bool:
    """A path whose module is unknown still reads as code when it ends in a class
    (``orders.expiry.ExpiryMiddleware``), its module is close to a real one
    (``orders.modles.Order``), or its name is defined in another module of the package."""
    if path.rpartition(".")[2][:1].isupper() or _moved_to(path, missing, code) is not None:
        return True
    near = code.suggestion(missing)
    return near is not None and near in code.modules


def _moved_to(path: str, missing: str, code: ProjectCode) -> str | None:
    """``pkg.old.name`` → ``pkg.new.name`` when exactly one module of ``pkg`` has ``name``."""
    package = missing.partition(".")[0]
    rest = path[len(missing) + 1 :]
    if not rest:
        return None
    found = [
        symbol for symbol in code.symbols
        if symbol.startswith(f"{package}.") and symbol.endswith(f".{rest}")
        and symbol.count(".") == path.count(".")
    ]
    return found[0] if len(found) == 1 else None
