from __future__ import annotations

from collections.abc import Iterator

from featuredocs.model import Finding, ModelFact, Page, ProjectFacts, Severity, reads
from featuredocs.rules.base import CheckContext, Rule
from featuredocs.rules.fd3_models.claims import ModelClaim
from featuredocs.rules.fd3_models.resolve import Resolution, resolved_models
from featuredocs.rules.registry import register
from featuredocs.rules.suggest import closest, suggestion


@register
class ModelNotFound(Rule):
    """A model heading names a model the project does not have, or several.

    What it does:
        Resolves every model a page declares (``### Invoice`` under Data Models,
        ``### billing.Invoice``, ``## Invoice Model``) against the project's installed
        models. A bare name shared by several models is settled by the page's own
        ``from app.models import …`` lines; if that does not settle it, the ambiguity is
        reported with every candidate.

    Why is this bad?
        A model that was renamed or removed leaves its page describing nothing; readers
        search the code for a class that is not there. An ambiguous name leaves every
        field check on that section guessing which model is meant.

    Example:
        ```markdown
        ### Invoce

        **Fields:**
        - `number` (CharField): Invoice number
        ```

    Use instead:
        ```markdown
        ### Invoice
        ```
        or, for a name two apps share, ``### billing.Invoice``.

    Fix safety:
        No fix: a near name is offered as a hint, but only a person knows whether the
        model was renamed or the section describes something else.
    """

    code = "FD301"
    name = "ModelNotFound"
    summary = "documented model not found"
    severity = Severity.ERROR
    needs_facts = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        assert ctx.facts is not None
        for claim, resolution in resolved_models(page, ctx).unresolved:
            if resolution.candidates:
                yield self._ambiguous(page, claim, resolution)
            else:
                yield self._missing(page, claim, ctx.facts)

    def _missing(self, page: Page, claim: ModelClaim, facts: ProjectFacts) -> Finding:
        model = _closest_model(facts, claim.name)
        hint = None
        if model is not None:
            hint = suggestion(model.label if "." in claim.name else model.name, model.location)
        return self.finding(
            page,
            claim.span,
            f"model `{claim.name}` is documented here, but the project has no such model",
            hint=hint,
        )

    def _ambiguous(self, page: Page, claim: ModelClaim, resolution: Resolution) -> Finding:
        listed = ", ".join(_candidate(m) for m in resolution.candidates)
        return self.finding(
            page,
            claim.span,
            f"model `{claim.name}` is ambiguous: {len(resolution.candidates)} models have that name",
            hint=f"candidates: {listed}; write `app_label.{claim.name}` or import it on the page",
        )


def _candidate(model: ModelFact) -> str:
    return f"`{model.label}`" + (f" ({model.location})" if model.location else "")


def _closest(facts: ProjectFacts, name: str) -> ModelFact | None:
    """The model whose name (label, for a dotted name) is closest to ``name``."""
    by_name = {(m.label if "." in name else m.name): m for m in reversed(facts.models)}
    match = closest(name, by_name)
    return by_name[match] if match is not None else None


#: Asked, not read: a page is checked again when the answer changes, not on every new model.
_closest_model = reads.asking("fd3.closest", _closest, reading=("models",))
