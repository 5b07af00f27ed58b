from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from featuredocs.model import Finding, ModelFact, Page, ProjectFacts, Severity, reads
from featuredocs.rules.base import CheckContext, Rule, asked_index
from featuredocs.rules.fd3_models.claims import ModelClaim
from featuredocs.rules.fd3_models.model_mentions import model_mentions
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

        Models named in passing are checked too: "the `Category` model", a table's Model
        column, an app-qualified `orders.OrderItem`. Such a name may be a library's model
        (Django's `Session`) or one still to come, so a bare one is reported only when one
        of the project's own models looks misspelt as it; an app-qualified one when its
        app is the project's and has no model of that name.

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
    reference_pages = True

    def check(self, page: Page, ctx: CheckContext) -> Iterator[Finding]:
        assert ctx.facts is not None
        resolved = resolved_models(page, ctx)
        for claim, resolution in resolved.unresolved:
            if resolution.candidates:
                yield self._ambiguous(page, claim, resolution)
            else:
                yield self._missing(page, claim, ctx.facts)
        declared = frozenset(claim.span.line for claim in resolved.claims.models)
        for mention in model_mentions(page, declared):
            unknown = _unknown_mention(ctx.facts, mention.name)
            if unknown is not None:
                close = unknown.close
                hint = suggestion(close.label if "." in mention.name else close.name, close.location) if close else (
                    f"the `{mention.name.partition('.')[0]}` app has no model of that name"
                )
                yield self.finding(
                    page, mention.span, f"model `{mention.name}` is named here, but the project has no such model", hint
                )

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


@dataclass(frozen=True, slots=True)
class UnknownMention:
    close: ModelFact | None  # the project's model the name looks misspelt from


def _mentioned(facts: ProjectFacts, name: str) -> UnknownMention | None:
    """None when a model named in passing exists, or may be a library's; else what is close.
    An app-qualified name of the project's own app must name one of its models; a bare
    name is judged only when one of the project's own models looks misspelt as it."""
    if name.rpartition(".")[2].lower() in _known_names(facts) and facts.models_named(name):
        return None
    app_label, _, bare = name.rpartition(".")
    if app_label:
        if app_label not in {app.label for app in facts.own_apps()}:
            return None
        own = {m.name: m for m in facts.models if m.app_label == app_label}
        match = closest(bare, own)
        return UnknownMention(own[match] if match is not None else None)
    own_apps = {app.label for app in facts.own_apps()}
    own = {m.name: m for m in facts.models if m.app_label in own_apps}
    match = closest(name, own, cutoff=_MISSPELT)
    return UnknownMention(own[match]) if match is not None else None


#: How alike a name in passing must be to one of the project's models to be a misspelling
#: of it (``Categroy``), rather than another library's model (``Session``, ``Permission``).
_MISSPELT = 0.75


@asked_index
def _known_names(facts: ProjectFacts) -> frozenset[str]:
    """Every model's name, lower-cased: most names in passing are right, and are looked up here."""
    return frozenset(model.name.lower() for model in facts.models)


_unknown_mention = reads.asking("fd3.mentioned-model", _mentioned, reading=("models", "apps"))
